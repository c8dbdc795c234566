package xero

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/money"
)

// Credit note types.
const (
	CreditNoteTypeSales = "ACCRECCREDIT" // credit to a customer
	CreditNoteTypeBill  = "ACCPAYCREDIT" // credit from a supplier
)

// CreditNote is a credit to a customer (ACCRECCREDIT) or from a supplier
// (ACCPAYCREDIT). It is applied to invoices with allocations.
type CreditNote struct {
	Type             string        `json:"Type,omitempty"`
	CreditNoteID     string        `json:"CreditNoteID,omitempty"`
	CreditNoteNumber string        `json:"CreditNoteNumber,omitempty"`
	Reference        string        `json:"Reference,omitempty"`
	Contact          Contact       `json:"Contact,omitzero"`
	Date             Date          `json:"Date,omitzero"`
	DueDate          Date          `json:"DueDate,omitzero"`
	Status           string        `json:"Status,omitempty"`
	LineAmountTypes  string        `json:"LineAmountTypes,omitempty"`
	LineItems        []LineItem    `json:"LineItems,omitempty"`
	CurrencyCode     string        `json:"CurrencyCode,omitempty"`
	CurrencyRate     money.Decimal `json:"CurrencyRate,omitzero"`
	BrandingThemeID  string        `json:"BrandingThemeID,omitempty"`

	SubTotal        money.Decimal `json:"SubTotal,omitzero"`
	TotalTax        money.Decimal `json:"TotalTax,omitzero"`
	Total           money.Decimal `json:"Total,omitzero"`
	RemainingCredit money.Decimal `json:"RemainingCredit,omitzero"`
	AppliedAmount   money.Decimal `json:"AppliedAmount,omitzero"`
	FullyPaidOnDate Date          `json:"FullyPaidOnDate,omitzero"`
	Allocations     []Allocation  `json:"Allocations,omitempty"`
	Payments        []Payment     `json:"Payments,omitempty"`
	SentToContact   bool          `json:"SentToContact,omitempty"`
	HasAttachments  bool          `json:"HasAttachments,omitempty"`
	UpdatedDateUTC  DateTime      `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

// Allocation applies part of a credit note to an invoice.
type Allocation struct {
	AllocationID string        `json:"AllocationID,omitempty"`
	Invoice      *Invoice      `json:"Invoice,omitempty"`
	CreditNote   *CreditNote   `json:"CreditNote,omitempty"`
	Amount       money.Decimal `json:"Amount"`
	Date         Date          `json:"Date,omitzero"`
	IsDeleted    bool          `json:"IsDeleted,omitempty"`
	ElementStatus
}

func (cn *CreditNote) ref() string {
	if cn.CreditNoteNumber != "" {
		return cn.CreditNoteNumber
	}
	return cn.CreditNoteID
}

func (cn *CreditNote) prepare() {
	*cn = CreditNote{
		Type: cn.Type, CreditNoteID: cn.CreditNoteID, CreditNoteNumber: cn.CreditNoteNumber, Reference: cn.Reference,
		Contact: contactForDocument(cn.Contact), Date: cn.Date, DueDate: cn.DueDate, Status: cn.Status,
		LineAmountTypes: cn.LineAmountTypes, LineItems: cn.LineItems, CurrencyCode: cn.CurrencyCode,
		CurrencyRate: cn.CurrencyRate, BrandingThemeID: cn.BrandingThemeID,
	}
}

// CreditNoteFilter narrows CreditNotes.
type CreditNoteFilter struct {
	Where         string
	ModifiedSince time.Time
}

// CreditNotes reads all credit notes matching f, 100 per page.
func (c *Client) CreditNotes(ctx context.Context, f CreditNoteFilter) ([]CreditNote, error) {
	q := url.Values{"unitdp": {"4"}}
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	return getList[CreditNote](ctx, c, list{op: "read credit notes", path: "CreditNotes", wrapper: "CreditNotes", query: q, since: f.ModifiedSince, paged: true})
}

// CreateCreditNotes creates credit notes in batches (PUT, create only).
func (c *Client) CreateCreditNotes(ctx context.Context, notes []CreditNote, key string) (BatchResult[CreditNote], error) {
	return writeBatches[CreditNote](ctx, c, batchCall{op: "create credit notes", method: http.MethodPut, path: "CreditNotes", wrapper: "CreditNotes", unitdp: true}, notes, key)
}

// AllocateCreditNote applies amount of an AUTHORISED credit note to an
// invoice of the same contact. a needs Invoice (by InvoiceID), Amount and
// Date.
func (c *Client) AllocateCreditNote(ctx context.Context, creditNoteID string, a Allocation, key string) (Allocation, error) {
	if a.Invoice == nil || a.Invoice.InvoiceID == "" || a.Date.IsZero() || a.Amount.Sign() <= 0 {
		return Allocation{}, errors.New("xero: allocate credit note: an allocation needs an invoice id, a date and a positive amount")
	}
	send := Allocation{Invoice: InvoiceRef(a.Invoice.InvoiceID), Amount: a.Amount, Date: a.Date}
	var answer struct{ Allocations []Allocation }
	err := c.do(ctx, request{
		method: http.MethodPut, path: "CreditNotes/" + url.PathEscape(creditNoteID) + "/Allocations",
		query: url.Values{"summarizeErrors": {"false"}},
		body:  map[string][]Allocation{"Allocations": {send}},
		key:   key, op: "allocate credit note", notFound: true,
	}, &answer)
	if err != nil {
		return Allocation{}, err
	}
	if len(answer.Allocations) == 0 {
		return Allocation{}, fmt.Errorf("xero: allocate credit note %s: empty answer", creditNoteID)
	}
	got := answer.Allocations[0]
	if got.Failed() {
		return got, apperr.New(apperr.Invalid,
			fmt.Sprintf("Xero refused to apply the credit note to invoice %s: %s", a.Invoice.InvoiceID, strings.Join(got.Messages(), "; ")),
			"Check that the credit note is approved, has enough credit left and belongs to the invoice's contact.")
	}
	return got, nil
}
