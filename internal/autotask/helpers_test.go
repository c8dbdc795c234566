package autotask_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
)

var testCreds = autotask.Credentials{UserName: "api@msp.example", Secret: "s3cret-value", IntegrationCode: "TRACK-ID-1"}

// recorded is one request a fake Autotask saw.
type recorded struct {
	Method, Path, Query string
	Header              http.Header
	Body                string
}

// fake is an httptest server that answers by "METHOD path" (path lower-cased,
// without the /atservicesrest/v1.0/ prefix) and records every request.
type fake struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []recorded
	routes map[string]http.HandlerFunc
}

func newFake(t *testing.T, routes map[string]http.HandlerFunc) *fake {
	t.Helper()
	f := &fake{t: t, routes: routes}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.reqs = append(f.reqs, recorded{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(b)})
		f.mu.Unlock()
		key := r.Method + " " + strings.TrimPrefix(strings.ToLower(r.URL.Path), "/atservicesrest/v1.0/")
		h, ok := f.routes[key]
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]any{"errors": []string{"no route " + key}})
			return
		}
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		h(w, r)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// zone is the REST root the fake serves.
func (f *fake) zone() string { return f.srv.URL + "/ATServicesRest/" }

func (f *fake) client() *autotask.Client {
	return autotask.New(f.zone(), autotask.Config{HTTP: f.srv.Client()}, testCreds)
}

func (f *fake) requests() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func jsonHandler(status int, v any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { writeJSON(w, status, v) }
}

func errorsHandler(status int, msgs ...string) http.HandlerFunc {
	return jsonHandler(status, map[string]any{"errors": msgs})
}

// decodeBody reads a recorded JSON body into a generic map.
func decodeBody(t *testing.T, body string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	return m
}
