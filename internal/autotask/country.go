// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

// Country is a country; companies and locations refer to it by countryID.
// Entity: Countries.
type Country struct {
	ID                      int64  `json:"id"`
	AddressFormatID         *int64 `json:"addressFormatID"`
	CountryCode             string `json:"countryCode"`
	DisplayName             string `json:"displayName"`
	InvoiceTemplateID       *int64 `json:"invoiceTemplateID"`
	IsActive                bool   `json:"isActive"`
	IsDefaultCountry        bool   `json:"isDefaultCountry"`
	Name                    string `json:"name"`
	PurchaseOrderTemplateID *int64 `json:"purchaseOrderTemplateID"`
	QuoteTemplateID         *int64 `json:"quoteTemplateID"`
}
