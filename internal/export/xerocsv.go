package export

import (
	"github.com/billbridge/billbridge/internal/ledger"
)

// Xero sales-invoice import CSV (Business → Invoices → Import), one row
// per invoice line; rows with the same InvoiceNumber become one invoice.
//
// Source and confidence: Xero's own help page ("Import invoices", Xero
// Central) was not reachable from the stored corpus Billbridge was built
// with. The column names and their order below come from third-party pages
// that reproduce Xero's downloadable template (an accounting firm's Xero
// guide at online.flippingbook.com/view/399081/31, xero-help.caltrix.asia
// "How to import sales invoice into Xero", docs.moment.team's Xero template)
// and agree on the names. Not confirmed: whether Xero's template marks the
// required columns with an asterisk in the header (Billbridge writes plain
// names), and whether Xero matches columns by name or by position.
//
//	ContactName, EmailAddress, POAddressLine1, POAddressLine2,
//	POAddressLine3, POAddressLine4, POCity, PORegion, POPostalCode,
//	POCountry, InvoiceNumber, Reference, InvoiceDate, DueDate,
//	InventoryItemCode, Description, Quantity, UnitAmount, Discount,
//	AccountCode, TaxType, TrackingName1, TrackingOption1, TrackingName2,
//	TrackingOption2, Currency
//
// Per those sources: ContactName, InvoiceNumber, InvoiceDate, DueDate,
// Description, Quantity, UnitAmount, AccountCode and TaxType are required;
// dates DD/MM/YYYY (UK organisations; Xero reads dates in the
// organisation's regional format); TaxType is the tax rate's display name as
// Xero shows it (e.g. "20% (VAT on Income)"); prices are all tax-exclusive
// or all inclusive, chosen on import — Billbridge writes exclusive prices,
// so choose "Tax exclusive"; at most 500 invoices per file; Xero computes
// the tax from TaxType, so its tax can differ from Autotask's by rounding
// (the file's totals list Autotask's tax per line).
//
// What Billbridge writes: the customer's name and address, the Autotask
// invoice number, the order number as Reference, the line's description,
// quantity and unit price (4 decimals at most), the mapped item, account and
// tax type, the currency. Credit notes are written as lines with negative
// unit amounts (quantities stay positive); whether Xero's invoice import
// turns a negative invoice into a credit note is not confirmed — import
// those by hand or through the API sync if Xero refuses them. Discount and
// tracking are left blank (Autotask's lines carry no discount; tracking
// categories are not mapped).
type xeroLayout struct{}

var xeroHeader = []string{"ContactName", "EmailAddress", "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4",
	"POCity", "PORegion", "POPostalCode", "POCountry", "InvoiceNumber", "Reference", "InvoiceDate", "DueDate", "InventoryItemCode",
	"Description", "Quantity", "UnitAmount", "Discount", "AccountCode", "TaxType", "TrackingName1", "TrackingOption1",
	"TrackingName2", "TrackingOption2", "Currency"}

func (xeroLayout) header() []string              { return xeroHeader }
func (xeroLayout) customerRef(a *Account) string { return a.Name }
func (xeroLayout) finish() []LedgerProblem       { return nil }

func (xeroLayout) records(d *LedgerDoc, c *check) [][]string {
	name := c.ref("Contact name", d.Customer.ID, 255, "Give the company a name in Autotask, or map it to its Xero contact in Mappings → Customers.")
	number := c.ref("Invoice number", d.Number, 255, "Wait until Autotask has numbered the invoice.")
	a := d.Customer.Address
	addr := make([]string, 4)
	for i := 0; i < len(a.Lines) && i < 4; i++ {
		addr[i] = cell(c.text("Address line", a.Lines[i], 500))
	}
	date, due := d.Date.UTC().Format("02/01/2006"), d.DueDate.UTC().Format("02/01/2006")
	out := make([][]string, 0, len(d.Lines))
	for _, l := range d.Lines {
		price := l.UnitPrice
		if d.Kind == ledger.KindCreditNote {
			price = price.Neg()
		}
		acct := c.ref("Account code", l.AccountCode, 10, "Map the billing code to a Xero account in Mappings → Billing codes.")
		tax := c.ref("Tax type", l.TaxCode, 50, "Map the tax region and category to a Xero tax rate in Mappings → Tax.")
		out = append(out, []string{cell(name), cell(d.Customer.Email), addr[0], addr[1], addr[2], addr[3],
			cell(a.City), cell(a.Region), cell(a.PostalCode), cell(a.Country), cell(number), cell(c.text("Reference", d.Reference, 255)),
			date, due, cell(l.ItemCode), cell(c.text("Description", l.Description, 4000)), l.Quantity.String(), price.String(), "",
			cell(acct), cell(tax), "", "", "", "", string(d.Currency)})
	}
	return out
}
