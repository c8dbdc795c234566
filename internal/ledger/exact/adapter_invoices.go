package exact

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// itemsFor returns the items the documents' lines name (and DefaultItem),
// by lower-case code: those already known from Items, the rest in one
// batched lookup.
func (a *Adapter) itemsFor(ctx context.Context, docs []ledger.Document) (map[string]Item, error) {
	want := map[string]string{} // lower-case code → code as written
	if a.opts.DefaultItem != "" {
		want[strings.ToLower(a.opts.DefaultItem)] = a.opts.DefaultItem
	}
	for _, d := range docs {
		for _, l := range d.Lines {
			if l.ItemCode != "" {
				want[strings.ToLower(l.ItemCode)] = l.ItemCode
			}
		}
	}
	out := map[string]Item{}
	var missing []string
	a.mu.Lock()
	for lower, code := range want {
		if it, ok := a.items[lower]; ok {
			out[lower] = it
		} else {
			missing = append(missing, code)
		}
	}
	a.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	got, err := a.c.ItemsByCode(ctx, missing)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.items == nil {
		a.items = map[string]Item{}
	}
	for _, it := range got {
		out[strings.ToLower(it.Code)] = it
		a.items[strings.ToLower(it.Code)] = it
	}
	return out, nil
}

// createInvoice creates d as a sales invoice (Type 8020) or credit note
// (8021, negative quantities) with Autotask's number in YourRef, and
// processes it through PrintedSalesInvoices when d is to be approved.
// Exact computes each line's VAT from its code; a line where that would
// differ from Autotask's tax is refused rather than booked a penny off.
func (a *Adapter) createInvoice(ctx context.Context, cat *Catalog, journal string, items map[string]Item, d ledger.Document, ref string) (ledger.Result, error) {
	inv := SalesInvoice{Journal: journal, OrderedBy: d.CustomerID, InvoiceDate: DateOf(d.Date), Currency: string(d.Currency),
		Description: description(d), YourRef: ref, Type: InvoiceTypeSales}
	a.setTerms(d, &inv.PaymentCondition, &inv.DueDate)
	sign := money.FromInt(1)
	if d.Kind == ledger.KindCreditNote {
		inv.Type, sign = InvoiceTypeCredit, money.FromInt(-1)
	}
	for i, l := range d.Lines {
		if err := checkLine(d, i, l); err != nil {
			return ledger.Result{}, err
		}
		code, rate, err := vatOf(cat, d, i, l)
		if err != nil {
			return ledger.Result{}, err
		}
		if vat := money.RoundAmount(l.Amount.Mul(rate), d.Currency); !vat.Equal(l.TaxAmount) {
			return ledger.Result{}, invalid(docLabel(d), fmt.Sprintf("line %d VATCode", i+1),
				fmt.Sprintf("%q gives %s VAT where Autotask charged %s (Exact computes the VAT of sales invoices itself)", strings.TrimSpace(l.TaxCode), vat, l.TaxAmount),
				"Map the tax category to the VAT code with Autotask's rate, or book this division as sales entries (which keep Autotask's VAT).")
		}
		itemCode := l.ItemCode
		if itemCode == "" {
			itemCode = a.opts.DefaultItem
		}
		it, ok := items[strings.ToLower(itemCode)]
		if !ok {
			problem := fmt.Sprintf("%q is not an item in Exact", itemCode)
			if itemCode == "" {
				problem = "is missing"
			}
			return ledger.Result{}, invalid(docLabel(d), fmt.Sprintf("line %d Item", i+1), problem,
				"Map the billing code to an Exact item, or set a default item for this division in Billbridge's settings.")
		}
		gl, err := glOf(cat, d, i, l.AccountCode, false)
		if err != nil {
			return ledger.Result{}, err
		}
		inv.SalesInvoiceLines = append(inv.SalesInvoiceLines, SalesInvoiceLine{Item: it.ID, Description: truncate(l.Description, 60),
			Quantity: l.Quantity.Mul(sign), UnitPrice: l.UnitPrice, VATCode: code, GLAccount: gl})
	}
	got, err := a.c.CreateSalesInvoice(ctx, inv)
	if err != nil {
		return ledger.Result{}, err
	}
	res := ledger.Result{ID: got.InvoiceID, Number: numberText(got.InvoiceNumber)}
	if d.Status != ledger.StatusApproved {
		return res, nil
	}
	if _, err := a.c.PrintSalesInvoice(ctx, docLabel(d), PrintRequest{InvoiceID: got.InvoiceID}); err != nil {
		if !elementError(err) {
			return res, err
		}
		// The invoice exists; sending it again would book it twice.
		a.note(d.OurRef, fmt.Sprintf("%s is in Exact as open invoice %s but Exact did not process it: %v. Process it in Exact by hand.",
			docLabel(d), res.Number, err))
	}
	return res, nil
}
