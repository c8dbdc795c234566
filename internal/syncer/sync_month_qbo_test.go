package syncer_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// qboUS is a US company with multicurrency on, for the generated month's
// customers in six currencies.
var qboUS = qbosim.Company{RealmID: "9341452519127201", Name: "Demo MSP Inc", Country: "US", HomeCurrency: "USD", MultiCurrency: true}

type qboEnv struct {
	qs      *qbosim.Server
	qc      *qbo.Client
	engine  *syncer.Engine
	atCalls *httpx.Counter
	qCalls  *httpx.Counter
	opts    syncer.Options
}

// newQBOEnv is newEnv with QuickBooks Online as the ledger: the generated
// month of n invoices, a profile, and mappings for every code (items on the
// Services income account) and tax pair (TAX, or NON at 0 %).
func newQBOEnv(t testing.TB, n int) *qboEnv {
	t.Helper()
	ctx := context.Background()
	at, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 7, Invoices: n}), HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	qs, err := qbosim.New(qbosim.Options{Companies: []qbosim.Company{qboUS}, PerMinute: 1 << 20, BatchPerMinute: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if err := qs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { qs.Close() })

	e := &qboEnv{qs: qs, atCalls: httpx.NewCounter(), qCalls: httpx.NewCounter()}
	atHTTP := httpx.NewClient(httpx.Options{Name: "autotask", Counter: e.atCalls, MaxRetries: 8, Sleep: noSleep})
	ac, err := autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(), HTTP: atHTTP}, autotask.Credentials{
		UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	access, _ := qs.IssueToken(qbosim.DemoApp.ClientID, qboUS.RealmID)
	hopts := qbo.HTTPOptions()
	hopts.RatePerSecond, hopts.Counter, hopts.Sleep = 0, e.qCalls, noSleep
	e.qc = qbo.NewClient(qs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}), Base: httpx.NewTransport(hopts)}},
		qboUS.RealmID, qbo.WithBatchLimit(0))

	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := store.Profile{Name: "QBO", LedgerKind: "qbo", LedgerTenantID: qboUS.RealmID}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	ad := qbo.NewAdapter(e.qc, qbo.Company{Country: "US", HomeCurrency: "USD", MultiCurrency: true,
		Currencies: []money.Currency{"EUR", "GBP", "AUD", "CAD", "JPY"}}, qbo.AdapterOptions{})
	e.engine = &syncer.Engine{Store: st, Autotask: ac, Ledger: ad, ProfileID: p.ID}
	e.opts = syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 60},
		CreateItems: true, AdjustmentCap: money.MustParse("0.50"), Status: ledger.StatusApproved}

	accts, err := qbo.Query[qbo.Account](ctx, e.qc, "Account", "Name = ?", "Services")
	if err != nil || len(accts) != 1 {
		t.Fatalf("income account: %v %v", accts, err)
	}
	codes, err := autotask.QueryAll[autotask.BillingCode](ctx, ac, autotask.EntityBillingCodes, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	regions, _ := autotask.QueryAll[autotask.TaxRegion](ctx, ac, autotask.EntityTaxRegions, autotask.Query{})
	cats, _ := autotask.QueryAll[autotask.TaxCategory](ctx, ac, autotask.EntityTaxCategories, autotask.Query{})
	taxes, _ := autotask.QueryAll[autotask.Tax](ctx, ac, autotask.EntityTaxes, autotask.Query{})
	rules := mapping.SuggestBillingCodes(codes, nil, mapping.NewRules(), accts[0].ID)
	for _, r := range regions {
		for _, c := range cats {
			k := mapping.TaxKey{Region: r.ID, Category: c.ID}
			code := qbo.TaxCodeTaxable
			if mapping.RegionRate(taxes, k).IsZero() {
				code = qbo.TaxCodeNonTaxable
			}
			rule := mapping.TaxRule(k, code)
			rule.Suggested = true
			rules = append(rules, rule)
		}
	}
	if err := st.SaveMappingRules(ctx, p.ID, rules); err != nil {
		t.Fatal(err)
	}
	if n, err := st.AcceptSuggestions(ctx, p.ID, ""); err != nil || n != len(rules) {
		t.Fatalf("accepted %d of %d: %v", n, len(rules), err)
	}
	return e
}

