package qbo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// cdcMargin keeps a poll safely inside CDC's 30 days.
const cdcMargin = time.Hour

// SettlementsSince reads the invoices whose payments changed since t.
//
// Within CDC's reach it is one change data capture call for payments and
// invoices; further back, or when CDC's answer is full, payments are
// queried by MetaData.LastUpdatedTime. The invoices those payments link
// (and changed invoices that carry payments) are read when CDC did not
// bring them, and so are their other payments, so each Settlement lists
// every payment with its real TxnDate. A payment that applies credit memos
// to invoices counts the credit first, in line order, as AmountCredited.
func (a *Adapter) SettlementsSince(ctx context.Context, t time.Time) ([]ledger.Settlement, error) {
	var pays []Payment
	var changed []Invoice
	cdc := a.now().Sub(t) < CDCLookBack-cdcMargin
	if cdc {
		ch, err := a.c.ChangedSince(ctx, []string{"Payment", "Invoice"}, t)
		if err != nil {
			return nil, fmt.Errorf("qbo: settlements: %w", err)
		}
		if cdc = !ch.Full; cdc {
			if pays, err = ChangesOf[Payment](ch); err != nil {
				return nil, err
			}
			if changed, err = ChangesOf[Invoice](ch); err != nil {
				return nil, err
			}
		}
	}
	if !cdc {
		var err error
		if pays, err = Query[Payment](ctx, a.c, "Payment", "MetaData.LastUpdatedTime >= ?", t); err != nil {
			return nil, fmt.Errorf("qbo: settlements: payments: %w", err)
		}
	}
	invoices := map[string]Invoice{}
	var order []string
	want := func(id string) {
		if _, ok := invoices[id]; !ok {
			invoices[id] = Invoice{}
			order = append(order, id)
		}
	}
	for _, p := range pays {
		for _, l := range p.Line {
			for _, lt := range l.LinkedTxn {
				if lt.TxnType == "Invoice" {
					want(lt.TxnID)
				}
			}
		}
	}
	for _, inv := range changed {
		if _, linked := invoices[inv.ID]; linked || len(paymentIDs(inv)) > 0 || !inv.Balance.Equal(inv.TotalAmt) {
			want(inv.ID)
			invoices[inv.ID] = inv
		}
	}
	var missing []string
	for _, id := range order {
		if invoices[id].ID == "" {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		rows, err := QueryIn[Invoice](ctx, a.c, "Id", missing)
		if err != nil {
			return nil, fmt.Errorf("qbo: settlements: invoices: %w", err)
		}
		for _, inv := range rows {
			invoices[inv.ID] = inv
		}
	}
	payByID := map[string]Payment{}
	for _, p := range pays {
		payByID[p.ID] = p
	}
	var morePays []string
	for _, id := range order {
		for _, pid := range paymentIDs(invoices[id]) {
			if _, ok := payByID[pid]; !ok && !slices.Contains(morePays, pid) {
				morePays = append(morePays, pid)
			}
		}
	}
	if len(morePays) > 0 {
		rows, err := QueryIn[Payment](ctx, a.c, "Id", morePays)
		if err != nil {
			return nil, fmt.Errorf("qbo: settlements: earlier payments: %w", err)
		}
		for _, p := range rows {
			payByID[p.ID] = p
		}
	}
	out := make([]ledger.Settlement, 0, len(order))
	for _, id := range order {
		inv := invoices[id]
		if inv.ID == "" || inv.TotalAmt.IsZero() {
			continue // deleted, or voided (zero total)
		}
		out = append(out, settlementOf(inv, payByID))
	}
	return out, nil
}

// paymentIDs lists the payments linked to an invoice.
func paymentIDs(inv Invoice) []string {
	var ids []string
	for _, lt := range inv.LinkedTxn {
		if lt.TxnType == "Payment" {
			ids = append(ids, lt.TxnID)
		}
	}
	return ids
}

func settlementOf(inv Invoice, pays map[string]Payment) ledger.Settlement {
	s := ledger.Settlement{DocumentID: inv.ID, Number: inv.DocNumber, Total: inv.TotalAmt, AmountDue: inv.Balance,
		AmountPaid: money.Zero, AmountCredited: money.Zero}
	var last time.Time
	for _, pid := range paymentIDs(inv) {
		p, ok := pays[pid]
		if !ok {
			continue
		}
		part, ok := splitPayment(p)[inv.ID]
		if !ok {
			continue
		}
		s.AmountPaid, s.AmountCredited = s.AmountPaid.Add(part.cash), s.AmountCredited.Add(part.credit)
		if part.cash.Sign() > 0 {
			s.Payments = append(s.Payments, ledger.Payment{ID: p.ID, Date: p.TxnDate.Time(), Amount: part.cash})
		}
		if d := p.TxnDate.Time(); part.cash.Add(part.credit).Sign() > 0 && d.After(last) {
			last = d
		}
	}
	slices.SortStableFunc(s.Payments, func(x, y ledger.Payment) int { return x.Date.Compare(y.Date) })
	if s.AmountDue.Sign() <= 0 {
		s.FullyPaidOn = last
	}
	return s
}

// applied is what one payment settles of one invoice.
type applied struct{ cash, credit money.Decimal }

// splitPayment divides a payment's invoice lines into money received and
// credit memos applied: QuickBooks records a credit application as lines
// linking credit memos in the same payment, whose TotalAmt is only the
// money received. Credit is given to the invoice lines in order.
func splitPayment(p Payment) map[string]applied {
	credit := money.Zero
	for _, a := range p.Applied("CreditMemo") {
		credit = credit.Add(a)
	}
	out := map[string]applied{}
	for _, l := range p.Line {
		for _, lt := range l.LinkedTxn {
			if lt.TxnType != "Invoice" {
				continue
			}
			c := l.Amount
			if credit.Cmp(c) < 0 {
				c = credit
			}
			credit = credit.Sub(c)
			cur := out[lt.TxnID]
			out[lt.TxnID] = applied{cash: cur.cash.Add(l.Amount.Sub(c)), credit: cur.credit.Add(c)}
		}
	}
	return out
}
