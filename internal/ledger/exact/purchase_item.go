package exact

import (
	"context"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// PurchaseItem is an item in logistics/Items that can be purchased; its
// GLCosts / GLStock accounts take the cost of a purchase order line.
type PurchaseItem struct {
	ID                string        `json:"ID,omitempty"`
	Code              string        `json:"Code"`
	Description       string        `json:"Description"`
	IsPurchaseItem    bool          `json:"IsPurchaseItem"`
	IsSalesItem       bool          `json:"IsSalesItem"`
	IsStockItem       bool          `json:"IsStockItem,omitempty"`
	Unit              string        `json:"Unit,omitempty"`
	CostPriceStandard money.Decimal `json:"CostPriceStandard,omitzero"`
	EndDate           Date          `json:"EndDate,omitzero"`
}

var purchaseItemFields = []string{"ID", "Code", "Description", "IsPurchaseItem", "IsSalesItem", "IsStockItem", "Unit", "CostPriceStandard", "EndDate"}

// ItemDescriptionMax is the length of an item's Description in Exact
// (ExtraDescription holds 255).
const ItemDescriptionMax = 60

// PurchaseItems lists the items that can be purchased.
func (c *Client) PurchaseItems(ctx context.Context) ([]PurchaseItem, error) {
	return getAll[PurchaseItem](ctx, c, list{op: "list purchase items", path: "logistics/Items",
		query: Query{Select: purchaseItemFields, Filter: Eq("IsPurchaseItem", "true")}})
}

// CreatePurchaseItem creates an item that can be purchased (and sold when
// IsSalesItem is set). Code and Description are mandatory at Exact.
func (c *Client) CreatePurchaseItem(ctx context.Context, it PurchaseItem) (PurchaseItem, error) {
	doc := "item " + it.Code
	switch {
	case strings.TrimSpace(it.Code) == "":
		return PurchaseItem{}, invalid("item", "Code", "is empty", "Give the product a SKU in Autotask.")
	case strings.TrimSpace(it.Description) == "":
		return PurchaseItem{}, invalid(doc, "Description", "is empty", "Give the product a name in Autotask.")
	case len([]rune(it.Description)) > ItemDescriptionMax:
		it.Description = string([]rune(it.Description)[:ItemDescriptionMax])
	}
	it.ID, it.IsPurchaseItem = "", true
	return post[PurchaseItem](ctx, c, "logistics/Items", "create item", doc, it)
}
