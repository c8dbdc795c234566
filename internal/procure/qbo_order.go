package procure

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/ledger/qbo"
)

// QBO keeps purchase orders with DocNumber (21 characters): Autotask's
// number. Every line is item based — a purchase order orders items — in
// the vendor's currency. A bill references its order through a LinkedTxn
// (TxnType PurchaseOrder), which QuickBooks uses to close the order.
func (q *QBO) MaxOrderNumberLen() int { return 21 }

func (q *QBO) CreateOrders(ctx context.Context, orders []Order, key string) ([]Result, error) {
	return createEach(ctx, q.c, orders, key, func(o Order) (qbo.PurchaseOrder, string) { return q.purchaseOrder(o), o.Reference },
		func(po qbo.PurchaseOrder) string { return po.ID })
}

func (q *QBO) purchaseOrder(o Order) qbo.PurchaseOrder {
	po := qbo.PurchaseOrder{PurchaseByVendor: qbo.PurchaseByVendor{DocNumber: o.Number, TxnDate: qbo.DateOf(o.Date),
		VendorRef: qbo.Ref{Value: o.VendorID}, PrivateNote: o.Memo}, POStatus: "Open"}
	po.CurrencyRef, po.ExchangeRate = q.currency(o.Currency, o.ExchangeRate)
	for _, l := range o.Lines {
		tax := qbo.Ref{Value: l.TaxCode}
		po.Line = append(po.Line, qbo.Line{Description: l.Description, Amount: l.Amount, DetailType: qbo.DetailItemExpense,
			ItemBasedExpenseLineDetail: &qbo.ItemBasedExpenseLineDetail{ItemRef: qbo.Ref{Value: l.ItemID}, Qty: l.Quantity,
				UnitPrice: l.UnitCost, TaxCodeRef: tax}})
	}
	return po
}

// FindOrders queries the purchase orders with the numbers asked, 100 a
// query, and matches them by vendor.
func (q *QBO) FindOrders(ctx context.Context, refs []OrderRef) ([]FoundOrder, error) {
	want := map[[2]string]bool{}
	nums := make([]string, len(refs))
	for i, r := range refs {
		want[[2]string{r.VendorID, r.Number}], nums[i] = true, r.Number
	}
	pos, err := byDocNumber[qbo.PurchaseOrder](ctx, q.c, "PurchaseOrder", nums)
	if err != nil {
		return nil, fmt.Errorf("find purchase orders: %w", err)
	}
	var out []FoundOrder
	for _, po := range pos {
		if want[[2]string{po.VendorRef.Value, po.DocNumber}] {
			out = append(out, FoundOrder{VendorID: po.VendorRef.Value, Number: po.DocNumber, ID: po.ID})
		}
	}
	return out, nil
}
