package qbo_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/qbo"
)

const testRealm = "9130350000000001"

// recorded is one request the fake server received.
type recorded struct {
	Method string
	Path   string // below /v3/company/{realm}/
	Query  url.Values
	Raw    string // the raw query string, to check encoding
	Header http.Header
	Body   string
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
			Method: r.Method,
			Path:   strings.TrimPrefix(r.URL.Path, "/v3/company/"+testRealm+"/"),
			Query:  r.URL.Query(),
			Raw:    r.URL.RawQuery,
			Header: r.Header.Clone(),
			Body:   string(body),
		}
		f.mu.Lock()
		f.reqs = append(f.reqs, rec)
		f.mu.Unlock()
		status, header, out := f.answer(rec)
		for k, v := range header {
			w.Header()[k] = v
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		io.WriteString(w, out)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) client(opts ...qbo.Option) *qbo.Client {
	opts = append([]qbo.Option{qbo.WithBatchLimit(0)}, opts...)
	return qbo.NewClient(f.srv.URL+"/v3/company/", f.srv.Client(), testRealm, opts...)
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

// jsonEqual compares two JSON documents by meaning, keeping numbers exact.
func jsonEqual(t *testing.T, got, want string) {
	t.Helper()
	if g, w := normJSON(t, got), normJSON(t, want); g != w {
		t.Errorf("body\n got: %s\nwant: %s", g, w)
	}
}

func normJSON(t *testing.T, s string) string {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("bad JSON %q: %v", s, err)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
