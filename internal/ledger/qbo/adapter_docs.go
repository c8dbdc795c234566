package qbo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// notePrefix introduces our reference in a document's PrivateNote.
const notePrefix = "Billbridge "

// noteOf is the PrivateNote that carries our reference.
func noteOf(d ledger.Document) string { return notePrefix + d.OurRef }

// hasOurRef reports whether a PrivateNote carries ref as a whole word
// (QuickBooks prefixes "Voided - " when a document is voided).
func hasOurRef(note, ref string) bool {
	for rest := note; ; {
		i := strings.Index(rest, ref)
		if i < 0 || ref == "" {
			return false
		}
		end := i + len(ref)
		if end == len(rest) || !isRefChar(rest[end]) {
			if i == 0 || !isRefChar(rest[i-1]) {
				return true
			}
		}
		rest = rest[end:]
	}
}

func isRefChar(b byte) bool {
	return b == '-' || b == '_' || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')
}

// docError is a document the adapter refuses before sending it.
func docError(d ledger.Document, format string, args ...any) error {
	what := d.OurRef
	if d.Number != "" {
		what = d.Number + " (" + d.OurRef + ")"
	}
	return apperr.New(apperr.Invalid, fmt.Sprintf("Invoice %s: ", what)+fmt.Sprintf(format, args...),
		"Correct it in Autotask or in Billbridge's mappings, then sync again.")
}

// salesOf builds the QuickBooks transaction for d, or says why it cannot be
// sent.
func (a *Adapter) salesOf(d ledger.Document) (SalesTransaction, error) {
	var st SalesTransaction
	if len(d.Number) > MaxDocNumberLength {
		return st, docError(d, "the number is longer than the %d characters QuickBooks allows", MaxDocNumberLength)
	}
	if d.CustomerID == "" {
		return st, docError(d, "it has no QuickBooks customer yet")
	}
	if len(d.Lines) == 0 {
		return st, docError(d, "it has no lines")
	}
	st = SalesTransaction{
		DocNumber: d.Number, TxnDate: DateOf(d.Date), CustomerRef: Ref{Value: d.CustomerID},
		PrivateNote: noteOf(d), CurrencyRef: Ref{Value: string(d.Currency)},
	}
	if !d.DueDate.IsZero() && !d.DueDate.Before(d.Date) {
		st.DueDate = DateOf(d.DueDate)
	}
	if d.Reference != "" {
		st.CustomerMemo = Memo{Value: truncate("Your reference: "+d.Reference, MaxCustomerMemoLength)}
	}
	if d.Currency != "" && d.Currency != a.co.HomeCurrency && d.ExchangeRate.Sign() > 0 {
		// Billbridge's rate is document currency per home unit; QuickBooks
		// wants home currency per document unit.
		r, err := money.FromInt(1).Div(d.ExchangeRate, 8)
		if err != nil {
			return st, docError(d, "the exchange rate %s cannot be used: %v", d.ExchangeRate, err)
		}
		st.ExchangeRate = r
	}
	var err error
	if a.co.US() {
		err = a.usLines(d, &st)
	} else {
		err = a.vatLines(d, &st)
	}
	return st, err
}

