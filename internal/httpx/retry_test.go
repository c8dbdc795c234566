package httpx_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/httpx"
)

// onlyReader hides strings.Reader's type so http.NewRequest cannot set GetBody.
type onlyReader struct{ io.Reader }

func TestRetry(t *testing.T) {
	const body = `{"filter":[{"op":"eq","field":"id","value":42}]}`
	tests := []struct {
		name       string
		method     string
		path       string
		body       io.Reader
		header     http.Header
		idempotent bool
		statuses   []int
		retryAfter string
		maxRetries int
		wantStatus int
		wantCalls  int
		wantSleeps []time.Duration
	}{
		{name: "get retried on 503 with backoff", method: "GET", statuses: []int{503, 503, 200},
			wantStatus: 200, wantCalls: 3, wantSleeps: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "429 honours Retry-After seconds", method: "GET", statuses: []int{429, 200}, retryAfter: "2",
			wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{2 * time.Second}},
		{name: "Retry-After equal to MaxDelay is waited", method: "GET", statuses: []int{429, 200}, retryAfter: "30",
			wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{30 * time.Second}},
		{name: "Retry-After beyond MaxDelay goes back to the caller", method: "GET", statuses: []int{429, 200}, retryAfter: "3600",
			wantStatus: 429, wantCalls: 1},
		{name: "backoff wins over a shorter Retry-After", method: "GET", statuses: []int{503, 503, 200}, retryAfter: "0",
			wantStatus: 200, wantCalls: 3, wantSleeps: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "get retried on 500", method: "GET", statuses: []int{500, 200},
			wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{500 * time.Millisecond}},
		{name: "get retried on 502 and 504", method: "GET", statuses: []int{502, 504, 200},
			wantStatus: 200, wantCalls: 3, wantSleeps: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "get not retried on 400", method: "GET", statuses: []int{400, 200},
			wantStatus: 400, wantCalls: 1},
		{name: "get not retried on 404", method: "GET", statuses: []int{404, 200},
			wantStatus: 404, wantCalls: 1},
		{name: "plain post never retried", method: "POST", body: strings.NewReader(body), statuses: []int{503, 200},
			wantStatus: 503, wantCalls: 1},
		{name: "plain post not retried on 429", method: "POST", body: strings.NewReader(body), statuses: []int{429, 200}, retryAfter: "1",
			wantStatus: 429, wantCalls: 1},
		{name: "idempotent post retried", method: "POST", body: strings.NewReader(body), idempotent: true, statuses: []int{503, 429, 200},
			wantStatus: 200, wantCalls: 3, wantSleeps: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "idempotent post not retried on 500", method: "POST", body: strings.NewReader(body), idempotent: true, statuses: []int{500, 200},
			wantStatus: 500, wantCalls: 1},
		{name: "post with Idempotency-Key retried", method: "POST", body: strings.NewReader(body),
			header: http.Header{"Idempotency-Key": {"k-1"}}, statuses: []int{502, 200},
			wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{500 * time.Millisecond}},
		{name: "post with requestid retried", method: "POST", path: "/v3/company/1/invoice?requestid=abc", body: strings.NewReader(body),
			statuses: []int{504, 200}, wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{500 * time.Millisecond}},
		{name: "body that cannot be rewound is sent once", method: "POST", body: onlyReader{strings.NewReader(body)}, idempotent: true,
			statuses: []int{503, 200}, wantStatus: 503, wantCalls: 1},
		{name: "last response returned after max retries", method: "GET", statuses: []int{503}, maxRetries: 2,
			wantStatus: 503, wantCalls: 3, wantSleeps: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "negative MaxRetries disables retries", method: "GET", statuses: []int{503, 200}, maxRetries: -1,
			wantStatus: 503, wantCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, srv := newScript(t, tt.retryAfter, tt.statuses...)
			var sl sleeps
			counter := httpx.NewCounter()
			client := httpx.NewClient(httpx.Options{
				Name: "test", MaxRetries: tt.maxRetries, Sleep: sl.Sleep, Jitter: noJitter, Counter: counter,
			})
			path := tt.path
			if path == "" {
				path = "/items/7"
			}
			req, err := http.NewRequest(tt.method, srv.URL+path, tt.body)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.header {
				req.Header[k] = v
			}
			if tt.idempotent {
				req = httpx.Idempotent(req)
			}
			status, respBody, err := do(t, client, req)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if status != tt.wantStatus {
				t.Errorf("status = %d, want %d", status, tt.wantStatus)
			}
			// The caller must be able to read the service's own error body.
			if want := http.StatusText(tt.wantStatus); respBody != want {
				t.Errorf("body = %q, want %q", respBody, want)
			}
			if got := s.Calls(); got != tt.wantCalls {
				t.Errorf("server saw %d requests, want %d", got, tt.wantCalls)
			}
			if got := counter.Total(); got != int64(tt.wantCalls) {
				t.Errorf("counter total = %d, want %d", got, tt.wantCalls)
			}
			if got := sl.Delays(); !slices.Equal(got, tt.wantSleeps) {
				t.Errorf("delays = %v, want %v", got, tt.wantSleeps)
			}
			if tt.body != nil {
				for i, b := range s.Bodies() {
					if b != body {
						t.Errorf("attempt %d body = %q, want %q", i+1, b, body)
					}
				}
			}
		})
	}
}

