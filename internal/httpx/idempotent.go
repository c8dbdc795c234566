package httpx

import (
	"context"
	"net/http"
)

type idempotentKey struct{}

// Idempotent marks req as safe to send more than once, for requests whose
// method does not say so: Autotask's POST …/query reads, or a write the
// remote deduplicates by a key we send. It returns a shallow copy of req.
func Idempotent(req *http.Request) *http.Request {
	return req.WithContext(context.WithValue(req.Context(), idempotentKey{}, true))
}

// replayable reports whether req may be sent again: its meaning is safe to
// repeat and its body, if any, can be produced again.
func replayable(req *http.Request) bool {
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return false
	}
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	if marked, _ := req.Context().Value(idempotentKey{}).(bool); marked {
		return true
	}
	if req.Header.Get("Idempotency-Key") != "" {
		return true
	}
	// QuickBooks Online deduplicates writes by the requestid query parameter.
	return req.URL != nil && req.URL.Query().Get("requestid") != ""
}
