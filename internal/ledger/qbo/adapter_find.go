package qbo

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger"
)

// FindDocuments looks documents up: those with a number by DocNumber (one
// query per hundred numbers and kind), those QuickBooks numbered by reading
// the documents of that kind created in the last LookBack and matching our
// reference in their PrivateNote (Intuit's queries cannot filter on it).
func (a *Adapter) FindDocuments(ctx context.Context, refs []ledger.DocRef) ([]ledger.Found, error) {
	var out []ledger.Found
	inv, err := findKind[Invoice](ctx, a, refs, ledger.KindInvoice, func(v Invoice) SalesTransaction { return v.SalesTransaction })
	if err != nil {
		return nil, err
	}
	cm, err := findKind[CreditMemo](ctx, a, refs, ledger.KindCreditNote, func(v CreditMemo) SalesTransaction { return v.SalesTransaction })
	if err != nil {
		return nil, err
	}
	return append(append(out, inv...), cm...), nil
}

func findKind[T Entity](ctx context.Context, a *Adapter, refs []ledger.DocRef, kind ledger.DocKind, sales func(T) SalesTransaction) ([]ledger.Found, error) {
	var zero T
	entity := zero.EntityName()
	byNumber := map[string]ledger.DocRef{}
	var numbers []string
	var byNote []ledger.DocRef
	for _, r := range refs {
		switch {
		case r.Kind != kind && !(kind == ledger.KindInvoice && r.Kind == ""):
		case r.Number != "":
			byNumber[strings.ToLower(r.Number)] = r
			numbers = append(numbers, r.Number)
		case r.OurRef != "":
			byNote = append(byNote, r)
		}
	}
	isInvoice := kind != ledger.KindCreditNote
	found := func(r ledger.DocRef, st SalesTransaction) ledger.Found {
		return ledger.Found{Ref: r, ID: st.ID, Number: st.DocNumber, Status: statusOf(st, isInvoice), Total: st.TotalAmt}
	}
	var out []ledger.Found
	if len(numbers) > 0 {
		rows, err := QueryIn[T](ctx, a.c, "DocNumber", numbers)
		if err != nil {
			return nil, fmt.Errorf("qbo: find %s by number: %w", words(entity), err)
		}
		seen := map[string]bool{}
		for _, v := range rows {
			st := sales(v)
			k := strings.ToLower(st.DocNumber)
			if r, ok := byNumber[k]; ok && !seen[k] {
				seen[k] = true
				out = append(out, found(r, st))
			}
		}
	}
	if len(byNote) > 0 {
		since := a.now().Add(-a.opts.LookBack)
		rows, err := Query[T](ctx, a.c, entity, "MetaData.CreateTime >= ?", since)
		if err != nil {
			return nil, fmt.Errorf("qbo: find %s by our reference: %w", words(entity), err)
		}
		for _, r := range byNote {
			for _, v := range rows {
				if st := sales(v); hasOurRef(st.PrivateNote, r.OurRef) {
					out = append(out, found(r, st))
					break
				}
			}
		}
	}
	return out, nil
}
