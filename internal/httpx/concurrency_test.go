package httpx_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/httpx"
)

func TestConcurrencyCap(t *testing.T) {
	tests := []struct {
		name     string
		max      int
		parallel int
	}{
		{name: "cap 3 of 20", max: 3, parallel: 20},
		{name: "cap 1 of 5", max: 1, parallel: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inFlight, peak, calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := inFlight.Add(1)
				defer inFlight.Add(-1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				calls.Add(1)
				time.Sleep(20 * time.Millisecond)
				io.WriteString(w, "ok")
			}))
			defer srv.Close()
			client := httpx.NewClient(httpx.Options{MaxConcurrent: tt.max})
			var wg sync.WaitGroup
			for range tt.parallel {
				wg.Go(func() {
					req, _ := http.NewRequest("GET", srv.URL, nil)
					if status, _, err := do(t, client, req); err != nil || status != 200 {
						t.Errorf("status %d, err %v", status, err)
					}
				})
			}
			wg.Wait()
			if p := peak.Load(); p > int32(tt.max) {
				t.Errorf("server saw %d requests in flight, cap is %d", p, tt.max)
			}
			if p := peak.Load(); p < 1 {
				t.Errorf("server saw no requests")
			}
			if c := calls.Load(); c != int32(tt.parallel) {
				t.Errorf("server saw %d requests, want %d", c, tt.parallel)
			}
		})
	}
}

// The slot is held until the body is closed: a second request must wait for
// the first caller to finish reading.
func TestConcurrencySlotHeldUntilBodyClosed(t *testing.T) {
	_, srv := newScript(t, "", 200)
	client := httpx.NewClient(httpx.Options{MaxConcurrent: 1})
	req, _ := http.NewRequest("GET", srv.URL, nil)
	first, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ = http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	if _, _, err := do(t, client, req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second request while the first body is open: err = %v, want DeadlineExceeded", err)
	}
	first.Body.Close()
	req, _ = http.NewRequest("GET", srv.URL, nil)
	if status, _, err := do(t, client, req); err != nil || status != 200 {
		t.Errorf("after close: status %d, err %v", status, err)
	}
}

func TestConcurrencyWaitStopsOnCancel(t *testing.T) {
	release := make(chan struct{})
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		<-release
	}))
	defer srv.Close()
	defer close(release)
	client := httpx.NewClient(httpx.Options{MaxConcurrent: 1})
	go func() {
		req, _ := http.NewRequest("GET", srv.URL, nil)
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	for calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	if _, _, err := do(t, client, req); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if c := calls.Load(); c != 1 {
		t.Errorf("server saw %d requests, want 1", c)
	}
}
