package httpx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"syscall"
	"time"
)

// retryTransport sends a replayable request again after network failures and
// the statuses that mean "try later".
type retryTransport struct {
	next       http.RoundTripper
	name       string
	logger     *slog.Logger
	maxRetries int
	baseDelay  time.Duration
	maxDelay   time.Duration
	sleep      func(context.Context, time.Duration) error
	jitter     func(time.Duration) time.Duration
}

// drainLimit bounds how much of a discarded body is read to keep its
// connection reusable; a longer body costs more than a new connection.
const drainLimit = 64 << 10

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	retries := t.maxRetries
	if !replayable(req) {
		retries = 0
	}
	attemptReq := req
	for n := 0; ; n++ {
		resp, err := t.next.RoundTrip(attemptReq)
		if n >= retries {
			return resp, err
		}
		reason, retry := t.shouldRetry(req, resp, err)
		if !retry {
			return resp, err
		}
		delay := t.jitter(backoff(n, t.baseDelay, t.maxDelay))
		if resp != nil {
			if ra, ok := retryAfter(resp.Header, time.Now()); ok {
				if ra > t.maxDelay {
					// The service asks for a longer pause than a call should
					// sit through (a daily limit, an hourly threshold): hand
					// its answer to the caller, who tells the user when to
					// come back, instead of retrying early into another 429.
					t.logger.LogAttrs(ctx, slog.LevelWarn, "http request not retried: long Retry-After",
						slog.String("remote", t.name), slog.String("method", req.Method),
						slog.String("url", RedactURL(req.URL)), slog.Duration("retry_after", ra))
					return resp, err
				}
				delay = max(delay, ra)
			}
		}
		delay = min(delay, t.maxDelay)

		next, nextErr := t.nextAttempt(req, n+2)
		if nextErr != nil {
			// The request cannot be rebuilt; the caller gets what we have.
			t.logger.LogAttrs(ctx, slog.LevelWarn, "http request not retried",
				slog.String("remote", t.name), slog.String("method", req.Method),
				slog.String("url", RedactURL(req.URL)), slog.String("error", nextErr.Error()))
			return resp, err
		}
		t.logger.LogAttrs(ctx, slog.LevelWarn, "http request retry",
			slog.String("remote", t.name),
			slog.String("method", req.Method),
			slog.String("url", RedactURL(req.URL)),
			slog.Int("attempt", n+1),
			slog.String("reason", reason),
			slog.Duration("delay", delay),
		)
		discard(resp)
		if err := t.sleep(ctx, delay); err != nil {
			closeBody(next)
			return nil, fmt.Errorf("httpx: %s: %s %s: wait before retry: %w", t.name, req.Method, RedactURL(req.URL), err)
		}
		attemptReq = next
	}
}

func (t *retryTransport) CloseIdleConnections() { closeIdle(t.next) }

// nextAttempt rebuilds req for attempt number attempt, with a fresh body.
func (t *retryTransport) nextAttempt(req *http.Request, attempt int) (*http.Request, error) {
	next := req.Clone(withAttempt(req.Context(), attempt))
	if req.Body != nil && req.Body != http.NoBody {
		body, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("rewind request body: %w", err)
		}
		next.Body = body
	}
	return next, nil
}

// shouldRetry says whether an attempt's outcome is worth another try, and
// why, for the log.
func (t *retryTransport) shouldRetry(req *http.Request, resp *http.Response, err error) (string, bool) {
	if err != nil {
		if req.Context().Err() != nil || !transient(err) {
			return "", false
		}
		return redactError(err, req), true
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return resp.Status, true
	case http.StatusInternalServerError:
		// A 500 on a read is often a hiccup; on a POST query or a write it is
		// usually the service rejecting what we sent, and repeating cannot help.
		if req.Method == http.MethodGet || req.Method == http.MethodHead || req.Method == "" {
			return resp.Status, true
		}
	}
	return "", false
}

// transient reports whether a transport error is a network failure that a
// new attempt may not meet: resets, refusals, early EOFs and timeouts.
func transient(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE):
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// discard drains a little of a response we will not return and closes it, so
// its connection can be reused and its concurrency slot freed.
func discard(resp *http.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	io.CopyN(io.Discard, resp.Body, drainLimit)
	resp.Body.Close()
}
