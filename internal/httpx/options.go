package httpx

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"

	"golang.org/x/time/rate"
)

// Options configure the transport built by NewTransport. The zero value is
// usable: no rate limit, no concurrency cap, 4 retries from 500ms up to 30s.
type Options struct {
	Name          string            // remote name for logs and counters, e.g. "autotask"
	RatePerSecond float64           // token bucket; 0 = unlimited
	Burst         int               // default 1 when RatePerSecond > 0
	Limiter       *rate.Limiter     // optional caller-owned limiter (so a client can SetLimit to slow down); overrides RatePerSecond
	MaxConcurrent int               // requests in flight at once; 0 = unlimited
	MaxRetries    int               // default 4; negative = none
	BaseDelay     time.Duration     // default 500ms
	MaxDelay      time.Duration     // default 30s; a longer Retry-After is returned, not waited
	Logger        *slog.Logger      // nil = discard
	Counter       *Counter          // nil = none
	Base          http.RoundTripper // nil = a clone of http.DefaultTransport

	// Sleep waits between attempts; nil = a real timer that stops when ctx
	// is done. Tests inject a fake that records the delays.
	Sleep func(ctx context.Context, d time.Duration) error

	// Jitter picks the actual backoff from [0, max]; nil = uniformly random
	// ("full jitter"), so many clients backing off at once spread out. Tests
	// pass func(d time.Duration) time.Duration { return d } to make delays
	// deterministic. It does not apply to a Retry-After the service sent.
	Jitter func(max time.Duration) time.Duration
}

const (
	defaultMaxRetries = 4
	defaultBaseDelay  = 500 * time.Millisecond
	defaultMaxDelay   = 30 * time.Second
)

// withDefaults fills in what the zero value leaves open.
func (o Options) withDefaults() Options {
	switch {
	case o.MaxRetries == 0:
		o.MaxRetries = defaultMaxRetries
	case o.MaxRetries < 0:
		o.MaxRetries = 0
	}
	if o.BaseDelay <= 0 {
		o.BaseDelay = defaultBaseDelay
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = defaultMaxDelay
	}
	if o.MaxDelay < o.BaseDelay {
		o.MaxDelay = o.BaseDelay
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Base == nil {
		o.Base = http.DefaultTransport.(*http.Transport).Clone()
	}
	if o.Sleep == nil {
		o.Sleep = sleepContext
	}
	if o.Jitter == nil {
		o.Jitter = fullJitter
	}
	if o.Limiter == nil && o.RatePerSecond > 0 {
		burst := o.Burst
		if burst <= 0 {
			burst = 1
		}
		o.Limiter = rate.NewLimiter(rate.Limit(o.RatePerSecond), burst)
	}
	return o
}

// NewTransport returns opts.Base wrapped in the retry, rate-limit,
// concurrency and observe decorators (see the package doc for the order).
func NewTransport(opts Options) http.RoundTripper {
	o := opts.withDefaults()
	var rt http.RoundTripper = &observeTransport{
		next:    o.Base,
		name:    o.Name,
		logger:  o.Logger,
		counter: o.Counter,
	}
	if o.MaxConcurrent > 0 {
		rt = newConcurrencyTransport(rt, o.MaxConcurrent, o.Name)
	}
	if o.Limiter != nil {
		rt = &limitTransport{next: rt, limiter: o.Limiter, name: o.Name}
	}
	return &retryTransport{
		next:       rt,
		name:       o.Name,
		logger:     o.Logger,
		maxRetries: o.MaxRetries,
		baseDelay:  o.BaseDelay,
		maxDelay:   o.MaxDelay,
		sleep:      o.Sleep,
		jitter:     o.Jitter,
	}
}

// NewClient returns a client using NewTransport(opts). It has no Timeout:
// callers bound each call with their context, which also stops waits for
// tokens, slots and backoff.
func NewClient(opts Options) *http.Client {
	return &http.Client{Transport: NewTransport(opts)}
}

// sleepContext waits for d or until ctx is done, whichever comes first.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func fullJitter(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(max) + 1))
}

// closeIdler is what http.Client.CloseIdleConnections looks for; every
// decorator passes it down so idle connections of the base can be closed.
type closeIdler interface{ CloseIdleConnections() }

func closeIdle(rt http.RoundTripper) {
	if c, ok := rt.(closeIdler); ok {
		c.CloseIdleConnections()
	}
}
