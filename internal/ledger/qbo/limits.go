package qbo

import (
	"context"
	"time"

	"github.com/billbridge/billbridge/internal/httpx"
)

// Intuit's published limits (developer.intuit.com, "API call limits and
// throttles", checked 2026).
const (
	MinuteLimit    = 500  // requests a minute per realm, batch requests included
	SecondLimit    = 10   // requests a second per realm and app (formerly: 10 in flight)
	BatchSize      = 30   // operations in one batch request (Intuit's recommended maximum)
	BatchPerMinute = 40   // batch requests a minute per realm and app
	MaxResults     = 1000 // rows in one query page
	RequestTimeout = 120 * time.Second
	// ThrottleWait is how long Intuit asks a throttled app to wait; its 429
	// carries no Retry-After.
	ThrottleWait = 60 * time.Second
)

// HTTPOptions are the httpx options for one realm: the per-minute limit as a
// token bucket that allows the per-second burst, the in-flight cap, and a
// backoff that reaches ThrottleWait, since Intuit's 429 sends no Retry-After
// and asks for about a minute (2+4+8+16+32 s before the last attempt). The
// caller adds Logger, Counter and Base and wraps the result in the oauth
// transport.
func HTTPOptions() httpx.Options {
	return httpx.Options{
		Name:          "qbo",
		RatePerSecond: float64(MinuteLimit) / 60,
		Burst:         SecondLimit,
		MaxConcurrent: SecondLimit,
		MaxRetries:    5,
		BaseDelay:     2 * time.Second,
		MaxDelay:      ThrottleWait,
	}
}

// waitBatch waits for the client-side batch allowance.
func (c *Client) waitBatch(ctx context.Context) error {
	if c.batchRate == nil {
		return nil
	}
	return c.batchRate.Wait(ctx)
}
