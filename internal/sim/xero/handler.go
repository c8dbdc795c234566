package xerosim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// problemJSON is the body of Xero's 401/403/404/429 answers.
type problemJSON struct {
	Type     *string `json:"Type"`
	Title    string  `json:"Title"`
	Status   int     `json:"Status"`
	Detail   string  `json:"Detail"`
	Instance string  `json:"Instance"`
}

func (p *problemJSON) write(w http.ResponseWriter) {
	if p.Instance == "" {
		p.Instance = newID()
	}
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	}
	writeJSON(w, p.Status, p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// bearerLocked finds the grant of the request's access token.
func (s *Server) bearerLocked(r *http.Request) (*grant, *problemJSON) {
	h := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || token == "" {
		return nil, &problemJSON{Title: "Unauthorized", Status: http.StatusUnauthorized, Detail: "AuthenticationUnsuccessful"}
	}
	at, ok := s.st.Access[token]
	if !ok {
		return nil, &problemJSON{Title: "Unauthorized", Status: http.StatusUnauthorized, Detail: "AuthenticationUnsuccessful"}
	}
	if !s.now().Before(at.Expires) {
		return nil, &problemJSON{Title: "Unauthorized", Status: http.StatusUnauthorized,
			Detail: "TokenExpired: token expired at " + at.Expires.UTC().Format("01/02/2006 15:04:05")}
	}
	g := s.st.Grants[at.GrantID]
	if g == nil || g.Revoked {
		return nil, &problemJSON{Title: "Unauthorized", Status: http.StatusUnauthorized, Detail: "AuthenticationUnsuccessful"}
	}
	return g, nil
}

// Handler returns the simulator's routes, wrapped in the request log and
// the fault injection.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/identity/connect/authorize", s.handleAuthorize)
	mux.HandleFunc("/identity/connect/token", s.handleToken)
	mux.HandleFunc("/identity/connect/revocation", s.handleRevoke)
	mux.HandleFunc("/connections", s.handleConnections)
	mux.HandleFunc("/connections/", s.handleConnections)
	mux.HandleFunc("/api.xro/2.0/", s.handleAPI)
	return s.observe(mux)
}

// observe logs every request and applies the faults: 5xx before any work,
// a dropped connection after the work (the "lost response" case), latency.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
		entry := LoggedRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body), At: s.now(), Tenant: r.Header.Get("Xero-Tenant-Id")}
		if r.URL.Path == "/identity/connect/token" || r.URL.Path == "/identity/connect/revocation" {
			entry.Body = simhttp.RedactForm(body, "code", "code_verifier", "refresh_token", "client_secret", "token") // tokens, codes and secrets never reach the log
		}
		browser := strings.HasPrefix(r.URL.Path, "/identity/connect/authorize")
		f := s.faults.Next(browser, strings.HasPrefix(r.URL.Path, "/api.xro/"))
		if f.Latency > 0 {
			time.Sleep(f.Latency)
		}
		if f.Status != 0 {
			entry.Status = f.Status
			s.reqlog.Add(entry)
			if f.Status == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "1")
				w.Header().Set("X-Rate-Limit-Problem", "minute")
			}
			(&problemJSON{Title: http.StatusText(f.Status), Status: f.Status, Detail: "Injected fault"}).write(w)
			return
		}
		simhttp.ServeBuffered(w, r, next, f.Reset, func(status int) {
			entry.Status = status
			s.reqlog.Add(entry)
		})
	})
}
