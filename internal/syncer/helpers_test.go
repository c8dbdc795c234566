package syncer_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
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

var orgUS = xerosim.Org{TenantID: "33333333-3333-4333-8333-333333333333", Name: "Demo MSP Inc", CountryCode: "US", BaseCurrency: "USD"}

type env struct {
	at      *autotasksim.Server
	xs      *xerosim.Server
	store   *store.Store
	engine  *syncer.Engine
	xc      *xero.Client
	atCalls *httpx.Counter
	xCalls  *httpx.Counter
	opts    syncer.Options
}

func noSleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

// newEnv starts both simulators with a generated month of n invoices, a
// store with a profile, and an engine whose mappings cover every code and
// tax pair (as after "accept all suggestions").
func newEnv(t testing.TB, n int, edits ...func(autotasksim.Dataset)) *env {
	t.Helper()
	ctx := context.Background()
	data := generate.Month(generate.Options{Seed: 7, Invoices: n})
	for _, edit := range edits {
		edit(data)
	}
	at, err := autotasksim.New(autotasksim.Options{Data: data, HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	xs, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{orgUS}, MinuteLimit: 100000, DayLimit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })

	e := &env{at: at, xs: xs, atCalls: httpx.NewCounter(), xCalls: httpx.NewCounter()}
	atHTTP := httpx.NewClient(httpx.Options{Name: "autotask", Counter: e.atCalls, MaxRetries: 8, Sleep: noSleep})
	ac, err := autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(), HTTP: atHTTP}, autotask.Credentials{
		UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	access, _ := xs.IssueToken(xerosim.DemoClient.ClientID, []string{orgUS.TenantID}, []string{"offline_access", "accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.payments"})
	base := httpx.NewTransport(httpx.Options{Name: "xero", MaxConcurrent: xero.ConcurrentLimit, Counter: e.xCalls, MaxRetries: 8, Sleep: noSleep})
	e.xc = xero.NewClient(xs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}), Base: base}}, orgUS.TenantID)

	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e.store = st
	p := store.Profile{Name: "Test", LedgerKind: "xero", LedgerTenantID: orgUS.TenantID}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	e.engine = &syncer.Engine{Store: st, Autotask: ac, Ledger: xero.NewAdapter(e.xc, "USD"), ProfileID: p.ID}
	e.opts = syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 60},
		CreateItems: true, AdjustmentCap: money.MustParse("0.50"), Status: ledger.StatusApproved}
	e.mapAll(t, ac)
	return e
}

// mapAll maps every billing code to a derived item on account 200 and every
// tax pair to TAX001 (or NONE at 0 %), then accepts them in bulk.
func (e *env) mapAll(t testing.TB, ac *autotask.Client) {
	ctx := context.Background()
	codes, err := autotask.QueryAll[autotask.BillingCode](ctx, ac, autotask.EntityBillingCodes, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	regions, _ := autotask.QueryAll[autotask.TaxRegion](ctx, ac, autotask.EntityTaxRegions, autotask.Query{})
	cats, _ := autotask.QueryAll[autotask.TaxCategory](ctx, ac, autotask.EntityTaxCategories, autotask.Query{})
	taxes, _ := autotask.QueryAll[autotask.Tax](ctx, ac, autotask.EntityTaxes, autotask.Query{})
	rules := mapping.SuggestBillingCodes(codes, nil, mapping.NewRules(), "200")
	for _, r := range regions {
		for _, c := range cats {
			k := mapping.TaxKey{Region: r.ID, Category: c.ID}
			code := "TAX001"
			if mapping.RegionRate(taxes, k).IsZero() {
				code = "NONE"
			}
			rule := mapping.TaxRule(k, code)
			rule.Suggested = true
			rules = append(rules, rule)
		}
	}
	if err := e.store.SaveMappingRules(ctx, e.engine.ProfileID, rules); err != nil {
		t.Fatal(err)
	}
	if n, err := e.store.AcceptSuggestions(ctx, e.engine.ProfileID, ""); err != nil || n != len(rules) {
		t.Fatalf("accepted %d of %d: %v", n, len(rules), err)
	}
}

// ledgerDocs counts documents per our reference in Xero.
func (e *env) ledgerDocs(t testing.TB) map[string]int {
	t.Helper()
	ctx := context.Background()
	out := map[string]int{}
	invs, err := e.xc.Invoices(ctx, xero.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range invs {
		if inv.Status != xero.StatusDeleted {
			out[refOf(inv.Reference)]++
		}
	}
	notes, err := e.xc.CreditNotes(ctx, xero.CreditNoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		out[refOf(n.Reference)]++
	}
	return out
}

func refOf(reference string) string {
	for i := len(reference) - 1; i >= 0; i-- {
		if reference[i] == ' ' {
			return reference[i+1:]
		}
	}
	return reference
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func toString(v any) string { return fmt.Sprint(v) }

// ledgerNumbered makes the month one where the ledger numbers invoices:
// Autotask's numbers are blank until written back.
func ledgerNumbered(d autotasksim.Dataset) {
	for _, r := range d["Invoices"] {
		if r["webServiceDate"] == nil {
			r["invoiceNumber"] = ""
		}
	}
}
