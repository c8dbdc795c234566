package qbo

// PurchaseByVendor holds what bills and purchase orders share
// (PurchaseByVendor and Transaction in Intuit's XSD). Lines are
// ItemBasedExpenseLineDetail or AccountBasedExpenseLineDetail.
type PurchaseByVendor struct {
	ID                   string        `json:"Id,omitempty"`
	SyncToken            string        `json:"SyncToken,omitempty"`
	MetaData             *MetaData     `json:"MetaData,omitempty"`
	DocNumber            string        `json:"DocNumber,omitempty"`
	TxnDate              Date          `json:"TxnDate,omitzero"`
	DueDate              Date          `json:"DueDate,omitzero"`
	VendorRef            Ref           `json:"VendorRef,omitzero"`
	APAccountRef         Ref           `json:"APAccountRef,omitzero"`
	SalesTermRef         Ref           `json:"SalesTermRef,omitzero"`
	CurrencyRef          Ref           `json:"CurrencyRef,omitzero"`
	ExchangeRate         Amount        `json:"ExchangeRate,omitzero"`
	DepartmentRef        Ref           `json:"DepartmentRef,omitzero"`
	PrivateNote          string        `json:"PrivateNote,omitempty"`
	Memo                 string        `json:"Memo,omitempty"`
	Line                 []Line        `json:"Line,omitempty"`
	TxnTaxDetail         *TxnTaxDetail `json:"TxnTaxDetail,omitempty"`
	GlobalTaxCalculation string        `json:"GlobalTaxCalculation,omitempty"`
	TotalAmt             Amount        `json:"TotalAmt,omitzero"`
}

// Bill is a supplier bill (accounts payable).
type Bill struct {
	PurchaseByVendor
	Balance Amount `json:"Balance,omitzero"`
}

func (Bill) EntityName() string { return "Bill" }
func (b Bill) ref() string      { return b.DocNumber }

// PurchaseOrder is an order to a supplier; it does not post to the ledger.
type PurchaseOrder struct {
	PurchaseByVendor
	POStatus string `json:"POStatus,omitempty"` // Open or Closed
}

func (PurchaseOrder) EntityName() string { return "PurchaseOrder" }
func (p PurchaseOrder) ref() string      { return p.DocNumber }
