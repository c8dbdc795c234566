package qbo

// US sales tax: lines of a US company carry one of these pseudo tax codes,
// and the invoice's tax comes from TxnTaxDetail (or automated sales tax).
// Companies elsewhere (GB, CA, AU, …) put a real TaxCode id on each line.
const (
	TaxCodeTaxable    = "TAX"
	TaxCodeNonTaxable = "NON"
)

// GlobalTaxCalculation values, for non-US companies: whether line amounts
// exclude or include tax.
const (
	TaxExcluded   = "TaxExcluded"
	TaxInclusive  = "TaxInclusive"
	NotApplicable = "NotApplicable"
)

// TaxCode groups the tax rates applied to a line. QuickBooks creates tax
// codes through the TaxService; the API reads them.
type TaxCode struct {
	ID                  string      `json:"Id,omitempty"`
	SyncToken           string      `json:"SyncToken,omitempty"`
	MetaData            *MetaData   `json:"MetaData,omitempty"`
	Name                string      `json:"Name,omitempty"`
	Description         string      `json:"Description,omitempty"`
	Active              *bool       `json:"Active,omitempty"`
	Hidden              *bool       `json:"Hidden,omitempty"`
	Taxable             *bool       `json:"Taxable,omitempty"`
	TaxGroup            *bool       `json:"TaxGroup,omitempty"`
	SalesTaxRateList    TaxRateList `json:"SalesTaxRateList,omitzero"`
	PurchaseTaxRateList TaxRateList `json:"PurchaseTaxRateList,omitzero"`
}

func (TaxCode) EntityName() string { return "TaxCode" }
func (t TaxCode) ref() string      { return t.Name }

// TaxRateList lists the rates of a tax code.
type TaxRateList struct {
	TaxRateDetail []TaxRateDetail `json:"TaxRateDetail,omitempty"`
}

// IsZero makes an empty list disappear from requests.
func (l TaxRateList) IsZero() bool { return len(l.TaxRateDetail) == 0 }

// TaxRateDetail is one rate of a tax code.
type TaxRateDetail struct {
	TaxRateRef        Ref    `json:"TaxRateRef,omitzero"`
	TaxTypeApplicable string `json:"TaxTypeApplicable,omitempty"`
	TaxOrder          int    `json:"TaxOrder,omitempty"`
}

// TaxRate is one rate (RateValue is a percentage, e.g. 20 for 20%).
type TaxRate struct {
	ID          string    `json:"Id,omitempty"`
	SyncToken   string    `json:"SyncToken,omitempty"`
	MetaData    *MetaData `json:"MetaData,omitempty"`
	Name        string    `json:"Name,omitempty"`
	Description string    `json:"Description,omitempty"`
	Active      *bool     `json:"Active,omitempty"`
	RateValue   Amount    `json:"RateValue,omitzero"`
	AgencyRef   Ref       `json:"AgencyRef,omitzero"`
	DisplayType string    `json:"DisplayType,omitempty"`
}

func (TaxRate) EntityName() string { return "TaxRate" }
func (t TaxRate) ref() string      { return t.Name }

// TaxAgency is the authority a rate is paid to.
type TaxAgency struct {
	ID                    string    `json:"Id,omitempty"`
	SyncToken             string    `json:"SyncToken,omitempty"`
	MetaData              *MetaData `json:"MetaData,omitempty"`
	DisplayName           string    `json:"DisplayName,omitempty"`
	TaxRegistrationNumber string    `json:"TaxRegistrationNumber,omitempty"`
	TaxTrackedOnSales     *bool     `json:"TaxTrackedOnSales,omitempty"`
	TaxTrackedOnPurchases *bool     `json:"TaxTrackedOnPurchases,omitempty"`
}

func (TaxAgency) EntityName() string { return "TaxAgency" }
func (t TaxAgency) ref() string      { return t.DisplayName }
