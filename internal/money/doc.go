// Package money holds exact decimal amounts and currencies. No float64 is used
// anywhere money flows; amounts cross JSON as numbers written digit by digit,
// SQLite as TEXT, and the frontend as strings.
//
// Rounding policy (the only one in Billbridge):
//   - Keep every digit Autotask sends. Autotask stores rates, quantities and
//     amounts with up to 4 decimals; nothing is rounded on the way in, and
//     the stored scale is kept (386.6450 stays 386.6450).
//   - Round only when a value leaves for a ledger or a file, and only once:
//     amounts (line totals, tax, invoice totals) to the currency's minor
//     units with RoundAmount (2 for USD, EUR, GBP, AUD, NZD, CAD; 0 for JPY;
//     3 for KWD, BHD); unit prices to at most 4 decimals with RoundUnitPrice;
//     quantities to at most 4 decimals with RoundQuantity. A value with fewer
//     decimals keeps them.
//   - Rounding is half away from zero (2.345 → 2.35, -2.345 → -2.35), the
//     commercial rounding that Autotask, Xero, QuickBooks Online and Exact
//     Online apply to invoice amounts. Round, StringFixed, RoundAmount,
//     RoundUnitPrice, RoundQuantity, Div and Percent all use it.
//   - Products and sums are exact. Div and Percent compute the exact result
//     and round once, to the places the caller names; Div returns
//     ErrDivideByZero for a zero divisor rather than panicking.
//   - Tax is Percent(amount, rate, places): the exact product, rounded once.
//     Totals are sums of rounded lines, and a difference against Autotask's
//     own invoice total is shown and explained, never silently absorbed.
package money
