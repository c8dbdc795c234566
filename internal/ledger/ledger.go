package ledger

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is wrapped when a document or customer asked for by id does not exist.
var ErrNotFound = errors.New("ledger: not found")

// Capabilities are the facts about a ledger the engine plans with.
type Capabilities struct {
	Kind                  string // "xero", "qbo", "exact"
	BatchSize             int    // documents per create call
	CustomerEmailRequired bool   // customers (or sending invoices) need an email address
	ExchangeRate          bool   // documents may carry the exchange rate
}

// Ledger is one organisation in an accounting system. Methods are safe for
// concurrent use. Errors a person can act on are *apperr.Error values.
type Ledger interface {
	Capabilities() Capabilities
	// Settings reads currencies, tax codes and accounts.
	Settings(ctx context.Context) (Settings, error)
	// Customers lists every customer, archived ones included, so links can be
	// made by id, account number and exact name without one call per company.
	Customers(ctx context.Context) ([]Customer, error)
	// SaveCustomers creates customers without an ID and updates the others.
	SaveCustomers(ctx context.Context, cs []Customer, key string) ([]Result, error)
	// Items lists every item.
	Items(ctx context.Context) ([]Item, error)
	// CreateItems creates items.
	CreateItems(ctx context.Context, items []Item, key string) ([]Result, error)
	// FindDocuments looks documents up; refs with no document are left out.
	FindDocuments(ctx context.Context, refs []DocRef) ([]Found, error)
	// CreateDocuments creates invoices and credit notes, one Result per document.
	CreateDocuments(ctx context.Context, docs []Document, key string) ([]Result, error)
	// VoidDocument voids a sent document by id.
	VoidDocument(ctx context.Context, kind DocKind, id, key string) error
	// SettlementsSince reads invoices whose payment state changed since t.
	SettlementsSince(ctx context.Context, t time.Time) ([]Settlement, error)
}
