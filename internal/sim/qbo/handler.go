package qbosim

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// Handler returns the simulator's routes, wrapped in the request log and
// the fault injection.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/connect/oauth2", s.handleAuthorize)
	mux.HandleFunc("/oauth2/v1/tokens/bearer", s.handleToken)
	mux.HandleFunc("/v2/oauth2/tokens/revoke", s.handleRevoke)
	mux.HandleFunc("/v3/company/", s.handleAPI)
	return s.observe(mux)
}

// observe logs every request and applies the faults: 5xx before any work,
// a dropped connection after the work (the "lost response" case), latency.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
		entry := LoggedRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body), At: s.now()}
		switch r.URL.Path {
		case "/oauth2/v1/tokens/bearer":
			entry.Body = simhttp.RedactForm(body, "code", "refresh_token", "client_secret")
		case "/v2/oauth2/tokens/revoke":
			entry.Body = `{"token":"REDACTED"}`
		}
		api := strings.HasPrefix(r.URL.Path, "/v3/")
		if api {
			w.Header().Set("intuit_tid", randomToken(16))
		}
		f := s.faults.Next(r.URL.Path == "/connect/oauth2", api)
		if f.Latency > 0 {
			time.Sleep(f.Latency)
		}
		if f.Status != 0 {
			entry.Status = f.Status
			s.reqlog.Add(entry)
			if f.Status == http.StatusTooManyRequests {
				s.writeThrottled(w, "The request limit was reached (injected).")
				return
			}
			s.writeFault(w, &apiFault{status: f.Status, Type: "SystemFault", Errors: []faultError{{
				Message: "An application error has occurred while processing your request", Detail: "System Failure Error: injected fault", Code: "10000"}}})
			return
		}
		simhttp.ServeBuffered(w, r, next, f.Reset, func(status int) {
			entry.Status = status
			s.reqlog.Add(entry)
		})
	})
}
