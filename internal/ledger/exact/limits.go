package exact

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Exact's published limits per app per division.
const (
	DefaultDayLimit = 5000 // calls a day; the daily count resets at midnight UTC
	MinuteLimit     = 60   // calls a minute
)

// DefaultResetMargin is added to a minutely reset before calling again, so
// a clock a little ahead of Exact's does not send the first call of the next
// minute while Exact still counts the last one.
const DefaultResetMargin = time.Second

// Limits is what Exact last said about its limits, from the X-RateLimit-*
// headers. Counts are -1 until Exact has reported them; resets are the
// moments (sent as epoch milliseconds) the counts start again.
type Limits struct {
	DayLimit        int
	DayRemaining    int
	DayReset        time.Time
	MinuteLimit     int
	MinuteRemaining int
	MinuteReset     time.Time
	Updated         time.Time // when the last header was read; zero if never
}

// pacer is the client's own running count of the calls it may still make,
// so concurrent calls do not all spend the last call of a minute.
type pacer struct {
	known     bool      // a minutely header has been seen
	limit     int       // calls a minute
	remaining int       // calls left this minute, less those in flight
	reset     time.Time // zero after a rollover until Exact reports the next
	inflight  int
}

func unknownLimits() Limits {
	return Limits{DayLimit: -1, DayRemaining: -1, MinuteLimit: -1, MinuteRemaining: -1}
}

// Limits returns the latest limits Exact reported.
func (c *Client) Limits() Limits {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.limits.Updated.IsZero() {
		return unknownLimits()
	}
	return c.limits
}

// observe records the limit headers of a response.
func (c *Client) observe(h http.Header) {
	dayLimit, okDL := headerInt(h, "X-RateLimit-Limit")
	day, okD := headerInt(h, "X-RateLimit-Remaining")
	dayReset, okDR := headerMillis(h, "X-RateLimit-Reset")
	minLimit, okML := headerInt(h, "X-RateLimit-Minutely-Limit")
	minute, okM := headerInt(h, "X-RateLimit-Minutely-Remaining")
	minReset, okMR := headerMillis(h, "X-RateLimit-Minutely-Reset")
	if !okDL && !okD && !okML && !okM {
		return
	}
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	l := &c.limits
	if l.Updated.IsZero() {
		*l = unknownLimits()
	}
	if okDL {
		l.DayLimit = dayLimit
	}
	if okD {
		// Answers can overtake each other; within one day the lowest count wins.
		if l.DayRemaining < 0 || !okDR || !dayReset.Equal(l.DayReset) || day < l.DayRemaining {
			l.DayRemaining = day
		}
	}
	if okDR {
		l.DayReset = dayReset
	}
	if okML {
		l.MinuteLimit = minLimit
	}
	if okM {
		l.MinuteRemaining = minute
	}
	if okMR {
		l.MinuteReset = minReset
	}
	l.Updated = now

	if !okM {
		return
	}
	p := &c.pace
	others := p.inflight - 1 // sent but not yet answered, besides this one
	if others < 0 {
		others = 0
	}
	left := minute - others
	switch {
	case !p.known, p.reset.IsZero(), okMR && minReset.After(p.reset):
		p.remaining = left // a new minute
	case okMR && minReset.Before(p.reset):
		// A late answer from the previous minute says nothing about this one.
	default:
		p.remaining = min(p.remaining, left)
	}
	p.known = true
	if okML {
		p.limit = minLimit
	}
	if okMR && (p.reset.IsZero() || !minReset.Before(p.reset)) {
		p.reset = minReset
	}
}

// waitTurn blocks until a call may be sent without passing the minute limit,
// and takes that call from the allowance. It fails at once when today's calls
// are used up: waiting for midnight is for the user to decide.
func (c *Client) waitTurn(ctx context.Context) error {
	for {
		c.mu.Lock()
		now := c.now()
		l, p := c.limits, &c.pace
		if !l.Updated.IsZero() && l.DayRemaining >= 0 && l.DayRemaining-p.inflight <= 0 && now.Before(l.DayReset) {
			c.mu.Unlock()
			return c.dayExhausted(l)
		}
		if p.known && !p.reset.IsZero() && !now.Before(p.reset.Add(c.margin)) {
			// The minute has rolled over; Exact counts afresh.
			limit := p.limit
			if limit <= 0 {
				limit = MinuteLimit
			}
			p.remaining, p.reset = limit-p.inflight, time.Time{}
		}
		if !p.known || p.remaining > 0 {
			p.remaining--
			p.inflight++
			c.mu.Unlock()
			return nil
		}
		wait := 50 * time.Millisecond // calls in flight will report the new minute
		if !p.reset.IsZero() {
			wait = p.reset.Add(c.margin).Sub(now)
		}
		c.mu.Unlock()
		if err := c.sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// done ends a call taken by waitTurn.
func (c *Client) done() {
	c.mu.Lock()
	c.pace.inflight--
	c.mu.Unlock()
}

func (c *Client) dayExhausted(l Limits) error {
	return apperr.New(apperr.RateLimited,
		fmt.Sprintf("Billbridge has used all of today's Exact Online API calls for %s", c.divisionName),
		fmt.Sprintf("Exact allows calls again at %s; sync the rest then.", l.DayReset.Local().Format("2006-01-02 15:04")))
}

// CheckDayBudget returns an apperr RateLimited when a run needing calls API
// calls would not fit in what is left of today's allowance, so the user hears
// it before the run starts rather than half way through.
func (c *Client) CheckDayBudget(calls int) error {
	l := c.Limits()
	remaining, limit := l.DayRemaining, l.DayLimit
	if limit < 0 {
		limit = c.dayLimit
	}
	if remaining < 0 || (!l.DayReset.IsZero() && !c.now().Before(l.DayReset)) {
		remaining = limit
	}
	if calls <= remaining {
		return nil
	}
	fix := fmt.Sprintf("Exact allows %d calls a day per division; sync fewer invoices now and the rest after the daily reset", limit)
	if !l.DayReset.IsZero() {
		fix += " at " + l.DayReset.Local().Format("2006-01-02 15:04")
	}
	return apperr.New(apperr.RateLimited,
		fmt.Sprintf("This run needs about %d Exact Online API calls but only %d of today's calls remain for %s", calls, remaining, c.divisionName),
		fix+".")
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

// headerMillis reads a reset header: epoch milliseconds, as Exact sends them.
func headerMillis(h http.Header, name string) (time.Time, bool) {
	v := h.Get(name)
	if v == "" {
		return time.Time{}, false
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil || ms <= 0 {
		return time.Time{}, false
	}
	return time.UnixMilli(ms), true
}
