package xero

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Payment is money received against an invoice (or paid against a bill or
// credit note), into a bank account (or an account with
// EnablePaymentsToAccount).
type Payment struct {
	PaymentID        string        `json:"PaymentID,omitempty"`
	Invoice          *Invoice      `json:"Invoice,omitempty"`
	CreditNote       *CreditNote   `json:"CreditNote,omitempty"`
	Account          *Account      `json:"Account,omitempty"`
	InvoiceNumber    string        `json:"InvoiceNumber,omitempty"`
	CreditNoteNumber string        `json:"CreditNoteNumber,omitempty"`
	Date             Date          `json:"Date,omitzero"`
	CurrencyRate     money.Decimal `json:"CurrencyRate,omitzero"`
	Amount           money.Decimal `json:"Amount"`
	BankAmount       money.Decimal `json:"BankAmount,omitzero"`
	Reference        string        `json:"Reference,omitempty"`
	IsReconciled     bool          `json:"IsReconciled,omitempty"`
	Status           string        `json:"Status,omitempty"`      // AUTHORISED, DELETED
	PaymentType      string        `json:"PaymentType,omitempty"` // ACCRECPAYMENT, …; set by Xero
	BatchPaymentID   string        `json:"BatchPaymentID,omitempty"`
	UpdatedDateUTC   DateTime      `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

func (p *Payment) ref() string {
	switch {
	case p.Invoice != nil && p.Invoice.InvoiceNumber != "":
		return p.Invoice.InvoiceNumber
	case p.Invoice != nil:
		return p.Invoice.InvoiceID
	case p.CreditNote != nil:
		return p.CreditNote.ref()
	}
	return p.Reference
}

// prepare sends only the keys of the invoice, credit note and account.
func (p *Payment) prepare() {
	send := Payment{
		PaymentID: p.PaymentID, Date: p.Date, CurrencyRate: p.CurrencyRate, Amount: p.Amount,
		BankAmount: p.BankAmount, Reference: p.Reference, IsReconciled: p.IsReconciled, Status: p.Status,
	}
	if p.Invoice != nil {
		send.Invoice = &Invoice{InvoiceID: p.Invoice.InvoiceID}
		if p.Invoice.InvoiceID == "" {
			send.Invoice.InvoiceNumber = p.Invoice.InvoiceNumber
		}
	}
	if p.CreditNote != nil {
		send.CreditNote = &CreditNote{CreditNoteID: p.CreditNote.CreditNoteID}
		if p.CreditNote.CreditNoteID == "" {
			send.CreditNote.CreditNoteNumber = p.CreditNote.CreditNoteNumber
		}
	}
	if p.Account != nil {
		send.Account = &Account{AccountID: p.Account.AccountID}
		if p.Account.AccountID == "" {
			send.Account.Code = p.Account.Code
		}
	}
	*p = send
}

// PaymentFilter narrows Payments. Xero has no payment webhook, so payments
// are polled with ModifiedSince.
type PaymentFilter struct {
	Where         string    // e.g. PaymentType=="ACCRECPAYMENT"
	ModifiedSince time.Time // If-Modified-Since
}

// Payments reads all payments matching f, 100 per page.
func (c *Client) Payments(ctx context.Context, f PaymentFilter) ([]Payment, error) {
	q := url.Values{}
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	return getList[Payment](ctx, c, list{op: "read payments", path: "Payments", wrapper: "Payments", query: q, since: f.ModifiedSince, paged: true})
}

// CreatePayments records payments in batches (PUT).
func (c *Client) CreatePayments(ctx context.Context, payments []Payment, key string) (BatchResult[Payment], error) {
	return writeBatches[Payment](ctx, c, batchCall{op: "create payments", method: http.MethodPut, path: "Payments", wrapper: "Payments"}, payments, key)
}
