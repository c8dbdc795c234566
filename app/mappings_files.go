package app

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Mappings for ledger import files. A file for the ledger the profile syncs
// with uses the sync's mappings; a file for any other ledger (Sage 50
// always, Xero's or QuickBooks' file from a profile that syncs elsewhere)
// keeps its own, under export.MappingOrganisation, so a Sage tax code never
// reaches Xero. There is no ledger to ask, so values are typed and checked
// against the format's own rules.

// MappingTargetDTO is one set of mappings the screen can show.
type MappingTargetDTO struct {
	Value string `json:"value"` // "" for the ledger the profile syncs with, else a file format
	Label string `json:"label"`
}

// Targets lists the sets of mappings of a profile: its ledger's (shared by
// the sync and that ledger's import file), then each other import file's.
func (m *Mappings) Targets(profileID int64) ([]MappingTargetDTO, error) {
	p, err := m.deps.Store.Profile(m.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return nil, fmt.Errorf("app: mapping targets: %w", err)
	}
	out := []MappingTargetDTO{}
	if p.LedgerKind != store.LedgerNone {
		out = append(out, MappingTargetDTO{"", ledgerLabel(p.LedgerKind) + " (sync and its import file)"})
	}
	labels := map[string]string{}
	for _, f := range (&Exports{}).Formats() {
		labels[f.Value] = f.Label
	}
	for _, f := range export.LedgerFormats() {
		if export.MappingOrganisation(f, p.LedgerKind) != "" {
			out = append(out, MappingTargetDTO{string(f), labels[string(f)]})
		}
	}
	return out, nil
}

// LoadFor is Load for one set of mappings ("" is the ledger's).
func (m *Mappings) LoadFor(profileID int64, target string) (MappingsDTO, error) {
	if target == "" {
		return m.Load(profileID)
	}
	ctx := m.deps.Lifecycle.Context()
	f, org, err := m.fileTarget(ctx, profileID, target)
	if err != nil {
		return MappingsDTO{}, err
	}
	src, rules, err := m.readFile(ctx, profileID, f)
	if err != nil {
		return MappingsDTO{}, fmt.Errorf("app: load mappings: %w", err)
	}
	o := mapping.BuildOverview(src, rules, org)
	for i := range o.Customers {
		c := &o.Customers[i]
		if c.State != mapping.StateCreate {
			continue
		}
		c.Note = "Written with the company's name; map it to the customer the ledger already has"
		if f == export.FormatSage50CSV {
			ref := export.Sage50AccountRef(c.CompanyID, c.CompanyNumber, c.CompanyName)
			c.CustomerID, c.Note = ref, fmt.Sprintf("New Sage account %s, written to the Customer Records CSV; map it if Sage already has the customer", ref)
		}
	}
	out := MappingsDTO{ProfileID: profileID, LedgerKind: string(f), For: target, FreeText: true, Codes: o.Codes, Tax: o.Tax,
		Customers: o.Customers, Terms: o.Terms, Coverage: o.Coverage, Items: []ChoiceDTO{}, Accounts: []ChoiceDTO{},
		TaxCodes: []ChoiceDTO{}, LedgerCust: []ChoiceDTO{}, Help: fileHelp(f)}
	for _, tc := range src.Settings.TaxCodes {
		out.TaxCodes = append(out.TaxCodes, ChoiceDTO{Value: tc.Code, Label: tc.Code + " · " + tc.Name})
	}
	return out, nil
}

// AcceptAllFor is AcceptAll for one set of mappings.
func (m *Mappings) AcceptAllFor(profileID int64, target, kind string) (int, error) {
	if target == "" {
		return m.AcceptAll(profileID, kind)
	}
	if kind != "" && !validKind(kind) {
		return 0, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a kind of mapping", kind), "Choose a tab: billing codes, tax, customers or payment terms.")
	}
	ctx := m.deps.Lifecycle.Context()
	f, org, err := m.fileTarget(ctx, profileID, target)
	if err != nil {
		return 0, err
	}
	src, stored, err := m.readFile(ctx, profileID, f)
	if err != nil {
		return 0, fmt.Errorf("app: accept suggestions: %w", err)
	}
	sugg := src.Suggestions(mapping.FromStore(stored, org), kind)
	for i := range sugg {
		sugg[i].Suggested, sugg[i].Organisation = false, org
	}
	if err := m.deps.Store.SaveMappingRules(ctx, profileID, sugg); err != nil {
		return 0, fmt.Errorf("app: accept suggestions: %w", err)
	}
	audit(m.deps, profileID, "mapping.accept", fmt.Sprintf("Accepted %d suggested %s mappings for %s", len(sugg), kindLabel(kind), f))
	return len(sugg), nil
}

