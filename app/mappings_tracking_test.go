package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

// The Lines of business tab on the Xero demo: every Autotask line of
// business has a suggested tracking option of the same name; accepting them
// covers the tab, and the sync puts each line in its option in Xero.
func TestLinesOfBusinessOnTheDemo(t *testing.T) {
	deps, dir := newDeps(t)
	demo := app.NewDemo(deps)
	t.Cleanup(func() { demo.Stop() })
	st, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	id := st.Profile.ID
	maps := app.NewMappings(deps)
	before, err := maps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	cov := before.Coverage[len(before.Coverage)-1]
	if len(before.LinesOfBusiness) != 3 || cov.Kind != "lines of business" || cov.Mapped != 0 || cov.Total != 3 {
		t.Fatalf("lines of business %+v, coverage %+v", before.LinesOfBusiness, cov)
	}
	for _, r := range before.LinesOfBusiness {
		if r.State != "suggested" || r.SuggestedOption != "Line of Business: "+r.Name {
			t.Errorf("row %+v", r)
		}
	}
	if len(before.TrackingOptions) != 5 { // Region North/South, three lines of business; not the archived one
		t.Errorf("tracking options %+v", before.TrackingOptions)
	}
	for _, o := range before.TrackingOptions {
		if strings.Contains(o.Label, "Legacy Support") {
			t.Errorf("archived option offered: %+v", o)
		}
	}

	// Saving checks the ledger: an unknown option is refused with a fix.
	err = maps.Save(app.MappingInput{ProfileID: id, Kind: "line_of_business", SourceKey: itoa(before.LinesOfBusiness[0].ID), Target: "no-such-option"})
	if pub := apperr.Public(err); pub.Code != apperr.Invalid || pub.Fix == "" {
		t.Fatalf("unknown option accepted: %+v", pub)
	}

	n, err := maps.AcceptAll(id, "line_of_business")
	if err != nil || n != 3 {
		t.Fatalf("accept all = %d, %v", n, err)
	}
	if _, err := maps.AcceptAll(id, ""); err != nil {
		t.Fatal(err)
	}
	after, err := maps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if cov := after.Coverage[len(after.Coverage)-1]; cov.Mapped != 3 {
		t.Fatalf("after accepting: %+v", cov)
	}
	// The user re-points one line of business by hand.
	var region string
	for _, o := range after.TrackingOptions {
		if o.Label == "Region: North" {
			region = o.Value
		}
	}
	managed := after.LinesOfBusiness[0]
	for _, r := range after.LinesOfBusiness {
		if r.Name == "Managed Services" {
			managed = r
		}
	}
	if err := maps.Save(app.MappingInput{ProfileID: id, Kind: "line_of_business", SourceKey: itoa(managed.ID), Target: region}); err != nil {
		t.Fatal(err)
	}

	sy := app.NewSync(deps, nil)
	def, err := sy.Defaults(id)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sy.Send(app.SendInput{Options: app.SyncInput{ProfileID: id, Thru: def.Thru, MaxAgeDays: def.MaxAgeDays, LineMode: def.LineMode}})
	if err != nil || res.Sent == 0 {
		t.Fatalf("sync: %+v %v", res.Summary, err)
	}

	// What the Xero simulator stored.
	raw, err := os.ReadFile(filepath.Join(dir, "demo", "xero.json"))
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Orgs map[string]struct {
			Invoices []struct {
				LineItems []struct {
					Tracking []struct{ Name, Option string }
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, o := range state.Orgs {
		for _, inv := range o.Invoices {
			for _, l := range inv.LineItems {
				for _, tr := range l.Tracking {
					seen[tr.Name+": "+tr.Option]++
				}
			}
		}
	}
	if seen["Region: North"] == 0 || seen["Line of Business: Projects"]+seen["Line of Business: Hardware Resale"] == 0 || seen["Line of Business: Managed Services"] != 0 {
		t.Fatalf("tracking on the stored lines: %v", seen)
	}
}
