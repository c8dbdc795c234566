package mapping_test

import (
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

func lobSources(opts ...ledger.TrackingOption) mapping.Sources {
	s := sources()
	s.LinesOfBusiness = []autotask.OrganizationalLevel2{
		{ID: 1, Name: "Managed Services", IsActive: true},
		{ID: 2, Name: " projects ", IsActive: true},
		{ID: 3, Name: "Hardware Resale", IsActive: true},
	}
	s.Settings.Tracking = opts
	return s
}

func TestSuggestLinesOfBusiness(t *testing.T) {
	managed := ledger.TrackingOption{ID: "o1", Category: "Line of Business", Name: "Managed Services", Active: true}
	projects := ledger.TrackingOption{ID: "o2", Category: "Line of Business", Name: "Projects", Active: true}
	for _, tc := range []struct {
		name  string
		opts  []ledger.TrackingOption
		rules []store.MappingRule
		want  map[string]string // line of business id → suggested option id
	}{
		{"exact names, case and spaces aside", []ledger.TrackingOption{managed, projects}, nil, map[string]string{"1": "o1", "2": "o2"}},
		{"a close name is not suggested", []ledger.TrackingOption{{ID: "o3", Category: "LoB", Name: "Hardware", Active: true}}, nil, map[string]string{}},
		{"an archived option is not suggested", []ledger.TrackingOption{{ID: "o4", Category: "LoB", Name: "Hardware Resale"}}, nil, map[string]string{}},
		{"a QuickBooks sub-class by its own name", []ledger.TrackingOption{{ID: "7", Name: "Sales:Hardware Resale", Active: true}}, nil, map[string]string{"3": "7"}},
		{"the first category by name wins", []ledger.TrackingOption{{ID: "z", Category: "Zone", Name: "Projects", Active: true}, {ID: "a", Category: "Area", Name: "Projects", Active: true}}, nil, map[string]string{"2": "a"}},
		{"mapped ones are left alone", []ledger.TrackingOption{managed, projects}, []store.MappingRule{mapping.LineOfBusinessRule(1, projects)}, map[string]string{"2": "o2"}},
		{"no tracking in the ledger (Exact)", nil, nil, map[string]string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := lobSources(tc.opts...)
			got := map[string]string{}
			for _, r := range s.Suggestions(mapping.FromStore(tc.rules, ""), store.MapLineOfBusiness) {
				if r.Kind != store.MapLineOfBusiness || !r.Suggested || r.Note == "" {
					t.Errorf("suggestion %+v", r)
				}
				got[r.SourceKey] = r.Target
			}
			if len(got) != len(tc.want) {
				t.Fatalf("suggestions %v, want %v", got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("line of business %s → %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestLineOfBusinessRowsAndCoverage(t *testing.T) {
	managed := ledger.TrackingOption{ID: "o1", Category: "Line of Business", Name: "Managed Services", Active: true}
	projects := ledger.TrackingOption{ID: "o2", Category: "Line of Business", Name: "Projects", Active: true}
	retired := ledger.TrackingOption{ID: "o9", Category: "Line of Business", Name: "Legacy", Active: true}
	for _, tc := range []struct {
		name     string
		opts     []ledger.TrackingOption
		rules    []store.MappingRule
		states   map[int64]string
		coverage string
	}{
		{"nothing mapped", []ledger.TrackingOption{managed, projects}, nil,
			map[int64]string{1: mapping.StateSuggested, 2: mapping.StateSuggested, 3: mapping.StateUnmapped}, "0 of 3 lines of business mapped"},
		{"mapped", []ledger.TrackingOption{managed, projects}, []store.MappingRule{mapping.LineOfBusinessRule(1, managed), mapping.LineOfBusinessRule(3, projects)},
			map[int64]string{1: mapping.StateMapped, 2: mapping.StateSuggested, 3: mapping.StateMapped}, "2 of 3 lines of business mapped"},
		{"mapped to an option archived since", []ledger.TrackingOption{managed, {ID: "o9", Category: "Line of Business", Name: "Legacy"}},
			[]store.MappingRule{mapping.LineOfBusinessRule(3, retired)},
			map[int64]string{1: mapping.StateSuggested, 2: mapping.StateUnmapped, 3: mapping.StateArchived}, "0 of 3 lines of business mapped"},
		{"mapped to an option deleted since", []ledger.TrackingOption{managed}, []store.MappingRule{mapping.LineOfBusinessRule(3, retired)},
			map[int64]string{1: mapping.StateSuggested, 2: mapping.StateUnmapped, 3: mapping.StateArchived}, "0 of 3 lines of business mapped"},
		{"suggestions are not mapped", []ledger.TrackingOption{managed}, []store.MappingRule{func() store.MappingRule {
			r := mapping.LineOfBusinessRule(1, managed)
			r.Suggested = true
			return r
		}()}, map[int64]string{1: mapping.StateSuggested, 2: mapping.StateUnmapped, 3: mapping.StateUnmapped}, "0 of 3 lines of business mapped"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := mapping.BuildOverview(lobSources(tc.opts...), tc.rules, "")
			if len(o.LinesOfBusiness) != 3 {
				t.Fatalf("rows %+v", o.LinesOfBusiness)
			}
			for i, r := range o.LinesOfBusiness {
				if r.State != tc.states[r.ID] {
					t.Errorf("line of business %d (%s): state %s, want %s (%s)", r.ID, r.Name, r.State, tc.states[r.ID], r.Note)
				}
				if i > 0 && (r.State == mapping.StateUnmapped || r.State == mapping.StateArchived) &&
					o.LinesOfBusiness[i-1].State != mapping.StateUnmapped && o.LinesOfBusiness[i-1].State != mapping.StateArchived {
					t.Errorf("rows needing the user are not first: %+v", o.LinesOfBusiness)
				}
				if r.State == mapping.StateMapped && r.Option != "Line of Business: "+map[string]string{"o1": "Managed Services", "o2": "Projects"}[r.OptionID] {
					t.Errorf("mapped row %+v", r)
				}
				if r.State == mapping.StateSuggested && r.SuggestedOptionID == "" {
					t.Errorf("suggested row %+v", r)
				}
			}
			if got := o.Coverage[len(o.Coverage)-1].String(); got != tc.coverage {
				t.Errorf("coverage %q, want %q", got, tc.coverage)
			}
		})
	}
}

func TestLineOfBusinessRulesRoundTrip(t *testing.T) {
	o := ledger.TrackingOption{ID: "42", Name: "Services:Projects", Active: true}
	r := mapping.FromStore([]store.MappingRule{mapping.LineOfBusinessRule(7, o), {Kind: store.MapLineOfBusiness, SourceKey: "x", Target: "1"}}, "")
	if len(r.LinesOfBusiness) != 1 || r.LinesOfBusiness[7] != (mapping.TrackingRule{OptionID: "42", Label: "Services:Projects"}) {
		t.Errorf("rules %+v", r.LinesOfBusiness)
	}
}
