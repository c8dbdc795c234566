package demo

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/store"
)

// MapExactTerms is what the demo's user does in Mappings → Payment terms on
// an Exact profile: each active Autotask payment term not yet mapped goes
// to the Exact payment condition with the same days, when exactly one has
// them; the others keep Autotask's due days. The rule keeps the condition's
// code in Target2 and its days in Target, as the Mappings screen stores it.
// It returns how many terms are mapped to a condition afterwards.
func MapExactTerms(ctx context.Context, st *store.Store, profileID int64, terms []autotask.PaymentTerm, conds []exact.PaymentCondition) (int, error) {
	byDays := map[int][]exact.PaymentCondition{}
	for _, c := range conds {
		byDays[c.PaymentDays] = append(byDays[c.PaymentDays], c)
	}
	rows, err := st.MappingRules(ctx, profileID)
	if err != nil {
		return 0, fmt.Errorf("demo: map payment terms: %w", err)
	}
	mapped := map[string]bool{}
	for _, r := range rows {
		if r.Kind == store.MapTerm && r.Organisation == "" && !r.Suggested && r.Target2 != "" {
			mapped[r.SourceKey] = true
		}
	}
	var rules []store.MappingRule
	for _, t := range terms {
		key := strconv.FormatInt(t.ID, 10)
		if !t.IsActive || mapped[key] || len(byDays[t.PaymentDueInDays]) != 1 {
			continue
		}
		c := byDays[t.PaymentDueInDays][0]
		rules = append(rules, store.MappingRule{Kind: store.MapTerm, SourceKey: key, Target: strconv.Itoa(c.PaymentDays), Target2: strings.TrimSpace(c.Code)})
		mapped[key] = true
	}
	if err := st.SaveMappingRules(ctx, profileID, rules); err != nil {
		return 0, fmt.Errorf("demo: map payment terms: %w", err)
	}
	return len(mapped), nil
}
