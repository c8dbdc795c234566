package qbo

import (
	"context"
	"fmt"
	"net/http"

	"github.com/billbridge/billbridge/internal/money"
)

// preferences is the part of QuickBooks' Preferences the adapter needs.
type preferences struct {
	CurrencyPrefs struct {
		MultiCurrencyEnabled bool `json:"MultiCurrencyEnabled"`
		HomeCurrency         Ref  `json:"HomeCurrency"`
	} `json:"CurrencyPrefs"`
	SalesFormsPrefs struct {
		CustomTxnNumbers bool `json:"CustomTxnNumbers"`
	} `json:"SalesFormsPrefs"`
}

// ReadCompany reads what NewAdapter needs: the country from CompanyInfo,
// the home currency and multicurrency from Preferences (2 calls). The
// enabled foreign currencies are not read (the caller adds them, e.g. from
// the profile); custom reports whether the company has "Custom transaction
// numbers" on, without which QuickBooks ignores Autotask's numbers and
// numbers documents itself.
func ReadCompany(ctx context.Context, c *Client) (co Company, custom bool, err error) {
	info, err := c.CompanyInfo(ctx)
	if err != nil {
		return co, false, fmt.Errorf("qbo: read company: %w", err)
	}
	var answer struct {
		Preferences preferences `json:"Preferences"`
	}
	err = c.do(ctx, request{method: http.MethodGet, path: "preferences", op: "read preferences", subject: subject{entity: "Preferences"}}, &answer)
	if err != nil {
		return co, false, fmt.Errorf("qbo: read company: %w", err)
	}
	p := answer.Preferences
	home, err := money.ParseCurrency(p.CurrencyPrefs.HomeCurrency.Value)
	if err != nil {
		return co, false, fmt.Errorf("qbo: read company: home currency: %w", err)
	}
	return Company{Country: info.Country, HomeCurrency: home, MultiCurrency: p.CurrencyPrefs.MultiCurrencyEnabled},
		p.SalesFormsPrefs.CustomTxnNumbers, nil
}
