// Package httpx is the one HTTP layer every Billbridge API client uses. It
// builds an http.RoundTripper from small decorators, each in its own file, in
// the spirit of restic's backend decorators:
//
//	retry (retry.go) → rate limit (limit.go) → concurrency cap (concurrency.go)
//	  → count + log each attempt (observe.go) → base transport
//
// The retry layer is outermost so that every attempt, including each retry,
// waits for a rate-limit token and a concurrency slot, and no slot is held
// while sleeping between attempts. Counting and logging sit next to the wire,
// so the counter sees every request a remote service actually receives and
// benchmarks count real API calls.
//
// Rules:
//   - Only requests that are safe to repeat are retried: GET, HEAD and
//     OPTIONS; requests marked with Idempotent; requests carrying an
//     Idempotency-Key header (Xero) or a requestid query parameter (QuickBooks
//     Online). A request whose body cannot be rewound (no GetBody) is sent once.
//   - Retried: network failures (reset, refused, EOF, timeouts), 429, 502, 503,
//     504, and 500 for GET and HEAD only (Autotask answers a bad query with a
//     500, and sending it again cannot help).
//   - Backoff is exponential with full jitter, capped at MaxDelay; a
//     Retry-After header raises the delay to what the service asked. A
//     Retry-After longer than MaxDelay (a daily limit) is not waited out: the
//     response goes back to the caller, who tells the user when to return.
//   - After the last attempt the last response is returned untouched, so the
//     caller can read the service's error body.
//   - Waiting for a token, a slot or a backoff stops as soon as the request's
//     context is done; a cancelled request is never retried.
//   - Logs carry the method, a redacted URL, the status, the duration and the
//     attempt number; never header values or bodies.
package httpx
