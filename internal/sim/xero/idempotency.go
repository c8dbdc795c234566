package xerosim

import (
	"crypto/sha256"
	"net/http"
	"sync"
	"time"
)

// idempotency remembers the answers to PUT/POST requests that carried an
// Idempotency-Key, for Xero's window of about six minutes.
type idempotency struct {
	window time.Duration
	mu     sync.Mutex
	seen   map[string]*idemEntry // client|tenant|key
}

type idemEntry struct {
	request [32]byte // hash of method, path, query and body
	at      time.Time
	done    bool
	status  int
	header  http.Header
	body    []byte
}

func newIdempotency(window time.Duration) *idempotency {
	return &idempotency{window: window, seen: map[string]*idemEntry{}}
}

func requestHash(r *http.Request, body []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(r.Method + " " + r.URL.Path + "?" + r.URL.RawQuery + "\n"))
	h.Write(body)
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// idemVerdict says what to do with a keyed request.
type idemVerdict int

const (
	idemNew      idemVerdict = iota // process it, then store
	idemReplay                      // answer with the stored response
	idemMismatch                    // same key, different request: 400
	idemBusy                        // the first request is still running: 409
)

func (m *idempotency) begin(key string, hash [32]byte, now time.Time) (idemVerdict, *idemEntry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, e := range m.seen {
		if now.Sub(e.at) >= m.window {
			delete(m.seen, k)
		}
	}
	e, ok := m.seen[key]
	switch {
	case !ok:
		m.seen[key] = &idemEntry{request: hash, at: now}
		return idemNew, nil
	case e.request != hash:
		return idemMismatch, nil
	case !e.done:
		return idemBusy, nil
	}
	return idemReplay, e
}

func (m *idempotency) finish(key string, status int, header http.Header, body []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.seen[key]; ok {
		e.done, e.status, e.header, e.body = true, status, header.Clone(), append([]byte(nil), body...)
	}
}
