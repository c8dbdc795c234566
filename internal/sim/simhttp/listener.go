package simhttp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// Listener runs a simulator's handler on a real TCP port. The zero value
// is ready to Start.
type Listener struct {
	mu  sync.Mutex
	srv *http.Server
	url string
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves h until Close.
// name prefixes the listen error and the log line of a failed Serve.
func (l *Listener) Start(addr string, h http.Handler, log *slog.Logger, name string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("%s: listen %s: %w", name, addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	l.mu.Lock()
	l.srv = srv
	l.url = "http://" + ln.Addr().String() + "/"
	l.mu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error(name+": serve", "err", err)
		}
	}()
	return nil
}

// URL is the base URL, "http://127.0.0.1:PORT/", or "" before Start.
func (l *Listener) URL() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.url
}

// Close stops serving. It waits up to two seconds for requests in flight,
// then closes their connections. Closing a Listener never started is a no-op.
func (l *Listener) Close() error {
	l.mu.Lock()
	srv := l.srv
	l.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}
