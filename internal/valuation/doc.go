// Package valuation is the stock valuation report: Autotask's stock on hand
// × each product's unit cost, per location and in total, against the balance
// of the ledger's inventory asset account on the report date, with the
// difference explained.
//
// Autotask keeps only today's on-hand quantities (InventoryItems has no
// history), so the Autotask side is always "now"; the date applies to the
// ledger balance. Amounts are in Autotask's internal currency, each product
// at a location rounded once to the currency's minor units (the money
// rounding policy); totals are sums of those rounded values.
package valuation
