// Package export writes posted Autotask billing items to files for the
// accountant — CSV, Excel (.xlsx), Sage "Connect XML" and QuickBooks
// Desktop IIF — and keeps the export history: every export is a batch, and
// an item in a batch is not exported again until the batch is deleted.
// Export status is independent of invoice and sync status.
//
// Autotask's export wizard does not publish its column list, so the CSV and
// Excel columns are Billbridge's own, documented here and kept stable (see
// Columns / ColumnNames):
//
//	Billing Item ID, Account Name, Account Number, Invoice Number,
//	Invoice Date, Item Date, Posted Date, Billing Code,
//	Billing Code External Number, GL Account, Billing Code Type,
//	Billing Item Type, Billing Item Sub-Type, Item Name, Description,
//	Approved By (the resource who approved and posted the item; Autotask's
//	billing items carry no worker id), Role ID, Ticket ID, Project ID,
//	Contract ID, Contract, Purchase Order Number, Line of Business, Quantity,
//	then the nine money columns with the wizard's names, in the customer's
//	currency:
//	  Hourly Billing Rate     rate of labour items
//	  Extended Price          every item (quantity × rate)
//	  Milestone Amount        extended price of milestones
//	  Billed Amount           extended price plus tax, once invoiced
//	  Service Unit Price      rate of recurring contract services
//	  Service Extended Price  extended price of recurring services
//	  Setup Fee               extended price of setup fees
//	  Unit Price              rate of every other item
//	  Total Tax               tax, once invoiced
//	then Tax Region, Tax Category, Currency (the customer's), and last the
//	internal-currency twins: Internal Currency Hourly Billing Rate,
//	Internal Currency Extended Price, Internal Currency Billed Amount,
//	Internal Currency Total Tax.
//
// Which item is "labour", "service" and so on is read from the tenant's
// billingItemType picklist labels (Autotask does not publish the values).
//
// Rules:
//   - Money is money.Decimal and is rounded once, on the way into the file:
//     amounts to the currency's minor units, unit prices and quantities to
//     at most 4 decimals. Excel cells are doubles; see XLSX.cell.
//   - Text cells beginning with = + - @ tab or CR get a leading apostrophe
//     in CSV and Excel (Neutralize); numbers stay numbers.
//   - Files are written to a temporary name in the target folder and
//     renamed (WriteAtomic); file names must work on Windows, macOS and Linux.
//   - Sage XML and IIF write invoices, so they take only invoiced items,
//     grouped by invoice. Items on voided invoices are never exported.
package export