// docBatches counts the batch requests that created invoices or credit
// memos, from the simulator's request log.
func (e *qboEnv) docBatches() int {
	n := 0
	for _, r := range e.qs.Requests() {
		if strings.HasSuffix(r.Path, "/batch") && (strings.Contains(r.Body, `"Invoice":{`) || strings.Contains(r.Body, `"CreditMemo":{`)) {
			n++
		}
	}
	return n
}

// ledgerDocs counts documents per our reference (in PrivateNote).
func (e *qboEnv) ledgerDocs(t testing.TB) map[string]int {
	t.Helper()
	ctx := context.Background()
	out := map[string]int{}
	invs, err := qbo.Query[qbo.Invoice](ctx, e.qc, "Invoice", "")
	if err != nil {
		t.Fatal(err)
	}
	memos, err := qbo.Query[qbo.CreditMemo](ctx, e.qc, "CreditMemo", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range invs {
		out[refOf(v.PrivateNote)]++
	}
	for _, v := range memos {
		out[refOf(v.PrivateNote)]++
	}
	return out
}

// qboMonth runs the month twice and returns the first run, the QuickBooks
// calls of each run, and the batch calls that created documents.
func qboMonth(tb testing.TB, n int) (first syncer.Summary, calls1, calls2 int64, docBatches int, e *qboEnv) {
	tb.Helper()
	e = newQBOEnv(tb, n)
	ctx := context.Background()
	first, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		tb.Fatal(err)
	}
	calls1, docBatches = e.qCalls.Total(), e.docBatches()
	second, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		tb.Fatal(err)
	}
	if second.Sent != 0 || second.WrittenBack != 0 || e.docBatches() != docBatches {
		tb.Fatalf("second run sent again: %s", second)
	}
	return first, calls1, e.qCalls.Total() - calls1, docBatches, e
}

func TestFullMonthQBOThenNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("500-invoice month")
	}
	first, calls1, calls2, batches, e := qboMonth(t, 500)
	minimum := (first.Sent + qbo.BatchSize - 1) / qbo.BatchSize
	t.Logf("first run: %s", first)
	t.Logf("QuickBooks calls: first run %d (document batches %d, minimum ceil(%d/%d) = %d), second run %d; Autotask calls %d",
		calls1, batches, first.Sent, qbo.BatchSize, minimum, calls2, e.atCalls.Total())
	if first.Sent < 100 || first.Failed != 0 || first.WrittenBack != first.Sent {
		for _, l := range first.Lines {
			if l.Status == "failed" || l.Status == "blocked" {
				t.Logf("%d %s: %s", l.AutotaskInvoiceID, l.Status, l.Message)
			}
		}
		t.Fatalf("first run: %s", first)
	}
	docs := e.ledgerDocs(t)
	for ref, n := range docs {
		if n != 1 {
			t.Errorf("%s is in QuickBooks %d times", ref, n)
		}
	}
	if len(docs) != first.Sent {
		t.Errorf("QuickBooks holds %d documents, the run sent %d", len(docs), first.Sent)
	}
	if batches != minimum {
		t.Errorf("%d document batches for %d documents, want the minimum %d", batches, first.Sent, minimum)
	}
}

func BenchmarkMonthQBO(b *testing.B) {
	var calls1, calls2, batches, docs, minimum float64
	runs := 0
	for b.Loop() {
		first, c1, c2, n, _ := qboMonth(b, 500)
		calls1, calls2, batches = calls1+float64(c1), calls2+float64(c2), batches+float64(n)
		docs += float64(first.Sent)
		minimum += float64((first.Sent + qbo.BatchSize - 1) / qbo.BatchSize)
		runs++
	}
	r := float64(runs)
	b.ReportMetric(docs/r, "docs/op")
	b.ReportMetric(calls1/r, "qbo-calls/op")
	b.ReportMetric(batches/r, "doc-batches/op")
	b.ReportMetric(minimum/r, "min-doc-batches/op")
	b.ReportMetric(calls2/r, "rerun-calls/op")
}
