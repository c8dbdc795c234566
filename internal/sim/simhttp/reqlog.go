// Package simhttp is the HTTP plumbing the simulators under internal/sim
// share: the request log, the listener, the injected faults and the
// buffered answer that is logged before it leaves. What a vendor's API
// says and how it limits callers stays in each simulator.
package simhttp

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// RequestLog records the requests a simulator answered, for tests and for
// the request log a user can save. The zero value is ready to use.
type RequestLog[T any] struct {
	mu   sync.Mutex
	reqs []T
}

// Add appends one request.
func (l *RequestLog[T]) Add(r T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, r)
}

// All returns a copy of the log, oldest first (nil when it is empty), so a
// caller may keep it while requests go on being added.
func (l *RequestLog[T]) All() []T {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]T(nil), l.reqs...)
}

// Reset empties the log.
func (l *RequestLog[T]) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = nil
}

// WriteJSONLines writes the log as JSON lines, one request a line, without
// HTML escaping so bodies read as they were sent. name prefixes the error
// (the simulator's package name).
func (l *RequestLog[T]) WriteJSONLines(w io.Writer, name string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range l.All() {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("%s: write request log: %w", name, err)
		}
	}
	return nil
}
