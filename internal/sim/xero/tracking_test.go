package xerosim_test

import (
	"fmt"
	"strings"
	"testing"

	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

// A line's tracking must name an active option of an active category, by
// names or ids; at most two categories, each once.
func TestInvoiceLineTracking(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	cid := contact(t, s, tok, "Acme")
	tracked := func(ts ...map[string]any) map[string]any {
		l := line("10", "1")
		l["Tracking"] = ts
		return l
	}
	tr := func(cat, opt string) map[string]any { return map[string]any{"Name": cat, "Option": opt} }
	if err := s.SetTrackingOptionStatus(s.Orgs()[0].TenantID, "Line of Business", "Projects", "ARCHIVED"); err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		name   string
		lineIt map[string]any
		want   string // a validation error; "" accepted
	}{
		{"an active option by names", tracked(tr("line of business", "managed services")), ""},
		{"two categories", tracked(tr("Region", "North"), tr("Line of Business", "Hardware Resale")), ""},
		{"unknown option", tracked(tr("Line of Business", "Catering")), "Tracking category option Line of Business/Catering could not be found"},
		{"unknown category", tracked(tr("Department", "Projects")), "could not be found"},
		{"archived option", tracked(tr("Line of Business", "Projects")), "Tracking option Line of Business/Projects is archived"},
		{"seeded archived option", tracked(tr("Line of Business", "Legacy Support")), "is archived"},
		{"one category twice", tracked(tr("Region", "North"), tr("Region", "South")), "Tracking category Region can be used only once"},
		{"three categories", tracked(tr("Region", "North"), tr("Line of Business", "Projects"), tr("X", "Y")), "at most 2 tracking categories"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := api(t, s, tok, "PUT", "Invoices?summarizeErrors=false", map[string]any{"Invoices": []any{invoice(cid, fmt.Sprintf("T-%d", i), tc.lineIt)}}, nil)
			if r.status != 200 {
				t.Fatalf("%d %s", r.status, r.raw)
			}
			el := list(r, "Invoices")[0]
			errs := fmt.Sprint(el["ValidationErrors"])
			if (tc.want == "") != (el["HasErrors"] == false) || !strings.Contains(errs, tc.want) {
				t.Fatalf("errors %s, want %q", errs, tc.want)
			}
			if tc.want == "" {
				got := el["LineItems"].([]any)[0].(map[string]any)["Tracking"].([]any)
				first := got[0].(map[string]any)
				// Resolved to the ids and Xero's own spelling of the names.
				if first["TrackingCategoryID"] == "" || first["TrackingOptionID"] == "" || (first["Option"] != "Managed Services" && first["Option"] != "North") {
					t.Errorf("stored tracking %v", got)
				}
			}
		})
	}
	// Archived options are listed only with includeArchived=true.
	for q, want := range map[string]int{"TrackingCategories": 2, "TrackingCategories?includeArchived=true": 4} {
		r := api(t, s, tok, "GET", q, nil, nil)
		var lob map[string]any
		for _, c := range list(r, "TrackingCategories") {
			if c["Name"] == "Line of Business" {
				lob = c
			}
		}
		if lob == nil || len(lob["Options"].([]any)) != want {
			t.Errorf("%s: %s", q, r.raw)
		}
	}
}
