// Package autotask is a client for the Autotask PSA REST API v1.0: zone
// discovery, the header authentication Autotask defines, a query builder for
// /{Entity}/query with paging through pageDetails.nextPageUrl, batched reads
// with "in" filters, the few updates Autotask allows on invoices and billing
// items, a per-client cache of entity metadata, and typed entities whose JSON
// tags are Autotask's own field names.
//
// Rules this package keeps, because Autotask enforces them tenant-wide:
//   - Never one request per row: children of many parents are read with "in"
//     filters of at most 500 values (Autotask's OR-condition cap).
//   - At most 3 requests in flight per entity endpoint (Autotask's thread
//     limit per integration code; a 4th gets HTTP 429 and mails the admins).
//   - Read ThresholdInformation before a run; slow down from 50 % of the
//     hourly budget (as Autotask itself does) and refuse new work past 90 %,
//     because past 100 % Autotask locks out every integration of the tenant.
//   - Secrets are passed in by the caller and never stored or logged here.
//   - Money and quantities are money.Decimal, never float64.
//
// Retries, backoff and request counting belong to the *http.Client passed
// in (see internal/httpx); queries are POSTs but reads, so they are marked
// idempotent for that client.
package autotask
