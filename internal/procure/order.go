package procure

import (
	"context"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Orders: an Autotask purchase order, once submitted, is sent as a ledger
// purchase order (Xero PurchaseOrders, QuickBooks Online PurchaseOrder),
// exactly once, so the supplier bills made from its goods receipts can
// reference it. Its unique reference is "PO-" and the Autotask purchase
// order id (the PO number can be edited or empty); the ledger order carries
// Autotask's PO number. Exact Online is not among them: there each goods
// receipt is a purchase order already (see Exact).
//
// The journal is the procurement journal, in a namespace of its own
// (OrderJournal), so the bill engine — whose Resolve settles every
// 'sending' row of its organisation — never takes an order for a bill.

// Order is one Autotask purchase order as a ledger purchase order.
type Order struct {
	Reference       string    `json:"reference"` // unique: "PO-" + Autotask purchase order id
	Number          string    `json:"number"`    // the ledger's order number: Autotask's PO number
	PurchaseOrderID int64     `json:"purchaseOrderId"`
	VendorCompanyID int64     `json:"vendorCompanyId"`
	VendorName      string    `json:"vendorName"`
	VendorNumber    string    `json:"vendorNumber"`
	VendorID        string    `json:"vendorId"` // the ledger's supplier; "" until linked or created
	Date            time.Time `json:"date"`     // submitted
	DeliveryDate    time.Time `json:"deliveryDate"`
	Currency        string    `json:"currency"`
	// ExchangeRate is Autotask's: units of Currency per unit of the
	// internal currency; zero for the internal currency.
	ExchangeRate money.Decimal `json:"exchangeRate"`
	ShipTo       string        `json:"shipTo"`
	Memo         string        `json:"memo"`
	// Approved sends the order approved (Xero AUTHORISED) rather than as a
	// draft, from Settings.Approve.
	Approved bool        `json:"approved"`
	Lines    []OrderLine `json:"lines"`
}

// OrderLine is one purchase order item.
type OrderLine struct {
	PurchaseOrderItemID int64         `json:"purchaseOrderItemId"`
	ProductID           int64         `json:"productId"`
	ItemCode            string        `json:"itemCode"`
	ItemID              string        `json:"itemId"`
	Description         string        `json:"description"`
	Quantity            money.Decimal `json:"quantity"`
	UnitCost            money.Decimal `json:"unitCost"`
	Amount              money.Decimal `json:"amount"`
	Stocked             bool          `json:"stocked"`
	Account             string        `json:"account"`
	TaxCode             string        `json:"taxCode"`
}

// Total is the sum of the line amounts.
func (o Order) Total() money.Decimal {
	t := money.Zero
	for _, l := range o.Lines {
		t = t.Add(l.Amount)
	}
	return t
}

// Problem codes of orders (with the bills' unmapped_product,
// vendor_missing and cost_missing).
const (
	ProblemOrderEmpty     = "order_without_lines"
	ProblemOrderNumberLen = "order_number_too_long"
)

// PlannedOrder is an order with what will happen to it.
type PlannedOrder struct {
	Order        Order     `json:"order"`
	Action       string    `json:"action"` // send, skip
	Problems     []Problem `json:"problems"`
	Notes        []string  `json:"notes"`
	Hash         string    `json:"hash"`
	CreateVendor bool      `json:"createVendor"`
}

// Blocked reports whether a problem keeps the order from being sent.
func (p PlannedOrder) Blocked() bool { return len(p.Problems) > 0 }

// OrderRef finds a ledger purchase order: its number and supplier.
type OrderRef struct {
	VendorID string
	Number   string
	Date     time.Time // the order's date, to narrow the search where the ledger lists by date
}

// FoundOrder is a purchase order the ledger has.
type FoundOrder struct {
	VendorID string
	Number   string
	ID       string
}

// OrderLedger is a Ledger that keeps purchase orders. CreateOrders returns
// one Result per order, in order; an error means the outcome is unknown and
// the caller resolves it with FindOrders, which returns every live order
// (not deleted) with a number asked, duplicates included.
type OrderLedger interface {
	Ledger
	MaxOrderNumberLen() int
	CreateOrders(ctx context.Context, orders []Order, key string) ([]Result, error)
	FindOrders(ctx context.Context, refs []OrderRef) ([]FoundOrder, error)
}

// OrderJournal is the procurement journal's organisation key for an
// organisation's purchase orders.
func OrderJournal(organisation string) string { return "orders:" + organisation }

// LedgerOrder is a purchase order in the ledger: what a bill references.
type LedgerOrder struct {
	Reference string `json:"reference"`
	ID        string `json:"id"`
	Number    string `json:"number"`
	VendorID  string `json:"vendorId"`
}

// SentOrders returns the ledger purchase orders sent for an organisation,
// by Autotask purchase order id — what bill planning reads so a bill can
// reference its order.
func SentOrders(ctx context.Context, st *store.Store, profileID int64, organisation string) (map[int64]LedgerOrder, error) {
	rows, err := st.ProcureJournal(ctx, profileID, OrderJournal(organisation), store.ProcureSent)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]LedgerOrder, len(rows))
	for _, r := range rows {
		out[r.PurchaseOrderID] = LedgerOrder{Reference: r.Reference, ID: r.LedgerID, Number: r.Number, VendorID: r.VendorID}
	}
	return out, nil
}
