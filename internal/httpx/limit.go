package httpx

import (
	"fmt"
	"net/http"

	"golang.org/x/time/rate"
)

// limitTransport takes a token from a token bucket before each attempt, so
// retries are paced like first tries.
type limitTransport struct {
	next    http.RoundTripper
	limiter *rate.Limiter
	name    string
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.limiter.Wait(req.Context()); err != nil {
		closeBody(req)
		return nil, fmt.Errorf("httpx: %s: wait for rate limit: %w", t.name, err)
	}
	return t.next.RoundTrip(req)
}

func (t *limitTransport) CloseIdleConnections() { closeIdle(t.next) }

// closeBody honours the RoundTripper contract that the request body is
// closed even when the request is never sent.
func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}
