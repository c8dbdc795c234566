package httpx

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// observeTransport counts and logs each attempt that goes on the wire.
type observeTransport struct {
	next    http.RoundTripper
	name    string
	logger  *slog.Logger
	counter *Counter
}

func (t *observeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.counter != nil {
		t.counter.Add(Endpoint(req))
	}
	ctx := req.Context()
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	if !t.logger.Enabled(ctx, slog.LevelDebug) {
		return resp, err
	}
	attrs := []slog.Attr{
		slog.String("remote", t.name),
		slog.String("method", req.Method),
		slog.String("url", RedactURL(req.URL)),
		slog.Int("attempt", attemptOf(ctx)),
		slog.Duration("duration", time.Since(start)),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", redactError(err, req)))
	} else {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	t.logger.LogAttrs(ctx, slog.LevelDebug, "http request", attrs...)
	return resp, err
}

func (t *observeTransport) CloseIdleConnections() { closeIdle(t.next) }

// redactError writes err for a log, with any copy of the request URL in it
// (net/http quotes URLs in its errors) replaced by the redacted form.
func redactError(err error, req *http.Request) string {
	s := err.Error()
	if req.URL == nil || req.URL.RawQuery == "" && req.URL.User == nil {
		return s
	}
	safe := RedactURL(req.URL)
	s = strings.ReplaceAll(s, req.URL.String(), safe)
	if req.URL.RawQuery != "" {
		s = strings.ReplaceAll(s, req.URL.RawQuery, "[redacted query]")
	}
	return s
}

// attemptKey carries the 1-based attempt number from the retry layer down to
// the observe layer; the first attempt carries none.
type attemptKey struct{}

func withAttempt(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, attemptKey{}, n)
}

func attemptOf(ctx context.Context) int {
	if n, ok := ctx.Value(attemptKey{}).(int); ok {
		return n
	}
	return 1
}
