package mapping

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Sources are both sides of the mappings: what Autotask bills with and what
// the ledger can receive. The mapping editor and the headless demo read them
// once and derive rows and suggestions from them.
type Sources struct {
	Codes      []autotask.BillingCode
	Regions    []autotask.TaxRegion
	Categories []autotask.TaxCategory
	Taxes      []autotask.Tax
	Companies  []autotask.Company
	Terms      []autotask.PaymentTerm
	// LinesOfBusiness are Autotask's organisational levels 2.
	LinesOfBusiness []autotask.OrganizationalLevel2
	Settings        ledger.Settings
	Items           []ledger.Item
	Customers       []ledger.Customer
}

// LoadSources reads both sides: a handful of Autotask queries and four
// ledger calls.
func LoadSources(ctx context.Context, at *autotask.Client, lg ledger.Ledger) (Sources, error) {
	s, err := LoadAutotask(ctx, at)
	if err != nil {
		return s, err
	}
	if s.Settings, err = lg.Settings(ctx); err != nil {
		return s, fmt.Errorf("mapping: read ledger settings: %w", err)
	}
	if s.Items, err = lg.Items(ctx); err != nil {
		return s, fmt.Errorf("mapping: read ledger items: %w", err)
	}
	if s.Customers, err = lg.Customers(ctx); err != nil {
		return s, fmt.Errorf("mapping: read ledger customers: %w", err)
	}
	return s, nil
}

// LoadAutotask reads Autotask's side only: for mappings to a ledger that is
// imported from a file (Sage 50), where there is no ledger to ask.
func LoadAutotask(ctx context.Context, at *autotask.Client) (Sources, error) {
	var s Sources
	var err error
	if s.Codes, err = autotask.QueryAll[autotask.BillingCode](ctx, at, autotask.EntityBillingCodes, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read billing codes: %w", err)
	}
	if s.Regions, err = autotask.QueryAll[autotask.TaxRegion](ctx, at, autotask.EntityTaxRegions, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read tax regions: %w", err)
	}
	if s.Categories, err = autotask.QueryAll[autotask.TaxCategory](ctx, at, autotask.EntityTaxCategories, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read tax categories: %w", err)
	}
	if s.Taxes, err = autotask.QueryAll[autotask.Tax](ctx, at, autotask.EntityTaxes, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read taxes: %w", err)
	}
	if s.Companies, err = autotask.QueryAll[autotask.Company](ctx, at, autotask.EntityCompanies, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read companies: %w", err)
	}
	if s.Terms, err = autotask.QueryAll[autotask.PaymentTerm](ctx, at, autotask.EntityPaymentTerms, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read payment terms: %w", err)
	}
	if s.LinesOfBusiness, err = autotask.QueryAll[autotask.OrganizationalLevel2](ctx, at, autotask.EntityOrganizationalLevel2s, autotask.Query{}); err != nil {
		return s, fmt.Errorf("mapping: read lines of business: %w", err)
	}
	sort.Slice(s.LinesOfBusiness, func(i, j int) bool { return s.LinesOfBusiness[i].Name < s.LinesOfBusiness[j].Name })
	sort.Slice(s.Codes, func(i, j int) bool { return s.Codes[i].ID < s.Codes[j].ID })
	sort.Slice(s.Companies, func(i, j int) bool { return s.Companies[i].ID < s.Companies[j].ID })
	return s, nil
}

// IncomeAccount is the account new items are suggested on: the ledger's
// income account named "Sales" when there is one, else its first income
// account by code.
func (s Sources) IncomeAccount() string {
	var income []ledger.Account
	for _, a := range s.Settings.Accounts {
		if a.Income {
			if strings.EqualFold(a.Name, "Sales") {
				return a.Code
			}
			income = append(income, a)
		}
	}
	sort.Slice(income, func(i, j int) bool { return income[i].Code < income[j].Code })
	if len(income) == 0 {
		return ""
	}
	return income[0].Code
}

// companies are the Autotask companies as LinkCustomers takes them.
func (s Sources) companies() []Company {
	out := make([]Company, 0, len(s.Companies))
	for _, c := range s.Companies {
		out = append(out, Company{ID: c.ID, Number: c.CompanyNumber, Name: c.CompanyName})
	}
	return out
}

// Suggestions are the rules "Accept all suggestions" stores for kind (one of
// the store.Map* kinds, or "" for every kind): items for unmapped billing
// codes, tax codes of the same rate for unmapped tax pairs, and links to
// close-named ledger customers, and tracking options (or classes) of the
// same name for lines of business. Payment terms have no suggestions: Autotask's
// own due days apply until the user overrides them.
func (s Sources) Suggestions(rules Rules, kind string) []store.MappingRule {
	var out []store.MappingRule
	if kind == "" || kind == store.MapBillingCode {
		out = append(out, SuggestBillingCodes(s.Codes, s.Items, rules, s.IncomeAccount())...)
	}
	if kind == "" || kind == store.MapTax {
		out = append(out, SuggestTax(s.Regions, s.Categories, s.Taxes, s.Settings.TaxCodes, rules)...)
	}
	if kind == "" || kind == store.MapCustomer {
		_, sugg := LinkCustomers(s.companies(), s.Customers, rules.Customers)
		for _, sg := range sugg {
			r := CustomerRule(sg.CompanyID, sg.CustomerID)
			r.Suggested, r.Note = true, sg.Reason
			out = append(out, r)
		}
	}
	if kind == "" || kind == store.MapLineOfBusiness {
		out = append(out, SuggestLinesOfBusiness(s.LinesOfBusiness, s.Settings.Tracking, rules)...)
	}
	return out
}
