package autotasksim

import (
	"math/rand/v2"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// limits enforces Autotask's request threshold (per database, rolling hour),
// its thread limit (per integration code per entity endpoint) and the
// injected faults.
type limits struct {
	timeScale float64
	threshold int
	threads   int
	now       func() time.Time

	mu      sync.Mutex
	hits    []time.Time // request times inside the window, oldest first
	running map[string]int
	faults  Faults
	burst   int
	rng     *rand.Rand
}

func newLimits(o Options) *limits {
	l := &limits{timeScale: o.TimeScale, threshold: o.HourlyThreshold, threads: o.ThreadsPerEndpoint, now: o.Now, running: map[string]int{}}
	l.setFaults(o.Faults)
	return l
}

func (l *limits) setFaults(f Faults) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.faults, l.burst, l.rng = f, f.Status429Burst, simhttp.NewRand(f.Seed)
}

// scaled converts an Autotask duration to simulator time.
func (l *limits) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / l.timeScale)
}

func (l *limits) pruneLocked(now time.Time) {
	cut := now.Add(-l.scaled(time.Hour))
	i := 0
	for i < len(l.hits) && !l.hits[i].After(cut) {
		i++
	}
	l.hits = l.hits[i:]
}

// count is currentTimeframeRequestCount.
func (l *limits) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pruneLocked(l.now())
	return len(l.hits)
}

// hit records a request. It reports whether the threshold is exceeded and
// the latency Autotask adds at this usage level.
func (l *limits) hit() (over bool, delay time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.pruneLocked(now)
	if len(l.hits) >= l.threshold {
		return true, 0
	}
	l.hits = append(l.hits, now)
	used := float64(len(l.hits)) / float64(l.threshold)
	switch {
	case used >= 0.75:
		delay = l.scaled(time.Second)
	case used >= 0.5:
		delay = l.scaled(500 * time.Millisecond)
	}
	return false, delay
}

// acquire takes a thread slot; release must follow when ok.
func (l *limits) acquire(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running[key] >= l.threads {
		return false
	}
	l.running[key]++
	return true
}

func (l *limits) release(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.running[key]--
	if l.running[key] <= 0 {
		delete(l.running, key)
	}
}

// nextFault draws the fault for one request. Autotask's order (a reset,
// then the 429 burst, then an error) differs from the other simulators'
// simhttp.FaultInjector, and the seeded sequences depend on it.
func (l *limits) nextFault() simhttp.Fault {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := simhttp.Fault{Latency: l.faults.Latency}
	switch {
	case l.faults.ResetRate > 0 && l.rng.Float64() < l.faults.ResetRate:
		f.Reset = true
	case l.burst > 0:
		l.burst--
		f.Status = 429
	case l.faults.ErrorRate > 0 && l.rng.Float64() < l.faults.ErrorRate:
		f.Status = l.faults.Status5xx
		if f.Status == 0 {
			f.Status = 500
		}
	}
	return f
}
