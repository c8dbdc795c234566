package xero

import (
	"context"
	"net/http"
)

// StatusBilled is a purchase order whose goods are billed; Xero moves only
// an AUTHORISED order to it.
const StatusBilled = "BILLED"

// SetPurchaseOrderStatus moves purchase orders (by id) to status with a
// POST of {PurchaseOrderID, Status} each, in batches of 50 — how Xero's
// API marks an order BILLED, since it cannot link a bill to one.
func (c *Client) SetPurchaseOrderStatus(ctx context.Context, ids []string, status, key string) (BatchResult[PurchaseOrder], error) {
	pos := make([]PurchaseOrder, len(ids))
	for i, id := range ids {
		pos[i] = PurchaseOrder{PurchaseOrderID: id, Status: status}
	}
	return writeBatches[PurchaseOrder](ctx, c, batchCall{op: "set purchase order status", method: http.MethodPost, path: "PurchaseOrders",
		wrapper: "PurchaseOrders"}, pos, key)
}
