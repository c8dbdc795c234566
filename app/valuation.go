package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/valuation"
)

// ValuationLocationDTO is one Autotask inventory location's stock value.
type ValuationLocationDTO struct {
	Name   string `json:"name"`
	Items  int    `json:"items"`
	OnHand int    `json:"onHand"`
	Value  string `json:"value"`
}

// ValuationLineDTO is one product's stock over all locations.
type ValuationLineDTO struct {
	SKU      string `json:"sku"`
	Name     string `json:"name"`
	OnHand   int    `json:"onHand"`
	UnitCost string `json:"unitCost"`
	Value    string `json:"value"`
}

// ValuationDTO is the stock valuation report; money as decimal strings.
type ValuationDTO struct {
	Date          string                 `json:"date"`
	Currency      string                 `json:"currency"`
	Account       string                 `json:"account"`
	AutotaskTotal string                 `json:"autotaskTotal"`
	LedgerBalance string                 `json:"ledgerBalance"`
	Difference    string                 `json:"difference"`
	Locations     []ValuationLocationDTO `json:"locations"`
	Lines         []ValuationLineDTO     `json:"lines"`
	NoCost        []string               `json:"noCost"`
	Explanations  []string               `json:"explanations"`
}

// Valuation compares Autotask's stock on hand × unit cost with the balance
// of the inventory asset account (the purchase settings') on date
// (YYYY-MM-DD; empty for today). Xero, QuickBooks Online and Exact Online.
func (s *Purchases) Valuation(profileID int64, date string) (ValuationDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	at := time.Now().UTC()
	if strings.TrimSpace(date) != "" {
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(date))
		if err != nil {
			return ValuationDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a date", date), "Enter the report date as YYYY-MM-DD, e.g. 2024-05-31.")
		}
		at = t
	}
	p, err := s.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return ValuationDTO{}, fmt.Errorf("app: valuation: %w", err)
	}
	set, err := s.deps.Store.PurchaseSettingsOf(ctx, profileID)
	if err != nil {
		return ValuationDTO{}, fmt.Errorf("app: valuation: %w", err)
	}
	if set.InventoryAccount == "" {
		return ValuationDTO{}, apperr.New(apperr.Invalid, "No inventory asset account is set for purchases",
			"Choose the inventory asset account in Purchases → Settings.")
	}
	cd := s.deps.connectDeps()
	var lg valuation.Ledger
	switch p.LedgerKind {
	case store.LedgerXero:
		c, err := connect.Xero(ctx, cd, p)
		if err != nil {
			return ValuationDTO{}, err
		}
		lg = valuation.Xero{Client: c}
	case store.LedgerQBO:
		c, err := connect.QBO(ctx, cd, p)
		if err != nil {
			return ValuationDTO{}, err
		}
		lg = valuation.QBO{Client: c}
	case store.LedgerExact:
		c, err := connect.Exact(ctx, cd, p)
		if err != nil {
			return ValuationDTO{}, err
		}
		lg = valuation.Exact{Client: c}
	default:
		return ValuationDTO{}, apperr.New(apperr.Invalid, "The stock valuation report is for Xero, QuickBooks Online and Exact Online profiles",
			"Open it on a profile connected to Xero, QuickBooks Online or Exact Online.")
	}
	at2, err := connect.Autotask(ctx, cd, p)
	if err != nil {
		return ValuationDTO{}, err
	}
	stock, err := valuation.Pull(ctx, at2)
	if err != nil {
		return ValuationDTO{}, fmt.Errorf("app: valuation: %w", err)
	}
	bal, err := lg.Balance(ctx, set.InventoryAccount, at)
	if err != nil {
		return ValuationDTO{}, err
	}
	return valuationDTO(valuation.Build(at, set.InventoryAccount, stock, bal)), nil
}

func valuationDTO(r valuation.Report) ValuationDTO {
	places := money.Currency(r.Currency).MinorUnits()
	out := ValuationDTO{Date: r.Date.Format(time.DateOnly), Currency: r.Currency, Account: r.Account,
		AutotaskTotal: r.AutotaskTotal.StringFixed(places), LedgerBalance: r.LedgerBalance.StringFixed(places), Difference: r.Difference.StringFixed(places),
		Locations: []ValuationLocationDTO{}, Lines: []ValuationLineDTO{}, NoCost: append([]string{}, r.NoCost...),
		Explanations: append([]string{}, r.Explanations...)}
	for _, l := range r.Locations {
		out.Locations = append(out.Locations, ValuationLocationDTO{Name: l.Name, Items: l.Items, OnHand: l.OnHand, Value: l.Value.StringFixed(places)})
	}
	for _, l := range r.Lines {
		out.Lines = append(out.Lines, ValuationLineDTO{SKU: l.SKU, Name: l.Name, OnHand: l.OnHand, UnitCost: l.UnitCost.String(), Value: l.Value.StringFixed(places)})
	}
	return out
}
