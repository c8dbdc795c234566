package simhttp

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Faults are the fault knobs every simulator offers; each simulator's own
// exported Faults type has the same fields and converts to this one.
type Faults struct {
	Status429Burst int           // the next N rate-limited requests answer 429
	ErrorRate      float64       // share of requests answered with Status5xx before any work
	Status5xx      int           // default 500
	ResetRate      float64       // share of requests whose connection is dropped after the work
	Latency        time.Duration // added to every request (not time-scaled)
	Seed           int64         // seeds the random choices, for repeatable tests
}

// Fault is the injected failure drawn for one request.
type Fault struct {
	Reset   bool          // drop the connection instead of answering
	Status  int           // answer this status without doing the work; 0 = none
	Latency time.Duration // wait this long first
}

// FaultInjector draws the faults of the Xero, QuickBooks and Exact
// simulators. (Autotask draws its faults in another order and keeps its own
// draw, so that its seeded sequences stay as they were.)
type FaultInjector struct {
	mu     sync.Mutex
	faults Faults
	burst  int
	rng    *rand.Rand
}

// NewFaultInjector returns an injector with the knobs f.
func NewFaultInjector(f Faults) *FaultInjector {
	fi := &FaultInjector{}
	fi.Set(f)
	return fi
}

// Set replaces the knobs and restarts the burst and the random sequence.
func (fi *FaultInjector) Set(f Faults) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.faults, fi.burst, fi.rng = f, f.Status429Burst, NewRand(f.Seed)
}

// Next draws the fault for one request. A browser request (a consent page)
// is never failed, only delayed; a 429 burst only hits limited requests (the
// API calls a vendor rate-limits). The order of the draws is part of the
// seeded sequence: the burst first, then an error, then a reset.
func (fi *FaultInjector) Next(browser, limited bool) Fault {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := Fault{Latency: fi.faults.Latency}
	if browser {
		return f
	}
	switch {
	case limited && fi.burst > 0:
		fi.burst--
		f.Status = http.StatusTooManyRequests
	case fi.faults.ErrorRate > 0 && fi.rng.Float64() < fi.faults.ErrorRate:
		f.Status = fi.faults.Status5xx
		if f.Status == 0 {
			f.Status = http.StatusInternalServerError
		}
	case fi.faults.ResetRate > 0 && fi.rng.Float64() < fi.faults.ResetRate:
		f.Reset = true
	}
	return f
}

// NewRand returns the simulators' seeded random source: the same seed gives
// the same faults on every run.
func NewRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
}
