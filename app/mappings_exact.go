package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// What an Exact profile chooses besides the four tabs: the sales journal
// its invoices are booked in and the account rounding lines go to (stored
// per division, store.ExactOptions), and, on the Payment terms tab, an
// Exact payment condition per Autotask payment term. A term's rule keeps
// the condition's code in Target2 and its days in Target, so the sync's
// due date agrees with the condition and the Exact adapter finds the
// condition by the invoice's payment days.

// ExactChoicesDTO is the Exact part of the Mappings screen; empty for any
// other ledger.
type ExactChoicesDTO struct {
	Journals          []ChoiceDTO        `json:"journals"`          // the division's unblocked sales journals, by code
	Journal           string             `json:"journal"`           // chosen; "" is DefaultJournal
	DefaultJournal    string             `json:"defaultJournal"`    // what "" books in: the first sales journal
	RoundingAccount   string             `json:"roundingAccount"`   // an income account's code; "" refuses adjustment lines
	PaymentConditions []ChoiceDTO        `json:"paymentConditions"` // value: the code
	TermConditions    []TermConditionDTO `json:"termConditions"`    // the terms mapped to a condition
}

// TermConditionDTO is an Autotask payment term mapped to an Exact payment condition.
type TermConditionDTO struct {
	TermID    int64  `json:"termId"`
	Condition string `json:"condition"`
	Label     string `json:"label"`
}

// ExactOptionsInput sets an Exact profile's sales journal and rounding
// account ("" for the default journal, or for no rounding account).
type ExactOptionsInput struct {
	ProfileID       int64  `json:"profileId"`
	SalesJournal    string `json:"salesJournal"`
	RoundingAccount string `json:"roundingAccount"`
}

func emptyExactChoices() ExactChoicesDTO {
	return ExactChoicesDTO{Journals: []ChoiceDTO{}, PaymentConditions: []ChoiceDTO{}, TermConditions: []TermConditionDTO{}}
}

// exactLists reads the division's sales journals (unblocked, by code) and
// payment conditions: two calls.
func (m *Mappings) exactLists(ctx context.Context, p store.Profile) ([]exact.Journal, []exact.PaymentCondition, error) {
	c, err := connect.Exact(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return nil, nil, err
	}
	js, err := c.SalesJournals(ctx)
	if err != nil {
		return nil, nil, err
	}
	js = slices.DeleteFunc(js, func(j exact.Journal) bool { return j.IsBlocked })
	slices.SortFunc(js, func(a, b exact.Journal) int { return compareCodes(a.Code, b.Code) })
	conds, err := c.PaymentConditions(ctx)
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(conds, func(a, b exact.PaymentCondition) int { return compareCodes(a.Code, b.Code) })
	return js, conds, nil
}

