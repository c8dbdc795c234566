package app

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// Mappings is the Mappings screen's service: both sides of every mapping,
// the stored rules, and suggestions the user accepts one by one or in bulk.
type Mappings struct{ deps Deps }

func NewMappings(deps Deps) *Mappings { return &Mappings{deps: deps} }

// ChoiceDTO is one entry of a picker: a ledger item, account, tax code or customer.
type ChoiceDTO struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// MappingsDTO is the four tabs, their coverage and what the ledger offers.
type MappingsDTO struct {
	ProfileID  int64                 `json:"profileId"`
	LedgerKind string                `json:"ledgerKind"`
	Codes      []mapping.CodeRow     `json:"codes"`
	Tax        []mapping.TaxRow      `json:"tax"`
	Customers  []mapping.CustomerRow `json:"customers"`
	Terms      []mapping.TermRow     `json:"terms"`
	Coverage   []mapping.Coverage    `json:"coverage"`
	Items      []ChoiceDTO           `json:"items"`
	Accounts   []ChoiceDTO           `json:"accounts"` // income accounts
	TaxCodes   []ChoiceDTO           `json:"taxCodes"`
	LedgerCust []ChoiceDTO           `json:"ledgerCustomers"`
	// For is the set of mappings shown: "" for the ledger's, else a ledger
	// import file's own (see Targets). FreeText says values are typed, not
	// picked (no ledger to list them); Help gives the format's rules.
	For      string `json:"for"`
	FreeText bool   `json:"freeText"`
	Help     string `json:"help"`
	// Exact is what an Exact profile also chooses (mappings_exact.go).
	Exact ExactChoicesDTO `json:"exact"`
	// LinesOfBusiness is the Lines of business tab; TrackingOptions the
	// ledger's active tracking options or classes (mappings_tracking.go).
	LinesOfBusiness []mapping.LineOfBusinessRow `json:"linesOfBusiness"`
	TrackingOptions []ChoiceDTO                 `json:"trackingOptions"`
}

// MappingInput sets one rule. Kind is billing_code, tax, customer,
// payment_term or line_mode; SourceKey the Autotask id ("region:category"
// for tax). Target is the item code, tax code, ledger customer id, due days
// or line detail (standard, summary, detail);
// Target2 the income account of a billing code.
type MappingInput struct {
	ProfileID int64  `json:"profileId"`
	Kind      string `json:"kind"`
	SourceKey string `json:"sourceKey"`
	Target    string `json:"target"`
	Target2   string `json:"target2"`
	For       string `json:"for"` // "" for the ledger's mappings, else a ledger import file's
}

// Load reads Autotask, the ledger and the stored rules.
func (m *Mappings) Load(profileID int64) (MappingsDTO, error) {
	ctx := m.deps.Lifecycle.Context()
	src, rules, kind, err := m.read(ctx, profileID)
	if err != nil {
		return MappingsDTO{}, fmt.Errorf("app: load mappings: %w", err)
	}
	o := mapping.BuildOverview(src, rules, "")
	out := MappingsDTO{ProfileID: profileID, LedgerKind: kind, Codes: o.Codes, Tax: o.Tax, Customers: o.Customers, Terms: o.Terms,
		Coverage: o.Coverage, Items: []ChoiceDTO{}, Accounts: []ChoiceDTO{}, TaxCodes: []ChoiceDTO{}, LedgerCust: []ChoiceDTO{}}
	for _, it := range src.Items {
		out.Items = append(out.Items, ChoiceDTO{Value: it.Code, Label: it.Code + " · " + it.Name})
	}
	for _, a := range src.Settings.Accounts {
		if a.Income {
			out.Accounts = append(out.Accounts, ChoiceDTO{Value: a.Code, Label: a.Code + " · " + a.Name})
		}
	}
	for _, tc := range src.Settings.TaxCodes {
		out.TaxCodes = append(out.TaxCodes, ChoiceDTO{Value: tc.Code, Label: fmt.Sprintf("%s · %s (%s %%)", tc.Code, tc.Name, tc.Rate)})
	}
	for _, c := range src.Customers {
		if !c.Archived {
			out.LedgerCust = append(out.LedgerCust, ChoiceDTO{Value: c.ID, Label: c.Name})
		}
	}
	for _, l := range [][]ChoiceDTO{out.Items, out.Accounts, out.TaxCodes, out.LedgerCust} {
		sort.Slice(l, func(i, j int) bool { return l[i].Label < l[j].Label })
	}
	trackingChoices(&out, o, src)
	if out.Exact, err = m.exactChoices(ctx, profileID, kind, rules); err != nil {
		return MappingsDTO{}, fmt.Errorf("app: load mappings: %w", err)
	}
	return out, nil
}

