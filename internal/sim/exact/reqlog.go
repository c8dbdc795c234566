package exactsim

import (
	"io"
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

// Requests returns a copy of the request log, oldest first.
func (s *Server) Requests() []LoggedRequest { return s.reqlog.All() }

// ResetRequestLog empties the request log.
func (s *Server) ResetRequestLog() { s.reqlog.Reset() }

// WriteRequestLog writes the log as JSON lines.
func (s *Server) WriteRequestLog(w io.Writer) error { return s.reqlog.WriteJSONLines(w, "exactsim") }
