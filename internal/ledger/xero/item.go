package xero

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Item is a product or service. Code is required (at most 30 characters)
// and unique; Name is at most 50.
type Item struct {
	ItemID                    string        `json:"ItemID,omitempty"`
	Code                      string        `json:"Code"`
	Name                      string        `json:"Name,omitempty"`
	Description               string        `json:"Description,omitempty"`
	PurchaseDescription       string        `json:"PurchaseDescription,omitempty"`
	IsSold                    *bool         `json:"IsSold,omitempty"`
	IsPurchased               *bool         `json:"IsPurchased,omitempty"`
	SalesDetails              *ItemDetails  `json:"SalesDetails,omitempty"`
	PurchaseDetails           *ItemDetails  `json:"PurchaseDetails,omitempty"`
	IsTrackedAsInventory      bool          `json:"IsTrackedAsInventory,omitempty"`
	InventoryAssetAccountCode string        `json:"InventoryAssetAccountCode,omitempty"`
	TotalCostPool             money.Decimal `json:"TotalCostPool,omitzero"`
	QuantityOnHand            money.Decimal `json:"QuantityOnHand,omitzero"`
	UpdatedDateUTC            DateTime      `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

// ItemDetails are an item's sales or purchase defaults (the spec's
// "Purchase" schema, used for both).
type ItemDetails struct {
	UnitPrice       money.Decimal `json:"UnitPrice"`
	AccountCode     string        `json:"AccountCode,omitempty"`
	COGSAccountCode string        `json:"COGSAccountCode,omitempty"`
	TaxType         string        `json:"TaxType,omitempty"`
}

func (it *Item) ref() string { return it.Code }

// prepare drops what only transactions change (stock and cost pool).
func (it *Item) prepare() {
	it.ElementStatus = ElementStatus{}
	it.TotalCostPool, it.QuantityOnHand, it.UpdatedDateUTC = money.Zero, money.Zero, DateTime{}
}

// ItemFilter narrows Items. Items are not paged: Xero returns them all.
type ItemFilter struct {
	Where         string
	ModifiedSince time.Time
}

// Items reads items with four-decimal unit prices.
func (c *Client) Items(ctx context.Context, f ItemFilter) ([]Item, error) {
	q := url.Values{"unitdp": {"4"}}
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	return getList[Item](ctx, c, list{op: "read items", path: "Items", wrapper: "Items", query: q, since: f.ModifiedSince})
}

// ItemsByCode returns the items whose Code is one of codes. Items are not
// paged, so this is one call for all items, filtered here, rather than a
// long where expression per code.
func (c *Client) ItemsByCode(ctx context.Context, codes []string) ([]Item, error) {
	all, err := c.Items(ctx, ItemFilter{})
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(codes))
	for _, code := range codes {
		want[code] = true
	}
	var out []Item
	for _, it := range all {
		if want[it.Code] {
			out = append(out, it)
		}
	}
	return out, nil
}

// CreateItems creates items in batches (PUT, create only).
func (c *Client) CreateItems(ctx context.Context, items []Item, key string) (BatchResult[Item], error) {
	return writeBatches[Item](ctx, c, batchCall{op: "create items", method: http.MethodPut, path: "Items", wrapper: "Items", unitdp: true}, items, key)
}
