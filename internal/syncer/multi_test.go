package syncer_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// orgEU is a second organisation in the same Xero simulator. It uses US tax
// codes so one mapping helper fits both organisations; what differs is the
// tenant, its currencies and its own mappings.
var orgEU = xerosim.Org{TenantID: "44444444-4444-4444-8444-444444444444", Name: "Demo MSP Europe", CountryCode: "US", BaseCurrency: "USD",
	Currencies: []string{"EUR", "GBP"}}

// multiEnv is one Autotask database feeding two Xero organisations: North
// America to the profile's own (orgUS), Europe to "eu", Asia-Pacific unrouted.
type multiEnv struct {
	at      *autotask.Client
	store   *store.Store
	profile store.Profile
	clients map[string]*xero.Client // by tenant id
	engine  *syncer.MultiEngine
	opts    syncer.Options
	level1  map[string]int64 // location name → id
}

func newMultiEnv(t *testing.T, n int) *multiEnv {
	t.Helper()
	ctx := context.Background()
	at, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 11, Invoices: n}), HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	xs, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{orgUS, orgEU}, MinuteLimit: 100000, DayLimit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })

	m := &multiEnv{clients: map[string]*xero.Client{}, level1: map[string]int64{}}
	m.at, err = autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(),
		HTTP: httpx.NewClient(httpx.Options{Name: "autotask", MaxRetries: 8, Sleep: noSleep})},
		autotask.Credentials{UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	// One consent covers both tenants, as a Xero user granting two organisations.
	access, _ := xs.IssueToken(xerosim.DemoClient.ClientID, []string{orgUS.TenantID, orgEU.TenantID},
		[]string{"offline_access", "accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.payments"})
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base: httpx.NewTransport(httpx.Options{Name: "xero", MaxConcurrent: xero.ConcurrentLimit, MaxRetries: 8, Sleep: noSleep})}}
	for _, o := range []xerosim.Org{orgUS, orgEU} {
		m.clients[o.TenantID] = xero.NewClient(xs.APIBaseURL(), hc, o.TenantID)
	}

	if m.store, err = store.Open(ctx, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.store.Close() })
	m.profile = store.Profile{Name: "Several companies", LedgerKind: store.LedgerXero, LedgerTenantID: orgUS.TenantID, LedgerTenantName: orgUS.Name}
	if err := m.store.CreateProfile(ctx, &m.profile); err != nil {
		t.Fatal(err)
	}
	eu := store.Organisation{Key: "eu", Name: orgEU.Name, LedgerKind: store.LedgerXero, LedgerTenantID: orgEU.TenantID}
	if err := m.store.SaveOrganisation(ctx, m.profile.ID, &eu); err != nil {
		t.Fatal(err)
	}
	l1, err := autotask.QueryAll[autotask.OrganizationalLevel1](ctx, m.at, autotask.EntityOrganizationalLevel1s, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range l1 {
		m.level1[l.Name] = l.ID
	}
	err = m.store.SaveRouting(ctx, m.profile.ID, store.Routing{BlockUnrouted: true, Routes: []store.Route{
		{Kind: store.RouteLocation, SourceID: m.level1["North America"], Organisation: ""},
		{Kind: store.RouteLocation, SourceID: m.level1["Europe"], Organisation: "eu"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	m.mapAll(t, "")
	m.mapAll(t, "eu")
	m.engine = &syncer.MultiEngine{Store: m.store, Autotask: m.at, ProfileID: m.profile.ID,
		Open: func(_ context.Context, o store.Organisation) (ledger.Ledger, error) {
			c, ok := m.clients[o.LedgerTenantID]
			if !ok {
				return nil, errors.New("no such tenant " + o.LedgerTenantID)
			}
			return xero.NewAdapter(c, "USD"), nil
		}}
	m.opts = syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 60},
		CreateItems: true, AdjustmentCap: money.MustParse("0.50"), Status: ledger.StatusApproved}
	return m
}

// mapAll gives organisation org its own accepted mappings of every billing
// code and tax pair.
func (m *multiEnv) mapAll(t *testing.T, org string) {
	t.Helper()
	ctx := context.Background()
	codes, err := autotask.QueryAll[autotask.BillingCode](ctx, m.at, autotask.EntityBillingCodes, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	regions, _ := autotask.QueryAll[autotask.TaxRegion](ctx, m.at, autotask.EntityTaxRegions, autotask.Query{})
	cats, _ := autotask.QueryAll[autotask.TaxCategory](ctx, m.at, autotask.EntityTaxCategories, autotask.Query{})
	taxes, _ := autotask.QueryAll[autotask.Tax](ctx, m.at, autotask.EntityTaxes, autotask.Query{})
	rules := mapping.SuggestBillingCodes(codes, nil, mapping.NewRules(), "200")
	for _, r := range regions {
		for _, c := range cats {
			k := mapping.TaxKey{Region: r.ID, Category: c.ID}
			code := "TAX001"
			if mapping.RegionRate(taxes, k).IsZero() {
				code = "NONE"
			}
			rules = append(rules, mapping.TaxRule(k, code))
		}
	}
	for i := range rules {
		rules[i].Organisation, rules[i].Suggested = org, false
	}
	if err := m.store.SaveMappingRules(ctx, m.profile.ID, rules); err != nil {
		t.Fatal(err)
	}
}

// expectedOrg says where each invoice belongs from its billing items'
// locations, independently of the router: "" (North America), "eu"
// (Europe) or "-" (Asia-Pacific, unrouted).
func (m *multiEnv) expectedOrg(t *testing.T) map[int64]string {
	t.Helper()
	ctx := context.Background()
	assocs, err := autotask.QueryAll[autotask.OrganizationalLevelAssociation](ctx, m.at, autotask.EntityOrganizationalLevelAssociations, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	l1 := map[int64]int64{}
	for _, a := range assocs {
		l1[a.ID] = *a.OrganizationalLevel1ID
	}
	items, err := autotask.QueryAll[autotask.BillingItem](ctx, m.at, autotask.EntityBillingItems, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, b := range items {
		if b.InvoiceID == nil || *b.InvoiceID == 0 || b.OrganizationalLevelAssociationID == nil {
			continue
		}
		org := "-"
		switch l1[*b.OrganizationalLevelAssociationID] {
		case m.level1["North America"]:
			org = ""
		case m.level1["Europe"]:
			org = "eu"
		}
		if prev, ok := out[*b.InvoiceID]; ok && prev != org {
			t.Fatalf("invoice %d has items in two locations; the generator keeps one per company", *b.InvoiceID)
		}
		out[*b.InvoiceID] = org
	}
	return out
}

func TestMultiOrganisationSyncRoutesOnceAndThenNothing(t *testing.T) {
	m := newMultiEnv(t, 150)
	ctx := context.Background()
	want := m.expectedOrg(t)
	first, err := m.engine.Sync(ctx, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first run: %s", first)
	byKey := map[string]syncer.OrgSummary{}
	for _, o := range first.Organisations {
		byKey[o.Key] = o
		t.Logf("  %q %s: %s", o.Key, o.Name, o.Summary)
	}
	if byKey[""].Summary.Sent == 0 || byKey["eu"].Summary.Sent == 0 || first.Failed != 0 {
		t.Fatalf("both organisations should receive invoices without failures: %s", first)
	}
	if first.WrittenBack != first.Sent {
		t.Errorf("wrote back %d of %d sent", first.WrittenBack, first.Sent)
	}
	docs := map[string]map[string]int{
		"":   (&env{xc: m.clients[orgUS.TenantID]}).ledgerDocs(t),
		"eu": (&env{xc: m.clients[orgEU.TenantID]}).ledgerDocs(t),
	}
	total := 0
	for org, refs := range docs {
		for ref, n := range refs {
			total += n
			id := atoi(t, strings.TrimPrefix(ref, "AT-"))
			if n != 1 {
				t.Errorf("%s is in organisation %q %d times", ref, org, n)
			}
			if want[id] != org {
				t.Errorf("%s went to organisation %q; its items are in %q", ref, org, want[id])
			}
			if _, twice := docs[otherOrg(org)][ref]; twice {
				t.Errorf("%s is in both organisations", ref)
			}
		}
	}
	if total != first.Sent {
		t.Errorf("the ledgers hold %d documents, the run sent %d", total, first.Sent)
	}

	unrouted := 0
	for _, p := range first.Unrouted {
		if p.Action == syncer.ActionSkip {
			continue
		}
		// Asia-Pacific has no route; an invoice none of whose items names a
		// level cannot be routed either, as BlockUnrouted leaves no default.
		where, named := want[p.InvoiceID]
		mention := "Asia-Pacific"
		if !named {
			mention = "none of its billing items names an organisational level"
		} else if where != "-" {
			t.Errorf("invoice %d is unrouted but its items are in %q", p.InvoiceID, where)
		}
		if len(p.Problems) != 1 || p.Problems[0].Code != syncer.ProblemUnrouted || !strings.Contains(p.Problems[0].Message, mention) {
			t.Errorf("invoice %d: unexpected routing problem %+v", p.InvoiceID, p.Problems)
		}
		if named {
			unrouted++
		}
	}
	if unrouted == 0 {
		t.Error("no Asia-Pacific invoice was reported unrouted")
	}

	journal, err := m.store.Journal(ctx, m.profile.ID, store.JournalWrittenBack)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range journal {
		if docs[j.Organisation][syncer.OurRef(j.AutotaskInvoiceID)] != 1 {
			t.Errorf("journal puts invoice %d in %q, which does not hold it", j.AutotaskInvoiceID, j.Organisation)
		}
	}
	rules, err := m.store.MappingRules(ctx, m.profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]int{}
	for _, r := range rules {
		if r.Kind == store.MapCustomer {
			links[r.Organisation]++
		}
	}
	if links[""] == 0 || links["eu"] == 0 {
		t.Errorf("customer links per organisation = %v, want some in each", links)
	}

	second, err := m.engine.Sync(ctx, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	if second.Sent != 0 || second.WrittenBack != 0 || second.Failed != 0 {
		t.Fatalf("second run sent again: %s", second)
	}
	for org := range docs {
		c := m.clients[orgUS.TenantID]
		if org == "eu" {
			c = m.clients[orgEU.TenantID]
		}
		if got := (&env{xc: c}).ledgerDocs(t); len(got) != len(docs[org]) {
			t.Errorf("the second run changed organisation %q: %d documents, had %d", org, len(got), len(docs[org]))
		}
	}
}

func TestMultiOrganisationUnavailableBlocksOnlyItsInvoices(t *testing.T) {
	m := newMultiEnv(t, 60)
	ctx := context.Background()
	open := m.engine.Open
	m.engine.Open = func(ctx context.Context, o store.Organisation) (ledger.Ledger, error) {
		if o.Key == "eu" {
			return nil, errors.New("the Xero connection was revoked")
		}
		return open(ctx, o)
	}
	want := m.expectedOrg(t)
	sum, err := m.engine.Preview(ctx, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	ready, blocked := 0, 0
	for _, o := range sum.Organisations {
		for _, p := range o.Summary.Plan.Invoices {
			switch o.Key {
			case "eu":
				if len(p.Problems) != 1 || p.Problems[0].Code != syncer.ProblemOrgUnavailable || !strings.Contains(p.Problems[0].Message, "revoked") {
					t.Errorf("eu invoice %d: problems %+v", p.InvoiceID, p.Problems)
				}
				blocked++
			case "":
				if want[p.InvoiceID] != "" {
					t.Errorf("invoice %d planned in the own organisation, belongs to %q", p.InvoiceID, want[p.InvoiceID])
				}
				if !p.Blocked() {
					ready++
				}
			}
		}
	}
	if blocked == 0 || ready == 0 {
		t.Fatalf("want eu invoices blocked and the own organisation's ready: blocked %d, ready %d (%s)", blocked, ready, sum)
	}
}

func otherOrg(org string) string {
	if org == "" {
		return "eu"
	}
	return ""
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("not an invoice id: %q", s)
		}
		n = n*10 + int64(r-'0')
	}
	return n
}
