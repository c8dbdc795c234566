package procure

import "context"

// Vendor is a ledger supplier (a Xero contact, a QuickBooks vendor).
type Vendor struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	AccountNumber string `json:"accountNumber"`
	Currency      string `json:"currency"`
}

// Item is a ledger item a bill line can name.
type Item struct {
	ID   string `json:"id"`
	Code string `json:"code"` // Xero's Code; QuickBooks' Name
	SKU  string `json:"sku"`
}

// Result is the ledger's answer for one bill or vendor sent: its id, or
// why it refused it.
type Result struct {
	ID  string
	Err error
}

// BillRef finds a bill: by its number and supplier.
type BillRef struct {
	VendorID string
	Number   string
}

// Found is a bill the ledger has.
type Found struct {
	Ref BillRef
	ID  string
}

// Ledger is what procurement needs of an accounting system. CreateBills
// returns one Result per bill, in order; an error means the outcome of the
// call is unknown (the ledger may have saved some bills), and the caller
// resolves it with FindBills.
type Ledger interface {
	Kind() string
	// MaxNumberLen is the longest bill number the ledger keeps.
	MaxNumberLen() int
	// BatchSize is the most bills one CreateBills call sends.
	BatchSize() int
	Vendors(ctx context.Context) ([]Vendor, error)
	CreateVendors(ctx context.Context, vendors []Vendor, key string) ([]Result, error)
	Items(ctx context.Context) ([]Item, error)
	CreateBills(ctx context.Context, bills []Bill, key string) ([]Result, error)
	FindBills(ctx context.Context, refs []BillRef) ([]Found, error)
}
