package procure

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// Xero sends bills as ACCPAY invoices. Xero keeps ACCPAY InvoiceNumber
// non-unique and has no Reference for bills ("ACCREC only"), so the bill
// number carries the vendor invoice number and our reference, and a bill is
// found by that number and its contact. Nor can a bill link its purchase
// order, so when the Autotask PO was sent as a Xero purchase order every
// line names both numbers, and the order is marked BILLED once all its
// items are billed (MarkOrdersBilled). Suppliers are contacts; Xero sets
// IsSupplier itself once a bill names one.
type Xero struct {
	c    *xero.Client
	base string // the organisation's base currency
}

// NewXero returns the Xero procurement ledger of an organisation.
func NewXero(c *xero.Client, baseCurrency string) *Xero { return &Xero{c: c, base: baseCurrency} }

func (x *Xero) Kind() string      { return "xero" }
func (x *Xero) MaxNumberLen() int { return 255 }
func (x *Xero) BatchSize() int    { return 50 }

func (x *Xero) Vendors(ctx context.Context) ([]Vendor, error) {
	cs, err := x.c.Contacts(ctx, xero.ContactFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]Vendor, len(cs))
	for i, c := range cs {
		out[i] = Vendor{ID: c.ContactID, Name: c.Name, AccountNumber: c.AccountNumber, Currency: c.DefaultCurrency}
	}
	return out, nil
}

func (x *Xero) CreateVendors(ctx context.Context, vs []Vendor, key string) ([]Result, error) {
	cs := make([]xero.Contact, len(vs))
	for i, v := range vs {
		cs[i] = xero.Contact{Name: v.Name, AccountNumber: v.AccountNumber}
	}
	res, err := x.c.CreateContacts(ctx, cs, key)
	if err != nil {
		return nil, err
	}
	return results(len(vs), res, func(c xero.Contact) string { return c.ContactID }), nil
}

func (x *Xero) Items(ctx context.Context) ([]Item, error) {
	return x.items(ctx, func(xero.Item) bool { return true })
}

// items lists the items that keep; an item's id is its code.
func (x *Xero) items(ctx context.Context, keep func(xero.Item) bool) ([]Item, error) {
	its, err := x.c.Items(ctx, xero.ItemFilter{})
	if err != nil {
		return nil, err
	}
	out := []Item{}
	for _, it := range its {
		if keep(it) {
			out = append(out, Item{ID: it.Code, Code: it.Code})
		}
	}
	return out, nil
}

func (x *Xero) CreateBills(ctx context.Context, bills []Bill, key string) ([]Result, error) {
	invs := make([]xero.Invoice, len(bills))
	for i, b := range bills {
		invs[i] = x.invoice(b)
	}
	res, err := x.c.CreateInvoices(ctx, invs, key)
	if err != nil {
		return nil, err
	}
	return results(len(bills), res, func(inv xero.Invoice) string { return inv.InvoiceID }), nil
}

// results turns Xero's answer to a batch of n into one Result each.
func results[T any](n int, res xero.BatchResult[T], id func(T) string) []Result {
	out := make([]Result, n)
	for i, v := range res.Saved {
		out[res.Indexes[i]].ID = id(v)
	}
	for _, f := range res.Failed {
		out[f.Index].Err = f
	}
	return out
}

func (x *Xero) invoice(b Bill) xero.Invoice {
	inv := xero.Invoice{Type: xero.InvoiceTypeBill, Contact: xero.ContactRef(b.VendorID), InvoiceNumber: b.Number,
		Date: xero.DateOf(b.Date), DueDate: xero.DateOf(b.DueDate), LineAmountTypes: xero.LineAmountsExclusive, Status: xero.StatusDraft}
	if b.Approved {
		inv.Status = xero.StatusAuthorised
	}
	if b.Currency != "" && !strings.EqualFold(b.Currency, x.base) {
		inv.CurrencyCode = b.Currency
		// Autotask's rate is units of the currency per unit of the internal
		// currency, which is how Xero reads CurrencyRate.
		inv.CurrencyRate = b.ExchangeRate
	}
	for _, l := range b.Lines {
		inv.LineItems = append(inv.LineItems, xero.LineItem{Description: withOrder(l.Description, b), Quantity: l.Quantity, UnitAmount: l.UnitCost,
			ItemCode: l.ItemCode, AccountCode: l.Account, TaxType: l.TaxCode, LineAmount: l.Amount})
	}
	return inv
}

// FindBills reads the ACCPAY invoices with the numbers asked (50 numbers a
// call) and matches them by contact; deleted bills do not count.
func (x *Xero) FindBills(ctx context.Context, refs []BillRef) ([]Found, error) {
	var nums []string
	want := map[BillRef]bool{}
	for _, r := range refs {
		nums = append(nums, r.Number)
		want[r] = true
	}
	invs, err := x.c.Invoices(ctx, xero.InvoiceFilter{InvoiceNumbers: nums, Where: `Type=="ACCPAY"`})
	if err != nil {
		return nil, fmt.Errorf("find bills: %w", err)
	}
	var out []Found
	for _, inv := range invs {
		r := BillRef{VendorID: inv.Contact.ContactID, Number: inv.InvoiceNumber}
		if want[r] && inv.Status != xero.StatusDeleted {
			out = append(out, Found{Ref: r, ID: inv.InvoiceID})
		}
	}
	return out, nil
}
