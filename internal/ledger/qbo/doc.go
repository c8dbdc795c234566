// Package qbo is Billbridge's client for the QuickBooks Online Accounting API
// v3 (Intuit).
//
// One Client talks to one QuickBooks company (realm) through an *http.Client
// the caller builds: its transport adds the bearer token (internal/oauth) and
// handles retries, the per-realm rate limit and the concurrency cap
// (internal/httpx; see HTTPOptions). This package adds what is specific to
// QuickBooks:
//
//   - every call goes to {base}{realmId}/… with minorversion=MinorVersion
//     and Accept: application/json;
//   - every write carries a requestid query parameter derived from the
//     caller's key (RequestID), so httpx may retry it and Intuit answers a
//     repeat with the first result instead of applying it twice; the sync
//     journal and a lookup before create remain the real guard, because
//     Intuit does not say how long it remembers a requestid;
//   - creates of many documents go through the batch endpoint, BatchSize
//     operations a request, at most BatchPerMinute batch requests a minute,
//     and each operation's own Fault is read back, so one bad invoice does
//     not hide twenty-nine good ones;
//   - updates are sparse and carry the SyncToken last read; a stale token is
//     a Conflict telling the caller to read again;
//   - queries are built with Where, which quotes and escapes values, and are
//     paged with STARTPOSITION/MAXRESULTS until a short page;
//   - Fault bodies (JSON, and the XML Intuit sends with a 429 even when JSON
//     was asked for, and faults inside an HTTP 200) become *APIError, mapped
//     to *apperr.Error values that name the document and the field;
//   - the intuit_tid header of every answer is kept for support messages.
//
// Amounts are money.Decimal, never float64. Dates such as TxnDate are
// "YYYY-MM-DD" (Date).
package qbo
