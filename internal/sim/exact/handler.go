package exactsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// apiError is a refused API call: Exact's OData error body with a status.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) write(w http.ResponseWriter) {
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="Exact Online"`)
	}
	writeJSON(w, e.status, map[string]any{"error": map[string]any{"code": "", "message": map[string]string{"lang": "", "value": e.msg}}})
}

func badRequest(format string) *apiError { return &apiError{http.StatusBadRequest, format} }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// Handler returns the simulator's routes, wrapped in the request log and
// the fault injection.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/oauth2/auth", s.handleAuth)
	mux.HandleFunc("/api/oauth2/token", s.handleToken)
	mux.HandleFunc("/api/v1/", s.handleAPI)
	return s.observe(mux)
}

// divisionOf reads the division number of an API path, 0 when it has none.
func divisionOf(path string) int {
	rest, ok := strings.CutPrefix(path, "/api/v1/")
	if !ok {
		return 0
	}
	first, _, _ := strings.Cut(rest, "/")
	n, _ := strconv.Atoi(first)
	return n
}

// observe logs every request before its answer leaves and applies the
// faults: 5xx before any work, a dropped connection after the work (the
// "lost response" case), latency.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
		div := divisionOf(r.URL.Path)
		entry := LoggedRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body), At: s.now(), Division: div}
		if r.URL.Path == "/api/oauth2/token" {
			entry.Body = simhttp.RedactForm(body, "code", "refresh_token", "client_secret")
		}
		if r.URL.Path == "/api/oauth2/auth" {
			entry.Query = simhttp.RedactForm([]byte(r.URL.RawQuery), "code", "refresh_token", "client_secret")
		}
		f := s.faults.Next(r.URL.Path == "/api/oauth2/auth", div != 0)
		if f.Latency > 0 {
			time.Sleep(f.Latency)
		}
		if f.Status != 0 {
			entry.Status = f.Status
			s.reqlog.Add(entry)
			(&apiError{f.Status, "Injected fault: " + http.StatusText(f.Status)}).write(w)
			return
		}
		simhttp.ServeBuffered(w, r, next, f.Reset, func(status int) {
			entry.Status = status
			s.reqlog.Add(entry)
		})
	})
}
