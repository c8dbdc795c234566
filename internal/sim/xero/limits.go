package xerosim

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// limits enforces Xero's rate limits: per organisation per rolling minute
// and day, concurrent calls per organisation, and calls per minute per app
// across organisations.
type limits struct {
	opts Options
	now  func() time.Time

	mu      sync.Mutex
	minute  map[string][]time.Time // tenant → hits in the last (scaled) minute
	day     map[string][]time.Time
	app     map[string][]time.Time // client id → hits
	running map[string]int
}

func newLimits(o Options) *limits {
	return &limits{opts: o, now: o.Now, minute: map[string][]time.Time{}, day: map[string][]time.Time{}, app: map[string][]time.Time{}, running: map[string]int{}}
}

func (l *limits) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / l.opts.TimeScale)
}

// prune drops hits older than window and returns the rest.
func prune(hits []time.Time, now time.Time, window time.Duration) []time.Time {
	i := 0
	for i < len(hits) && now.Sub(hits[i]) >= window {
		i++
	}
	return hits[i:]
}

// admission is the outcome of one API call's limit check.
type admission struct {
	problem                   string // "" = admitted; minute, day, appminute, concurrent
	retryAfter                time.Duration
	minLeft, dayLeft, appLeft int
}

// admit counts a call against tenant and client, or says which limit it hit.
// An admitted call must be followed by release(tenant).
func (l *limits) admit(tenant, client string) admission {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	minW, dayW := l.scaled(time.Minute), l.scaled(24*time.Hour)
	l.minute[tenant] = prune(l.minute[tenant], now, minW)
	l.day[tenant] = prune(l.day[tenant], now, dayW)
	l.app[client] = prune(l.app[client], now, minW)
	a := admission{
		minLeft: l.opts.MinuteLimit - len(l.minute[tenant]),
		dayLeft: l.opts.DayLimit - len(l.day[tenant]),
		appLeft: l.opts.AppMinuteLimit - len(l.app[client]),
	}
	wait := func(hits []time.Time, window time.Duration) time.Duration { return window - now.Sub(hits[0]) }
	switch {
	case a.dayLeft <= 0:
		a.problem, a.retryAfter = "day", wait(l.day[tenant], dayW)
	case a.appLeft <= 0:
		a.problem, a.retryAfter = "appminute", wait(l.app[client], minW)
	case a.minLeft <= 0:
		a.problem, a.retryAfter = "minute", wait(l.minute[tenant], minW)
	case l.running[tenant] >= l.opts.Concurrent:
		a.problem, a.retryAfter = "concurrent", time.Second
	}
	if a.problem != "" {
		return a
	}
	l.minute[tenant] = append(l.minute[tenant], now)
	l.day[tenant] = append(l.day[tenant], now)
	l.app[client] = append(l.app[client], now)
	l.running[tenant]++
	a.minLeft--
	a.dayLeft--
	a.appLeft--
	return a
}

func (l *limits) release(tenant string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running[tenant]--; l.running[tenant] <= 0 {
		delete(l.running, tenant)
	}
}

// headers writes the remaining-calls headers Xero puts on every API answer.
func (a admission) headers(h http.Header) {
	h.Set("X-MinLimit-Remaining", strconv.Itoa(max(0, a.minLeft)))
	h.Set("X-DayLimit-Remaining", strconv.Itoa(max(0, a.dayLeft)))
	h.Set("X-AppMinLimit-Remaining", strconv.Itoa(max(0, a.appLeft)))
	if a.problem != "" {
		h.Set("X-Rate-Limit-Problem", a.problem)
		h.Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(a.retryAfter.Seconds())))))
	}
}