// AcceptAll stores every current suggestion of kind ("" for all kinds) as
// the user's rule and returns how many were accepted.
func (m *Mappings) AcceptAll(profileID int64, kind string) (int, error) {
	if kind != "" && !validKind(kind) {
		return 0, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a kind of mapping", kind), "Choose a tab: billing codes, tax, customers or payment terms.")
	}
	ctx := m.deps.Lifecycle.Context()
	src, stored, _, err := m.read(ctx, profileID)
	if err != nil {
		return 0, fmt.Errorf("app: accept suggestions: %w", err)
	}
	sugg := src.Suggestions(mapping.FromStore(stored, ""), kind)
	for i := range sugg {
		sugg[i].Suggested = false
	}
	if err := m.deps.Store.SaveMappingRules(ctx, profileID, sugg); err != nil {
		return 0, fmt.Errorf("app: accept suggestions: %w", err)
	}
	audit(m.deps, profileID, "mapping.accept", fmt.Sprintf("Accepted %d suggested %s mappings", len(sugg), kindLabel(kind)))
	return len(sugg), nil
}

// Save stores one rule the user chose, after checking the ledger has it.
func (m *Mappings) Save(in MappingInput) error {
	ctx := m.deps.Lifecycle.Context()
	var rule store.MappingRule
	var err error
	if in.For == "" {
		rule, err = m.validate(ctx, in)
	} else {
		var f export.Format
		var org string
		if f, org, err = m.fileTarget(ctx, in.ProfileID, in.For); err == nil {
			rule, err = validateFile(f, org, in)
		}
	}
	if err != nil {
		return err
	}
	if err := m.deps.Store.SaveMappingRules(ctx, in.ProfileID, []store.MappingRule{rule}); err != nil {
		return fmt.Errorf("app: save mapping: %w", err)
	}
	audit(m.deps, in.ProfileID, "mapping.save", strings.TrimSpace(fmt.Sprintf("Mapped %s %s → %s %s", kindLabel(in.Kind), in.SourceKey,
		strings.TrimSpace(rule.Target+" "+rule.Target2), in.For)))
	return nil
}

// Clear removes one rule: the billing code or tax pair is unmapped again, the
// company is linked by account number or name (or created), the payment
// term uses Autotask's due days.
func (m *Mappings) Clear(profileID int64, kind, sourceKey string) error {
	if !validKind(kind) {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a kind of mapping", kind), "Choose a tab: billing codes, tax, customers or payment terms.")
	}
	ctx := m.deps.Lifecycle.Context()
	if err := m.deps.Store.DeleteMappingRule(ctx, profileID, "", kind, sourceKey); err != nil {
		return fmt.Errorf("app: clear mapping: %w", err)
	}
	audit(m.deps, profileID, "mapping.clear", fmt.Sprintf("Cleared the %s mapping of %s", kindLabel(kind), sourceKey))
	return nil
}

