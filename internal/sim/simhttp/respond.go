package simhttp

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
)

// Recorder holds an answer in memory: until it has been logged and the
// fault knobs have decided whether it reaches the client, or to keep it for
// an idempotent replay. Only the first status counts, as on the wire.
type Recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

// NewRecorder returns a Recorder that writes its headers into header (the
// client's own w.Header(), or a fresh one to copy later).
func NewRecorder(header http.Header) *Recorder { return &Recorder{header: header} }

func (rec *Recorder) Header() http.Header { return rec.header }

func (rec *Recorder) Write(p []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.body.Write(p)
}

func (rec *Recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
}

// Status is the answer's status: 200 when the handler set none.
func (rec *Recorder) Status() int {
	if rec.status == 0 {
		return http.StatusOK
	}
	return rec.status
}

// Body is the answer's body.
func (rec *Recorder) Body() []byte { return rec.body.Bytes() }

// ServeBuffered runs next with its answer held in memory, calls logged with
// the status (0 when drop is set) before any byte leaves, and then either
// sends the answer or, for drop, closes the connection without one: the
// "work done, response lost" case. Logging first means a client that reads
// the request log right after its answer always finds its own request.
func ServeBuffered(w http.ResponseWriter, r *http.Request, next http.Handler, drop bool, logged func(status int)) {
	rec := NewRecorder(w.Header())
	next.ServeHTTP(rec, r)
	if drop {
		logged(0)
		DropConnection(w)
		return
	}
	logged(rec.Status())
	w.WriteHeader(rec.Status())
	_, _ = w.Write(rec.Body())
}

// DropConnection closes the TCP connection without an HTTP answer. Where
// the connection cannot be taken over it aborts the handler, which net/http
// also ends by closing the connection.
func DropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// RedactForm keeps the field names of a form body or query string and
// replaces the values of the secret fields with REDACTED, so tokens, codes
// and client secrets never reach a request log.
func RedactForm(form []byte, secret ...string) string {
	parts := strings.Split(string(form), "&")
	for i, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		if slices.Contains(secret, k) {
			parts[i] = k + "=REDACTED"
		}
	}
	return strings.Join(parts, "&")
}
