// Package procure turns Autotask goods receipts into supplier bills in the
// ledger, exactly once.
//
// Pull reads the receivings of a window with their purchase-order lines,
// purchase orders, vendors, products, payment terms and currencies (batched
// "in" queries). Plan makes one bill per goods receipt — the receivings of
// one purchase order saved together (same receive time and vendor invoice
// number) — or names what blocks it, with the fix. Engine.Run pushes the
// plan through a Ledger (Xero ACCPAY invoices, QuickBooks Online bills) with
// a journal committed before and after every ledger call; a bill left
// 'sending' by a crash is resolved by looking it up by its number, never by
// sending it again, and a receiving on a sent bill is never billed again.
//
// Autotask's PurchaseOrderItemReceiving has no packing-slip field in its
// published API, so the unique reference is the receiving batch: "RCV-" and
// the lowest receiving id of the receipt. Amounts are in the vendor's
// currency, as Autotask keeps purchase-order costs; they are rounded once,
// to the currency's minor units, when the bill is made.
package procure