// line builds one sales line on item.
func (a *Adapter) line(d ledger.Document, k int, l ledger.Line, taxCode string) (Line, error) {
	item, err := a.itemOf(l)
	if err != nil {
		return Line{}, docError(d, "line %d: %v", k+1, err)
	}
	places := min(d.Currency.MinorUnits(), 2)
	if !l.Quantity.IsZero() && !l.UnitPrice.IsZero() && !l.Quantity.Mul(l.UnitPrice).Round(places).Equal(l.Amount) {
		return Line{}, docError(d, "line %d: the amount %s is not the quantity %s × the unit price %s",
			k+1, l.Amount, l.Quantity, l.UnitPrice)
	}
	det := &SalesItemLineDetail{ItemRef: Ref{Value: item.ID}, Qty: l.Quantity, UnitPrice: l.UnitPrice}
	if !l.Quantity.Mul(l.UnitPrice).Round(2).Equal(l.Amount) {
		// A currency without cents: QuickBooks checks Qty × UnitPrice to
		// the cent, so the amount goes alone.
		det.Qty, det.UnitPrice = money.Zero, money.Zero
	}
	if taxCode != "" {
		det.TaxCodeRef = Ref{Value: taxCode}
	}
	if l.Tracking.ID != "" {
		det.ClassRef = Ref{Value: l.Tracking.ID}
	}
	return Line{Description: truncate(l.Description, MaxLineDescLength), Amount: l.Amount,
		DetailType: DetailSalesItem, SalesItemLineDetail: det}, nil
}

// itemOf resolves a line's item: by code (SKU, then name); without a code,
// an item selling to the line's account, else the fallback item.
func (a *Adapter) itemOf(l ledger.Line) (Item, error) {
	if l.ItemCode != "" {
		if it, ok := a.cachedItem(l.ItemCode); ok {
			return it, nil
		}
		return Item{}, fmt.Errorf("QuickBooks has no item with SKU or name %q", l.ItemCode)
	}
	if l.AccountCode != "" {
		if it, ok := a.itemForAccount(l.AccountCode); ok {
			return it, nil
		}
	}
	if it, ok := a.cachedItem(a.opts.FallbackItem); ok {
		return it, nil
	}
	return Item{}, fmt.Errorf("no QuickBooks item sells to account %q and there is no item %q to use instead", l.AccountCode, a.opts.FallbackItem)
}

// vatLines puts the line's tax code on each line (non-US companies), with
// amounts excluding tax; QuickBooks computes the tax per rate.
func (a *Adapter) vatLines(d ledger.Document, st *SalesTransaction) error {
	for k, l := range d.Lines {
		if l.TaxCode == "" {
			return docError(d, "line %d has no tax code", k+1)
		}
		ql, err := a.line(d, k, l, l.TaxCode)
		if err != nil {
			return err
		}
		st.Line = append(st.Line, ql)
	}
	st.GlobalTaxCalculation = TaxExcluded
	return nil
}

// usLines marks each line TAX or NON. A line's tax code may be TAX, NON or
// one of the company's sales tax codes, which becomes the transaction's tax
// code (QuickBooks US takes one per transaction). Autotask's tax goes as
// the profile chose (USTax).
func (a *Adapter) usLines(d ledger.Document, st *SalesTransaction) error {
	txnCode := ""
	tax := money.Zero
	taxable := false
	for k, l := range d.Lines {
		code := TaxCodeNonTaxable
		switch l.TaxCode {
		case "", TaxCodeNonTaxable:
		case TaxCodeTaxable:
			code = TaxCodeTaxable
		default:
			if txnCode != "" && txnCode != l.TaxCode {
				return docError(d, "its lines carry two sales tax codes (%s and %s); a US QuickBooks invoice has one", txnCode, l.TaxCode)
			}
			txnCode, code = l.TaxCode, TaxCodeTaxable
		}
		if code == TaxCodeTaxable {
			taxable = true
		}
		tax = tax.Add(l.TaxAmount)
		if a.opts.USTax == USTaxLine {
			code = TaxCodeNonTaxable
		}
		ql, err := a.line(d, k, l, code)
		if err != nil {
			return err
		}
		st.Line = append(st.Line, ql)
	}
	switch a.opts.USTax {
	case USTaxLine:
		if tax.IsZero() {
			return nil
		}
		if a.opts.TaxItemID == "" {
			return docError(d, "it carries tax, and no QuickBooks item is chosen for the sales tax line")
		}
		st.Line = append(st.Line, Line{Description: "Sales tax", Amount: tax, DetailType: DetailSalesItem,
			SalesItemLineDetail: &SalesItemLineDetail{ItemRef: Ref{Value: a.opts.TaxItemID}, Qty: money.FromInt(1), UnitPrice: tax,
				TaxCodeRef: Ref{Value: TaxCodeNonTaxable}}})
	case USTaxOverride:
		if taxable {
			st.TxnTaxDetail = &TxnTaxDetail{TxnTaxCodeRef: Ref{Value: txnCode}, TotalTax: tax}
		}
	default:
		if txnCode != "" {
			st.TxnTaxDetail = &TxnTaxDetail{TxnTaxCodeRef: Ref{Value: txnCode}}
		}
	}
	return nil
}

