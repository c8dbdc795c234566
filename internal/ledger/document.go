package ledger

import (
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Address is a postal address.
type Address struct {
	Lines      []string `json:"lines"`
	City       string   `json:"city"`
	Region     string   `json:"region"`
	PostalCode string   `json:"postalCode"`
	Country    string   `json:"country"`
	Attention  string   `json:"attention"`
}

// Customer is a ledger customer. AccountNumber holds the Autotask company
// number, the key that links the two systems when no link is stored yet.
type Customer struct {
	ID            string         `json:"id"` // the ledger's id; empty until created
	Name          string         `json:"name"`
	AccountNumber string         `json:"accountNumber"`
	Email         string         `json:"email"`
	ContactFirst  string         `json:"contactFirst"` // billing contact
	ContactLast   string         `json:"contactLast"`
	Phone         string         `json:"phone"`
	Address       Address        `json:"address"`
	Currency      money.Currency `json:"currency"`
	TaxNumber     string         `json:"taxNumber"`
	Archived      bool           `json:"archived"`
}

// Item is a product or service in the ledger, referenced by Code.
type Item struct {
	ID          string        `json:"id"`
	Code        string        `json:"code"`
	Name        string        `json:"name"`
	Description string        `json:"description"`
	UnitPrice   money.Decimal `json:"unitPrice"`
	AccountCode string        `json:"accountCode"` // income account
	TaxCode     string        `json:"taxCode"`
}

// TaxCode is one of the ledger's sales tax codes.
type TaxCode struct {
	Code string        `json:"code"`
	Name string        `json:"name"`
	Rate money.Decimal `json:"rate"` // percent, 20 = 20 %
}

// Account is a chart-of-accounts entry.
type Account struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Income bool   `json:"income"` // usable on sales lines
}

// Settings is what a plan needs from the ledger's configuration.
type Settings struct {
	BaseCurrency    money.Currency   `json:"baseCurrency"`
	Currencies      []money.Currency `json:"currencies"` // enabled, base included
	TaxCodes        []TaxCode        `json:"taxCodes"`
	Accounts        []Account        `json:"accounts"`
	RoundingAccount string           `json:"roundingAccount"` // where adjustment lines go
	// Tracking is every tracking option (Xero) or class (QuickBooks Online),
	// inactive ones included so a mapping to one can be named and refused.
	Tracking []TrackingOption `json:"tracking"`
}

// HasCurrency reports whether c is enabled.
func (s Settings) HasCurrency(c money.Currency) bool {
	for _, have := range s.Currencies {
		if have == c {
			return true
		}
	}
	return false
}

// DocKind tells invoices from credit notes.
type DocKind string

const (
	KindInvoice    DocKind = "invoice"
	KindCreditNote DocKind = "credit_note"
)

// DocStatus is the status a document is created in (a profile setting).
type DocStatus string

const (
	StatusDraft    DocStatus = "draft"
	StatusApproved DocStatus = "approved"
	StatusVoided   DocStatus = "voided"
	StatusPaid     DocStatus = "paid"
)

// Line is one document line. Quantity and UnitPrice are positive or zero on
// credit notes (the kind carries the sign); on invoices a credit line has a
// negative UnitPrice, never a negative Quantity (ledgers such as Xero refuse
// those). Amount is round(Quantity × UnitPrice) to the currency; TaxAmount is
// Autotask's tax for the line, sent so the ledger's tax equals Autotask's.
type Line struct {
	ItemCode    string        `json:"itemCode"`
	Description string        `json:"description"`
	Quantity    money.Decimal `json:"quantity"`
	UnitPrice   money.Decimal `json:"unitPrice"`
	Amount      money.Decimal `json:"amount"`
	AccountCode string        `json:"accountCode"`
	TaxCode     string        `json:"taxCode"`
	TaxAmount   money.Decimal `json:"taxAmount"`
	Adjustment  bool          `json:"adjustment"` // a rounding adjustment line
	// Tracking is the line's line of business in the ledger; omitted when
	// none, so documents without tracking keep their content hash.
	Tracking Tracking `json:"tracking,omitzero"`
}

// Document is an invoice or credit note to create.
type Document struct {
	Kind         DocKind        `json:"kind"`
	Number       string         `json:"number"`    // empty: the ledger numbers it
	OurRef       string         `json:"ourRef"`    // unique per Autotask invoice, e.g. "AT-1234"
	Reference    string         `json:"reference"` // the customer's order number
	CustomerID   string         `json:"customerId"`
	Date         time.Time      `json:"date"`
	DueDate      time.Time      `json:"dueDate"`
	Currency     money.Currency `json:"currency"`
	ExchangeRate money.Decimal  `json:"exchangeRate"` // document currency per base unit; zero: the ledger's rate
	Status       DocStatus      `json:"status"`
	Lines        []Line         `json:"lines"`
}

// Total is the sum of line amounts and tax.
func (d Document) Total() money.Decimal {
	t := money.Zero
	for _, l := range d.Lines {
		t = t.Add(l.Amount).Add(l.TaxAmount)
	}
	return t
}

// DocRef names a document to look up: by Number when set, else by OurRef.
type DocRef struct {
	Kind   DocKind `json:"kind"`
	Number string  `json:"number"`
	OurRef string  `json:"ourRef"`
}

// Found is a document that exists in the ledger.
type Found struct {
	Ref    DocRef        `json:"ref"` // the DocRef it answers
	ID     string        `json:"id"`
	Number string        `json:"number"`
	Status DocStatus     `json:"status"`
	Total  money.Decimal `json:"total"`
}

// Result is the outcome of one element of a batched write.
type Result struct {
	ID     string `json:"id"`
	Number string `json:"number"`
	Err    error  `json:"-"` // the ledger refused the element; its messages, for the person
}

// Settlement is what the ledger says about payment of one document:
// payments (full, partial, or one part of a payment over several invoices)
// and credit applied.
type Settlement struct {
	DocumentID     string        `json:"documentId"`
	Number         string        `json:"number"`
	Total          money.Decimal `json:"total"`
	AmountPaid     money.Decimal `json:"amountPaid"`
	AmountCredited money.Decimal `json:"amountCredited"`
	AmountDue      money.Decimal `json:"amountDue"`
	FullyPaidOn    time.Time     `json:"fullyPaidOn"` // the real date of the payment that settled it; zero while due
	Payments       []Payment     `json:"payments"`
}

// Payment is one payment applied to a document.
type Payment struct {
	ID     string        `json:"id"`
	Date   time.Time     `json:"date"`
	Amount money.Decimal `json:"amount"`
}
