package exact_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// minuteServer is a fake Exact that counts calls in clock minutes of clk and
// answers 429 past limit, with Exact's headers.
func minuteServer(t *testing.T, clk *fakeClock, limit int) (*fake, *int) {
	var mu sync.Mutex
	var windowStart time.Time
	n, refused := 0, 0
	f := newFake(t, func(recorded) (int, http.Header, string) {
		mu.Lock()
		defer mu.Unlock()
		now := clk.Now()
		start := now.Truncate(time.Minute)
		if !start.Equal(windowStart) {
			windowStart, n = start, 0
		}
		h := http.Header{
			"X-Ratelimit-Limit":              {"5000"},
			"X-Ratelimit-Remaining":          {"4000"},
			"X-Ratelimit-Reset":              {strconv.FormatInt(start.Truncate(24*time.Hour).Add(24*time.Hour).UnixMilli(), 10)},
			"X-Ratelimit-Minutely-Limit":     {strconv.Itoa(limit)},
			"X-Ratelimit-Minutely-Reset":     {strconv.FormatInt(start.Add(time.Minute).UnixMilli(), 10)},
			"X-Ratelimit-Minutely-Remaining": {"0"},
		}
		if n >= limit {
			refused++
			return 429, h, `{"error":{"code":"","message":{"lang":"","value":"Too many requests"}}}`
		}
		n++
		h.Set("X-Ratelimit-Minutely-Remaining", strconv.Itoa(limit-n))
		return 200, h, empty
	})
	return f, &refused
}

// TestPacing: 150 calls against a 60-a-minute limit finish without a 429,
// waiting for each minutely reset instead of calling into it.
func TestPacing(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 23, 9, 0, 10, 0, time.UTC))
	f, refused := minuteServer(t, clk, 60)
	c := f.client(exact.WithClock(clk.Now), exact.WithSleep(clk.Sleep))
	for i := range 150 {
		if _, err := c.Currencies(context.Background()); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if *refused != 0 {
		t.Errorf("%d calls refused with 429", *refused)
	}
	if got := len(f.requests()); got != 150 {
		t.Errorf("%d requests, want 150", got)
	}
	// 150 calls at 60 a minute from 09:00:10 wait for the resets at 09:01 and
	// 09:02, each plus the margin.
	slept := clk.Slept()
	if len(slept) != 2 || slept[0] != 50*time.Second+exact.DefaultResetMargin || slept[1] != time.Minute {
		t.Errorf("slept %v", slept)
	}
	l := c.Limits()
	if l.MinuteLimit != 60 || l.MinuteRemaining != 30 || l.DayLimit != 5000 || l.DayRemaining != 4000 ||
		!l.MinuteReset.Equal(time.Date(2026, 11, 23, 9, 3, 0, 0, time.UTC)) {
		t.Errorf("limits %+v", l)
	}
}

// TestPacingConcurrent: eight goroutines share the minute's calls without
// overspending them.
func TestPacingConcurrent(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	f, refused := minuteServer(t, clk, 60)
	c := f.client(exact.WithClock(clk.Now), exact.WithSleep(clk.Sleep))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 25 {
				if _, err := c.Currencies(context.Background()); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if *refused != 0 {
		t.Errorf("%d calls refused with 429", *refused)
	}
}

func TestDayBudget(t *testing.T) {
	reset := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	clk := newClock(time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC))
	f := newFake(t, func(recorded) (int, http.Header, string) {
		return 200, http.Header{"X-Ratelimit-Limit": {"5000"}, "X-Ratelimit-Remaining": {"812"},
			"X-Ratelimit-Reset": {strconv.FormatInt(reset.UnixMilli(), 10)}}, empty
	})
	c := f.client(exact.WithClock(clk.Now), exact.WithDivisionName("Acme BV"))
	if l := c.Limits(); l.DayRemaining != -1 || l.MinuteRemaining != -1 {
		t.Errorf("before any call: %+v", l)
	}
	if err := c.CheckDayBudget(5001); apperr.CodeOf(err) != apperr.RateLimited {
		t.Errorf("5001 calls before Exact reported: %v", err)
	}
	if _, err := c.Currencies(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckDayBudget(812); err != nil {
		t.Errorf("812 of 812: %v", err)
	}
	err := c.CheckDayBudget(813)
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Message, "813") || !strings.Contains(ae.Message, "only 812") ||
		!strings.Contains(ae.Message, "Acme BV") || !strings.Contains(ae.Fix, reset.Local().Format("2006-01-02 15:04")) {
		t.Errorf("813 of 812: %v", err)
	}
	// After the daily reset the whole allowance is back.
	clk.Advance(10 * time.Hour)
	if err := c.CheckDayBudget(5000); err != nil {
		t.Errorf("after the reset: %v", err)
	}
}

// TestDayExhausted: with no calls left today the client does not call (a
// 429 would only count against the division) and says when to come back.
func TestDayExhausted(t *testing.T) {
	reset := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	clk := newClock(time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC))
	f := newFake(t, func(recorded) (int, http.Header, string) {
		return 200, http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {strconv.FormatInt(reset.UnixMilli(), 10)}}, empty
	})
	c := f.client(exact.WithClock(clk.Now), exact.WithSleep(clk.Sleep))
	if _, err := c.Currencies(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err := c.Currencies(context.Background())
	if ae, ok := apperr.As(err); !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Fix, reset.Local().Format("2006-01-02 15:04")) {
		t.Errorf("error %v", err)
	}
	if len(f.requests()) != 1 {
		t.Errorf("%d requests, want 1", len(f.requests()))
	}
}