// CreateDocuments creates invoices and credit memos through the batch
// endpoint, 30 a request whatever the mix of kinds; the requestids derive from key, so the same call
// repeated is answered with the first results. A document the adapter
// cannot build, and one QuickBooks refuses (its Fault, naming the document
// and field), is a Result with Err; the others are created.
func (a *Adapter) CreateDocuments(ctx context.Context, docs []ledger.Document, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(docs))
	if _, err := a.itemCache(ctx); err != nil {
		return out, err
	}
	var ops []salesOp
	for i, d := range docs {
		st, err := a.salesOf(d)
		if err != nil {
			out[i].Err = err
			continue
		}
		if d.Kind == ledger.KindCreditNote {
			ops = append(ops, salesOp{at: i, entity: "CreditMemo", body: CreditMemo{SalesTransaction: st}})
		} else {
			ops = append(ops, salesOp{at: i, entity: "Invoice", body: Invoice{SalesTransaction: st}})
		}
	}
	if err := a.createSales(ctx, ops, out, key); err != nil {
		return out, err
	}
	return out, nil
}

// VoidDocument voids an invoice. QuickBooks cannot void a credit memo
// through the API, so an unapplied one is deleted; an applied one is
// refused with what to do instead. A document already voided is left alone.
func (a *Adapter) VoidDocument(ctx context.Context, kind ledger.DocKind, id, key string) error {
	if kind == ledger.KindCreditNote {
		cm, err := Read[CreditMemo](ctx, a.c, id)
		if err != nil {
			return notFound(err, "void credit memo", id)
		}
		if !cm.Balance.Equal(cm.TotalAmt) {
			return apperr.New(apperr.Conflict, fmt.Sprintf("QuickBooks credit memo %s is already applied to invoices", cm.DocNumber),
				"Unapply it in QuickBooks and void it there by hand; Autotask already shows it as voided.")
		}
		if err := Delete[CreditMemo](ctx, a.c, id, cm.SyncToken, key); err != nil {
			return fmt.Errorf("qbo: delete credit memo %s: %w", id, err)
		}
		return nil
	}
	inv, err := Read[Invoice](ctx, a.c, id)
	if err != nil {
		return notFound(err, "void invoice", id)
	}
	if statusOf(inv.SalesTransaction, true) == ledger.StatusVoided {
		return nil
	}
	if err := Void[Invoice](ctx, a.c, id, inv.SyncToken, key); err != nil {
		return fmt.Errorf("qbo: void invoice %s: %w", id, err)
	}
	return nil
}

// notFound adds ledger.ErrNotFound to a missing document's error.
func notFound(err error, op, id string) error {
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("qbo: %s %s: %w: %w", op, id, ledger.ErrNotFound, err)
	}
	return fmt.Errorf("qbo: %s %s: %w", op, id, err)
}

// statusOf reads a document's state: QuickBooks voids by zeroing the
// amounts and prefixing the note with "Voided".
func statusOf(st SalesTransaction, invoice bool) ledger.DocStatus {
	switch {
	case st.TotalAmt.IsZero() && strings.HasPrefix(st.PrivateNote, "Voided"):
		return ledger.StatusVoided
	case invoice && st.Balance.IsZero() && st.TotalAmt.Sign() > 0:
		return ledger.StatusPaid
	}
	return ledger.StatusApproved
}
