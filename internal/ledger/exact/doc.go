// Package exact is Billbridge's client for the Exact Online REST API (OData v3).
//
// One Client talks to one Exact division (administration) through an
// *http.Client the caller builds: its transport adds the bearer token
// (internal/oauth, which also owns Exact's 570-second refresh rule and the
// rotating refresh token) and may retry network failures (internal/httpx).
// This package adds what is specific to Exact, all of it unforgiving:
//
//   - every read names its fields with $select (Exact refuses some endpoints
//     without it) and every call sends Accept: application/json; POSTs send
//     Prefer: return=representation so the created record comes back;
//   - $filter literals are written the way Exact parses them: guid'…',
//     datetime'…', strings with single quotes doubled, and account codes padded
//     to 18 characters with leading spaces (PadCode);
//   - lists are read by following __next (60 records a page, 1,000 on bulk and
//     sync endpoints); incremental reads use the sync endpoints with
//     "Timestamp gt N" and hand back the highest Timestamp seen;
//   - the X-RateLimit-* headers of every answer are kept (Limits) and calls are
//     paced so the 60-a-minute limit is never hit: when the minute's calls are
//     used up the client waits for the minutely reset instead of sending;
//     CheckDayBudget refuses a run that would not fit in today's 5,000 calls;
//   - Exact blocks the app key for an hour after more than 10 failed calls
//     (400/401/403/404) to one endpoint in an hour. Documents are therefore
//     validated locally before they are POSTed (Validate*, Catalog), lookups
//     use $filter (an empty list, never a 404), and after MaxFailuresPerHour
//     failures an endpoint is not called again until the oldest failure is an
//     hour old — the caller gets an apperr saying so and what to fix;
//   - errors a person can act on are *apperr.Error values wrapping *APIError
//     and naming the document (the Autotask invoice number) and the field.
//
// Amounts are money.Decimal, never float64. Exact writes dates as
// "/Date(1574208000000)/"; requests send ISO-8601.
package exact
