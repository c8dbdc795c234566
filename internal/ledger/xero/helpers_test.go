package xero_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

const testTenant = "tenant-1"

// recorded is one request the fake server received.
type recorded struct {
	Method string
	Path   string // below /api.xro/2.0/
	Query  url.Values
	Header http.Header
	Body   string
}

// fake is an httptest server that records requests and answers with a
// per-test handler.
type fake struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []recorded
	answer func(r recorded) (status int, header http.Header, body string)
}

func newFake(t *testing.T, answer func(r recorded) (int, http.Header, string)) *fake {
	t.Helper()
	f := &fake{t: t, answer: answer}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec := recorded{
			Method: r.Method,
			Path:   strings.TrimPrefix(r.URL.Path, "/api.xro/2.0/"),
			Query:  r.URL.Query(),
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
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, out)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) client(opts ...xero.Option) *xero.Client {
	return xero.NewClient(f.srv.URL+"/api.xro/2.0/", f.srv.Client(), testTenant, opts...)
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

// echo answers a write by returning the elements sent, each with an id, as
// Xero does.
func echo(wrapper, idField string) func(recorded) (int, http.Header, string) {
	n := 0
	var mu sync.Mutex
	return func(r recorded) (int, http.Header, string) {
		var in map[string][]map[string]any
		if err := json.Unmarshal([]byte(r.Body), &in); err != nil {
			return http.StatusBadRequest, nil, `{"Message":"bad json"}`
		}
		mu.Lock()
		defer mu.Unlock()
		for _, el := range in[wrapper] {
			n++
			el[idField] = "00000000-0000-0000-0000-" + pad12(n)
			el["StatusAttributeString"] = "OK"
		}
		out, _ := json.Marshal(in)
		return http.StatusOK, nil, string(out)
	}
}

func pad12(n int) string {
	s := strings.Repeat("0", 12) + itoa(n)
	return s[len(s)-12:]
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
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
