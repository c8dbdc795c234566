package procure

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// OrderBiller is a ledger whose purchase orders Billbridge marks billed
// itself once every item is billed, because its API cannot link a bill to
// an order (Xero). QuickBooks closes an order itself from the bills'
// LinkedTxn; Exact's goods receipts are purchase orders already.
type OrderBiller interface {
	// MarkOrdersBilled marks the orders billed: one Result per order, its
	// ID set when marked; an order the ledger leaves as it is (already
	// billed, not approved, deleted) has neither ID nor Err. An error means
	// the outcome is unknown; marking again is harmless.
	MarkOrdersBilled(ctx context.Context, orders []LedgerOrder, key string) ([]Result, error)
}

// markOrdersBilled marks billed the ledger orders of the window's POs
// whose sent bills cover the quantity ordered on all their items.
func (e *Engine) markOrdersBilled(ctx context.Context, ob OrderBiller, plan *PlanResult, sum *Summary) error {
	done, err := e.fullyBilled(ctx, plan.orders)
	if err != nil || len(done) == 0 {
		return err
	}
	ids := make([]string, len(done))
	for i, o := range done {
		ids[i] = o.ID
	}
	res, err := ob.MarkOrdersBilled(ctx, done, key(e.keyParts(append([]string{"orders billed"}, ids...)...)...))
	if err != nil {
		return fmt.Errorf("procure: mark purchase orders billed: %w", err)
	}
	for i, r := range res {
		switch {
		case r.Err != nil:
			sum.Failed++
			sum.Lines = append(sum.Lines, Line{Reference: done[i].Reference, Status: "failed", LedgerID: done[i].ID,
				Message: fmt.Sprintf("Purchase order %s is fully billed, but the ledger refused to mark it billed: %s", done[i].Number, r.Err)})
		case r.ID != "":
			sum.OrdersBilled = append(sum.OrdersBilled, done[i].Number)
		}
	}
	logOr(e.Log).Info("procure: purchase orders marked billed", "orders", sum.OrdersBilled)
	return nil
}

// fullyBilled returns the orders whose Autotask PO's items are all billed:
// the quantities on the organisation's sent bills of the PO reach the
// quantities ordered (a receipt is billed only once received, so this is
// "received in full and billed").
func (e *Engine) fullyBilled(ctx context.Context, orders map[int64]LedgerOrder) ([]LedgerOrder, error) {
	if len(orders) == 0 {
		return nil, nil
	}
	poIDs := make([]int64, 0, len(orders))
	for id := range orders {
		poIDs = append(poIDs, id)
	}
	slices.Sort(poIDs)
	items, err := autotask.QueryIn[autotask.PurchaseOrderItem](ctx, e.Autotask, autotask.EntityPurchaseOrderItems, "orderID", poIDs, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull purchase order items: %w", err)
	}
	ordered := map[int64]money.Decimal{}
	for _, it := range items {
		id := deref(it.OrderID)
		ordered[id] = ordered[id].Add(money.FromInt(int64(it.Quantity)))
	}
	rows, err := e.Store.ProcureJournal(ctx, e.ProfileID, e.Organisation, store.ProcureSent)
	if err != nil {
		return nil, err
	}
	billed := map[int64]money.Decimal{}
	for _, r := range rows {
		if _, ok := orders[r.PurchaseOrderID]; !ok {
			continue
		}
		var b Bill
		if err := json.Unmarshal([]byte(r.Payload), &b); err != nil {
			return nil, fmt.Errorf("procure: journal row %s: %w", r.Reference, err)
		}
		for _, l := range b.Lines {
			billed[r.PurchaseOrderID] = billed[r.PurchaseOrderID].Add(l.Quantity)
		}
	}
	var out []LedgerOrder
	for _, id := range poIDs {
		if q := ordered[id]; q.Sign() > 0 && billed[id].Cmp(q) >= 0 {
			o := orders[id]
			if o.Reference == "" {
				o.Reference = "PO-" + strconv.FormatInt(id, 10)
			}
			out = append(out, o)
		}
	}
	return out, nil
}
