// Package money holds exact decimal amounts and currencies. No float64 is used
// anywhere money flows; amounts cross JSON as numbers written digit by digit,
// SQLite as TEXT, and the frontend as strings.
//
// Rounding policy (the only one in Billbridge):
//   - Keep every digit Autotask sends. Autotask stores rates, quantities and
//     amounts with up to 4 decimals; nothing is rounded on the way in.
//   - Round only when a value leaves for a ledger or a file, and only once:
//     amounts (line totals, tax, invoice totals) to 2 decimals (or the
//     currency's minor units), unit prices to at most 4 decimals, quantities to
//     at most 4 decimals.
//   - Rounding is half away from zero (2.345 → 2.35, -2.345 → -2.35), the
//     commercial rounding that Autotask, Xero, QuickBooks Online and Exact
//     Online apply to invoice amounts.
//   - Totals are sums of rounded lines, and a difference against Autotask's own
//     invoice total is shown and explained, never silently absorbed.
package money
