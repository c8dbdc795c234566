package procure

import (
	"context"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// Xero item limits: Code 30 characters, Name 50, PurchaseDescription 4000.
const (
	xeroItemNameMax = 50
	xeroItemDescMax = 4000
)

// CreateItems creates purchase-only items (IsSold false), not tracked as
// inventory: Autotask keeps the stock, and a tracked item would make Xero
// count it again and post cost of goods sold on every sale. The purchase
// details carry Autotask's unit cost and the inventory asset (stocked) or
// cost of sales account as the defaults a bill line takes.
func (x *Xero) CreateItems(ctx context.Context, items []NewItem, key string) ([]Result, error) {
	its := make([]xero.Item, len(items))
	for i, it := range items {
		sold, bought := false, true
		its[i] = xero.Item{Code: it.Code, Name: truncateRunes(it.Name, xeroItemNameMax), PurchaseDescription: truncateRunes(it.Description, xeroItemDescMax),
			IsSold: &sold, IsPurchased: &bought,
			PurchaseDetails: &xero.ItemDetails{UnitPrice: it.UnitCost, AccountCode: it.Account, TaxType: it.TaxCode}}
	}
	res, err := x.c.CreateItems(ctx, its, key)
	if err != nil {
		return nil, err
	}
	return results(len(items), res, func(it xero.Item) string { return it.ItemID }), nil
}
