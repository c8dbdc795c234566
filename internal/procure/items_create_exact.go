package procure

import (
	"context"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// CreateItems creates each item as a purchase item (one call each; Exact
// has no idempotency key, so an item already there by code is taken, not
// created again). A product received into Autotask stock becomes a stock
// item, so Exact books its purchase on the item group's stock account as
// Xero and QuickBooks book it on the inventory asset; the rest book on the
// item group's cost account. Exact has no account on the item to set.
func (x *Exact) CreateItems(ctx context.Context, items []NewItem, _ string) ([]Result, error) {
	have, err := x.c.PurchaseItems(ctx)
	if err != nil {
		return nil, err
	}
	byCode := map[string]string{}
	for _, it := range have {
		byCode[lowerTrim(it.Code)] = it.ID
	}
	return exactEach(items, func(_ int, it NewItem) (string, error) {
		if id, ok := byCode[lowerTrim(it.Code)]; ok {
			return id, nil
		}
		saved, err := x.c.CreatePurchaseItem(ctx, exact.PurchaseItem{Code: it.Code, Description: it.Name, IsStockItem: it.Stocked,
			CostPriceStandard: it.UnitCost})
		return saved.ID, err
	})
}

func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
