package xero

import (
	"context"
	"net/url"

	"github.com/billbridge/billbridge/internal/money"
)

// TaxRate is one of the organisation's tax rates. TaxType codes differ by
// country (OUTPUT2 in NZ and the UK, OUTPUT in AU, TAX001… for rates users
// add), so they are always read, never assumed.
type TaxRate struct {
	Name                  string         `json:"Name,omitempty"`
	TaxType               string         `json:"TaxType,omitempty"`
	TaxComponents         []TaxComponent `json:"TaxComponents,omitempty"`
	Status                string         `json:"Status,omitempty"` // ACTIVE, DELETED, ARCHIVED, PENDING
	ReportTaxType         string         `json:"ReportTaxType,omitempty"`
	CanApplyToAssets      bool           `json:"CanApplyToAssets,omitempty"`
	CanApplyToEquity      bool           `json:"CanApplyToEquity,omitempty"`
	CanApplyToExpenses    bool           `json:"CanApplyToExpenses,omitempty"`
	CanApplyToLiabilities bool           `json:"CanApplyToLiabilities,omitempty"`
	CanApplyToRevenue     bool           `json:"CanApplyToRevenue,omitempty"`
	DisplayTaxRate        money.Decimal  `json:"DisplayTaxRate"`
	EffectiveRate         money.Decimal  `json:"EffectiveRate"`
}

// TaxComponent is one part of a (possibly compound) tax rate.
type TaxComponent struct {
	Name             string        `json:"Name,omitempty"`
	Rate             money.Decimal `json:"Rate"`
	IsCompound       bool          `json:"IsCompound,omitempty"`
	IsNonRecoverable bool          `json:"IsNonRecoverable,omitempty"`
}

// TaxRates reads the organisation's tax rates. where may be empty, or e.g.
// Status=="ACTIVE".
func (c *Client) TaxRates(ctx context.Context, where string) ([]TaxRate, error) {
	q := url.Values{}
	if where != "" {
		q.Set("where", where)
	}
	return getList[TaxRate](ctx, c, list{op: "read tax rates", path: "TaxRates", wrapper: "TaxRates", query: q})
}
