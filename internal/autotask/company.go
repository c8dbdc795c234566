// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// Company is an Autotask company (account), with its address, bill-to address,
// tax region and currency. Entity: Companies.
type Company struct {
	ID                                     int64         `json:"id"`
	AdditionalAddressInformation           string        `json:"additionalAddressInformation"`
	Address1                               string        `json:"address1"`
	Address2                               string        `json:"address2"`
	AlternatePhone1                        string        `json:"alternatePhone1"`
	AlternatePhone2                        string        `json:"alternatePhone2"`
	ApiVendorID                            *int64        `json:"apiVendorID"`
	AssetValue                             money.Decimal `json:"assetValue"`
	BillToCompanyLocationID                *int64        `json:"billToCompanyLocationID"`
	BillToAdditionalAddressInformation     string        `json:"billToAdditionalAddressInformation"`
	BillingAddress1                        string        `json:"billingAddress1"`
	BillingAddress2                        string        `json:"billingAddress2"`
	BillToAddressToUse                     int           `json:"billToAddressToUse"`
	BillToAttention                        string        `json:"billToAttention"`
	BillToCity                             string        `json:"billToCity"`
	BillToCountryID                        *int64        `json:"billToCountryID"`
	BillToState                            string        `json:"billToState"`
	BillToZipCode                          string        `json:"billToZipCode"`
	City                                   string        `json:"city"`
	Classification                         int           `json:"classification"`
	CompanyCategoryID                      *int64        `json:"companyCategoryID"`
	CompanyName                            string        `json:"companyName"`
	CompanyNumber                          string        `json:"companyNumber"`
	CompanyType                            int           `json:"companyType"`
	CompetitorID                           *int64        `json:"competitorID"`
	CountryID                              *int64        `json:"countryID"`
	CreateDate                             Time          `json:"createDate"`
	CreatedByResourceID                    *int64        `json:"createdByResourceID"`
	CurrencyID                             *int64        `json:"currencyID"`
	Fax                                    string        `json:"fax"`
	ImpersonatorCreatorResourceID          *int64        `json:"impersonatorCreatorResourceID"`
	InvoiceEmailMessageID                  *int64        `json:"invoiceEmailMessageID"`
	InvoiceMethod                          int           `json:"invoiceMethod"`
	InvoiceNonContractItemsToParentCompany bool          `json:"invoiceNonContractItemsToParentCompany"`
	InvoiceTemplateID                      *int64        `json:"invoiceTemplateID"`
	IsActive                               bool          `json:"isActive"`
	IsClientPortalActive                   bool          `json:"isClientPortalActive"`
	IsEnabledForComanaged                  bool          `json:"isEnabledForComanaged"`
	IsSample                               bool          `json:"isSample"`
	IsTaskFireActive                       bool          `json:"isTaskFireActive"`
	IsTaxExempt                            bool          `json:"isTaxExempt"`
	LastActivityDate                       Time          `json:"lastActivityDate"`
	LastTrackedModifiedDateTime            Time          `json:"lastTrackedModifiedDateTime"`
	MarketSegmentID                        *int64        `json:"marketSegmentID"`
	OwnerResourceID                        *int64        `json:"ownerResourceID"`
	ParentCompanyID                        *int64        `json:"parentCompanyID"`
	Phone                                  string        `json:"phone"`
	PostalCode                             string        `json:"postalCode"`
	PurchaseOrderTemplateID                *int64        `json:"purchaseOrderTemplateID"`
	QuoteEmailMessageID                    *int64        `json:"quoteEmailMessageID"`
	QuoteTemplateID                        *int64        `json:"quoteTemplateID"`
	SicCode                                string        `json:"sicCode"`
	State                                  string        `json:"state"`
	StockMarket                            string        `json:"stockMarket"`
	StockSymbol                            string        `json:"stockSymbol"`
	SurveyCompanyRating                    money.Decimal `json:"surveyCompanyRating"`
	TaxID                                  string        `json:"taxID"`
	TaxRegionID                            *int64        `json:"taxRegionID"`
	TerritoryID                            *int64        `json:"territoryID"`
	WebAddress                             string        `json:"webAddress"`
	UserDefinedFields                      []UDFValue    `json:"userDefinedFields,omitempty"`
}

// CompanyLocation is an address of a company; billToCompanyLocationID on a
// company points to one. Entity: CompanyLocations.
type CompanyLocation struct {
	ID                         int64         `json:"id"`
	Address1                   string        `json:"address1"`
	Address2                   string        `json:"address2"`
	AlternatePhone1            string        `json:"alternatePhone1"`
	AlternatePhone2            string        `json:"alternatePhone2"`
	City                       string        `json:"city"`
	CompanyID                  *int64        `json:"companyID"`
	CountryID                  *int64        `json:"countryID"`
	Description                string        `json:"description"`
	Fax                        string        `json:"fax"`
	IsActive                   bool          `json:"isActive"`
	IsPrimary                  bool          `json:"isPrimary"`
	IsTaxExempt                bool          `json:"isTaxExempt"`
	OverrideCompanyTaxSettings bool          `json:"overrideCompanyTaxSettings"`
	Name                       string        `json:"name"`
	Phone                      string        `json:"phone"`
	PostalCode                 string        `json:"postalCode"`
	RoundtripDistance          money.Decimal `json:"roundtripDistance"`
	State                      string        `json:"state"`
	TaxRegionID                *int64        `json:"taxRegionID"`
}