// ClearFor is Clear for one set of mappings.
func (m *Mappings) ClearFor(profileID int64, target, kind, sourceKey string) error {
	if target == "" {
		return m.Clear(profileID, kind, sourceKey)
	}
	if !validKind(kind) {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a kind of mapping", kind), "Choose a tab: billing codes, tax, customers or payment terms.")
	}
	ctx := m.deps.Lifecycle.Context()
	f, org, err := m.fileTarget(ctx, profileID, target)
	if err != nil {
		return err
	}
	if err := m.deps.Store.DeleteMappingRule(ctx, profileID, org, kind, sourceKey); err != nil {
		return fmt.Errorf("app: clear mapping: %w", err)
	}
	audit(m.deps, profileID, "mapping.clear", fmt.Sprintf("Cleared the %s mapping of %s for %s", kindLabel(kind), sourceKey, f))
	return nil
}

// fileTarget checks that target is a ledger file format with mappings of
// its own for the profile.
func (m *Mappings) fileTarget(ctx context.Context, profileID int64, target string) (export.Format, string, error) {
	f, err := export.ParseFormat(target)
	if err != nil || !f.IsLedger() {
		return "", "", apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a ledger import file", target), "Choose the mappings of the ledger or of one of the import files.")
	}
	p, err := m.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return "", "", fmt.Errorf("app: mappings: %w", err)
	}
	org := export.MappingOrganisation(f, p.LedgerKind)
	if org == "" {
		return "", "", apperr.New(apperr.Invalid, fmt.Sprintf("The %s file uses %s's mappings", f, ledgerLabel(p.LedgerKind)),
			"Edit them under the ledger's own mappings: the sync and the file share them.")
	}
	return f, org, nil
}

// readFile reads Autotask's side and the format's known tax codes.
func (m *Mappings) readFile(ctx context.Context, profileID int64, f export.Format) (mapping.Sources, []store.MappingRule, error) {
	p, err := m.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return mapping.Sources{}, nil, err
	}
	at, err := connect.Autotask(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return mapping.Sources{}, nil, err
	}
	src, err := mapping.LoadAutotask(ctx, at)
	if err != nil {
		return mapping.Sources{}, nil, err
	}
	src.Settings.TaxCodes = fileTaxCodes(f)
	rules, err := m.deps.Store.MappingRules(ctx, profileID)
	return src, rules, err
}

// fileTaxCodes are the tax codes a format is known to have by default, so
// suggestions can match Autotask's rates: Sage 50 (UK)'s standard T codes
// (shared/api-notes/sage.md; a company may have changed them). Other
// formats' codes are the user's own and are typed.
func fileTaxCodes(f export.Format) []ledger.TaxCode {
	if f != export.FormatSage50CSV {
		return nil
	}
	r := func(s string) money.Decimal { d, _ := money.Parse(s); return d }
	return []ledger.TaxCode{
		{Code: "T0", Name: "Zero rated", Rate: r("0")},
		{Code: "T1", Name: "Standard rate", Rate: r("20")},
		{Code: "T2", Name: "Exempt", Rate: r("0")},
		{Code: "T5", Name: "Reduced rate", Rate: r("5")},
		{Code: "T9", Name: "Outside the scope of VAT", Rate: r("0")},
	}
}

func fileHelp(f export.Format) string {
	switch f {
	case export.FormatSage50CSV:
		return "Sage 50 Accounts (UK): nominal codes up to 8 characters, tax codes T0–T99, account references up to 8 letters and digits. Billing codes without a nominal code use their Autotask GL account."
	case export.FormatSage50USCSV:
		return "Sage 50 US: G/L accounts up to 15 characters, item IDs up to 20, customer IDs up to 20. Billing codes without an account use their Autotask GL account."
	case export.FormatXeroCSV:
		return "Xero import file: account codes up to 10 characters, Xero tax types (e.g. OUTPUT2), item codes up to 30, contacts by name."
	case export.FormatQBOCSV:
		return "QuickBooks Online import file: product/service names, tax code names (TAX/NON in the US), customers by display name."
	}
	return ""
}

