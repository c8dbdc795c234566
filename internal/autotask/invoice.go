// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// Invoice is an invoice Autotask generated. Only invoiceNumber, webServiceDate
// and paidDate are writable (see patch.go). Entity: Invoices.
type Invoice struct {
	ID                           int64         `json:"id"`
	BatchID                      *int64        `json:"batchID"`
	Comments                     string        `json:"comments"`
	CompanyID                    *int64        `json:"companyID"`
	CreateDateTime               Time          `json:"createDateTime"`
	CreatorResourceID            *int64        `json:"creatorResourceID"`
	DueDate                      Time          `json:"dueDate"` // not queryable
	FromDate                     Time          `json:"fromDate"`
	InvoiceDateTime              Time          `json:"invoiceDateTime"`
	InvoiceEditorTemplateID      *int64        `json:"invoiceEditorTemplateID"`
	InvoiceNumber                string        `json:"invoiceNumber"` // writable, at most 100 characters
	InvoiceTotal                 money.Decimal `json:"invoiceTotal"`  // customer currency
	IsVoided                     bool          `json:"isVoided"`
	OrderNumber                  string        `json:"orderNumber"`
	PaidDate                     Time          `json:"paidDate"`    // writable; date only
	PaymentTerm                  int           `json:"paymentTerm"` // PaymentTerms id; 0 when none
	TaxGroup                     int           `json:"taxGroup"`
	TaxRegionName                string        `json:"taxRegionName"`
	ToDate                       Time          `json:"toDate"`
	TotalTaxValue                money.Decimal `json:"totalTaxValue"` // customer currency
	VoidedByResourceID           *int64        `json:"voidedByResourceID"`
	VoidedDate                   Time          `json:"voidedDate"`
	WebServiceDate               Time          `json:"webServiceDate"` // writable; zero = not yet sent to a ledger
	InvoiceStatus                int           `json:"invoiceStatus"`
	InvoiceTaxMethodExternalCode string        `json:"invoiceTaxMethodExternalCode"`
}
