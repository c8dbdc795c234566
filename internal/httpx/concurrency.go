package httpx

import (
	"fmt"
	"io"
	"net/http"
	"sync"
)

// concurrencyTransport caps the requests in flight. A slot is held until the
// response body is closed or read to its end, because a service counts a
// request as running until it has sent the whole body.
type concurrencyTransport struct {
	next  http.RoundTripper
	slots chan struct{}
	name  string
}

func newConcurrencyTransport(next http.RoundTripper, n int, name string) *concurrencyTransport {
	return &concurrencyTransport{next: next, slots: make(chan struct{}, n), name: name}
}

func (t *concurrencyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	select {
	case t.slots <- struct{}{}:
	case <-ctx.Done():
		closeBody(req)
		return nil, fmt.Errorf("httpx: %s: wait for a free connection slot: %w", t.name, ctx.Err())
	}
	release := sync.OnceFunc(func() { <-t.slots })
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.Body == nil {
		release()
		return resp, err
	}
	resp.Body = &releaseBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

func (t *concurrencyTransport) CloseIdleConnections() { closeIdle(t.next) }

// releaseBody frees the concurrency slot once the body is finished with.
type releaseBody struct {
	io.ReadCloser
	release func()
}

func (b *releaseBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.release()
	}
	return n, err
}

func (b *releaseBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
