package qbosim

import (
	"strconv"
	"sync"
	"time"
)

// limits enforces Intuit's throttles per realm: requests per rolling
// minute, requests in flight, and batch requests per rolling minute (which
// also count as requests).
type limits struct {
	opts Options
	now  func() time.Time

	mu      sync.Mutex
	minute  map[string][]time.Time // realm → hits in the last (scaled) minute
	batch   map[string][]time.Time
	running map[string]int
}

func newLimits(o Options) *limits {
	return &limits{opts: o, now: o.Now, minute: map[string][]time.Time{}, batch: map[string][]time.Time{}, running: map[string]int{}}
}

func prune(hits []time.Time, now time.Time, window time.Duration) []time.Time {
	i := 0
	for i < len(hits) && now.Sub(hits[i]) >= window {
		i++
	}
	return hits[i:]
}

// admit counts a request against realm, or says which limit it hit ("" =
// admitted). An admitted request must be followed by release(realm).
func (l *limits) admit(realm string, isBatch bool) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	win := time.Duration(float64(time.Minute) / l.opts.TimeScale)
	l.minute[realm] = prune(l.minute[realm], now, win)
	l.batch[realm] = prune(l.batch[realm], now, win)
	switch {
	case len(l.minute[realm]) >= l.opts.PerMinute:
		return "The request limit of " + strconv.Itoa(l.opts.PerMinute) + " requests per minute for this company was reached."
	case isBatch && len(l.batch[realm]) >= l.opts.BatchPerMinute:
		return "The limit of " + strconv.Itoa(l.opts.BatchPerMinute) + " batch requests per minute for this company was reached."
	case l.running[realm] >= l.opts.Concurrent:
		return "The limit of " + strconv.Itoa(l.opts.Concurrent) + " concurrent requests for this company was reached."
	}
	l.minute[realm] = append(l.minute[realm], now)
	if isBatch {
		l.batch[realm] = append(l.batch[realm], now)
	}
	l.running[realm]++
	return ""
}

func (l *limits) release(realm string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running[realm]--; l.running[realm] <= 0 {
		delete(l.running, realm)
	}
}
