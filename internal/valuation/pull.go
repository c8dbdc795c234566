package valuation

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/autotask"
)

// Pull reads the stock on hand, the stocked products, the locations and the
// internal currency from Autotask.
func Pull(ctx context.Context, c *autotask.Client) (Stock, error) {
	items, err := autotask.QueryAll[autotask.InventoryItem](ctx, c, autotask.EntityInventoryItems, autotask.Query{})
	if err != nil {
		return Stock{}, fmt.Errorf("valuation: pull inventory items: %w", err)
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, it := range items {
		if it.ProductID != nil && !seen[*it.ProductID] {
			seen[*it.ProductID] = true
			ids = append(ids, *it.ProductID)
		}
	}
	prods, err := autotask.QueryIn[autotask.Product](ctx, c, autotask.EntityProducts, "id", ids, autotask.Query{})
	if err != nil {
		return Stock{}, fmt.Errorf("valuation: pull products: %w", err)
	}
	locs, err := autotask.QueryAll[autotask.InventoryLocation](ctx, c, autotask.EntityInventoryLocations, autotask.Query{})
	if err != nil {
		return Stock{}, fmt.Errorf("valuation: pull inventory locations: %w", err)
	}
	curs, err := autotask.QueryAll[autotask.Currency](ctx, c, autotask.EntityCurrencies, autotask.Query{})
	if err != nil {
		return Stock{}, fmt.Errorf("valuation: pull currencies: %w", err)
	}
	s := Stock{Items: items, Products: map[int64]autotask.Product{}, Locations: map[int64]autotask.InventoryLocation{}}
	for _, p := range prods {
		s.Products[p.ID] = p
	}
	for _, l := range locs {
		s.Locations[l.ID] = l
	}
	for _, cu := range curs {
		if cu.IsInternalCurrency {
			s.Currency = cu.Name
		}
	}
	return s, nil
}
