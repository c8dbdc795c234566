package xerosim

import (
	"encoding/json"

	"github.com/billbridge/billbridge/internal/money"
)

// The stored entities use Xero's field names so they marshal straight into
// responses. Sub-structures the simulator never reasons about (addresses,
// phones, contact persons) are kept as the JSON the client sent, which the
// schema check has already vetted.

// ValidationError is one message in ValidationErrors or Warnings.
type ValidationError struct {
	Message string `json:"Message"`
}

// Contact is a customer or supplier.
type Contact struct {
	ContactID                 string            `json:"ContactID"`
	ContactNumber             string            `json:"ContactNumber,omitempty"`
	AccountNumber             string            `json:"AccountNumber,omitempty"`
	ContactStatus             string            `json:"ContactStatus"`
	Name                      string            `json:"Name"`
	FirstName                 string            `json:"FirstName,omitempty"`
	LastName                  string            `json:"LastName,omitempty"`
	EmailAddress              string            `json:"EmailAddress,omitempty"`
	TaxNumber                 string            `json:"TaxNumber,omitempty"`
	AccountsReceivableTaxType string            `json:"AccountsReceivableTaxType,omitempty"`
	AccountsPayableTaxType    string            `json:"AccountsPayableTaxType,omitempty"`
	DefaultCurrency           string            `json:"DefaultCurrency,omitempty"`
	Addresses                 json.RawMessage   `json:"Addresses,omitempty"`
	Phones                    json.RawMessage   `json:"Phones,omitempty"`
	ContactPersons            json.RawMessage   `json:"ContactPersons,omitempty"`
	IsSupplier                bool              `json:"IsSupplier"`
	IsCustomer                bool              `json:"IsCustomer"`
	UpdatedDateUTC            msDate            `json:"UpdatedDateUTC"`
	HasValidationErrors       bool              `json:"HasValidationErrors,omitempty"`
	StatusAttributeString     string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors          []ValidationError `json:"ValidationErrors,omitempty"`
}

// ContactRef is the contact as embedded in documents.
type ContactRef struct {
	ContactID     string `json:"ContactID,omitempty"`
	ContactNumber string `json:"ContactNumber,omitempty"`
	Name          string `json:"Name,omitempty"`
}

// ItemDetails is Item.SalesDetails / PurchaseDetails (the spec's Purchase).
type ItemDetails struct {
	UnitPrice       *money.Decimal `json:"UnitPrice,omitempty"`
	AccountCode     string         `json:"AccountCode,omitempty"`
	COGSAccountCode string         `json:"COGSAccountCode,omitempty"`
	TaxType         string         `json:"TaxType,omitempty"`
}

// Item is a product or service.
type Item struct {
	ItemID                    string            `json:"ItemID"`
	Code                      string            `json:"Code"`
	Name                      string            `json:"Name,omitempty"`
	Description               string            `json:"Description,omitempty"`
	PurchaseDescription       string            `json:"PurchaseDescription,omitempty"`
	IsSold                    bool              `json:"IsSold"`
	IsPurchased               bool              `json:"IsPurchased"`
	IsTrackedAsInventory      bool              `json:"IsTrackedAsInventory"`
	InventoryAssetAccountCode string            `json:"InventoryAssetAccountCode,omitempty"`
	SalesDetails              *ItemDetails      `json:"SalesDetails,omitempty"`
	PurchaseDetails           *ItemDetails      `json:"PurchaseDetails,omitempty"`
	UpdatedDateUTC            msDate            `json:"UpdatedDateUTC"`
	StatusAttributeString     string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors          []ValidationError `json:"ValidationErrors,omitempty"`
}

// Account is a chart-of-accounts entry.
type Account struct {
	AccountID               string `json:"AccountID"`
	Code                    string `json:"Code"`
	Name                    string `json:"Name"`
	Type                    string `json:"Type"`
	Status                  string `json:"Status"`
	TaxType                 string `json:"TaxType,omitempty"`
	Class                   string `json:"Class"`
	SystemAccount           string `json:"SystemAccount,omitempty"`
	EnablePaymentsToAccount bool   `json:"EnablePaymentsToAccount"`
	BankAccountNumber       string `json:"BankAccountNumber,omitempty"`
	UpdatedDateUTC          msDate `json:"UpdatedDateUTC"`
}

