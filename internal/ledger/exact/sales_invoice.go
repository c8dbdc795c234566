package exact

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/money"
)

// Sales invoice types and statuses.
const (
	InvoiceTypeSales  = 8020
	InvoiceTypeCredit = 8021

	InvoiceStatusDraft     = 10
	InvoiceStatusOpen      = 20
	InvoiceStatusProcessed = 50
)

// SalesInvoice is an invoice in salesinvoice/SalesInvoices (Exact's invoicing
// module). Exact assigns InvoiceNumber itself and cannot be overruled, so the
// Autotask number goes in YourRef.
type SalesInvoice struct {
	InvoiceID         string                  `json:"InvoiceID,omitempty"`
	InvoiceNumber     int                     `json:"InvoiceNumber,omitempty"` // set by Exact
	Journal           string                  `json:"Journal"`
	OrderedBy         string                  `json:"OrderedBy"`
	InvoiceTo         string                  `json:"InvoiceTo,omitempty"` // defaults to OrderedBy
	InvoiceDate       Date                    `json:"InvoiceDate,omitzero"`
	DueDate           Date                    `json:"DueDate,omitzero"`
	PaymentCondition  string                  `json:"PaymentCondition,omitempty"`
	Currency          string                  `json:"Currency,omitempty"`
	Description       string                  `json:"Description,omitempty"`
	YourRef           string                  `json:"YourRef,omitempty"`
	PaymentReference  string                  `json:"PaymentReference,omitempty"`
	Remarks           string                  `json:"Remarks,omitempty"`
	Type              int                     `json:"Type,omitempty"`
	Status            int                     `json:"Status,omitempty"`         // set by Exact
	AmountFC          money.Decimal           `json:"AmountFC,omitzero"`        // set by Exact, incl. VAT
	AmountFCExclVat   money.Decimal           `json:"AmountFCExclVat,omitzero"` // set by Exact
	VATAmountFC       money.Decimal           `json:"VATAmountFC,omitzero"`     // set by Exact
	SalesInvoiceLines Lines[SalesInvoiceLine] `json:"SalesInvoiceLines,omitempty"`
}

// SalesInvoiceLine is one line. Item is required; GLAccount overrides the
// item's revenue account; VATCode is a code, never a percentage.
type SalesInvoiceLine struct {
	Item        string        `json:"Item"`
	Description string        `json:"Description,omitempty"`
	Quantity    money.Decimal `json:"Quantity,omitzero"`
	UnitPrice   money.Decimal `json:"UnitPrice,omitzero"`
	Discount    money.Decimal `json:"Discount,omitzero"` // a fraction: 0.1 is 10%
	AmountFC    money.Decimal `json:"AmountFC,omitzero"` // excl. VAT
	VATCode     string        `json:"VATCode,omitempty"`
	GLAccount   string        `json:"GLAccount,omitempty"`
}

var salesInvoiceFields = []string{
	"InvoiceID", "InvoiceNumber", "Journal", "OrderedBy", "InvoiceTo", "InvoiceDate", "DueDate",
	"PaymentCondition", "Currency", "Description", "YourRef", "PaymentReference", "Type", "Status",
	"AmountFC", "AmountFCExclVat", "VATAmountFC",
}

// CreateSalesInvoice validates inv locally and posts it with its lines in
// one call; the answer carries the InvoiceID and, depending on the journal's
// setting, the InvoiceNumber (else it is given when printed).
func (c *Client) CreateSalesInvoice(ctx context.Context, inv SalesInvoice) (SalesInvoice, error) {
	if err := c.ValidateSalesInvoice(&inv); err != nil {
		return SalesInvoice{}, err
	}
	inv.InvoiceID, inv.InvoiceNumber, inv.Status = "", 0, 0
	inv.AmountFC, inv.AmountFCExclVat, inv.VATAmountFC = money.Decimal{}, money.Decimal{}, money.Decimal{}
	return post[SalesInvoice](ctx, c, "salesinvoice/SalesInvoices", "create sales invoice", salesInvoiceDoc(inv), inv)
}

func salesInvoiceDoc(inv SalesInvoice) string {
	if inv.YourRef != "" {
		return "Autotask invoice " + inv.YourRef
	}
	return "sales invoice"
}

// SalesInvoicesByYourRef finds sales invoices by YourRef (the Autotask
// invoice number), batched.
func (c *Client) SalesInvoicesByYourRef(ctx context.Context, refs []string) ([]SalesInvoice, error) {
	return getAnyOf[SalesInvoice](ctx, c, list{op: "find sales invoices", path: "salesinvoice/SalesInvoices",
		query: Query{Select: salesInvoiceFields}}, "YourRef", strLits(refs), "")
}

// PrintRequest finalises an open sales invoice: Exact processes it (Status
// 50), books it and gives it its number. SendEmailToCustomer is always sent,
// so false means false.
type PrintRequest struct {
	InvoiceID           string `json:"InvoiceID"`
	SendEmailToCustomer bool   `json:"SendEmailToCustomer"`
	InvoiceDate         Date   `json:"InvoiceDate,omitzero"`
	DocumentLayout      string `json:"DocumentLayout,omitempty"`
	EmailLayout         string `json:"EmailLayout,omitempty"`
	ExtraText           string `json:"ExtraText,omitempty"`
}

// PrintedSalesInvoice is Exact's answer to a PrintRequest.
type PrintedSalesInvoice struct {
	InvoiceID               string `json:"InvoiceID"`
	DocumentCreationError   string `json:"DocumentCreationError"`
	DocumentCreationSuccess string `json:"DocumentCreationSuccess"`
	EmailCreationError      string `json:"EmailCreationError"`
	EmailCreationSuccess    string `json:"EmailCreationSuccess"`
}

// PrintSalesInvoice finalises an invoice through
// salesinvoice/PrintedSalesInvoices. doc names it in errors ("Autotask
// invoice 1042").
func (c *Client) PrintSalesInvoice(ctx context.Context, doc string, p PrintRequest) (PrintedSalesInvoice, error) {
	if !isGUID(p.InvoiceID) {
		return PrintedSalesInvoice{}, invalid(doc, "InvoiceID", fmt.Sprintf("%q is not an Exact id", p.InvoiceID),
			"Look the invoice up in Exact again (by Your ref) before finalising it.")
	}
	return post[PrintedSalesInvoice](ctx, c, "salesinvoice/PrintedSalesInvoices", "finalise sales invoice", doc, p)
}