func (m *Mappings) read(ctx context.Context, profileID int64) (mapping.Sources, []store.MappingRule, string, error) {
	p, err := m.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return mapping.Sources{}, nil, "", err
	}
	at, err := connect.Autotask(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return mapping.Sources{}, nil, "", err
	}
	lg, err := connect.Ledger(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return mapping.Sources{}, nil, "", err
	}
	src, err := mapping.LoadSources(ctx, at, lg)
	if err != nil {
		return mapping.Sources{}, nil, "", err
	}
	rules, err := m.deps.Store.MappingRules(ctx, profileID)
	return src, rules, p.LedgerKind, err
}

// validate checks the input against the ledger's own lists, so a typo never
// reaches a sync.
func (m *Mappings) validate(ctx context.Context, in MappingInput) (store.MappingRule, error) {
	target, target2 := strings.TrimSpace(in.Target), strings.TrimSpace(in.Target2)
	id, idErr := strconv.ParseInt(in.SourceKey, 10, 64)
	if !validKind(in.Kind) {
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a kind of mapping", in.Kind), "Choose a tab: billing codes, tax, customers or payment terms.")
	}
	if in.Kind == store.MapLineMode {
		if idErr != nil {
			return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not an Autotask company", in.SourceKey), "Reload the Mappings screen and pick the customer again.")
		}
		return mapping.LineModeRule(id, target)
	}
	if in.Kind == store.MapLineOfBusiness {
		return m.lineOfBusinessRule(ctx, in, id, idErr)
	}
	if in.Kind == store.MapTerm {
		if rule, done, err := m.exactTermRule(ctx, in, id, idErr); done {
			return rule, err
		}
		days, err := strconv.Atoi(target)
		if idErr != nil || err != nil || days < 0 || days > 365 {
			return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a number of days", in.Target), "Enter the days until payment is due, from 0 to 365.")
		}
		return mapping.TermRule(id, days), nil
	}
	p, err := m.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
	}
	lg, err := connect.Ledger(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
	}
	switch in.Kind {
	case store.MapBillingCode:
		if idErr != nil || target == "" || len(target) > 30 {
			return store.MappingRule{}, apperr.New(apperr.Invalid, "The item code is empty or longer than 30 characters", "Choose a ledger item, or type a new item code of up to 30 letters and digits.")
		}
		settings, err := lg.Settings(ctx)
		if err != nil {
			return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
		}
		for _, a := range settings.Accounts {
			if a.Income && a.Code == target2 {
				return mapping.BillingCodeRule(id, mapping.ItemRule{ItemCode: target, Account: target2}), nil
			}
		}
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("Account %q is not an income account in the ledger", target2), "Choose one of the ledger's income (revenue) accounts.")
	case store.MapTax:
		reg, cat, ok := strings.Cut(in.SourceKey, ":")
		r, err1 := strconv.ParseInt(reg, 10, 64)
		c, err2 := strconv.ParseInt(cat, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a tax region and category", in.SourceKey), "Reload the Mappings screen and pick the row again.")
		}
		settings, err := lg.Settings(ctx)
		if err != nil {
			return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
		}
		for _, tc := range settings.TaxCodes {
			if tc.Code == target {
				return mapping.TaxRule(mapping.TaxKey{Region: r, Category: c}, target), nil
			}
		}
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("Tax code %q is not in the ledger", target), "Choose one of the ledger's tax codes.")
	default: // customer
		customers, err := lg.Customers(ctx)
		if err != nil {
			return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
		}
		for _, c := range customers {
			if c.ID == target && idErr == nil {
				return mapping.CustomerRule(id, target), nil
			}
		}
		return store.MappingRule{}, apperr.New(apperr.Invalid, "That customer is not in the ledger", "Choose one of the ledger's customers, or clear the link so the sync creates the customer.")
	}
}

func validKind(kind string) bool {
	switch kind {
	case store.MapBillingCode, store.MapTax, store.MapCustomer, store.MapTerm, store.MapLineMode, store.MapLineOfBusiness:
		return true
	}
	return false
}

