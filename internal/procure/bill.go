package procure

import (
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Bill is one supplier bill: one goods receipt of one purchase order.
type Bill struct {
	Reference           string `json:"reference"` // unique: "RCV-" + receiving batch id
	Number              string `json:"number"`    // the ledger's bill number: vendor invoice number and reference
	PurchaseOrderID     int64  `json:"purchaseOrderId"`
	PurchaseOrderNumber string `json:"purchaseOrderNumber"`
	// LedgerOrderID and LedgerOrderNumber name the ledger purchase order the
	// Autotask PO was sent as (OrderEngine), when it was. They are omitted
	// from JSON when empty so the content hash of a bill without one is what
	// it was before bills referenced orders.
	LedgerOrderID     string `json:"ledgerOrderId,omitempty"`
	LedgerOrderNumber string `json:"ledgerOrderNumber,omitempty"`
	// Approved sends the bill approved (Xero AUTHORISED, so it posts) rather
	// than as a draft, from Settings.Approve; omitted when false so drafts
	// keep the hash they had.
	Approved            bool      `json:"approved,omitempty"`
	ReceivingIDs        []int64   `json:"receivingIds"`
	VendorCompanyID     int64     `json:"vendorCompanyId"`
	VendorName          string    `json:"vendorName"`
	VendorNumber        string    `json:"vendorNumber"`
	VendorID            string    `json:"vendorId"` // the ledger's supplier; "" until linked or created
	VendorInvoiceNumber string    `json:"vendorInvoiceNumber"`
	Date                time.Time `json:"date"`
	DueDate             time.Time `json:"dueDate"`
	Currency            string    `json:"currency"`
	// ExchangeRate is Autotask's: units of Currency per unit of the internal
	// currency; zero for the internal currency.
	ExchangeRate money.Decimal `json:"exchangeRate"`
	ShipTo       string        `json:"shipTo"`
	Memo         string        `json:"memo"`
	Lines        []BillLine    `json:"lines"`
}

// BillLine is one receiving of one purchase-order line.
type BillLine struct {
	ReceivingID int64         `json:"receivingId"`
	ProductID   int64         `json:"productId"`
	ItemCode    string        `json:"itemCode"` // the ledger item's code (Xero) or name
	ItemID      string        `json:"itemId"`   // the ledger item's id
	Description string        `json:"description"`
	Quantity    money.Decimal `json:"quantity"`
	UnitCost    money.Decimal `json:"unitCost"`
	Amount      money.Decimal `json:"amount"`
	// Stocked lines were received into an Autotask inventory location and
	// post to the inventory asset account; the rest (drop-shipped to a
	// customer, a ticket or a project) to cost of sales.
	Stocked bool   `json:"stocked"`
	Account string `json:"account"`
	TaxCode string `json:"taxCode"`
}

// Total is the sum of the line amounts.
func (b Bill) Total() money.Decimal {
	t := money.Zero
	for _, l := range b.Lines {
		t = t.Add(l.Amount)
	}
	return t
}

// Problem blocks a bill until the user fixes it.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
}

// Problem codes.
const (
	ProblemUnmappedProduct = "unmapped_product"
	ProblemVendorMissing   = "vendor_missing"
	ProblemNoPOLine        = "receiving_without_po_line"
	ProblemCostMissing     = "cost_missing"
	ProblemAccountMissing  = "account_missing"
)

// Actions of a planned bill.
const (
	ActionSend = "send"
	ActionSkip = "skip" // already in the ledger
)

// Planned is a bill with what will happen to it.
type Planned struct {
	Bill     Bill      `json:"bill"`
	Action   string    `json:"action"`
	Problems []Problem `json:"problems"`
	Notes    []string  `json:"notes"`
	Hash     string    `json:"hash"`
	// CreateVendor says the supplier is created in the ledger before the bill.
	CreateVendor bool `json:"createVendor"`
}

// Blocked reports whether a problem keeps the bill from being sent.
func (p Planned) Blocked() bool { return len(p.Problems) > 0 }
