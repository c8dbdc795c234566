package exactsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
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

// bufferedResponse holds a response until it has been logged and the fault
// knobs have decided whether it reaches the client.
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
			entry.Body = redactForm(body)
		}
		if r.URL.Path == "/api/oauth2/auth" {
			entry.Query = redactForm([]byte(r.URL.RawQuery))
		}
		f := s.limits.nextFault(r.URL.Path == "/api/oauth2/auth", div != 0)
		if f.latency > 0 {
			time.Sleep(f.latency)
		}
		if f.status != 0 {
			entry.Status = f.status
			s.reqlog.add(entry)
			(&apiError{f.status, "Injected fault: " + http.StatusText(f.status)}).write(w)
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

// redactForm keeps the field names of a form or query and hides the
// values of the secret ones.
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
