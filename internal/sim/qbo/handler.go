package qbosim

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
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

// bufferedResponse holds a response until the fault knobs decide whether it
// reaches the client; the request log is written before it leaves.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
func (b *bufferedResponse) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
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
			entry.Body = redactForm(body)
		case "/v2/oauth2/tokens/revoke":
			entry.Body = `{"token":"REDACTED"}`
		}
		api := strings.HasPrefix(r.URL.Path, "/v3/")
		if api {
			w.Header().Set("intuit_tid", randomToken(16))
		}
		f := s.limits.nextFault(r.URL.Path == "/connect/oauth2", api)
		if f.latency > 0 {
			time.Sleep(f.latency)
		}
		if f.status != 0 {
			entry.Status = f.status
			s.reqlog.add(entry)
			if f.status == http.StatusTooManyRequests {
				s.writeThrottled(w, "The request limit was reached (injected).")
				return
			}
			s.writeFault(w, &apiFault{status: f.status, Type: "SystemFault", Errors: []faultError{{
				Message: "An application error has occurred while processing your request", Detail: "System Failure Error: injected fault", Code: "10000"}}})
			return
		}
		buf := &bufferedResponse{header: w.Header()}
		next.ServeHTTP(buf, r)
		if buf.status == 0 {
			buf.status = http.StatusOK
		}
		if f.reset {
			entry.Status = 0
			s.reqlog.add(entry)
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			panic(http.ErrAbortHandler)
		}
		entry.Status = buf.status
		s.reqlog.add(entry)
		w.WriteHeader(buf.status)
		_, _ = w.Write(buf.body.Bytes())
	})
}

// redactForm keeps the field names of a form body and hides the secret values.
func redactForm(body []byte) string {
	parts := strings.Split(string(body), "&")
	for i, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		if slices.Contains([]string{"code", "refresh_token", "client_secret"}, k) {
			parts[i] = k + "=REDACTED"
		}
	}
	return strings.Join(parts, "&")
}