// compareCodes orders codes as Exact lists them: numbers by value, then text.
func compareCodes(a, b string) int {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	switch {
	case ea == nil && eb == nil:
		return na - nb
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// exactChoices is the Exact part of Load: empty unless the profile is on Exact.
func (m *Mappings) exactChoices(ctx context.Context, profileID int64, kind string, rules []store.MappingRule) (ExactChoicesDTO, error) {
	out := emptyExactChoices()
	if kind != store.LedgerExact {
		return out, nil
	}
	p, err := m.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return out, err
	}
	js, conds, err := m.exactLists(ctx, p)
	if err != nil {
		return out, err
	}
	o, err := m.deps.Store.ExactOptionsOf(ctx, profileID, "", p.LedgerTenantID)
	if err != nil {
		return out, err
	}
	out.Journal, out.RoundingAccount = o.SalesJournal, o.RoundingAccount
	for i, j := range js {
		code := strings.TrimSpace(j.Code)
		out.Journals = append(out.Journals, ChoiceDTO{Value: code, Label: code + " · " + j.Description})
		if i == 0 {
			out.DefaultJournal = code
		}
	}
	labels := map[string]string{}
	for _, c := range conds {
		code := strings.TrimSpace(c.Code)
		labels[code] = fmt.Sprintf("%s · %s (%d days)", code, c.Description, c.PaymentDays)
		out.PaymentConditions = append(out.PaymentConditions, ChoiceDTO{Value: code, Label: labels[code]})
	}
	for _, r := range rules {
		if r.Kind != store.MapTerm || r.Suggested || r.Organisation != "" || r.Target2 == "" {
			continue
		}
		if id, err := strconv.ParseInt(r.SourceKey, 10, 64); err == nil {
			label, ok := labels[r.Target2]
			if !ok {
				label = r.Target2 + " · no longer in Exact"
			}
			out.TermConditions = append(out.TermConditions, TermConditionDTO{TermID: id, Condition: r.Target2, Label: label})
		}
	}
	return out, nil
}

// exactTermRule builds the rule of a payment term mapped to an Exact
// payment condition (in.Target2) on an Exact profile. done is false when
// the profile is not on Exact or no condition is given: the term then
// gets due days as on any ledger.
func (m *Mappings) exactTermRule(ctx context.Context, in MappingInput, termID int64, idErr error) (store.MappingRule, bool, error) {
	code := strings.TrimSpace(in.Target2)
	if code == "" {
		return store.MappingRule{}, false, nil
	}
	p, err := m.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return store.MappingRule{}, true, fmt.Errorf("app: save mapping: %w", err)
	}
	if p.LedgerKind != store.LedgerExact {
		return store.MappingRule{}, false, nil
	}
	if idErr != nil {
		return store.MappingRule{}, true, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not an Autotask payment term", in.SourceKey), "Reload the Mappings screen and pick the term again.")
	}
	_, conds, err := m.exactLists(ctx, p)
	if err != nil {
		return store.MappingRule{}, true, fmt.Errorf("app: save mapping: %w", err)
	}
	i := slices.IndexFunc(conds, func(c exact.PaymentCondition) bool { return strings.TrimSpace(c.Code) == code })
	if i < 0 {
		return store.MappingRule{}, true, apperr.New(apperr.Invalid, fmt.Sprintf("Payment condition %q is not in Exact", code),
			"Choose one of the division's payment conditions (reload the screen if it was added in Exact just now).")
	}
	cond := conds[i]
	rules, err := m.deps.Store.MappingRules(ctx, in.ProfileID)
	if err != nil {
		return store.MappingRule{}, true, fmt.Errorf("app: save mapping: %w", err)
	}
	// The adapter knows an invoice's condition by its payment days, so two
	// conditions with the same days cannot both be in use.
	for _, r := range rules {
		if r.Kind == store.MapTerm && !r.Suggested && r.Organisation == "" && r.SourceKey != strconv.FormatInt(termID, 10) &&
			r.Target2 != "" && r.Target2 != code && r.Target == strconv.Itoa(cond.PaymentDays) {
			return store.MappingRule{}, true, apperr.New(apperr.Invalid,
				fmt.Sprintf("Another payment term already goes to condition %s, which also has %d days", r.Target2, cond.PaymentDays),
				fmt.Sprintf("Map this term to condition %s too, or give the two conditions different days in Exact.", r.Target2))
		}
	}
	rule := mapping.TermRule(termID, cond.PaymentDays)
	rule.Target2 = code
	return rule, true, nil
}

// SaveExactOptions sets the sales journal and rounding account of an Exact
// profile's division, after checking Exact has them: a sales journal that
// is not blocked, a revenue account.
func (m *Mappings) SaveExactOptions(in ExactOptionsInput) error {
	ctx := m.deps.Lifecycle.Context()
	p, err := m.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return fmt.Errorf("app: save exact options: %w", err)
	}
	if p.LedgerKind != store.LedgerExact || p.LedgerTenantID == "" {
		return apperr.New(apperr.Invalid, fmt.Sprintf("Profile %q is not connected to an Exact Online division", p.Name),
			"Connect Exact Online in Connections and choose the division first.")
	}
	journal, rounding := strings.TrimSpace(in.SalesJournal), strings.TrimSpace(in.RoundingAccount)
	if journal != "" {
		js, _, err := m.exactLists(ctx, p)
		if err != nil {
			return fmt.Errorf("app: save exact options: %w", err)
		}
		if !slices.ContainsFunc(js, func(j exact.Journal) bool { return strings.TrimSpace(j.Code) == journal }) {
			return apperr.New(apperr.Invalid, fmt.Sprintf("Journal %q is not an open sales journal in %s", journal, p.LedgerTenantName),
				"Choose one of the division's sales journals (type Sales, not blocked).")
		}
	}
	if rounding != "" {
		lg, err := connect.Ledger(ctx, m.deps.connectDeps(), p)
		if err != nil {
			return fmt.Errorf("app: save exact options: %w", err)
		}
		settings, err := lg.Settings(ctx)
		if err != nil {
			return fmt.Errorf("app: save exact options: %w", err)
		}
		if !slices.ContainsFunc(settings.Accounts, func(a ledger.Account) bool { return a.Income && a.Code == rounding }) {
			return apperr.New(apperr.Invalid, fmt.Sprintf("Account %q is not a revenue account in Exact", rounding),
				"Choose one of the division's revenue GL accounts for rounding adjustments.")
		}
	}
	o := store.ExactOptions{Division: p.LedgerTenantID, SalesJournal: journal, RoundingAccount: rounding}
	if err := m.deps.Store.SaveExactOptions(ctx, p.ID, "", o); err != nil {
		return fmt.Errorf("app: save exact options: %w", err)
	}
	what := "the first sales journal"
	if journal != "" {
		what = "sales journal " + journal
	}
	if rounding != "" {
		what += ", rounding to " + rounding
	}
	audit(m.deps, p.ID, "mapping.exact", fmt.Sprintf("Exact division %s books in %s", p.LedgerTenantID, what))
	return nil
}
