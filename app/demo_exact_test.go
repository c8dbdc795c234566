package app_test

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/store"
)

// "Try with demo data" also connects the Exact demo profile, and the
// screens work on it as on Xero: its VAT codes, GL accounts, sales journals
// and payment conditions in Mappings, the journal and conditions chosen
// there used by the sync.
func TestDemoStartGivesAnExactProfile(t *testing.T) {
	deps, _ := newDeps(t)
	d := app.NewDemo(deps)
	t.Cleanup(func() { d.Stop() })
	st, err := d.Start()
	if err != nil {
		t.Fatal(err)
	}
	ep := st.ExactProfile
	if st.Profile.LedgerKind != "xero" || !ep.IsDemo || !ep.AutotaskConnected || ep.LedgerKind != "exact" || ep.LedgerTenantName != "Demo MSP B.V." ||
		st.ExactURL == "" || st.ExactAutotaskURL == st.AutotaskURL {
		t.Fatalf("demo status = %+v", st)
	}
	if res, err := app.NewProfiles(deps).TestAutotask(ep.ID); err != nil || res.Invoices != 40 {
		t.Fatalf("the Exact demo's Autotask: %+v %v", res, err)
	}

	maps := app.NewMappings(deps)
	m, err := maps.Load(ep.ID)
	if err != nil {
		t.Fatal(err)
	}
	values := func(cs []app.ChoiceDTO) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Value)
		}
		return out
	}
	x := m.Exact
	if m.LedgerKind != "exact" || !slices.Contains(values(m.TaxCodes), "20") || !slices.Contains(values(m.Accounts), "8090") ||
		!slices.Equal(values(x.Journals), []string{"70", "71"}) || x.DefaultJournal != "70" || x.Journal != "" ||
		!slices.Equal(values(x.PaymentConditions), []string{"00", "14", "30"}) || len(x.TermConditions) != 0 {
		t.Fatalf("mappings of the Exact demo: tax %v, accounts %v, exact %+v", values(m.TaxCodes), values(m.Accounts), x)
	}
	if xm, err := maps.Load(st.Profile.ID); err != nil || len(xm.Exact.Journals) != 0 || xm.Exact.PaymentConditions == nil {
		t.Fatalf("a Xero profile's Exact part: %+v %v", xm.Exact, err)
	}

	// Journal, rounding account and a payment condition, each checked
	// against the division first.
	for _, bad := range []app.ExactOptionsInput{{ProfileID: ep.ID, SalesJournal: "20"}, {ProfileID: ep.ID, RoundingAccount: "1300"}, {ProfileID: st.Profile.ID, SalesJournal: "70"}} {
		if err := maps.SaveExactOptions(bad); apperr.CodeOf(err) != apperr.Invalid || apperr.Public(err).Fix == "" {
			t.Errorf("%+v accepted: %v", bad, err)
		}
	}
	if err := maps.SaveExactOptions(app.ExactOptionsInput{ProfileID: ep.ID, SalesJournal: "71", RoundingAccount: "8090"}); err != nil {
		t.Fatal(err)
	}
	net30 := int64(0)
	for _, term := range m.Terms {
		if term.AutotaskDays == 30 {
			net30 = term.ID
		}
	}
	term := strconv.FormatInt(net30, 10)
	if err := maps.Save(app.MappingInput{ProfileID: ep.ID, Kind: "payment_term", SourceKey: term, Target2: "45"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("an unknown condition: %v", err)
	}
	if err := maps.Save(app.MappingInput{ProfileID: ep.ID, Kind: "payment_term", SourceKey: term, Target2: "30"}); err != nil {
		t.Fatal(err)
	}
	if n, err := maps.AcceptAll(ep.ID, ""); err != nil || n == 0 {
		t.Fatalf("accept all = %d, %v", n, err)
	}
	m, err = maps.Load(ep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Exact.Journal != "71" || m.Exact.RoundingAccount != "8090" || len(m.Exact.TermConditions) != 1 || m.Exact.TermConditions[0].Condition != "30" {
		t.Fatalf("after choosing: %+v", m.Exact)
	}

	// The sync books in journal 71 with condition 30 for Net 30 invoices.
	sy := app.NewSync(deps, nil)
	form := app.SyncInput{ProfileID: ep.ID, Thru: "2024-05-31", MaxAgeDays: 60}
	pre, err := sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	var ready []int64
	var refs []string
	thirty := 0
	for _, inv := range pre.Invoices {
		if inv.Status == "ready" && len(ready) < 8 {
			ready = append(ready, inv.InvoiceID)
			refs = append(refs, inv.InvoiceNumber)
			date, _ := time.Parse(time.DateOnly, inv.Date)
			due, _ := time.Parse(time.DateOnly, inv.DueDate)
			if exact.PaymentDays(date, due) == 30 {
				thirty++
			}
		}
	}
	if len(ready) < 5 || pre.Blocked == 0 {
		t.Fatalf("preview: %d ready, %d blocked", pre.Ready, pre.Blocked)
	}
	res, err := sy.Send(app.SendInput{Options: form, InvoiceIDs: ready})
	if err != nil || res.Sent != len(ready) || res.Failed != 0 {
		t.Fatalf("send = %+v, %v", res, err)
	}
	xc, err := connect.Exact(context.Background(), connect.Deps{Store: deps.Store, Secrets: deps.Secrets, LockDir: deps.DataDir}, mustProfile(t, deps, ep.ID))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := xc.SalesEntriesByYourRef(context.Background(), refs)
	if err != nil || len(entries) != len(refs) {
		t.Fatalf("entries in Exact: %d, %v", len(entries), err)
	}
	onCondition := 0
	for _, e := range entries {
		if e.Journal != "71" {
			t.Errorf("entry %s in journal %q", e.YourRef, e.Journal)
		}
		if e.PaymentCondition == "30" {
			onCondition++
		}
	}
	if onCondition != thirty || thirty == 0 {
		t.Errorf("%d entries on condition 30, want the %d invoices due in 30 days", onCondition, thirty)
	}
}

func mustProfile(t *testing.T, deps app.Deps, id int64) store.Profile {
	t.Helper()
	p, err := deps.Store.Profile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
