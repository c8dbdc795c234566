// Package xero is Billbridge's client for Xero's Accounting API 2.0.
//
// One Client talks to one Xero organisation (tenant) through an *http.Client
// the caller builds: its transport adds the bearer token (internal/oauth) and
// handles retries, rate limiting and the concurrency cap (internal/httpx).
// This package adds what is specific to Xero:
//
//   - every call carries xero-tenant-id and Accept: application/json;
//   - every PUT and POST carries an Idempotency-Key, so httpx may retry it and
//     Xero answers a repeat with the first result (for about six minutes; the
//     sync journal and a lookup before create remain the real guard);
//   - writes go in batches of at most BatchSize elements with
//     summarizeErrors=false, and each element's own validation errors are
//     read back, so one bad invoice does not hide nine good ones;
//   - invoice, credit note and item calls send unitdp=4, so four-decimal unit
//     prices survive;
//   - the X-*Limit-Remaining headers of every answer are kept, so a run can
//     check the daily budget before it starts instead of failing half way;
//   - errors a person can act on are *apperr.Error values wrapping *APIError.
//
// Amounts are money.Decimal (JSON numbers, never float64). Xero writes dates
// as "/Date(1574208000000+0000)/"; requests send "YYYY-MM-DD" as the spec
// describes.
package xero
