package xero

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/money"
)

// Invoice types and the statuses Billbridge sets.
const (
	InvoiceTypeSales = "ACCREC" // a sales invoice
	InvoiceTypeBill  = "ACCPAY" // a supplier bill

	StatusDraft      = "DRAFT"
	StatusSubmitted  = "SUBMITTED"
	StatusAuthorised = "AUTHORISED"
	StatusPaid       = "PAID"
	StatusVoided     = "VOIDED"
	StatusDeleted    = "DELETED"
)

// LineAmountTypes says whether line amounts include tax.
const (
	LineAmountsExclusive = "Exclusive"
	LineAmountsInclusive = "Inclusive"
	LineAmountsNoTax     = "NoTax"
)

// Invoice is a sales invoice (ACCREC) or a bill (ACCPAY). The totals,
// AmountDue/Paid/Credited, payments and credit notes are set by Xero and
// never sent.
type Invoice struct {
	Type                string        `json:"Type,omitempty"`
	InvoiceID           string        `json:"InvoiceID,omitempty"`
	InvoiceNumber       string        `json:"InvoiceNumber,omitempty"` // unique for ACCREC
	Reference           string        `json:"Reference,omitempty"`
	Contact             Contact       `json:"Contact,omitzero"`
	LineItems           []LineItem    `json:"LineItems,omitempty"`
	Date                Date          `json:"Date,omitzero"`
	DueDate             Date          `json:"DueDate,omitzero"`
	LineAmountTypes     string        `json:"LineAmountTypes,omitempty"`
	BrandingThemeID     string        `json:"BrandingThemeID,omitempty"`
	Url                 string        `json:"Url,omitempty"`
	CurrencyCode        string        `json:"CurrencyCode,omitempty"`
	CurrencyRate        money.Decimal `json:"CurrencyRate,omitzero"`
	Status              string        `json:"Status,omitempty"`
	SentToContact       bool          `json:"SentToContact,omitempty"`
	ExpectedPaymentDate Date          `json:"ExpectedPaymentDate,omitzero"`
	PlannedPaymentDate  Date          `json:"PlannedPaymentDate,omitzero"`

	SubTotal        money.Decimal `json:"SubTotal,omitzero"`
	TotalTax        money.Decimal `json:"TotalTax,omitzero"`
	Total           money.Decimal `json:"Total,omitzero"`
	TotalDiscount   money.Decimal `json:"TotalDiscount,omitzero"`
	AmountDue       money.Decimal `json:"AmountDue,omitzero"`
	AmountPaid      money.Decimal `json:"AmountPaid,omitzero"`
	AmountCredited  money.Decimal `json:"AmountCredited,omitzero"`
	FullyPaidOnDate Date          `json:"FullyPaidOnDate,omitzero"`
	Payments        []Payment     `json:"Payments,omitempty"`
	CreditNotes     []CreditNote  `json:"CreditNotes,omitempty"`
	HasAttachments  bool          `json:"HasAttachments,omitempty"`
	UpdatedDateUTC  DateTime      `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

// LineItem is one line of an invoice, credit note or purchase order.
// Quantity and UnitAmount are always sent (a zero is meant); UnitAmount keeps
// up to four decimals because every document call sends unitdp=4. LineAmount
// and TaxAmount are sent only when set, since Xero computes them.
type LineItem struct {
	LineItemID     string             `json:"LineItemID,omitempty"`
	Description    string             `json:"Description,omitempty"`
	Quantity       money.Decimal      `json:"Quantity"`
	UnitAmount     money.Decimal      `json:"UnitAmount"`
	ItemCode       string             `json:"ItemCode,omitempty"`
	AccountCode    string             `json:"AccountCode,omitempty"`
	AccountID      string             `json:"AccountID,omitempty"`
	TaxType        string             `json:"TaxType,omitempty"`
	TaxAmount      money.Decimal      `json:"TaxAmount,omitzero"`
	LineAmount     money.Decimal      `json:"LineAmount,omitzero"`
	Tracking       []LineItemTracking `json:"Tracking,omitempty"`
	DiscountRate   money.Decimal      `json:"DiscountRate,omitzero"`
	DiscountAmount money.Decimal      `json:"DiscountAmount,omitzero"`
}

// InvoiceRef names an invoice by id, as payments and allocations do.
func InvoiceRef(invoiceID string) *Invoice { return &Invoice{InvoiceID: invoiceID} }

func (inv *Invoice) ref() string {
	if inv.InvoiceNumber != "" {
		return inv.InvoiceNumber
	}
	return inv.InvoiceID
}

func (inv *Invoice) prepare() {
	contact := inv.Contact
	*inv = Invoice{
		Type: inv.Type, InvoiceID: inv.InvoiceID, InvoiceNumber: inv.InvoiceNumber, Reference: inv.Reference,
		Contact: contactForDocument(contact), LineItems: inv.LineItems, Date: inv.Date, DueDate: inv.DueDate,
		LineAmountTypes: inv.LineAmountTypes, BrandingThemeID: inv.BrandingThemeID, Url: inv.Url,
		CurrencyCode: inv.CurrencyCode, CurrencyRate: inv.CurrencyRate, Status: inv.Status,
		SentToContact: inv.SentToContact, ExpectedPaymentDate: inv.ExpectedPaymentDate,
		PlannedPaymentDate: inv.PlannedPaymentDate,
	}
}

// contactForDocument keeps only the contact's key: other contact fields sent
// inside a document would update the contact in Xero.
func contactForDocument(c Contact) Contact {
	switch {
	case c.ContactID != "":
		return Contact{ContactID: c.ContactID}
	case c.ContactNumber != "":
		return Contact{ContactNumber: c.ContactNumber}
	}
	return Contact{Name: c.Name}
}

// InvoiceFilter narrows Invoices. Zero fields do not filter; the id and
// number lists are sent 50 at a time.
type InvoiceFilter struct {
	IDs             []string
	InvoiceNumbers  []string
	ContactIDs      []string
	Statuses        []string
	Where           string
	ModifiedSince   time.Time // If-Modified-Since
	CreatedByMyApp  bool
	IncludeArchived bool
}

// Invoices reads all invoices matching f, 100 per page with their lines.
func (c *Client) Invoices(ctx context.Context, f InvoiceFilter) ([]Invoice, error) {
	for _, ids := range []*[]string{&f.IDs, &f.InvoiceNumbers, &f.ContactIDs} {
		if len(*ids) <= maxIDsPerCall {
			continue
		}
		all := *ids
		var out []Invoice
		for start := 0; start < len(all); start += maxIDsPerCall {
			*ids = all[start:min(start+maxIDsPerCall, len(all))]
			got, err := c.Invoices(ctx, f)
			out = append(out, got...)
			if err != nil {
				return out, err
			}
		}
		return out, nil
	}
	q := url.Values{"unitdp": {"4"}}
	setList(q, "IDs", f.IDs)
	setList(q, "InvoiceNumbers", f.InvoiceNumbers)
	setList(q, "ContactIDs", f.ContactIDs)
	setList(q, "Statuses", f.Statuses)
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	if f.CreatedByMyApp {
		q.Set("createdByMyApp", "true")
	}
	if f.IncludeArchived {
		q.Set("includeArchived", "true")
	}
	return getList[Invoice](ctx, c, list{op: "read invoices", path: "Invoices", wrapper: "Invoices", query: q, since: f.ModifiedSince, paged: true})
}

func setList(q url.Values, name string, values []string) {
	if len(values) > 0 {
		q.Set(name, strings.Join(values, ","))
	}
}

// Invoice reads one invoice by InvoiceID; a missing one wraps ErrNotFound.
func (c *Client) Invoice(ctx context.Context, id string) (Invoice, error) {
	var answer struct{ Invoices []Invoice }
	err := c.do(ctx, request{method: http.MethodGet, path: "Invoices/" + url.PathEscape(id), query: url.Values{"unitdp": {"4"}}, op: "read invoice", notFound: true}, &answer)
	if err != nil {
		return Invoice{}, err
	}
	if len(answer.Invoices) == 0 {
		return Invoice{}, fmt.Errorf("xero: read invoice %s: %w", id, ErrNotFound)
	}
	return answer.Invoices[0], nil
}

// CreateInvoices creates sales invoices and bills in batches of BatchSize
// (PUT, create only). key identifies what is being created (see
// IdempotencyKey); each batch sends a key derived from it.
func (c *Client) CreateInvoices(ctx context.Context, invoices []Invoice, key string) (BatchResult[Invoice], error) {
	return writeBatches[Invoice](ctx, c, batchCall{op: "create invoices", method: http.MethodPut, path: "Invoices", wrapper: "Invoices", unitdp: true}, invoices, key)
}

// VoidInvoice voids an AUTHORISED invoice that has no payments.
func (c *Client) VoidInvoice(ctx context.Context, invoiceID, key string) (Invoice, error) {
	return c.setInvoiceStatus(ctx, invoiceID, StatusVoided, "void invoice", key)
}

// DeleteInvoice deletes a DRAFT or SUBMITTED invoice.
func (c *Client) DeleteInvoice(ctx context.Context, invoiceID, key string) (Invoice, error) {
	return c.setInvoiceStatus(ctx, invoiceID, StatusDeleted, "delete invoice", key)
}

func (c *Client) setInvoiceStatus(ctx context.Context, invoiceID, status, op, key string) (Invoice, error) {
	var answer struct{ Invoices []Invoice }
	err := c.do(ctx, request{
		method: http.MethodPost, path: "Invoices/" + url.PathEscape(invoiceID), query: url.Values{"unitdp": {"4"}},
		body: map[string][]Invoice{"Invoices": {{InvoiceID: invoiceID, Status: status}}},
		key:  key, op: op, notFound: true,
	}, &answer)
	if err != nil {
		return Invoice{}, err
	}
	if len(answer.Invoices) == 0 {
		return Invoice{}, fmt.Errorf("xero: %s %s: empty answer", op, invoiceID)
	}
	inv := answer.Invoices[0]
	if inv.Failed() {
		return inv, apperr.New(apperr.Invalid,
			fmt.Sprintf("Xero refused to %s %s: %s", op, inv.ref(), strings.Join(inv.Messages(), "; ")),
			"Only draft or submitted invoices can be deleted, and only approved invoices without payments can be voided; change it in Xero first.")
	}
	return inv, nil
}