var sage50TaxCode = regexp.MustCompile(`^T([0-9]|[1-9][0-9])$`)

// validateFile checks a rule typed for an import file against the format's
// limits, so the file is never blocked by a value the user just saved.
func validateFile(f export.Format, org string, in MappingInput) (store.MappingRule, error) {
	target, target2 := strings.TrimSpace(in.Target), strings.TrimSpace(in.Target2)
	id, idErr := strconv.ParseInt(in.SourceKey, 10, 64)
	bad := func(msg, fix string) (store.MappingRule, error) {
		return store.MappingRule{}, apperr.New(apperr.Invalid, msg, fix)
	}
	tooLong := func(v string, max int) bool { return utf8.RuneCountInString(v) > max }
	var rule store.MappingRule
	switch in.Kind {
	case store.MapBillingCode:
		itemMax, acctMax := 30, 10
		switch f {
		case export.FormatSage50CSV:
			itemMax, acctMax = 30, 8
		case export.FormatSage50USCSV:
			itemMax, acctMax = 20, 15
		case export.FormatQBOCSV:
			itemMax, acctMax = 100, 100
		}
		if idErr != nil || (target == "" && target2 == "") {
			return bad("Type an item code, an account, or both", "Leave the mapping cleared to use the billing code's Autotask GL account.")
		}
		if tooLong(target, itemMax) {
			return bad(fmt.Sprintf("Item %q is longer than %d characters", target, itemMax), fmt.Sprintf("The %s file takes item codes of at most %d characters.", f, itemMax))
		}
		if tooLong(target2, acctMax) {
			return bad(fmt.Sprintf("Account %q is longer than %d characters", target2, acctMax), fmt.Sprintf("The %s file takes accounts of at most %d characters.", f, acctMax))
		}
		rule = mapping.BillingCodeRule(id, mapping.ItemRule{ItemCode: target, Account: target2})
	case store.MapTax:
		reg, cat, ok := strings.Cut(in.SourceKey, ":")
		r, err1 := strconv.ParseInt(reg, 10, 64)
		c, err2 := strconv.ParseInt(cat, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			return bad(fmt.Sprintf("%q is not a tax region and category", in.SourceKey), "Reload the Mappings screen and pick the row again.")
		}
		if f == export.FormatSage50CSV && !sage50TaxCode.MatchString(strings.ToUpper(target)) {
			return bad(fmt.Sprintf("%q is not a Sage tax code", target), "Type T0 to T99, e.g. T1 for the standard rate or T0 for zero-rated.")
		}
		if target == "" || tooLong(target, 50) {
			return bad("The tax code is empty or longer than 50 characters", "Type the tax code exactly as the ledger shows it.")
		}
		if f == export.FormatSage50CSV {
			target = strings.ToUpper(target)
		}
		rule = mapping.TaxRule(mapping.TaxKey{Region: r, Category: c}, target)
	case store.MapCustomer:
		if idErr != nil || target == "" {
			return bad("The customer is empty", "Type the customer's reference as the ledger shows it, or clear the mapping.")
		}
		switch f {
		case export.FormatSage50CSV:
			target = strings.ToUpper(target)
			if tooLong(target, 8) || !refText(target) {
				return bad(fmt.Sprintf("%q is not a Sage account reference", target), "Type the account reference as Sage shows it: up to 8 letters and digits, no spaces.")
			}
		case export.FormatSage50USCSV:
			if tooLong(target, 20) {
				return bad(fmt.Sprintf("Customer ID %q is longer than 20 characters", target), "Type the customer ID as Sage 50 shows it.")
			}
		default:
			if tooLong(target, 255) {
				return bad("The customer name is longer than 255 characters", "Type the customer's name as the ledger shows it.")
			}
		}
		rule = mapping.CustomerRule(id, target)
	case store.MapTerm:
		days, err := strconv.Atoi(target)
		if idErr != nil || err != nil || days < 0 || days > 365 {
			return bad(fmt.Sprintf("%q is not a number of days", in.Target), "Enter the days until payment is due, from 0 to 365.")
		}
		rule = mapping.TermRule(id, days)
	default:
		return bad(fmt.Sprintf("%q is not a kind of mapping", in.Kind), "Choose a tab: billing codes, tax, customers or payment terms.")
	}
	rule.Organisation = org
	return rule, nil
}

func refText(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
