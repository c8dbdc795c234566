package procure

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// maxLineDescription is the longest line description Xero keeps.
const maxLineDescription = 4000

// withOrder is a bill line's description naming the purchase order:
// "PO-4403 → Xero PO-0001" on a line of its own, the description cut to
// keep within Xero's limit.
func withOrder(desc string, b Bill) string {
	if b.LedgerOrderNumber == "" {
		return desc
	}
	po := orDefault(b.PurchaseOrderNumber, fmt.Sprintf("PO %d", b.PurchaseOrderID))
	tail := "\n" + po + " → Xero " + b.LedgerOrderNumber
	if len(desc)+len(tail) > maxLineDescription {
		desc = desc[:max(0, maxLineDescription-len(tail))]
	}
	return desc + tail
}

// MarkOrdersBilled moves the approved (AUTHORISED) orders to BILLED, in
// one call of up to 50; Xero bills only approved orders, so a draft one is
// left as it is (approve it in Xero and the next run marks it), as is one
// already BILLED. One read of the approved orders first keeps a re-run
// from writing.
func (x *Xero) MarkOrdersBilled(ctx context.Context, orders []LedgerOrder, key string) ([]Result, error) {
	approved, err := x.c.PurchaseOrders(ctx, xero.PurchaseOrderFilter{Status: xero.StatusAuthorised})
	if err != nil {
		return nil, fmt.Errorf("read approved purchase orders: %w", err)
	}
	isApproved := map[string]bool{}
	for _, po := range approved {
		isApproved[po.PurchaseOrderID] = true
	}
	out := make([]Result, len(orders))
	var ids []string
	var at []int
	for i, o := range orders {
		if isApproved[o.ID] {
			ids, at = append(ids, o.ID), append(at, i)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	res, err := x.c.SetPurchaseOrderStatus(ctx, ids, xero.StatusBilled, key)
	if err != nil {
		return nil, err
	}
	for j, r := range results(len(ids), res, func(po xero.PurchaseOrder) string { return po.PurchaseOrderID }) {
		out[at[j]] = r
	}
	return out, nil
}