func TestRetryAfterHTTPDate(t *testing.T) {
	when := time.Now().Add(10 * time.Second).UTC().Format(http.TimeFormat)
	s, srv := newScript(t, when, 503, 200)
	var sl sleeps
	client := httpx.NewClient(httpx.Options{Sleep: sl.Sleep, Jitter: noJitter})
	req, _ := http.NewRequest("GET", srv.URL, nil)
	if status, _, err := do(t, client, req); err != nil || status != 200 {
		t.Fatalf("status %d, err %v", status, err)
	}
	d := sl.Delays()
	if s.Calls() != 2 || len(d) != 1 || d[0] < 8*time.Second || d[0] > 10*time.Second {
		t.Fatalf("calls %d, delays %v; want one delay of about 10s", s.Calls(), d)
	}
}

func TestBackoffGrowsAndIsCapped(t *testing.T) {
	_, srv := newScript(t, "", 503)
	var exact, jittered sleeps
	opts := httpx.Options{MaxRetries: 6, BaseDelay: time.Second, MaxDelay: 5 * time.Second}
	exactOpts, jitterOpts := opts, opts
	exactOpts.Sleep, exactOpts.Jitter = exact.Sleep, noJitter
	jitterOpts.Sleep = jittered.Sleep
	for _, o := range []httpx.Options{exactOpts, jitterOpts} {
		req, _ := http.NewRequest("GET", srv.URL, nil)
		if _, _, err := do(t, httpx.NewClient(o), req); err != nil {
			t.Fatal(err)
		}
	}
	s := time.Second
	if want := []time.Duration{s, 2 * s, 4 * s, 5 * s, 5 * s, 5 * s}; !slices.Equal(exact.Delays(), want) {
		t.Errorf("delays without jitter = %v, want %v", exact.Delays(), want)
	}
	caps := []time.Duration{s, 2 * s, 4 * s, 5 * s, 5 * s, 5 * s}
	got := jittered.Delays()
	if len(got) != len(caps) {
		t.Fatalf("jittered delays = %v, want %d", got, len(caps))
	}
	for i, d := range got {
		if d < 0 || d > caps[i] {
			t.Errorf("jittered delay %d = %v, want within [0, %v]", i, d, caps[i])
		}
	}
}

func TestRetryNetworkErrors(t *testing.T) {
	t.Run("connection dropped then ok", func(t *testing.T) {
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if calls.Add(1) == 1 {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
				return
			}
			io.WriteString(w, "ok")
		}))
		defer srv.Close()
		var sl sleeps
		counter := httpx.NewCounter()
		client := httpx.NewClient(httpx.Options{Sleep: sl.Sleep, Jitter: noJitter, Counter: counter})
		req, _ := http.NewRequest("GET", srv.URL+"/x", nil)
		status, body, err := do(t, client, req)
		if err != nil || status != 200 || body != "ok" {
			t.Fatalf("got %d %q %v, want 200 ok", status, body, err)
		}
		if counter.Count("GET /x") != 2 || len(sl.Delays()) != 1 {
			t.Errorf("attempts %d, delays %v; want 2 attempts, 1 delay", counter.Count("GET /x"), sl.Delays())
		}
	})
	t.Run("connection refused gives up with the error", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		var sl sleeps
		counter := httpx.NewCounter()
		client := httpx.NewClient(httpx.Options{MaxRetries: 2, Sleep: sl.Sleep, Jitter: noJitter, Counter: counter})
		req, _ := http.NewRequest("GET", "http://"+addr+"/x", nil)
		_, _, err = do(t, client, req)
		if err == nil {
			t.Fatal("want an error")
		}
		if counter.Total() != 3 || len(sl.Delays()) != 2 {
			t.Errorf("attempts %d, delays %v; want 3 attempts", counter.Total(), sl.Delays())
		}
	})
}

func TestNoRetryAfterCancel(t *testing.T) {
	t.Run("cancelled during backoff", func(t *testing.T) {
		s, srv := newScript(t, "", 503)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		sleep := func(ctx context.Context, d time.Duration) error {
			cancel()
			<-ctx.Done()
			return ctx.Err()
		}
		client := httpx.NewClient(httpx.Options{Sleep: sleep})
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
		_, _, err := do(t, client, req)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if s.Calls() != 1 {
			t.Errorf("server saw %d requests, want 1", s.Calls())
		}
	})
	t.Run("real backoff stops on cancel", func(t *testing.T) {
		s, srv := newScript(t, "", 503)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		client := httpx.NewClient(httpx.Options{BaseDelay: time.Hour, MaxDelay: time.Hour, Jitter: noJitter})
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
		start := time.Now()
		_, _, err := do(t, client, req)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("took %v; backoff ignored the context", el)
		}
		if s.Calls() != 1 {
			t.Errorf("server saw %d requests, want 1", s.Calls())
		}
	})
	t.Run("cancelled in flight", func(t *testing.T) {
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			<-r.Context().Done()
		}))
		defer srv.Close()
		var sl sleeps
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		client := httpx.NewClient(httpx.Options{Sleep: sl.Sleep})
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
		_, _, err := do(t, client, req)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
		if calls.Load() != 1 || len(sl.Delays()) != 0 {
			t.Errorf("server saw %d requests, delays %v; want 1 and none", calls.Load(), sl.Delays())
		}
	})
}