// TaxComponent is one part of a tax rate.
type TaxComponent struct {
	Name       string        `json:"Name"`
	Rate       money.Decimal `json:"Rate"`
	IsCompound bool          `json:"IsCompound"`
}

// TaxRate is a tax type the organisation can use.
type TaxRate struct {
	Name               string         `json:"Name"`
	TaxType            string         `json:"TaxType"`
	ReportTaxType      string         `json:"ReportTaxType,omitempty"`
	Status             string         `json:"Status"`
	CanApplyToRevenue  bool           `json:"CanApplyToRevenue"`
	CanApplyToExpenses bool           `json:"CanApplyToExpenses"`
	DisplayTaxRate     money.Decimal  `json:"DisplayTaxRate"`
	EffectiveRate      money.Decimal  `json:"EffectiveRate"`
	TaxComponents      []TaxComponent `json:"TaxComponents"`
}

// TrackingOption is one value of a tracking category.
type TrackingOption struct {
	TrackingOptionID string `json:"TrackingOptionID"`
	Name             string `json:"Name"`
	Status           string `json:"Status"`
}

// TrackingCategory is a reporting dimension (at most two active).
type TrackingCategory struct {
	TrackingCategoryID string           `json:"TrackingCategoryID"`
	Name               string           `json:"Name"`
	Status             string           `json:"Status"`
	Options            []TrackingOption `json:"Options"`
}

// BrandingTheme is an invoice layout.
type BrandingTheme struct {
	BrandingThemeID string `json:"BrandingThemeID"`
	Name            string `json:"Name"`
	Type            string `json:"Type"`
	SortOrder       int    `json:"SortOrder"`
	CreatedDateUTC  msDate `json:"CreatedDateUTC"`
}

// Currency is a currency enabled in the organisation.
type Currency struct {
	Code        string `json:"Code"`
	Description string `json:"Description"`
}

// Tracking is one tracking category on a line.
type Tracking struct {
	TrackingCategoryID string `json:"TrackingCategoryID,omitempty"`
	TrackingOptionID   string `json:"TrackingOptionID,omitempty"`
	Name               string `json:"Name,omitempty"`
	Option             string `json:"Option,omitempty"`
}

// LineItem is one line of an invoice, credit note or purchase order.
type LineItem struct {
	LineItemID     string         `json:"LineItemID"`
	Description    string         `json:"Description,omitempty"`
	Quantity       money.Decimal  `json:"Quantity"`
	UnitAmount     money.Decimal  `json:"UnitAmount"`
	ItemCode       string         `json:"ItemCode,omitempty"`
	AccountCode    string         `json:"AccountCode,omitempty"`
	TaxType        string         `json:"TaxType,omitempty"`
	TaxAmount      money.Decimal  `json:"TaxAmount"`
	LineAmount     money.Decimal  `json:"LineAmount"`
	DiscountRate   *money.Decimal `json:"DiscountRate,omitempty"`
	DiscountAmount *money.Decimal `json:"DiscountAmount,omitempty"`
	Tracking       []Tracking     `json:"Tracking,omitempty"`
}

// docCore is what invoices, credit notes and purchase orders share.
type docCore struct {
	Contact               *ContactRef       `json:"Contact,omitempty"`
	Date                  msDate            `json:"Date"`
	DateString            string            `json:"DateString,omitempty"`
	Status                string            `json:"Status"`
	LineAmountTypes       string            `json:"LineAmountTypes"`
	LineItems             []*LineItem       `json:"LineItems,omitempty"`
	SubTotal              money.Decimal     `json:"SubTotal"`
	TotalTax              money.Decimal     `json:"TotalTax"`
	Total                 money.Decimal     `json:"Total"`
	CurrencyCode          string            `json:"CurrencyCode"`
	CurrencyRate          *money.Decimal    `json:"CurrencyRate,omitempty"`
	Reference             string            `json:"Reference,omitempty"`
	BrandingThemeID       string            `json:"BrandingThemeID,omitempty"`
	UpdatedDateUTC        msDate            `json:"UpdatedDateUTC"`
	HasErrors             bool              `json:"HasErrors"`
	StatusAttributeString string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors      []ValidationError `json:"ValidationErrors,omitempty"`
	Warnings              []ValidationError `json:"Warnings,omitempty"`
}

func (d *docCore) core() *docCore { return d }

// PaymentRef is a payment as listed on a document.
type PaymentRef struct {
	PaymentID string        `json:"PaymentID"`
	Date      msDate        `json:"Date"`
	Amount    money.Decimal `json:"Amount"`
	Reference string        `json:"Reference,omitempty"`
}

