package xero

import (
	"context"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// referenceOf writes OurRef into Xero's Reference (Xero invoices have no
// external-id field), after the customer's order number when there is one,
// so the lookup after a crash can find the document.
func referenceOf(d ledger.Document) string {
	if d.Reference == "" {
		return d.OurRef
	}
	return d.Reference + " / " + d.OurRef
}

// hasOurRef reports whether a Reference written by referenceOf carries ref.
func hasOurRef(reference, ref string) bool {
	return reference == ref || strings.HasSuffix(reference, " / "+ref)
}

func statusOf(s ledger.DocStatus) string {
	if s == ledger.StatusApproved {
		return StatusAuthorised
	}
	return StatusDraft
}

func docStatus(s string) ledger.DocStatus {
	switch s {
	case StatusAuthorised:
		return ledger.StatusApproved
	case StatusPaid:
		return ledger.StatusPaid
	case StatusVoided, StatusDeleted:
		return ledger.StatusVoided
	}
	return ledger.StatusDraft
}

func linesOf(d ledger.Document) []LineItem {
	out := make([]LineItem, 0, len(d.Lines))
	for _, l := range d.Lines {
		out = append(out, LineItem{
			Description: l.Description, Quantity: l.Quantity, UnitAmount: l.UnitPrice, ItemCode: l.ItemCode,
			AccountCode: l.AccountCode, TaxType: l.TaxCode, TaxAmount: l.TaxAmount, LineAmount: l.Amount,
			Tracking: trackingOf(l.Tracking),
		})
	}
	return out
}

// CreateDocuments sends invoices (ACCREC) and credit notes (ACCRECCREDIT)
// with Exclusive amounts, four-decimal unit prices (unitdp=4) and each
// line's amount and tax, so Xero's totals are the plan's to the penny or the
// element is refused.
func (a *Adapter) CreateDocuments(ctx context.Context, docs []ledger.Document, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(docs))
	var invs []Invoice
	var notes []CreditNote
	var invAt, noteAt []int
	for i, d := range docs {
		rate := d.ExchangeRate
		if d.Currency == a.base {
			rate = money.Zero // Xero refuses a rate on a base-currency document
		}
		if d.Kind == ledger.KindCreditNote {
			notes = append(notes, CreditNote{
				Type: CreditNoteTypeSales, CreditNoteNumber: d.Number, Reference: referenceOf(d), Contact: ContactRef(d.CustomerID),
				Date: DateOf(d.Date), Status: statusOf(d.Status), LineAmountTypes: LineAmountsExclusive, LineItems: linesOf(d),
				CurrencyCode: string(d.Currency), CurrencyRate: rate,
			})
			noteAt = append(noteAt, i)
			continue
		}
		inv := Invoice{
			Type: InvoiceTypeSales, InvoiceNumber: d.Number, Reference: referenceOf(d), Contact: ContactRef(d.CustomerID),
			Date: DateOf(d.Date), Status: statusOf(d.Status), LineAmountTypes: LineAmountsExclusive, LineItems: linesOf(d),
			CurrencyCode: string(d.Currency), CurrencyRate: rate,
		}
		if !d.DueDate.IsZero() {
			inv.DueDate = DateOf(d.DueDate)
		}
		invs, invAt = append(invs, inv), append(invAt, i)
	}
	if len(invs) > 0 {
		res, err := a.c.CreateInvoices(ctx, invs, IdempotencyKey(key, "invoices"))
		if err != nil {
			return out, err
		}
		fill(out, invAt, res, func(v Invoice) (string, string) { return v.InvoiceID, v.InvoiceNumber })
	}
	if len(notes) > 0 {
		res, err := a.c.CreateCreditNotes(ctx, notes, IdempotencyKey(key, "credit-notes"))
		if err != nil {
			return out, err
		}
		fill(out, noteAt, res, func(v CreditNote) (string, string) { return v.CreditNoteID, v.CreditNoteNumber })
	}
	return out, nil
}

// FindDocuments looks invoices up by number 50 at a time; documents without
// a number (the ledger numbers them) and credit notes one where-query each,
// which only resumes and manual copies need.
func (a *Adapter) FindDocuments(ctx context.Context, refs []ledger.DocRef) ([]ledger.Found, error) {
	var out []ledger.Found
	byNumber := map[string]ledger.DocRef{}
	var numbers []string
	for _, r := range refs {
		if r.Kind != ledger.KindCreditNote && r.Number != "" {
			byNumber[strings.ToLower(r.Number)] = r
			numbers = append(numbers, r.Number)
		}
	}
	if len(numbers) > 0 {
		invs, err := a.c.Invoices(ctx, InvoiceFilter{InvoiceNumbers: numbers, Where: `Type=="ACCREC"`})
		if err != nil {
			return nil, err
		}
		for _, inv := range invs {
			if r, ok := byNumber[strings.ToLower(inv.InvoiceNumber)]; ok && inv.Status != StatusDeleted {
				out = append(out, ledger.Found{Ref: r, ID: inv.InvoiceID, Number: inv.InvoiceNumber, Status: docStatus(inv.Status), Total: inv.Total})
			}
		}
	}
	for _, r := range refs {
		switch {
		case r.Kind == ledger.KindCreditNote:
			where := `Type=="ACCRECCREDIT" AND CreditNoteNumber==` + quote(r.Number)
			if r.Number == "" {
				where = `Type=="ACCRECCREDIT" AND Reference.Contains(` + quote(r.OurRef) + `)`
			}
			notes, err := a.c.CreditNotes(ctx, CreditNoteFilter{Where: where})
			if err != nil {
				return nil, err
			}
			for _, n := range notes {
				if n.Status != StatusDeleted && (r.Number != "" || hasOurRef(n.Reference, r.OurRef)) {
					out = append(out, ledger.Found{Ref: r, ID: n.CreditNoteID, Number: n.CreditNoteNumber, Status: docStatus(n.Status), Total: n.Total})
					break
				}
			}
		case r.Number == "":
			invs, err := a.c.Invoices(ctx, InvoiceFilter{Where: `Type=="ACCREC" AND Reference.Contains(` + quote(r.OurRef) + `)`})
			if err != nil {
				return nil, err
			}
			for _, inv := range invs {
				if inv.Status != StatusDeleted && hasOurRef(inv.Reference, r.OurRef) {
					out = append(out, ledger.Found{Ref: r, ID: inv.InvoiceID, Number: inv.InvoiceNumber, Status: docStatus(inv.Status), Total: inv.Total})
					break
				}
			}
		}
	}
	return out, nil
}
