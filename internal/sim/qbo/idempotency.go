package qbosim

import (
	"net/http"
	"sync"
)

// idempotency remembers the answer to every write that carried a
// requestid, per realm. Intuit does not document how long it keeps them; the
// simulator keeps them for its lifetime (not across restarts).
type idempotency struct {
	mu   sync.Mutex
	seen map[string]*idemEntry // realm|requestid
}

type idemEntry struct {
	done   chan struct{} // closed when the first request has its answer
	status int
	header http.Header
	body   []byte
}

func newIdempotency() *idempotency { return &idempotency{seen: map[string]*idemEntry{}} }

// begin returns (nil, true) for a new key: the caller processes the request
// and calls finish. Otherwise it returns the first request's entry, waiting
// until that request has finished.
func (m *idempotency) begin(key string) (*idemEntry, bool) {
	m.mu.Lock()
	e, ok := m.seen[key]
	if !ok {
		m.seen[key] = &idemEntry{done: make(chan struct{})}
		m.mu.Unlock()
		return nil, true
	}
	m.mu.Unlock()
	<-e.done
	return e, false
}

func (m *idempotency) finish(key string, status int, header http.Header, body []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.seen[key]; ok {
		e.status, e.header, e.body = status, header.Clone(), append([]byte(nil), body...)
		close(e.done)
	}
}