// Invoice is a sales invoice (ACCREC) or a bill (ACCPAY).
type Invoice struct {
	Type          string `json:"Type"`
	InvoiceID     string `json:"InvoiceID"`
	InvoiceNumber string `json:"InvoiceNumber,omitempty"`
	docCore
	DueDate         msDate          `json:"DueDate"`
	DueDateString   string          `json:"DueDateString,omitempty"`
	Url             string          `json:"Url,omitempty"`
	SentToContact   bool            `json:"SentToContact"`
	AmountDue       money.Decimal   `json:"AmountDue"`
	AmountPaid      money.Decimal   `json:"AmountPaid"`
	AmountCredited  money.Decimal   `json:"AmountCredited"`
	FullyPaidOnDate msDate          `json:"FullyPaidOnDate"`
	Payments        []PaymentRef    `json:"Payments,omitempty"`
	CreditNotes     []CreditNoteRef `json:"CreditNotes,omitempty"`
}

// CreditNoteRef is a credit note as listed on an invoice.
type CreditNoteRef struct {
	CreditNoteID     string        `json:"CreditNoteID"`
	CreditNoteNumber string        `json:"CreditNoteNumber,omitempty"`
	AppliedAmount    money.Decimal `json:"AppliedAmount"`
}

// DocRef points at an invoice or credit note from a payment or allocation.
type DocRef struct {
	InvoiceID        string `json:"InvoiceID,omitempty"`
	InvoiceNumber    string `json:"InvoiceNumber,omitempty"`
	CreditNoteID     string `json:"CreditNoteID,omitempty"`
	CreditNoteNumber string `json:"CreditNoteNumber,omitempty"`
}

// Allocation applies credit to an invoice.
type Allocation struct {
	AllocationID          string            `json:"AllocationID,omitempty"`
	Invoice               *DocRef           `json:"Invoice,omitempty"`
	Amount                money.Decimal     `json:"Amount"`
	Date                  msDate            `json:"Date"`
	StatusAttributeString string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors      []ValidationError `json:"ValidationErrors,omitempty"`
}

// CreditNote is an ACCRECCREDIT or ACCPAYCREDIT.
type CreditNote struct {
	Type             string `json:"Type"`
	CreditNoteID     string `json:"CreditNoteID"`
	CreditNoteNumber string `json:"CreditNoteNumber,omitempty"`
	docCore
	RemainingCredit money.Decimal `json:"RemainingCredit"`
	Allocations     []Allocation  `json:"Allocations,omitempty"`
}

// AccountRef is the account a payment is made to.
type AccountRef struct {
	AccountID string `json:"AccountID,omitempty"`
	Code      string `json:"Code,omitempty"`
}

// Payment is money received against an invoice or credit note.
type Payment struct {
	PaymentID             string            `json:"PaymentID"`
	Invoice               *DocRef           `json:"Invoice,omitempty"`
	CreditNote            *DocRef           `json:"CreditNote,omitempty"`
	Account               *AccountRef       `json:"Account,omitempty"`
	Date                  msDate            `json:"Date"`
	Amount                money.Decimal     `json:"Amount"`
	CurrencyRate          *money.Decimal    `json:"CurrencyRate,omitempty"`
	Reference             string            `json:"Reference,omitempty"`
	IsReconciled          bool              `json:"IsReconciled"`
	Status                string            `json:"Status"`
	PaymentType           string            `json:"PaymentType"`
	UpdatedDateUTC        msDate            `json:"UpdatedDateUTC"`
	HasErrors             bool              `json:"HasErrors"`
	StatusAttributeString string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors      []ValidationError `json:"ValidationErrors,omitempty"`
}

// PurchaseOrder is an order to a supplier.
type PurchaseOrder struct {
	PurchaseOrderID     string `json:"PurchaseOrderID"`
	PurchaseOrderNumber string `json:"PurchaseOrderNumber,omitempty"`
	docCore
	DeliveryDate         msDate `json:"DeliveryDate"`
	DeliveryDateString   string `json:"DeliveryDateString,omitempty"`
	DeliveryAddress      string `json:"DeliveryAddress,omitempty"`
	AttentionTo          string `json:"AttentionTo,omitempty"`
	DeliveryInstructions string `json:"DeliveryInstructions,omitempty"`
}
