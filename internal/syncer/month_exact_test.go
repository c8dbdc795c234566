package syncer_test

import (
	"context"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/sim/generate"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

const (
	exactDivision = 3112840
	// exactScale makes a simulated minute last half a second, so the
	// 60-a-minute limit is real but a month takes seconds.
	exactScale = 120
)

type exactMonth struct {
	at      *autotasksim.Server
	xs      *exactsim.Server
	client  *exact.Client
	engine  *syncer.Engine
	xCalls  *httpx.Counter
	atCalls *httpx.Counter
	opts    syncer.Options
}

// newExactMonth starts Autotask with a generated month of n invoices and
// Exact with Exact's own limits (60 calls a minute), time-scaled, and an
// engine booking sales entries in journal 70 with every billing code on
// revenue account 8000 and every tax pair on VAT code 1 (0 at 0 %).
func newExactMonth(t *testing.T, n int) *exactMonth {
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
	xs, err := exactsim.New(exactsim.Options{TimeScale: exactScale, DayLimit: 1 << 20, AccessTokenTTL: 10000 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })

	m := &exactMonth{at: at, xs: xs, xCalls: httpx.NewCounter(), atCalls: httpx.NewCounter()}
	ac, err := autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(),
		HTTP: httpx.NewClient(httpx.Options{Name: "autotask", Counter: m.atCalls, MaxRetries: 8, Sleep: noSleep})},
		autotask.Credentials{UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	access, _ := xs.IssueToken(exactsim.DemoApp.ClientID)
	hc := &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base:   httpx.NewTransport(httpx.Options{Name: "exact", Counter: m.xCalls}),
	}}
	m.client = exact.NewClient(xs.APIBaseURL(), hc, exactDivision, exact.WithResetMargin(2*time.Millisecond))

	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := store.Profile{Name: "Exact", LedgerKind: store.LedgerExact, LedgerTenantID: "3112840"}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	adapter := exact.NewAdapter(m.client, exact.AdapterOptions{Journal: "70", RoundingAccount: "8090"})
	m.engine = &syncer.Engine{Store: st, Autotask: ac, Ledger: adapter, ProfileID: p.ID}
	m.opts = syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 60},
		AdjustmentCap: money.MustParse("0.50"), Status: ledger.StatusApproved}

	codes, err := autotask.QueryAll[autotask.BillingCode](ctx, ac, autotask.EntityBillingCodes, autotask.Query{})
	if err != nil {
		t.Fatal(err)
	}
	regions, _ := autotask.QueryAll[autotask.TaxRegion](ctx, ac, autotask.EntityTaxRegions, autotask.Query{})
	cats, _ := autotask.QueryAll[autotask.TaxCategory](ctx, ac, autotask.EntityTaxCategories, autotask.Query{})
	taxes, _ := autotask.QueryAll[autotask.Tax](ctx, ac, autotask.EntityTaxes, autotask.Query{})
	rules := mapping.SuggestBillingCodes(codes, nil, mapping.NewRules(), "8000")
	for _, r := range regions {
		for _, c := range cats {
			k := mapping.TaxKey{Region: r.ID, Category: c.ID}
			code := "1"
			if mapping.RegionRate(taxes, k).IsZero() {
				code = "0"
			}
			rule := mapping.TaxRule(k, code)
			rule.Suggested = true
			rules = append(rules, rule)
		}
	}
	if err := st.SaveMappingRules(ctx, p.ID, rules); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AcceptSuggestions(ctx, p.ID, ""); err != nil {
		t.Fatal(err)
	}
	return m
}

// entriesByRef counts the sales entries in Exact per YourRef.
func (m *exactMonth) entriesByRef(t *testing.T, refs []string) map[string]int {
	t.Helper()
	got, err := m.client.SalesEntriesByYourRef(context.Background(), refs)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, e := range got {
		out[e.YourRef]++
	}
	return out
}

// windows returns in how many simulated clock minutes the division's API
// was called, and the most calls one of them had.
func (m *exactMonth) windows() (int, int) {
	per := map[int64]int{}
	busiest := 0
	for _, r := range m.xs.Requests() {
		if r.Division != 0 {
			w := r.At.UnixNano() * exactScale / int64(time.Minute)
			per[w]++
			busiest = max(busiest, per[w])
		}
	}
	return len(per), busiest
}

func (m *exactMonth) refused() int {
	n := 0
	for _, r := range m.xs.Requests() {
		if r.Status == http.StatusTooManyRequests {
			n++
		}
	}
	return n
}

