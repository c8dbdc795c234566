package qbo

// Field limits Intuit documents for sales forms.
const (
	MaxDocNumberLength    = 21
	MaxPrivateNoteLength  = 4000
	MaxCustomerMemoLength = 1000
	MaxLineDescLength     = 4000
	MaxCustomFields       = 3
)

// SalesTransaction holds what invoices and credit memos share (Transaction
// and SalesTransaction in Intuit's XSD). TotalAmt, Balance and the Home*
// amounts are set by QuickBooks.
//
// DocNumber may only be sent when the company has custom transaction
// numbers on; otherwise QuickBooks numbers the document itself.
type SalesTransaction struct {
	ID                    string          `json:"Id,omitempty"`
	SyncToken             string          `json:"SyncToken,omitempty"`
	MetaData              *MetaData       `json:"MetaData,omitempty"`
	DocNumber             string          `json:"DocNumber,omitempty"`
	TxnDate               Date            `json:"TxnDate,omitzero"`
	DueDate               Date            `json:"DueDate,omitzero"`
	CustomerRef           Ref             `json:"CustomerRef,omitzero"`
	SalesTermRef          Ref             `json:"SalesTermRef,omitzero"`
	CustomerMemo          Memo            `json:"CustomerMemo,omitzero"`
	PrivateNote           string          `json:"PrivateNote,omitempty"`
	CustomField           []CustomField   `json:"CustomField,omitempty"`
	CurrencyRef           Ref             `json:"CurrencyRef,omitzero"`
	ExchangeRate          Amount          `json:"ExchangeRate,omitzero"`
	DepartmentRef         Ref             `json:"DepartmentRef,omitzero"`
	ClassRef              Ref             `json:"ClassRef,omitzero"`
	BillAddr              PhysicalAddress `json:"BillAddr,omitzero"`
	BillEmail             EmailAddress    `json:"BillEmail,omitzero"`
	Line                  []Line          `json:"Line,omitempty"`
	TxnTaxDetail          *TxnTaxDetail   `json:"TxnTaxDetail,omitempty"`
	GlobalTaxCalculation  string          `json:"GlobalTaxCalculation,omitempty"`
	ApplyTaxAfterDiscount *bool           `json:"ApplyTaxAfterDiscount,omitempty"`
	PrintStatus           string          `json:"PrintStatus,omitempty"`
	EmailStatus           string          `json:"EmailStatus,omitempty"`
	LinkedTxn             []LinkedTxn     `json:"LinkedTxn,omitempty"`
	TotalAmt              Amount          `json:"TotalAmt,omitzero"`
	Balance               Amount          `json:"Balance,omitzero"`
	HomeTotalAmt          Amount          `json:"HomeTotalAmt,omitzero"`
	HomeBalance           Amount          `json:"HomeBalance,omitzero"`
}

// Memo is a text such as CustomerMemo, sent as {"value": "…"}.
type Memo struct {
	Value string `json:"value"`
}

// IsZero makes an empty memo disappear from requests.
func (m Memo) IsZero() bool { return m.Value == "" }

// Invoice is a sales invoice.
type Invoice struct {
	SalesTransaction
	Deposit Amount `json:"Deposit,omitzero"`
}

func (Invoice) EntityName() string { return "Invoice" }
func (i Invoice) ref() string      { return i.DocNumber }

// CreditMemo is a credit note to a customer.
type CreditMemo struct {
	SalesTransaction
	RemainingCredit Amount `json:"RemainingCredit,omitzero"`
}

func (CreditMemo) EntityName() string { return "CreditMemo" }
func (c CreditMemo) ref() string      { return c.DocNumber }
