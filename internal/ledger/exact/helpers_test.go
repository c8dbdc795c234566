package exact_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/exact"
)

const testDivision = 123456

// recorded is one request the fake server received.
type recorded struct {
	Method   string
	Path     string // below /api/v1/
	RawQuery string
	Query    url.Values
	Header   http.Header
	Body     string
}

// fake is an httptest server that records requests and answers with a
// per-test handler.
type fake struct {
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []recorded
	answer func(r recorded) (status int, header http.Header, body string)
}

func newFake(t *testing.T, answer func(r recorded) (int, http.Header, string)) *fake {
	t.Helper()
	f := &fake{answer: answer}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec := recorded{
			Method:   r.Method,
			Path:     strings.TrimPrefix(r.URL.Path, "/api/v1/"),
			RawQuery: r.URL.RawQuery,
			Query:    r.URL.Query(),
			Header:   r.Header.Clone(),
			Body:     string(body),
		}
		f.mu.Lock()
		f.reqs = append(f.reqs, rec)
		f.mu.Unlock()
		status, header, out := f.answer(rec)
		for k, v := range header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, out)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) base() string { return f.srv.URL + "/api/v1/" }

func (f *fake) client(opts ...exact.Option) *exact.Client {
	return exact.NewClient(f.base(), f.srv.Client(), testDivision, opts...)
}

func (f *fake) requests() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

// ok answers 200 with body.
func ok(body string) func(recorded) (int, http.Header, string) {
	return func(recorded) (int, http.Header, string) { return http.StatusOK, nil, body }
}

// empty is an empty collection.
const empty = `{"d":{"results":[]}}`

// created answers a POST with the body sent, wrapped in d and given extra
// fields, as Exact does with Prefer: return=representation.
func created(extra map[string]any) func(recorded) (int, http.Header, string) {
	return func(r recorded) (int, http.Header, string) {
		var in map[string]any
		if err := json.Unmarshal([]byte(r.Body), &in); err != nil {
			return http.StatusBadRequest, nil, `{"error":{"code":"","message":{"lang":"","value":"bad json"}}}`
		}
		for k, v := range extra {
			in[k] = v
		}
		out, _ := json.Marshal(map[string]any{"d": in})
		return http.StatusCreated, nil, string(out)
	}
}

// jsonEqual compares two JSON documents by meaning, keeping numbers exact.
func jsonEqual(t *testing.T, got, want string) {
	t.Helper()
	norm := func(s string) string {
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatalf("bad JSON %q: %v", s, err)
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	if g, w := norm(got), norm(want); g != w {
		t.Errorf("body\n got: %s\nwant: %s", g, w)
	}
}

// fakeClock is a clock that only moves when something sleeps on it.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func newClock(t time.Time) *fakeClock { return &fakeClock{t: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.t = c.t.Add(d)
	}
	c.sleeps = append(c.sleeps, d)
	return ctx.Err()
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func (c *fakeClock) Slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

const (
	guidA = "aaaaaaaa-1111-4111-8111-111111111111"
	guidB = "bbbbbbbb-2222-4222-8222-222222222222"
	guidC = "cccccccc-3333-4333-8333-333333333333"
)
