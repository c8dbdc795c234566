package httpx_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// script is a test server that answers with a fixed sequence of statuses
// (the last one repeats) and records what it received.
type script struct {
	mu         sync.Mutex
	statuses   []int
	retryAfter string
	calls      int
	bodies     []string
	headers    []http.Header
}

func newScript(t *testing.T, retryAfter string, statuses ...int) (*script, *httptest.Server) {
	t.Helper()
	s := &script{statuses: statuses, retryAfter: retryAfter}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	status := s.statuses[min(s.calls, len(s.statuses)-1)]
	s.calls++
	s.bodies = append(s.bodies, string(body))
	s.headers = append(s.headers, r.Header.Clone())
	s.mu.Unlock()
	if s.retryAfter != "" && status >= 400 {
		w.Header().Set("Retry-After", s.retryAfter)
	}
	w.WriteHeader(status)
	io.WriteString(w, http.StatusText(status))
}

func (s *script) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

func (s *script) Bodies() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.bodies...)
}

// sleeps records the backoff delays instead of waiting them out.
type sleeps struct {
	mu sync.Mutex
	ds []time.Duration
}

func (s *sleeps) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.ds = append(s.ds, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) Delays() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.ds...)
}

// noJitter makes backoff delays exact.
func noJitter(d time.Duration) time.Duration { return d }

// do sends req through client and returns the status and body.
func do(t *testing.T, client *http.Client, req *http.Request) (int, string, error) {
	t.Helper()
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp.StatusCode, string(b), nil
}
