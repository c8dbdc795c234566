package exactsim

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
)

// LoggedRequest is one request the simulator answered. Codes, tokens and
// secrets in OAuth requests are redacted.
type LoggedRequest struct {
	Method   string    `json:"method"`
	Path     string    `json:"path"`
	Query    string    `json:"query,omitempty"`
	Status   int       `json:"status"` // 0 when the connection was dropped
	Body     string    `json:"body,omitempty"`
	Division int       `json:"division,omitempty"`
	At       time.Time `json:"at"`
}

type requestLog struct {
	mu   sync.Mutex
	reqs []LoggedRequest
}

func (l *requestLog) add(r LoggedRequest) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, r)
}

// Requests returns a copy of the request log, oldest first.
func (s *Server) Requests() []LoggedRequest {
	s.reqlog.mu.Lock()
	defer s.reqlog.mu.Unlock()
	return append([]LoggedRequest(nil), s.reqlog.reqs...)
}

// ResetRequestLog empties the request log.
func (s *Server) ResetRequestLog() {
	s.reqlog.mu.Lock()
	defer s.reqlog.mu.Unlock()
	s.reqlog.reqs = nil
}

// WriteRequestLog writes the log as JSON lines.
func (s *Server) WriteRequestLog(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range s.Requests() {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("exactsim: write request log: %w", err)
		}
	}
	return nil
}
