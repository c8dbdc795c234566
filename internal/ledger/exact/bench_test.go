package exact_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// A month of Autotask invoices to Exact as sales entries. Exact has no batch
// endpoint, so each entry is one POST, and the fewest calls are
//
//	calls = 5 (catalog: VAT codes, GL accounts, journals, payment conditions,
//	           currencies)
//	      + ceil(customers / refsPerCall)   (account lookup by padded code)
//	      + ceil(invoices / refsPerCall)    (lookup by YourRef before create)
//	      + invoices                        (one POST per sales entry)
//
// where refsPerCall is as many "YourRef eq '…'" terms as fit in a URL
// (114 for six-digit numbers). For 500 invoices and 50 customers that is
// 5 + 1 + 5 + 500 = 511 calls. At 60 calls a minute they need
// ceil(511/60) = 9 minute windows: started at the beginning of a minute,
// 8 full minutes plus part of the ninth, however fast Exact answers.
const (
	monthInvoices  = 500
	monthCustomers = 50
	monthScale     = 120 // a simulated minute lasts half a second
)

type monthResult struct {
	calls   int64
	minutes float64 // simulated minutes from first to last call
	refused int     // 429 answers
}

// month500 books 500 entries for 50 customers after a setup that is not
// counted, and returns the calls and simulated minutes the booking took.
func month500(tb testing.TB, env *simEnv, run int) monthResult {
	tb.Helper()
	ctx := context.Background()
	codes := make([]string, monthCustomers)
	ids := map[string]string{}
	for i := range codes {
		codes[i] = fmt.Sprint(800000 + run*1000 + i)
		a, err := env.client.CreateAccount(ctx, exact.Account{Name: fmt.Sprintf("Customer %d-%d", run, i), Code: codes[i]})
		if err != nil {
			tb.Fatal(err)
		}
		ids[strings.TrimSpace(a.Code)] = a.ID
	}
	// Start the count at a fresh simulated minute, as a run that has not
	// just created 50 accounts would.
	minute := time.Minute / monthScale
	time.Sleep(time.Until(time.Now().Truncate(minute).Add(minute + time.Millisecond)))
	env.counter.Reset()
	before := len(env.srv.Requests())
	start := time.Now()

	cat, err := env.client.LoadCatalog(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var gl string
	for id, g := range cat.GLAccounts {
		if g.Type == exact.GLTypeRevenue && g.Code == "8000" {
			gl = id
		}
	}
	accounts, err := env.client.AccountsByCode(ctx, codes)
	if err != nil || len(accounts) != monthCustomers {
		tb.Fatalf("%d accounts: %v", len(accounts), err)
	}
	refs := make([]string, monthInvoices)
	for i := range refs {
		refs[i] = fmt.Sprint(100000 + run*1000 + i)
	}
	existing, err := env.client.SalesEntriesByYourRef(ctx, refs)
	if err != nil || len(existing) != 0 {
		tb.Fatalf("%d existing: %v", len(existing), err)
	}
	for i, ref := range refs {
		_, err := env.client.CreateSalesEntry(ctx, exact.SalesEntry{
			Customer: ids[codes[i%monthCustomers]], Journal: "70", EntryDate: exact.NewDate(2026, 10, 1+i%28),
			EntryNumber: exact.EntryNumberFor(ref), YourRef: ref, PaymentCondition: "30",
			SalesEntryLines: []exact.SalesEntryLine{
				{GLAccount: gl, AmountFC: money.MustParse("950.00"), VATCode: "1", Description: "Managed services"},
				{GLAccount: gl, AmountFC: money.MustParse("127.50"), VATCode: "1", Description: "Labour 1.5 h"},
			},
		})
		if err != nil {
			tb.Fatalf("invoice %s: %v", ref, err)
		}
	}
	res := monthResult{calls: env.counter.Total(), minutes: time.Since(start).Minutes() * monthScale}
	for _, r := range env.srv.Requests()[before:] {
		if r.Status == 429 {
			res.refused++
		}
	}
	return res
}

func monthEnv(tb testing.TB) *simEnv {
	return startSim(tb, exactsim.Options{TimeScale: monthScale, DayLimit: 1 << 20}, exact.WithResetMargin(2*time.Millisecond))
}

// TestMonth500Calls: 500 invoices take the fewest calls the formula allows,
// no 429, and no more minute windows than those calls need.
func TestMonth500Calls(t *testing.T) {
	if testing.Short() {
		t.Skip("books 500 entries against the simulator (about 5 s)")
	}
	res := month500(t, monthEnv(t), 0)
	refsPerCall := 114
	want := int64(5 + 1 + (monthInvoices+refsPerCall-1)/refsPerCall + monthInvoices)
	if res.calls != want {
		t.Errorf("%d calls, want %d", res.calls, want)
	}
	if res.refused != 0 {
		t.Errorf("%d calls refused with 429", res.refused)
	}
	if windows := math.Ceil(float64(want) / exact.MinuteLimit); res.minutes > windows {
		t.Errorf("took %.1f simulated minutes; %d calls need at most %.0f", res.minutes, want, windows)
	}
	t.Logf("%d calls in %.1f simulated minutes", res.calls, res.minutes)
}

func BenchmarkMonth500Invoices(b *testing.B) {
	env := monthEnv(b)
	var calls int64
	var minutes float64
	run := 0
	for b.Loop() {
		res := month500(b, env, run)
		if res.refused != 0 {
			b.Fatalf("%d calls refused with 429", res.refused)
		}
		calls += res.calls
		minutes += res.minutes
		run++
	}
	b.ReportMetric(float64(calls)/float64(run), "calls/op")
	b.ReportMetric(minutes/float64(run), "exact-minutes/op")
}
