package export

import (
	"strconv"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Sage 50 US (formerly Peachtree) Sales Journal import CSV (File →
// Select Import/Export → Accounts Receivable → Sales Journal; default file
// name SALES.CSV), one row per distribution, each row repeating the
// invoice's header fields and the count of its distributions.
//
// Source: Sage's own help, "Sales Journal Fields (Import/Export)"
// (help-sage50.na.sage.com/en-us/2019/…/IEFIELDS_Sales_Journal.htm): Customer
// ID (required, ≤ 20), Invoice/CM # (≤ 20), Date (required, MM/DD/YY), …
// The stored copy ends before the distribution fields; their names come from
// shared/api-notes/sage.md §3 ("Number of Distributions, Quantity, Item ID,
// Description, G/L Account, Unit Price, Tax Type, Amount") and a vendor's
// import guide that lists Date Due in that place (microstaffer.com,
// "Peachtree Sales Journal Import"). Sage's import lets the user pick the
// fields and their order on its Fields tab, so select these, in this order,
// and tick "First Row Contains Headings":
//
//	Customer ID, Invoice/CM #, Date, Date Due, Number of Distributions,
//	Quantity, Item ID, Description, G/L Account, Unit Price, Tax Type, Amount
//
// What Billbridge writes: one distribution per line and, when the document
// has tax, one sales tax distribution on LedgerMap.SalesTaxAccount.
// Limits: Customer ID and Invoice/CM # ≤ 20 (Sage's help); G/L Account ≤ 15
// and Description ≤ 160 (the same limits in Sage's General Journal field
// list). Signs are not confirmed for the Sales Journal: Billbridge follows
// the General Journal's documented convention (positive = debit, negative =
// credit), so an invoice's income and tax distributions are negative and a
// credit memo's positive. Tax Type carries the mapped tax code.
type sage50USLayout struct{ taxAccount string }

var sage50USHeader = []string{"Customer ID", "Invoice/CM #", "Date", "Date Due", "Number of Distributions", "Quantity",
	"Item ID", "Description", "G/L Account", "Unit Price", "Tax Type", "Amount"}

func (sage50USLayout) header() []string { return sage50USHeader }
func (sage50USLayout) customerRef(a *Account) string {
	if a.Number != "" {
		return a.Number
	}
	return strconv.FormatInt(a.ID, 10)
}
func (sage50USLayout) finish() []LedgerProblem { return nil }

func (s sage50USLayout) records(d *LedgerDoc, c *check) [][]string {
	cust := c.ref("Customer ID", d.Customer.ID, 20, "Map the company to its Sage 50 customer ID (at most 20 characters) in Mappings → Customers.")
	number := c.ref("Invoice/CM #", d.Number, 20, "Wait until Autotask has numbered the invoice, or use invoice numbers of at most 20 characters.")
	date, due := d.Date.UTC().Format("01/02/06"), d.DueDate.UTC().Format("01/02/06")
	// Income is a credit: negative on invoices, positive on credit memos
	// (whose lines are already positive, see LedgerDoc).
	sign := money.FromInt(-1)
	if d.Kind == ledger.KindCreditNote {
		sign = money.FromInt(1)
	}
	tax := money.Zero
	for _, l := range d.Lines {
		tax = tax.Add(l.TaxAmount)
	}
	n := len(d.Lines)
	if !tax.IsZero() {
		n++
	}
	count := strconv.Itoa(n)
	out := make([][]string, 0, n)
	for _, l := range d.Lines {
		gl := c.ref("G/L Account", l.AccountCode, 15, "Set a GL account on the billing code in Autotask, or map the billing code to a Sage 50 account in Mappings → Billing codes.")
		out = append(out, []string{cell(cust), cell(number), date, due, count, l.Quantity.String(), cell(c.text("Item ID", l.ItemCode, 20)),
			cell(c.text("Description", l.Description, 160)), cell(gl), l.UnitPrice.String(), cell(l.TaxCode), fixed(l.Amount.Mul(sign), d.Currency)})
	}
	if !tax.IsZero() {
		gl := c.ref("Sales tax G/L Account", s.taxAccount, 15, "Set the sales tax account for Sage 50 US exports in the profile's export settings.")
		out = append(out, []string{cell(cust), cell(number), date, due, count, "", "", "Sales tax", cell(gl), "", "", fixed(tax.Mul(sign), d.Currency)})
	}
	return out
}
