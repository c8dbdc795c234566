package httpx_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/httpx"
	"golang.org/x/time/rate"
)

func TestRateLimit(t *testing.T) {
	tests := []struct {
		name string
		opts httpx.Options
		n    int
		min  time.Duration
	}{
		// 20/s with a burst of 1: 6 requests need 5 more tokens, 50ms apart.
		{name: "rate per second", opts: httpx.Options{RatePerSecond: 20}, n: 6, min: 250 * time.Millisecond},
		// A burst of 3 lets three go at once, the other three wait 50ms each.
		{name: "burst", opts: httpx.Options{RatePerSecond: 20, Burst: 3}, n: 6, min: 150 * time.Millisecond},
		{name: "caller-owned limiter wins", opts: httpx.Options{RatePerSecond: 1000, Limiter: rate.NewLimiter(20, 1)}, n: 6, min: 250 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, srv := newScript(t, "", 200)
			client := httpx.NewClient(tt.opts)
			start := time.Now()
			var wg sync.WaitGroup
			for range tt.n {
				wg.Go(func() {
					req, _ := http.NewRequest("GET", srv.URL, nil)
					if _, _, err := do(t, client, req); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			if el := time.Since(start); el < tt.min {
				t.Errorf("%d requests took %v, want at least %v", tt.n, el, tt.min)
			}
			if s.Calls() != tt.n {
				t.Errorf("server saw %d requests, want %d", s.Calls(), tt.n)
			}
		})
	}
}

func TestRateLimitAppliesToRetries(t *testing.T) {
	s, srv := newScript(t, "", 503, 503, 200)
	var sl sleeps
	client := httpx.NewClient(httpx.Options{Limiter: rate.NewLimiter(10, 1), Sleep: sl.Sleep})
	start := time.Now()
	req, _ := http.NewRequest("GET", srv.URL, nil)
	if status, _, err := do(t, client, req); err != nil || status != 200 {
		t.Fatalf("status %d, err %v", status, err)
	}
	// Sleep is faked, so only the limiter can account for the 2×100ms.
	if el := time.Since(start); el < 200*time.Millisecond || s.Calls() != 3 {
		t.Errorf("3 attempts took %v (server saw %d), want at least 200ms", el, s.Calls())
	}
}

func TestRateLimitWaitStopsOnCancel(t *testing.T) {
	s, srv := newScript(t, "", 200)
	lim := rate.NewLimiter(rate.Every(time.Hour), 1)
	client := httpx.NewClient(httpx.Options{Limiter: lim})
	req, _ := http.NewRequest("GET", srv.URL, nil)
	if _, _, err := do(t, client, req); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	req, _ = http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	start := time.Now()
	_, _, err := do(t, client, req)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v; the limiter wait ignored the context", el)
	}
	if s.Calls() != 1 {
		t.Errorf("server saw %d requests, want 1", s.Calls())
	}
}
