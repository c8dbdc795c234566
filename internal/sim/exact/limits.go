package exactsim

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// limits enforces Exact's per app, per division limits in fixed windows
// (a clock minute, a UTC day: Exact resets at the next full minute and at
// midnight) and the error block.
type limits struct {
	opts Options
	now  func() time.Time

	mu     sync.Mutex
	minute map[string]*window // app|division
	day    map[string]*window
	errs   map[string]*errorCount // app|division|endpoint
}

type window struct {
	start time.Time
	n     int
}

// errorCount tracks failed calls of one endpoint and its block.
type errorCount struct {
	at           []time.Time // errors in the last (scaled) hour
	blockedUntil time.Time
	blocks       int // each further block lasts an hour longer, as Exact escalates
}

func newLimits(o Options) *limits {
	return &limits{opts: o, now: o.Now, minute: map[string]*window{}, day: map[string]*window{}, errs: map[string]*errorCount{}}
}

func (l *limits) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / l.opts.TimeScale)
}

// admission is the outcome of one division call's limit check.
type admission struct {
	limited                  bool
	minLeft, dayLeft         int
	minuteReset, dayReset    time.Time
	minuteLimit, dayLimitMax int
}

// current returns the window containing now, starting a new one when the
// old has ended. Windows are aligned to multiples of their length, so at
// time scale 1 they are clock minutes and UTC days.
func current(m map[string]*window, key string, now time.Time, length time.Duration) *window {
	start := now.Truncate(length)
	w := m[key]
	if w == nil || !w.start.Equal(start) {
		w = &window{start: start}
		m[key] = w
	}
	return w
}

// admit counts a call against app and division, or refuses it past a limit.
func (l *limits) admit(key string) admission {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	minLen, dayLen := l.scaled(time.Minute), l.scaled(24*time.Hour)
	mw, dw := current(l.minute, key, now, minLen), current(l.day, key, now, dayLen)
	a := admission{minuteReset: mw.start.Add(minLen), dayReset: dw.start.Add(dayLen),
		minuteLimit: l.opts.MinuteLimit, dayLimitMax: l.opts.DayLimit}
	if mw.n >= l.opts.MinuteLimit || dw.n >= l.opts.DayLimit {
		a.limited = true
	} else {
		mw.n++
		dw.n++
	}
	a.minLeft, a.dayLeft = max(0, l.opts.MinuteLimit-mw.n), max(0, l.opts.DayLimit-dw.n)
	return a
}

// headers writes Exact's rate-limit headers; resets are epoch milliseconds.
func (a admission) headers(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(a.dayLimitMax))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(a.dayLeft))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(a.dayReset.UnixMilli(), 10))
	h.Set("X-RateLimit-Minutely-Limit", strconv.Itoa(a.minuteLimit))
	h.Set("X-RateLimit-Minutely-Remaining", strconv.Itoa(a.minLeft))
	h.Set("X-RateLimit-Minutely-Reset", strconv.FormatInt(a.minuteReset.UnixMilli(), 10))
}

// blocked says whether an endpoint is blocked, and until when.
func (l *limits) blocked(key string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.errs[key]
	if e == nil || !l.now().Before(e.blockedUntil) {
		return time.Time{}, false
	}
	return e.blockedUntil, true
}

// countError records a failed call (400, 401, 403, 404) of an endpoint and
// starts a block when the hour holds more than the allowed number.
func (l *limits) countError(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now, hour := l.now(), l.scaled(time.Hour)
	e := l.errs[key]
	if e == nil {
		e = &errorCount{}
		l.errs[key] = e
	}
	i := 0
	for i < len(e.at) && now.Sub(e.at[i]) >= hour {
		i++
	}
	e.at = append(e.at[i:], now)
	if len(e.at) > l.opts.ErrorBlockLimit && !now.Before(e.blockedUntil) {
		e.blocks++
		e.blockedUntil = now.Add(time.Duration(e.blocks) * hour)
		e.at = nil
	}
}
