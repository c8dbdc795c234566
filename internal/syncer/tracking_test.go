package syncer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// mapLinesOfBusiness accepts the suggested option for every line of
// business, as "Accept all" does, and returns how many it mapped.
func mapLinesOfBusiness(t *testing.T, st *store.Store, profileID int64, ac *autotask.Client, lg ledger.Ledger) int {
	t.Helper()
	ctx := context.Background()
	lobs, err := autotask.QueryAll[autotask.OrganizationalLevel2](ctx, ac, autotask.EntityOrganizationalLevel2s, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	settings, err := lg.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rules := mapping.SuggestLinesOfBusiness(lobs, settings.Tracking, mapping.NewRules())
	for i := range rules {
		rules[i].Suggested = false
	}
	if err := st.SaveMappingRules(ctx, profileID, rules); err != nil {
		t.Fatal(err)
	}
	return len(rules)
}

// trackedLines counts the plan's lines with and without tracking among
// the documents it sends.
func trackedLines(plan *syncer.Plan) (tracked, untracked int, names map[string]bool) {
	names = map[string]bool{}
	for _, p := range plan.Invoices {
		if p.Blocked() || p.Action != syncer.ActionSend {
			continue
		}
		for _, l := range p.Doc.Lines {
			switch {
			case l.Adjustment:
			case l.Tracking.ID != "":
				tracked++
				names[l.Tracking.Name] = true
			default:
				untracked++
			}
		}
	}
	return tracked, untracked, names
}

func TestLinesOfBusinessTrackXero(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, 40)
	// Unmapped: nothing is blocked for it, and the preview says so.
	pre, err := e.engine.Preview(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	noted := 0
	for _, p := range pre.Plan.Invoices {
		for _, pr := range p.Problems {
			if pr.Code == syncer.ProblemTrackingArchived {
				t.Fatalf("unmapped line of business blocks: %+v", pr)
			}
		}
		for _, n := range p.Notes {
			if strings.Contains(n, "is not mapped to a tracking option") {
				noted++
			}
		}
	}
	if noted == 0 {
		t.Fatalf("notes %d, blocked %d: %s", noted, pre.Blocked, pre)
	}

	if n := mapLinesOfBusiness(t, e.store, e.engine.ProfileID, e.engine.Autotask, e.engine.Ledger); n != 3 {
		t.Fatalf("mapped %d lines of business, want the generator's 3", n)
	}
	// Archived in Xero after mapping: its invoices are blocked with a fix.
	if err := e.xs.SetTrackingOptionStatus(orgUS.TenantID, "Line of Business", "Hardware Resale", "ARCHIVED"); err != nil {
		t.Fatal(err)
	}
	pre, err = e.engine.Preview(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	archived := 0
	for _, p := range pre.Plan.Invoices {
		for _, pr := range p.Problems {
			if pr.Code == syncer.ProblemTrackingArchived {
				archived++
				if !strings.Contains(pr.Message, `"Line of Business: Hardware Resale", which is archived`) || !strings.Contains(pr.Fix, "Mappings → Lines of business") {
					t.Errorf("problem %+v", pr)
				}
			}
		}
	}
	if archived == 0 {
		t.Fatalf("no invoice blocked by the archived option: %s", pre)
	}
	if err := e.xs.SetTrackingOptionStatus(orgUS.TenantID, "Line of Business", "Hardware Resale", "ACTIVE"); err != nil {
		t.Fatal(err)
	}

	sum, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	tracked, _, names := trackedLines(sum.Plan)
	if sum.Sent == 0 || tracked == 0 || len(names) < 2 {
		t.Fatalf("sent %d, tracked lines %d, options %v", sum.Sent, tracked, names)
	}
	// What Xero stored: each line in the plan's option, by the real client.
	want := map[string][]ledger.Line{}
	for _, p := range sum.Plan.Invoices {
		if !p.Blocked() && p.Action == syncer.ActionSend && p.Doc.Kind == ledger.KindInvoice {
			want[p.Doc.Number] = p.Doc.Lines
		}
	}
	invs, err := e.xc.Invoices(ctx, xero.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, inv := range invs {
		lines, ok := want[inv.InvoiceNumber]
		if !ok {
			continue
		}
		if len(inv.LineItems) != len(lines) {
			t.Fatalf("invoice %s: %d lines in Xero, %d planned", inv.InvoiceNumber, len(inv.LineItems), len(lines))
		}
		for i, li := range inv.LineItems {
			tr := lines[i].Tracking
			switch {
			case tr.ID == "" && len(li.Tracking) != 0:
				t.Errorf("invoice %s line %d: tracking %+v, want none", inv.InvoiceNumber, i+1, li.Tracking)
			case tr.ID != "" && (len(li.Tracking) != 1 || li.Tracking[0].Name != "Line of Business" || li.Tracking[0].Option != tr.Name || li.Tracking[0].TrackingOptionID != tr.ID):
				t.Errorf("invoice %s line %d: tracking %+v, want %+v", inv.InvoiceNumber, i+1, li.Tracking, tr)
			case tr.ID != "":
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no tracked line found in Xero")
	}
}

func TestLinesOfBusinessClassQBO(t *testing.T) {
	ctx := context.Background()
	e := newQBOEnv(t, 30)
	var classes []qbo.Class
	for _, name := range []string{"Managed Services", "Projects", "Hardware Resale"} {
		c, err := qbo.Create(ctx, e.qc, qbo.Class{Name: name}, "class/"+name)
		if err != nil {
			t.Fatal(err)
		}
		classes = append(classes, c)
	}
	if n := mapLinesOfBusiness(t, e.engine.Store, e.engine.ProfileID, e.engine.Autotask, e.engine.Ledger); n != 3 {
		t.Fatalf("mapped %d, want 3", n)
	}
	sum, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	tracked, _, names := trackedLines(sum.Plan)
	if sum.Sent == 0 || tracked == 0 || len(names) < 2 {
		t.Fatalf("sent %d, tracked lines %d, classes %v", sum.Sent, tracked, names)
	}
	ids := map[string]bool{}
	for _, c := range classes {
		ids[c.ID] = true
	}
	invs, err := qbo.Query[qbo.Invoice](ctx, e.qc, "Invoice", "")
	if err != nil {
		t.Fatal(err)
	}
	withClass := 0
	for _, inv := range invs {
		for _, l := range inv.Line {
			if d := l.SalesItemLineDetail; d != nil && d.ClassRef.Value != "" {
				if !ids[d.ClassRef.Value] {
					t.Errorf("invoice %s: ClassRef %q is none of the mapped classes", inv.DocNumber, d.ClassRef.Value)
				}
				withClass++
			}
		}
	}
	if withClass == 0 {
		t.Fatal("no line in QuickBooks carries a class")
	}

	// A class made inactive after mapping is read as inactive (the plan
	// then blocks its invoices, as TestLinesOfBusinessTrackXero shows).
	c := qbo.Class{ID: classes[1].ID, SyncToken: classes[1].SyncToken, Active: new(bool)}
	if _, err := qbo.Update(ctx, e.qc, c, "class/off"); err != nil {
		t.Fatal(err)
	}
	settings, err := e.engine.Ledger.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o, ok := mapping.FindTracking(settings.Tracking, c.ID)
	if !ok || o.Active {
		t.Fatalf("inactive class in settings: %+v %v", o, ok)
	}
}
