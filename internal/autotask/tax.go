// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// TaxRegion is where tax applies (a US state, a country). Entity: TaxRegions.
type TaxRegion struct {
	ID       int64  `json:"id"`
	IsActive bool   `json:"isActive"`
	Name     string `json:"name"`
}

// TaxCategory is what kind of thing is taxed; billing codes carry one. Entity:
// TaxCategories.
type TaxCategory struct {
	ID          int64  `json:"id"`
	Description string `json:"description"`
	IsActive    bool   `json:"isActive"`
	Name        string `json:"name"`
}

// Tax is the rate of one tax for a region and category; several may compound.
// Entity: Taxes.
type Tax struct {
	ID            int64         `json:"id"`
	IsCompounded  bool          `json:"isCompounded"`
	TaxCategoryID *int64        `json:"taxCategoryID"`
	TaxName       string        `json:"taxName"`
	TaxRate       money.Decimal `json:"taxRate"`
	TaxRegionID   *int64        `json:"taxRegionID"`
}
