package procure

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// Xero keeps purchase orders with a unique PurchaseOrderNumber: Autotask's
// number. Lines name the item and the account bills would use; the status
// is AUTHORISED when bills are approved, DRAFT otherwise. Xero's API does
// not link a bill to its order (the bill's memo names the PO number).
func (x *Xero) MaxOrderNumberLen() int { return 255 }

func (x *Xero) CreateOrders(ctx context.Context, orders []Order, key string) ([]Result, error) {
	pos := make([]xero.PurchaseOrder, len(orders))
	for i, o := range orders {
		pos[i] = x.purchaseOrder(o)
	}
	res, err := x.c.CreatePurchaseOrders(ctx, pos, key)
	if err != nil {
		return nil, err
	}
	return results(len(orders), res, func(po xero.PurchaseOrder) string { return po.PurchaseOrderID }), nil
}

func (x *Xero) purchaseOrder(o Order) xero.PurchaseOrder {
	po := xero.PurchaseOrder{PurchaseOrderNumber: o.Number, Reference: o.Reference, Contact: xero.ContactRef(o.VendorID),
		Date: xero.DateOf(o.Date), LineAmountTypes: xero.LineAmountsExclusive, Status: xero.StatusDraft, DeliveryAddress: o.ShipTo}
	if o.Approved {
		po.Status = xero.StatusAuthorised
	}
	if !o.DeliveryDate.IsZero() {
		po.DeliveryDate = xero.DateOf(o.DeliveryDate)
	}
	if o.Currency != "" && !strings.EqualFold(o.Currency, x.base) {
		po.CurrencyCode, po.CurrencyRate = o.Currency, o.ExchangeRate
	}
	for _, l := range o.Lines {
		po.LineItems = append(po.LineItems, xero.LineItem{Description: l.Description, Quantity: l.Quantity, UnitAmount: l.UnitCost,
			ItemCode: l.ItemCode, AccountCode: l.Account, TaxType: l.TaxCode, LineAmount: l.Amount})
	}
	return po
}

// FindOrders lists the purchase orders dated from the earliest to the
// latest order asked (Xero filters purchase orders by date, not number)
// and matches them by number and contact; deleted ones do not count.
func (x *Xero) FindOrders(ctx context.Context, refs []OrderRef) ([]FoundOrder, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	want := map[[2]string]bool{}
	from, to := refs[0].Date, refs[0].Date
	for _, r := range refs {
		want[[2]string{r.VendorID, r.Number}] = true
		if r.Date.Before(from) {
			from = r.Date
		}
		if r.Date.After(to) {
			to = r.Date
		}
	}
	f := xero.PurchaseOrderFilter{}
	if !from.IsZero() {
		f.DateFrom, f.DateTo = xero.DateOf(from), xero.DateOf(to)
	}
	pos, err := x.c.PurchaseOrders(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("find purchase orders: %w", err)
	}
	var out []FoundOrder
	for _, po := range pos {
		if want[[2]string{po.Contact.ContactID, po.PurchaseOrderNumber}] && po.Status != xero.StatusDeleted {
			out = append(out, FoundOrder{VendorID: po.Contact.ContactID, Number: po.PurchaseOrderNumber, ID: po.PurchaseOrderID})
		}
	}
	return out, nil
}
