package syncer_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// A customer's line detail is set once, for the profile's own organisation
// (Mappings → Customers), and holds in whichever organisation its invoices
// go to, unless that organisation has a rule of its own.
func TestCustomerLineModeHoldsInEveryOrganisation(t *testing.T) {
	m := newMultiEnv(t, 60)
	ctx := context.Background()
	before, err := m.engine.Preview(ctx, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	// An invoice routed to "eu" whose standard lines the summary would fold.
	var target syncer.Planned
	for _, o := range before.Organisations {
		if o.Key != "eu" || o.Summary.Plan == nil {
			continue
		}
		for _, p := range o.Summary.Plan.Invoices {
			if !p.Blocked() && p.Action == syncer.ActionSend && len(p.Doc.Lines) > summaryLines(p) {
				target = p
				break
			}
		}
	}
	if target.InvoiceID == 0 {
		t.Fatal("no ready invoice in organisation eu with lines to fold")
	}
	lines := func(org string) int {
		t.Helper()
		sum, err := m.engine.Preview(ctx, m.opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range sum.Organisations {
			if o.Summary.Plan == nil {
				continue
			}
			for _, p := range o.Summary.Plan.Invoices {
				if p.InvoiceID == target.InvoiceID {
					if o.Key != org || p.Blocked() {
						t.Fatalf("invoice %d in %q (blocked %v), want %q", p.InvoiceID, o.Key, p.Problems, org)
					}
					return len(p.Doc.Lines)
				}
			}
		}
		t.Fatalf("invoice %d not planned", target.InvoiceID)
		return 0
	}
	save := func(org, mode string) {
		t.Helper()
		r, err := mapping.LineModeRule(target.CompanyID, mode)
		if err != nil {
			t.Fatal(err)
		}
		r.Organisation = org
		if err := m.store.SaveMappingRules(ctx, m.profile.ID, []store.MappingRule{r}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		org, mode string
		want      int
	}{
		{"the profile's own rule reaches organisation eu", "", "summary", summaryLines(target)},
		{"eu's own rule wins over the profile's", "eu", "standard", len(target.Doc.Lines)},
	}
	for _, tt := range tests {
		save(tt.org, tt.mode)
		if got := lines("eu"); got != tt.want {
			t.Errorf("%s: %d lines, want %d", tt.name, got, tt.want)
		}
	}
	// The mapping overview shows the mode the sync uses.
	if got := mapping.LineModesFor(mustRules(t, m), "eu")[target.CompanyID]; got != "standard" {
		t.Errorf("overview mode in eu = %q, want standard", got)
	}
	if got := mapping.LineModesFor(mustRules(t, m), "")[target.CompanyID]; got != "summary" {
		t.Errorf("overview mode in the own organisation = %q, want summary", got)
	}
}

// summaryLines is how many lines summary mode makes of p: one per income
// account and tax code.
func summaryLines(p syncer.Planned) int {
	seen := map[string]bool{}
	for _, l := range p.Doc.Lines {
		if !l.Adjustment {
			seen[l.AccountCode+"|"+l.TaxCode] = true
		}
	}
	n := len(seen)
	for _, l := range p.Doc.Lines {
		if l.Adjustment {
			n++
		}
	}
	return n
}

func mustRules(t *testing.T, m *multiEnv) []store.MappingRule {
	t.Helper()
	rows, err := m.store.MappingRules(context.Background(), m.profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
