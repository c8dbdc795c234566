// Package ledger is the accounting-system side of Billbridge in ledger-neutral
// terms: the documents the sync engine sends (customers, items, invoices and
// credit notes, payments read back) and the small Ledger interface every
// adapter (ledger/xero, later qbo and exact) implements.
//
// Rules every adapter follows (ledgertest checks them):
//   - Amounts are money.Decimal. A Line carries Autotask's quantity and unit
//     price (at most 4 decimals) and the amount the ledger must end up with
//     (rounded to the currency); the adapter sends what its API needs to
//     reach exactly that amount, or reports the line as failed.
//   - Every document carries OurRef (e.g. "AT-1234"), and FindDocuments must
//     find a document by OurRef, and by Number when the number came from
//     Autotask. That lookup is how a crashed push is resolved: never by
//     sending again blind.
//   - Batched writes return one Result per input document, in input order;
//     an element the ledger refused is a Result with Err, not an error of the
//     call. An error of the call means the outcome of the whole batch is
//     unknown.
//   - Writes carry the caller's idempotency key; the adapter derives per-call
//     keys from it so repeating the same call repeats the same keys.
package ledger
