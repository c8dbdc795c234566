package xero

import (
	"context"
	"net/url"
	"time"
)

// Account is a chart-of-accounts entry. Invoice lines name it by Code.
type Account struct {
	AccountID               string   `json:"AccountID,omitempty"`
	Code                    string   `json:"Code,omitempty"`
	Name                    string   `json:"Name,omitempty"`
	Type                    string   `json:"Type,omitempty"`   // REVENUE, SALES, BANK, …
	Status                  string   `json:"Status,omitempty"` // ACTIVE, ARCHIVED, DELETED
	Description             string   `json:"Description,omitempty"`
	BankAccountNumber       string   `json:"BankAccountNumber,omitempty"`
	BankAccountType         string   `json:"BankAccountType,omitempty"`
	CurrencyCode            string   `json:"CurrencyCode,omitempty"`
	TaxType                 string   `json:"TaxType,omitempty"`
	EnablePaymentsToAccount bool     `json:"EnablePaymentsToAccount,omitempty"`
	ShowInExpenseClaims     bool     `json:"ShowInExpenseClaims,omitempty"`
	Class                   string   `json:"Class,omitempty"`         // ASSET, EQUITY, EXPENSE, LIABILITY, REVENUE
	SystemAccount           string   `json:"SystemAccount,omitempty"` // DEBTORS, ROUNDING, …
	ReportingCode           string   `json:"ReportingCode,omitempty"`
	UpdatedDateUTC          DateTime `json:"UpdatedDateUTC,omitzero"`
}

// AccountRef names an account by code, as payments and lines do.
func AccountRef(code string) *Account { return &Account{Code: code} }

// AccountFilter narrows Accounts. Accounts are not paged.
type AccountFilter struct {
	Where         string // e.g. Status=="ACTIVE"
	ModifiedSince time.Time
}

// Accounts reads the chart of accounts.
func (c *Client) Accounts(ctx context.Context, f AccountFilter) ([]Account, error) {
	q := url.Values{}
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	return getList[Account](ctx, c, list{op: "read accounts", path: "Accounts", wrapper: "Accounts", query: q, since: f.ModifiedSince})
}
