// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

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
