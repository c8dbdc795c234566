package app_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// servicesOrg is a second Xero organisation in the same simulator, set up
// like the demo's so the copied mappings hold there too.
var servicesOrg = func() xerosim.Org {
	o := demo.Org
	o.TenantID, o.Name = "55555555-5555-4555-8555-555555555555", "Demo MSP Managed Services Ltd"
	return o
}()

// Two Xero organisations behind one sign-in, as the screens drive it: add
// the second, route the Managed Services line of business to it, preview (each
// invoice names its organisation), send, and find every invoice in exactly
// the organisation its billing items' line of business says. A customer's
// line detail set in Mappings → Customers holds in either organisation.
func TestTwoXeroOrganisationsRoutedByLineOfBusiness(t *testing.T) {
	deps, _ := newDeps(t)
	ctx := context.Background()
	at, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 5, Companies: 12, Invoices: 40, ItemsPerInvoice: 4}), HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	xs, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{demo.Org, servicesOrg}, MinuteLimit: 100000, DayLimit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })
	cd := connect.Deps{Store: deps.Store, Secrets: deps.Secrets, Logger: deps.Logger, LockDir: deps.DataDir}
	p, err := demo.EnsureProfile(ctx, cd, demo.Endpoints{AutotaskLookupURL: at.ZoneLookupURL(), XeroURL: xs.URL(),
		XeroTenants: []string{demo.Org.TenantID, servicesOrg.TenantID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.NewMappings(deps).AcceptAll(p.ID, ""); err != nil {
		t.Fatal(err)
	}

	orgs := app.NewOrganisations(deps)
	list, err := orgs.List(p.ID)
	if err != nil || len(list.Organisations) != 1 || !list.Organisations[0].Own || !list.Organisations[0].IsDefault {
		t.Fatalf("before: %+v, %v", list, err)
	}
	cands, err := orgs.Candidates(p.ID)
	if err != nil || len(cands) != 1 || cands[0].TenantID != servicesOrg.TenantID {
		t.Fatalf("candidates = %+v, %v; want only %s (the own is in use)", cands, err, servicesOrg.Name)
	}
	_, err = orgs.Add(app.AddOrganisationInput{ProfileID: p.ID, TenantID: "not-granted"})
	if pub := apperr.Public(err); pub.Code != apperr.Invalid || pub.Fix == "" {
		t.Fatalf("an organisation the sign-in cannot reach: %+v", pub)
	}
	list, err = orgs.Add(app.AddOrganisationInput{ProfileID: p.ID, TenantID: servicesOrg.TenantID, Name: "Services", CopyMappings: true})
	if err != nil || len(list.Organisations) != 2 {
		t.Fatalf("add = %+v, %v", list, err)
	}
	key := list.Organisations[1].Key
	if key != "services" || list.Organisations[1].LedgerTenantName != servicesOrg.Name {
		t.Fatalf("added %+v", list.Organisations[1])
	}

	levels, err := orgs.Levels(p.ID)
	if err != nil || len(levels.LinesOfBusiness) != 3 || len(levels.Associations) != 9 {
		t.Fatalf("levels = %+v, %v", levels, err)
	}
	var services int64
	for _, l := range levels.LinesOfBusiness {
		if l.Name == "Managed Services" {
			services = l.ID
		}
	}
	_, err = orgs.SaveRule(app.RuleInput{ProfileID: p.ID, Kind: "line_of_business", SourceID: 999999, Organisation: key})
	if pub := apperr.Public(err); pub.Code != apperr.Invalid || !strings.Contains(pub.Message, "999999") {
		t.Fatalf("an unknown line of business: %+v", pub)
	}
	list, err = orgs.SaveRule(app.RuleInput{ProfileID: p.ID, Kind: "line_of_business", SourceID: services, Organisation: key})
	if err != nil || len(list.Routes) != 1 || list.Organisations[1].Routes != 1 {
		t.Fatalf("save rule = %+v, %v", list, err)
	}
	if _, err := orgs.Remove(p.ID, ""); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("removing the own organisation: %v", err)
	}

	// Where each invoice belongs, from its items' lines of business.
	want := expectedOrgs(t, at, services, key)

	// A customer's line detail, set in Mappings → Customers.
	maps := app.NewMappings(deps)
	if err := maps.Save(app.MappingInput{ProfileID: p.ID, Kind: "line_mode", SourceKey: "1", Target: "verbose"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("an unknown line detail: %v", err)
	}

	sy := app.NewSync(deps, nil)
	form := app.SyncInput{ProfileID: p.ID, Thru: "2024-05-31", MaxAgeDays: 60, LineMode: "standard"}
	pre, err := sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"": demo.Org.Name, key: "Services"}
	var summaryCompany, summaryInvoice int64
	for _, inv := range pre.Invoices {
		if inv.Status != "ready" {
			continue
		}
		w, ok := want[inv.InvoiceID]
		if !ok || w == "split" {
			t.Errorf("invoice %s is ready but its items are split or unknown (%q)", inv.InvoiceNumber, w)
			continue
		}
		if inv.Organisation != names[w] {
			t.Errorf("invoice %s goes to %q, want %q", inv.InvoiceNumber, inv.Organisation, names[w])
		}
		if w == key && summaryInvoice == 0 && len(inv.Lines) > 1 {
			summaryInvoice = inv.InvoiceID
			summaryCompany = companyOf(t, at, inv.InvoiceID)
		}
	}
	if pre.Ready == 0 || summaryInvoice == 0 {
		t.Fatalf("preview: %d ready, no multi-line invoice for Services", pre.Ready)
	}
	if err := maps.Save(app.MappingInput{ProfileID: p.ID, Kind: "line_mode", SourceKey: itoa(summaryCompany), Target: "summary"}); err != nil {
		t.Fatal(err)
	}
	loaded, err := maps.Load(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range loaded.Customers {
		if wantMode := map[bool]string{true: "summary"}[c.CompanyID == summaryCompany]; c.LineMode != wantMode {
			t.Errorf("customer %s line detail %q, want %q", c.CompanyName, c.LineMode, wantMode)
		}
	}
	pre, err = sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range pre.Invoices {
		if inv.InvoiceID == summaryInvoice && (inv.Status != "ready" || len(inv.Lines) > 2) {
			t.Errorf("summary invoice %s: %s with %d lines", inv.InvoiceNumber, inv.Status, len(inv.Lines))
		}
	}

	res, err := sy.Send(app.SendInput{Options: form})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != pre.Ready || res.Failed != 0 {
		t.Fatalf("send: %s (ready %d)", res.Summary, pre.Ready)
	}
	journal, err := deps.Store.Journal(ctx, p.ID, store.JournalWrittenBack)
	if err != nil {
		t.Fatal(err)
	}
	perOrg := map[string]int{}
	for _, j := range journal {
		perOrg[j.Organisation]++
		if want[j.AutotaskInvoiceID] != j.Organisation {
			t.Errorf("invoice %d is in %q, want %q", j.AutotaskInvoiceID, j.Organisation, want[j.AutotaskInvoiceID])
		}
	}
	for org, tenant := range map[string]string{"": demo.Org.TenantID, key: servicesOrg.TenantID} {
		if n := xeroDocs(t, xs, tenant); n != perOrg[org] || n == 0 {
			t.Errorf("organisation %q holds %d documents, the journal %d", org, n, perOrg[org])
		}
	}
	again, err := sy.Preview(form)
	if err != nil || again.Ready != 0 {
		t.Fatalf("second preview: %d ready, %v", again.Ready, err)
	}
}

// A second QuickBooks company needs its own sign-in: refused with what to do.
func TestQuickBooksSecondCompanyIsRefused(t *testing.T) {
	deps, _ := newDeps(t)
	ctx := context.Background()
	p := store.Profile{Name: "QBO", LedgerKind: store.LedgerQBO, LedgerTenantID: "123", LedgerTenantName: "Books"}
	if err := deps.Store.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	_, err := app.NewOrganisations(deps).Candidates(p.ID)
	if pub := apperr.Public(err); pub.Code != apperr.Invalid || !strings.Contains(pub.Message, "QuickBooks") || pub.Fix == "" {
		t.Fatalf("second QuickBooks company: %+v", pub)
	}
}

// expectedOrgs places each invoice from its billing items' lines of
// business (items without one follow the others): all in lob → key, none →
// "" (the default), both → split.
func expectedOrgs(t *testing.T, at *autotasksim.Server, lob int64, key string) map[int64]string {
	t.Helper()
	c := atClient(t, at)
	ctx := context.Background()
	assocs, err := autotask.QueryAll[autotask.OrganizationalLevelAssociation](ctx, c, autotask.EntityOrganizationalLevelAssociations, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	lobOf := map[int64]int64{}
	for _, a := range assocs {
		lobOf[a.ID] = *a.OrganizationalLevel2ID
	}
	items, err := autotask.QueryAll[autotask.BillingItem](ctx, c, autotask.EntityBillingItems, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, b := range items {
		if b.InvoiceID == nil || *b.InvoiceID == 0 {
			continue
		}
		if b.OrganizationalLevelAssociationID == nil {
			if _, ok := out[*b.InvoiceID]; !ok {
				out[*b.InvoiceID] = "none"
			}
			continue
		}
		org := ""
		if lobOf[*b.OrganizationalLevelAssociationID] == lob {
			org = key
		}
		if prev, ok := out[*b.InvoiceID]; ok && prev != "none" && prev != org {
			org = "split"
		}
		out[*b.InvoiceID] = org
	}
	for id, org := range out {
		if org == "none" {
			out[id] = ""
		}
	}
	return out
}

func companyOf(t *testing.T, at *autotasksim.Server, invoiceID int64) int64 {
	t.Helper()
	inv, err := autotask.Get[autotask.Invoice](context.Background(), atClient(t, at), autotask.EntityInvoices, invoiceID)
	if err != nil || inv.CompanyID == nil {
		t.Fatalf("invoice %d: %v", invoiceID, err)
	}
	return *inv.CompanyID
}

func atClient(t *testing.T, at *autotasksim.Server) *autotask.Client {
	t.Helper()
	c, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: at.ZoneLookupURL()},
		autotask.Credentials{UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// xeroDocs counts the invoices and credit notes in one Xero organisation.
func xeroDocs(t *testing.T, xs *xerosim.Server, tenant string) int {
	t.Helper()
	ctx := context.Background()
	access, _ := xs.IssueToken(xerosim.DemoClient.ClientID, []string{tenant}, []string{"accounting.invoices"})
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
	c := xero.NewClient(xs.APIBaseURL(), hc, tenant)
	invs, err := c.Invoices(ctx, xero.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	notes, err := c.CreditNotes(ctx, xero.CreditNoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(notes)
	for _, i := range invs {
		if i.Status != xero.StatusDeleted {
			n++
		}
	}
	return n
}