func kindLabel(kind string) string {
	switch kind {
	case store.MapBillingCode:
		return "billing code"
	case store.MapTax:
		return "tax"
	case store.MapCustomer:
		return "customer"
	case store.MapTerm:
		return "payment term"
	case store.MapLineMode:
		return "line detail"
	case store.MapLineOfBusiness:
		return "line of business"
	}
	return "all"
}

// CompareRowDTO is one billing code against the ledger's items.
type CompareRowDTO struct {
	CodeID         int64  `json:"codeId"`
	CodeName       string `json:"codeName"`
	ExternalNumber string `json:"externalNumber"`
	AutotaskPrice  string `json:"autotaskPrice"`
	ItemCode       string `json:"itemCode"`
	ItemName       string `json:"itemName"`
	LedgerPrice    string `json:"ledgerPrice"`
	Status         string `json:"status"` // match, differs, missing
	MatchedBy      string `json:"matchedBy"`
	Why            string `json:"why"`
}

// Compare is the report of billing codes against the ledger's items:
// matches, differences and missing items, missing first.
func (m *Mappings) Compare(profileID int64) ([]CompareRowDTO, error) {
	src, rows, _, err := m.read(m.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return nil, fmt.Errorf("app: compare billing codes: %w", err)
	}
	out := []CompareRowDTO{}
	for _, r := range mapping.Compare(src.Codes, src.Items, mapping.FromStore(rows, "")) {
		out = append(out, CompareRowDTO{CodeID: r.CodeID, CodeName: r.CodeName, ExternalNumber: r.ExternalNumber,
			AutotaskPrice: r.AutotaskPrice.StringFixed(2), ItemCode: r.ItemCode, ItemName: r.ItemName,
			LedgerPrice: r.LedgerPrice.StringFixed(2), Status: r.Status, MatchedBy: r.MatchedBy, Why: r.Why})
	}
	return out, nil
}

// CreateMissingItems creates in the ledger every item the comparison found
// missing, on the mapped (or the default) income account, and returns how
// many it created.
func (m *Mappings) CreateMissingItems(profileID int64) (int, error) {
	ctx := m.deps.Lifecycle.Context()
	src, rows, _, err := m.read(ctx, profileID)
	if err != nil {
		return 0, fmt.Errorf("app: create missing items: %w", err)
	}
	rules := mapping.FromStore(rows, "")
	items := mapping.MissingItems(mapping.Compare(src.Codes, src.Items, rules), rules, src.IncomeAccount())
	if len(items) == 0 {
		return 0, nil
	}
	p, err := m.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return 0, fmt.Errorf("app: create missing items: %w", err)
	}
	lg, err := connect.Ledger(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return 0, fmt.Errorf("app: create missing items: %w", err)
	}
	codes := make([]string, 0, len(items))
	for _, it := range items {
		codes = append(codes, it.Code)
	}
	// The same missing items always give the same key, so a retried click
	// cannot create them twice.
	sum := sha256.Sum256([]byte(strings.Join(codes, "\x00")))
	results, err := lg.CreateItems(ctx, items, fmt.Sprintf("profile-%d-items-%x", profileID, sum[:12]))
	if err != nil {
		return 0, fmt.Errorf("app: create missing items: %w", err)
	}
	created := 0
	var refused []string
	for i, r := range results {
		if r.Err != nil {
			refused = append(refused, fmt.Sprintf("%s (%v)", items[i].Code, r.Err))
			continue
		}
		created++
	}
	audit(m.deps, profileID, "items.create", fmt.Sprintf("Created %d missing items in the ledger", created))
	if len(refused) > 0 {
		return created, apperr.New(apperr.Invalid, fmt.Sprintf("The ledger refused %d of the items: %s", len(refused), strings.Join(refused, "; ")),
			"Fix the item in the ledger (or change the billing code's name or external number in Autotask), then compare again.")
	}
	return created, nil
}
