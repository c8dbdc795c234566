package export

import (
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// LedgerKind is the API ledger a file format imports into ("" for Sage 50,
// which Billbridge reaches only through files).
func (f Format) LedgerKind() string {
	switch f {
	case FormatXeroCSV:
		return store.LedgerXero
	case FormatQBOCSV:
		return store.LedgerQBO
	}
	return ""
}

// FileOrganisationPrefix starts the mapping namespace of a file format whose
// ledger the profile does not sync with: its rules are kept apart from the
// sync's, since a Sage tax code means nothing to Xero.
const FileOrganisationPrefix = "file:"

// MappingOrganisation is where a ledger file's mappings are kept: the
// profile's own (the organisation the sync uses, "") when the file imports
// into the ledger the profile syncs with, so the file and the sync share one
// set of mappings; else the file's own namespace.
func MappingOrganisation(f Format, profileLedger string) string {
	if k := f.LedgerKind(); k != "" && k == profileLedger {
		return ""
	}
	return FileOrganisationPrefix + string(f)
}

// LedgerMapInput is what a ledger file's mappings are built from.
type LedgerMapInput struct {
	Format Format
	Rules  mapping.Rules   // the accepted rules of MappingOrganisation
	Source mapping.Sources // Autotask's names; the ledger's lists when Connected
	// Connected says Source holds the ledger the file imports into (its
	// settings, items and customers): then ids become the names the import
	// file wants, and zero-rated lines use the ledger's zero code.
	Connected bool
	// SalesTaxAccount is the Sage 50 US sales tax G/L account (a setting).
	SalesTaxAccount string
	// AdjustmentCap is the largest rounding adjustment line (Settings), used
	// with the connected ledger's rounding account.
	AdjustmentCap money.Decimal
}

// BuildLedgerMap turns rules keyed by Autotask ids into the name-keyed map
// the file writers use (export rows carry names). Notes name what could not
// be carried over, e.g. two billing codes of one name mapped differently.
func BuildLedgerMap(in LedgerMapInput) (LedgerMap, []string) {
	m := LedgerMap{Tax: map[TaxNames]string{}, Accounts: map[string]string{}, Items: map[string]string{},
		Customers: map[int64]string{}, TermDays: map[int64]int{}, TaxRates: map[string]money.Decimal{},
		SalesTaxAccount: strings.TrimSpace(in.SalesTaxAccount)}
	var notes []string
	s := in.Source

	itemName, taxName, custName := map[string]string{}, map[string]string{}, map[string]string{}
	// taxOut is a tax code as the import file names it: Xero's import takes
	// the rate's display name ("20% (VAT on Income)"), QuickBooks' the tax
	// code's name outside the US (TAX/NON in it); the API uses codes and ids.
	taxOut := func(code string) string {
		if n := taxName[code]; n != "" && code != "TAX" && code != "NON" {
			return n
		}
		return code
	}
	if in.Connected {
		for _, it := range s.Items {
			itemName[it.Code] = it.Name
		}
		for _, tc := range s.Settings.TaxCodes {
			taxName[tc.Code] = tc.Name
		}
		for _, tc := range s.Settings.TaxCodes {
			m.TaxRates[taxOut(tc.Code)] = tc.Rate
		}
		for _, c := range s.Customers {
			custName[c.ID] = c.Name
		}
		m.ZeroTaxCode = taxOut(zeroTaxCode(s.Settings.TaxCodes))
		if in.Format == FormatXeroCSV {
			// QuickBooks' import wants a product/service on every line, which
			// an adjustment line has not; its differences are named instead.
			m.RoundingAccount, m.AdjustmentCap = s.Settings.RoundingAccount, in.AdjustmentCap
		}
		if in.Format == FormatQBOCSV {
			m.BaseCurrency = s.Settings.BaseCurrency
		}
	}

	ambiguous := map[string]bool{}
	for _, c := range s.Codes {
		rule, ok := in.Rules.BillingCodes[c.ID]
		if !ok || ambiguous[c.Name] {
			continue
		}
		item := rule.ItemCode
		if in.Format == FormatQBOCSV && itemName[item] != "" {
			item = itemName[item] // QuickBooks' import names the product/service
		}
		if prev, seen := m.Items[c.Name]; seen && (prev != item || m.Accounts[c.Name] != rule.Account) {
			ambiguous[c.Name] = true
			delete(m.Items, c.Name)
			delete(m.Accounts, c.Name)
			notes = append(notes, fmt.Sprintf("Two billing codes are named %q and are mapped differently; their lines use each code's own GL account. Rename one in Autotask.", c.Name))
			continue
		}
		if item != "" {
			m.Items[c.Name] = item
		}
		if rule.Account != "" {
			m.Accounts[c.Name] = rule.Account
		}
	}

	regions, cats := map[int64]string{}, map[int64]string{}
	for _, r := range s.Regions {
		regions[r.ID] = r.Name
	}
	for _, c := range s.Categories {
		cats[c.ID] = c.Name
	}
	for k, code := range in.Rules.Tax {
		m.Tax[TaxNames{Region: regions[k.Region], Category: cats[k.Category]}] = taxOut(code)
	}

	for id, ref := range in.Rules.Customers {
		if in.Connected && custName[ref] != "" {
			ref = custName[ref] // Xero and QuickBooks imports match customers by name
		}
		m.Customers[id] = ref
	}

	for id, days := range in.Rules.TermDays {
		m.TermDays[id] = days
	}
	return m, notes
}

// zeroTaxCode is the ledger's zero rate, chosen as the sync chooses it.
func zeroTaxCode(codes []ledger.TaxCode) string {
	code := ""
	for _, tc := range codes {
		if tc.Rate.IsZero() && (code == "" || tc.Code == "NONE") {
			code = tc.Code
		}
	}
	return code
}
