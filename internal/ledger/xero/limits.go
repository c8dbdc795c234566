package xero

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Xero's published per-organisation limits.
const (
	DefaultDayLimit = 5000 // calls per day on paid developer tiers
	StarterDayLimit = 1000 // calls per day on the free Starter tier (since March 2026)
	MinuteLimit     = 60   // calls per minute
	ConcurrentLimit = 5    // calls in flight at once
)

// Limits is what Xero last said about the calls left, from the
// X-MinLimit-Remaining, X-DayLimit-Remaining and X-AppMinLimit-Remaining
// headers. A field is -1 until Xero has reported it.
type Limits struct {
	MinuteRemaining    int
	DayRemaining       int
	AppMinuteRemaining int
	Updated            time.Time // when the last header was read; zero if never
}

// Limits returns the latest remaining-call counts.
func (c *Client) Limits() Limits {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.limits.Updated.IsZero() {
		return Limits{MinuteRemaining: -1, DayRemaining: -1, AppMinuteRemaining: -1}
	}
	return c.limits
}

// observe records the limit headers of a response. Answers can arrive out of
// order under concurrency; the lowest day count seen wins within a minute so a
// late answer does not make the budget look larger than it is.
func (c *Client) observe(h http.Header) {
	minute, okM := headerInt(h, "X-MinLimit-Remaining")
	day, okD := headerInt(h, "X-DayLimit-Remaining")
	app, okA := headerInt(h, "X-AppMinLimit-Remaining")
	if !okM && !okD && !okA {
		return
	}
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	l := &c.limits
	if l.Updated.IsZero() {
		*l = Limits{MinuteRemaining: -1, DayRemaining: -1, AppMinuteRemaining: -1}
	}
	recent := !l.Updated.IsZero() && now.Sub(l.Updated) < time.Minute
	if okM {
		l.MinuteRemaining = minute
	}
	if okD && (!recent || l.DayRemaining < 0 || day < l.DayRemaining) {
		l.DayRemaining = day
	}
	if okA {
		l.AppMinuteRemaining = app
	}
	l.Updated = now
}

func headerInt(h http.Header, name string) (int, bool) {
	v := h.Get(name)
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, false
	}
	return n, true
}

// CheckDayBudget returns an apperr RateLimited when a run needing calls API
// calls would run out of today's allowance, so the user hears it before the
// run starts rather than half way through. Before Xero has reported the
// remaining calls it checks against the whole daily allowance.
func (c *Client) CheckDayBudget(calls int) error {
	l := c.Limits()
	remaining := l.DayRemaining
	if remaining < 0 {
		remaining = c.dayLimit
	}
	if calls <= remaining {
		return nil
	}
	return apperr.New(apperr.RateLimited,
		fmt.Sprintf("This run needs about %d Xero API calls but only %d of today's calls remain for %s", calls, remaining, c.tenantName),
		fmt.Sprintf("Xero allows %d calls a day per organisation and frees them over a rolling 24 hours; sync fewer invoices now and the rest later.", c.dayLimit))
}
