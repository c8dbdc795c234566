package exact

import (
	"context"

	"github.com/billbridge/billbridge/internal/money"
)

// Item is an article in logistics/Items. GLRevenue, when set, overrides the
// item group's revenue account on invoice lines.
type Item struct {
	ID                 string        `json:"ID"`
	Code               string        `json:"Code"`
	Description        string        `json:"Description"`
	IsSalesItem        bool          `json:"IsSalesItem"`
	SalesVatCode       string        `json:"SalesVatCode"`
	GLRevenue          string        `json:"GLRevenue"`
	Unit               string        `json:"Unit"`
	StandardSalesPrice money.Decimal `json:"StandardSalesPrice"`
	EndDate            Date          `json:"EndDate"`
	Modified           DateTime      `json:"Modified"`
	Timestamp          int64         `json:"Timestamp,omitempty"` // sync/Logistics/Items only
}

var itemFields = []string{"ID", "Code", "Description", "IsSalesItem", "SalesVatCode", "GLRevenue", "Unit", "StandardSalesPrice", "EndDate", "Modified"}

// SalesItems lists the items that can be sold.
func (c *Client) SalesItems(ctx context.Context) ([]Item, error) {
	return getAll[Item](ctx, c, list{op: "list items", path: "logistics/Items",
		query: Query{Select: itemFields, Filter: Eq("IsSalesItem", "true")}})
}

// ItemsByCode reads items by code, batched.
func (c *Client) ItemsByCode(ctx context.Context, codes []string) ([]Item, error) {
	lits := make([]string, len(codes))
	for i, code := range codes {
		lits[i] = Str(code)
	}
	return getAnyOf[Item](ctx, c, list{op: "find items by code", path: "logistics/Items",
		query: Query{Select: itemFields}}, "Code", lits, "")
}

// SyncItems reads items changed after timestamp since through
// sync/Logistics/Items (1,000 a page) and returns the highest Timestamp seen.
func (c *Client) SyncItems(ctx context.Context, since int64) ([]Item, int64, error) {
	l := list{op: "sync items", path: "sync/Logistics/Items",
		query: Query{Select: append([]string{"Timestamp"}, itemFields...)}}
	return syncRead(ctx, c, l, since, func(it Item) int64 { return it.Timestamp })
}
