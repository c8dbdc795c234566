// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// Product is a product that can be sold or procured. Entity: Products.
type Product struct {
	ID                                int64         `json:"id"`
	BillingType                       int           `json:"billingType"`
	ChargeBillingCodeID               *int64        `json:"chargeBillingCodeID"`
	CreatedByResourceID               *int64        `json:"createdByResourceID"`
	CreatedTime                       Time          `json:"createdTime"`
	DefaultVendorID                   *int64        `json:"defaultVendorID"`
	Description                       string        `json:"description"`
	DoesNotRequireProcurement         bool          `json:"doesNotRequireProcurement"`
	ExternalProductID                 string        `json:"externalProductID"`
	ImpersonatorCreatorResourceID     *int64        `json:"impersonatorCreatorResourceID"`
	InternalProductID                 string        `json:"internalProductID"`
	IsActive                          bool          `json:"isActive"`
	IsEligibleForRma                  bool          `json:"isEligibleForRma"`
	IsSerialized                      bool          `json:"isSerialized"`
	Link                              string        `json:"link"`
	ManufacturerName                  string        `json:"manufacturerName"`
	ManufacturerProductName           string        `json:"manufacturerProductName"`
	MarkupRate                        money.Decimal `json:"markupRate"`
	Msrp                              money.Decimal `json:"msrp"`
	Name                              string        `json:"name"`
	PeriodType                        int           `json:"periodType"`
	PriceCostMethod                   int           `json:"priceCostMethod"`
	ProductBillingCodeID              *int64        `json:"productBillingCodeID"`
	ProductCategory                   int           `json:"productCategory"`
	Sku                               string        `json:"sku"`
	UnitCost                          money.Decimal `json:"unitCost"`
	UnitPrice                         money.Decimal `json:"unitPrice"`
	VendorProductNumber               string        `json:"vendorProductNumber"`
	DefaultInstalledProductCategoryID *int64        `json:"defaultInstalledProductCategoryID"`
	UserDefinedFields                 []UDFValue    `json:"userDefinedFields,omitempty"`
}
