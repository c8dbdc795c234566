package export

import (
	"fmt"

	"github.com/billbridge/billbridge/internal/ledger"
)

// QuickBooks Online invoice import CSV (Settings → Import data → Invoices),
// one row per invoice line; rows with the same invoice number become one
// invoice.
//
// Source: Intuit's QuickBooks community (quickbooks.intuit.com/learn-support,
// "Do we need to map field everytime when import invoices", answered by
// Intuit, en-CA): the importer maps these headers automatically, * marks the
// mandatory ones:
//
//	*Invoice number, *Customer, *Invoice date, *Due date, Item amount,
//	Item tax code, Terms, Service Date, Item (Product/Service),
//	Item Description, Item Quantity, Item Rate, *Item Amount, Memo
//
// ("Item amount" and "Item Amount" are listed twice there; Billbridge writes
// the one mandatory "Item Amount" column.) Intuit's help article it links
// ("Import invoices in batches") was not in the stored corpus, so the
// following are not confirmed and are Billbridge's choices: the column
// order (written as below), the date format (written MM/DD/YYYY — choose
// that format on the import screen), whether a currency can be imported
// (there is no currency column, so a document in another currency than
// LedgerMap.BaseCurrency is refused), and credit memos (the invoice import
// takes invoices; Autotask credits are refused with a problem — send them
// with the API sync or enter them by hand).
//
//	Invoice number, Customer, Invoice date, Due date, Terms, Memo,
//	Item (Product/Service), Item Description, Item Quantity, Item Rate,
//	Item Amount, Item tax code, Service Date
//
// Limits checked: invoice number ≤ 21 characters and customer ≤ 100 (QBO's
// DocNumber and DisplayName limits in its API); descriptions ≤ 4000,
// shortened with a note. Item Amount = round(quantity × rate), the line's
// net; QuickBooks computes the tax from the tax code.
type qboLayout struct{ base string }

var qboHeader = []string{"Invoice number", "Customer", "Invoice date", "Due date", "Terms", "Memo", "Item (Product/Service)",
	"Item Description", "Item Quantity", "Item Rate", "Item Amount", "Item tax code", "Service Date"}

func (qboLayout) header() []string              { return qboHeader }
func (qboLayout) customerRef(a *Account) string { return a.Name }
func (qboLayout) finish() []LedgerProblem       { return nil }

func (q qboLayout) records(d *LedgerDoc, c *check) [][]string {
	if d.Kind == ledger.KindCreditNote {
		c.fail(ProblemNotImportable, "is a credit; QuickBooks Online's invoice import takes invoices only",
			"Send credits with the QuickBooks Online sync, or enter the credit memo in QuickBooks by hand and leave it out of this export.")
	}
	if q.base != "" && string(d.Currency) != q.base {
		c.fail(ProblemNotImportable, fmt.Sprintf("is in %s; the QuickBooks Online invoice import has no currency column and the company's currency is %s", d.Currency, q.base),
			"Export this customer's invoices with the QuickBooks Online sync, or filter them out of this export.")
	}
	number := c.ref("Invoice number", d.Number, 21, "Wait until Autotask has numbered the invoice, or use invoice numbers of at most 21 characters.")
	cust := c.ref("Customer", d.Customer.ID, 100, "Map the company to its QuickBooks customer in Mappings → Customers.")
	date, due := d.Date.UTC().Format("01/02/2006"), d.DueDate.UTC().Format("01/02/2006")
	memo := c.text("Memo", d.Reference, 1000)
	out := make([][]string, 0, len(d.Lines))
	for _, l := range d.Lines {
		out = append(out, []string{cell(number), cell(cust), date, due, "", cell(memo), cell(l.ItemCode),
			cell(c.text("Item Description", l.Description, 4000)), l.Quantity.String(), l.UnitPrice.String(),
			fixed(l.Amount, d.Currency), cell(l.TaxCode), ""})
	}
	return out
}
