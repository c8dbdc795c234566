package exact

import (
	"context"

	"github.com/billbridge/billbridge/internal/money"
)

// VATCode is a code in vat/VATCodes. Codes are often space-padded to three
// characters ("2  "); lines must send the code exactly as Exact lists it.
type VATCode struct {
	ID                 string        `json:"ID"`
	Code               string        `json:"Code"`
	Description        string        `json:"Description"`
	Percentage         money.Decimal `json:"Percentage"` // a fraction: 0.21 is 21%
	Type               string        `json:"Type"`       // B base only, E excluding, I including, N none
	VATTransactionType string        `json:"VATTransactionType"`
	IsBlocked          bool          `json:"IsBlocked"`
}

// PaymentCondition is a term in cashflow/PaymentConditions.
type PaymentCondition struct {
	ID          string `json:"ID"`
	Code        string `json:"Code"`
	Description string `json:"Description"`
	PaymentDays int    `json:"PaymentDays"`
}

// Currency is a currency the division knows, in general/Currencies.
type Currency struct {
	Code            string        `json:"Code"`
	Description     string        `json:"Description"`
	AmountPrecision money.Decimal `json:"AmountPrecision"`
}

// Journal types Billbridge uses.
const JournalTypeSales = 20

// Journal is a journal in financial/Journals; sales entries and invoices name
// a sales journal (Type 20) by Code.
type Journal struct {
	ID          string `json:"ID"`
	Code        string `json:"Code"`
	Description string `json:"Description"`
	Type        int    `json:"Type"`
	Currency    string `json:"Currency"`
	IsBlocked   bool   `json:"IsBlocked"`
}

// GL account types Billbridge uses.
const GLTypeRevenue = 110

// GLAccount is a ledger account in financial/GLAccounts; lines name it by ID.
type GLAccount struct {
	ID          string `json:"ID"`
	Code        string `json:"Code"`
	Description string `json:"Description"`
	Type        int    `json:"Type"`
	IsBlocked   bool   `json:"IsBlocked"`
	VATCode     string `json:"VATCode"`
}

// VATCodes lists the division's VAT codes.
func (c *Client) VATCodes(ctx context.Context) ([]VATCode, error) {
	return getAll[VATCode](ctx, c, list{op: "list VAT codes", path: "vat/VATCodes",
		query: Query{Select: []string{"ID", "Code", "Description", "Percentage", "Type", "VATTransactionType", "IsBlocked"}}})
}

// PaymentConditions lists the division's payment conditions.
func (c *Client) PaymentConditions(ctx context.Context) ([]PaymentCondition, error) {
	return getAll[PaymentCondition](ctx, c, list{op: "list payment conditions", path: "cashflow/PaymentConditions",
		query: Query{Select: []string{"ID", "Code", "Description", "PaymentDays"}}})
}

// Currencies lists the currencies the division knows.
func (c *Client) Currencies(ctx context.Context) ([]Currency, error) {
	return getAll[Currency](ctx, c, list{op: "list currencies", path: "general/Currencies",
		query: Query{Select: []string{"Code", "Description", "AmountPrecision"}}})
}

// Journals lists the division's journals; SalesJournals only the sales ones.
func (c *Client) Journals(ctx context.Context) ([]Journal, error) {
	return c.journals(ctx, "")
}

// SalesJournals lists the journals of Type 20 (sales).
func (c *Client) SalesJournals(ctx context.Context) ([]Journal, error) {
	return c.journals(ctx, Eq("Type", Int(JournalTypeSales)))
}

func (c *Client) journals(ctx context.Context, filter string) ([]Journal, error) {
	return getAll[Journal](ctx, c, list{op: "list journals", path: "financial/Journals",
		query: Query{Select: []string{"ID", "Code", "Description", "Type", "Currency", "IsBlocked"}, Filter: filter}})
}

// GLAccounts lists the division's ledger accounts; RevenueGLAccounts only
// those of Type 110.
func (c *Client) GLAccounts(ctx context.Context) ([]GLAccount, error) {
	return c.glAccounts(ctx, "")
}

// RevenueGLAccounts lists the ledger accounts of Type 110 (revenue).
func (c *Client) RevenueGLAccounts(ctx context.Context) ([]GLAccount, error) {
	return c.glAccounts(ctx, Eq("Type", Int(GLTypeRevenue)))
}

func (c *Client) glAccounts(ctx context.Context, filter string) ([]GLAccount, error) {
	return getAll[GLAccount](ctx, c, list{op: "list GL accounts", path: "financial/GLAccounts",
		query: Query{Select: []string{"ID", "Code", "Description", "Type", "IsBlocked", "VATCode"}, Filter: filter}})
}