// A generated month goes to Exact through the engine under Exact's real
// 60-calls-a-minute limit without a single 429, and a second run sends
// nothing. The log states the calls and the minutes they need.
//
// Exact calls of a first run, as the engine makes them:
//
//	6                        Settings: VAT codes, GL accounts, journals, payment
//	                         conditions, currencies (one page each) + system/Divisions
//	2 × ceil(customers/60)   Customers, read for the plan and again before saving
//	1                        Items (sales items, one page)
//	customers + ≤2           SaveCustomers: one POST per new account after a
//	                         batched lookup by Code / SearchCode
//	ceil(sent/100) + sent    CreateDocuments: one YourRef lookup per batch of
//	                         100, one POST per sales entry
//	1                        SettlementsSince (bulk receivables)
//
// At 60 a minute a run needs ceil(calls/60) minute windows however fast
// Exact answers.
func TestExactMonthThenNothing(t *testing.T) {
	n := 500
	if testing.Short() {
		n = 60
	}
	m := newExactMonth(t, n)
	ctx := context.Background()
	start := time.Now()
	first, err := m.engine.Sync(ctx, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	minutes := time.Since(start).Minutes() * exactScale
	calls := m.xCalls.Total()
	t.Logf("first run: %s", first)
	blocked := map[string]int{}
	for _, l := range first.Lines {
		if l.Status == "blocked" {
			_, why, _ := strings.Cut(l.Message, ": ")
			why, _, _ = strings.Cut(why, ". ")
			blocked[why]++
		}
	}
	t.Logf("blocked in Autotask's data (not Exact's doing): %v", blocked)
	t.Logf("Exact calls %d (%v), Autotask calls %d; %.1f simulated minutes, at least %.0f at 60 a minute",
		calls, m.xCalls.Snapshot(), m.atCalls.Total(), minutes, math.Ceil(float64(calls)/exact.MinuteLimit))
	if first.Sent < n/5 || first.Failed != 0 || first.WrittenBack != first.Sent {
		for _, l := range first.Lines {
			if l.Status == "failed" {
				t.Log(l.InvoiceNumber, l.Message)
			}
		}
		t.Fatalf("first run: %s", first)
	}
	// How many minutes the calls spread over depends on how fast this
	// machine runs the engine (-race is several times slower than a
	// simulated minute allows). The simulator enforces 60 calls in each of
	// its own minute windows, so not one 429 is the proof that pacing held;
	// the test's own binning of request times is only logged, since its
	// minute boundaries need not match the simulator's.
	windows, busiest := m.windows()
	t.Logf("Exact calls spread over about %d minutes, at most %d in one of the test's bins; %d calls need at least %.0f",
		windows, busiest, calls, math.Ceil(float64(calls)/exact.MinuteLimit))
	if r := m.refused(); r != 0 {
		t.Errorf("%d calls refused with 429; pacing must keep under 60 a minute", r)
	}
	customers := m.xCalls.Count("POST /api/v1/{id}/crm/accounts")
	batches := int64(math.Ceil(float64(first.Sent) / exact.DefaultBatchSize))
	if posts := m.xCalls.Count("POST /api/v1/{id}/salesentry/salesentries"); posts != int64(first.Sent) {
		t.Errorf("%d sales entries posted for %d sent", posts, first.Sent)
	}
	if lookups := m.xCalls.Count("GET /api/v1/{id}/salesentry/salesentries"); lookups != batches {
		t.Errorf("%d YourRef lookups, want one per batch of %d: %d", lookups, exact.DefaultBatchSize, batches)
	}
	if max := 6 + 2*2 + 1 + customers + 2 + batches + int64(first.Sent) + 1; calls > max {
		t.Errorf("%d Exact calls, more than the %d the formula allows", calls, max)
	}

	var refs []string
	for _, l := range first.Lines {
		if l.Status == "sent" {
			refs = append(refs, l.InvoiceNumber)
		}
	}
	for ref, c := range m.entriesByRef(t, refs) {
		if c != 1 {
			t.Errorf("%s is in Exact %d times", ref, c)
		}
	}

	m.xCalls.Reset()
	second, err := m.engine.Sync(ctx, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second run: %s; Exact calls %d (%v)", second, m.xCalls.Total(), m.xCalls.Snapshot())
	if second.Sent != 0 || second.WrittenBack != 0 || m.xCalls.Count("POST /api/v1/{id}/salesentry/salesentries") != 0 {
		t.Fatalf("second run sent again: %s", second)
	}
	if got := m.entriesByRef(t, refs); len(got) != len(refs) {
		t.Errorf("Exact holds %d of the %d entries after the second run", len(got), len(refs))
	}
}
