// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import (
	"context"
	"time"
)

// InventoryItem is the stock of one product at one inventory location. Entity:
// InventoryItems.
type InventoryItem struct {
	ID                            int64  `json:"id"`
	BackOrderQuantity             int    `json:"backOrderQuantity"`
	Bin                           string `json:"bin"`
	ImpersonatorCreatorResourceID *int64 `json:"impersonatorCreatorResourceID"`
	InventoryLocationID           *int64 `json:"inventoryLocationID"`
	ProductID                     *int64 `json:"productID"`
	QuantityMaximum               int    `json:"quantityMaximum"`
	QuantityMinimum               int    `json:"quantityMinimum"`
	QuantityOnHand                int    `json:"quantityOnHand"`
	QuantityOnOrder               int    `json:"quantityOnOrder"`
	QuantityPicked                int    `json:"quantityPicked"`
	QuantityReserved              int    `json:"quantityReserved"`
	ReferenceNumber               string `json:"referenceNumber"`
}

// InventoryLocation is a place stock is kept. Entity: InventoryLocations.
type InventoryLocation struct {
	ID                            int64  `json:"id"`
	ImpersonatorCreatorResourceID *int64 `json:"impersonatorCreatorResourceID"`
	IsActive                      bool   `json:"isActive"`
	IsDefault                     bool   `json:"isDefault"`
	LocationName                  string `json:"locationName"`
	ResourceID                    *int64 `json:"resourceID"`
}

// Entity name of InventoryTransfers; it is outside the billing subset of
// Autotask's Swagger (and so outside the simulator), documented on
// Autotask's REST entity page.
const EntityInventoryTransfers = "InventoryTransfers"

// InventoryTransfer moves quantityTransferred of a product from one
// inventory location to another. Autotask also writes one as the audit note
// of a manual change to an item's on-hand quantity; such a record names the
// same location on both sides. Entity: InventoryTransfers (query and create).
type InventoryTransfer struct {
	ID                   int64  `json:"id"`
	FromLocationID       *int64 `json:"fromLocationID"`
	Notes                string `json:"notes"`
	ProductID            *int64 `json:"productID"`
	QuantityTransferred  int    `json:"quantityTransferred"`
	SerialNumber         string `json:"serialNumber"`
	ToLocationID         *int64 `json:"toLocationID"`
	TransferByResourceID *int64 `json:"transferByResourceID"`
	TransferDate         Time   `json:"transferDate"`
	UpdateNote           string `json:"updateNote"`
}

// InventoryTransfersBetween reads the transfers and on-hand adjustments
// whose transferDate is on or after from and before to.
func (c *Client) InventoryTransfersBetween(ctx context.Context, from, to time.Time) ([]InventoryTransfer, error) {
	return QueryAll[InventoryTransfer](ctx, c, EntityInventoryTransfers, Query{Filter: []Filter{
		Gte("transferDate", from.UTC()), Lt("transferDate", to.UTC())}})
}
