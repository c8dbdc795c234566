package syncer_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/syncer"
)

// autotaskPage is Autotask's largest page (and "in" list); Xero creates
// up to xero.BatchSize documents, contacts or items per call.
const autotaskPage = 500

// xeroPage is how many invoices a page of Xero's invoice list holds.
const xeroPage = 100

func ceilDiv(n, d int) int { return (n + d - 1) / d }

// monthCalls is one measured month: the calls made and the least the
// batch sizes allow for the same work.
type monthCalls struct {
	autotask, xero       int
	minAutotask, minXero int
	sum                  syncer.Summary
	byEndpoint           map[string]int64
}

// syncMonth syncs an n-invoice month on fresh simulators and counts the
// calls of the sync alone (not the set-up's mapping reads).
//
// The minimum, with N invoices in the window, I their billing items, C
// companies, K contacts, B billing codes, S documents sent (V invoices and
// R credit notes), U new customers and T new items:
//
//	Autotask ≥ ⌈N/500⌉ + ⌈I/500⌉ + ⌈C/500⌉ + ⌈K/500⌉ + ⌈B/500⌉ + 5 reference lists + 2 lines of business + S write-backs
//	Xero     ≥ 4 settings + 1 contacts + 1 items + ⌈U/50⌉ + ⌈T/50⌉ + ⌈V/50⌉ + ⌈R/50⌉ + ⌈V/100⌉ payments read
//
// Autotask updates one record per call, so write-back is one call per
// invoice whatever the batching; every other term is a page or a batch.
// Reading payments back pages Xero's invoices 100 at a time, and on the
// run that created them all V changed since the last read.
func syncMonth(tb testing.TB, n int) monthCalls {
	tb.Helper()
	return countMonth(tb, newEnv(tb, n, homeCurrency))
}

// homeCurrency bills every company in the internal currency, so the
// measured month is not mostly blocked by currencies the test
// organisation has not enabled.
func homeCurrency(d autotasksim.Dataset) {
	var home any
	for _, c := range d["Currencies"] {
		if c["isInternalCurrency"] == true {
			home = c["id"]
		}
	}
	for _, co := range d["Companies"] {
		co["currencyID"] = home
	}
}

// countMonth syncs e's month and counts it; see syncMonth.
func countMonth(tb testing.TB, e *env) monthCalls {
	tb.Helper()
	ctx := context.Background()
	e.atCalls.Reset()
	e.xCalls.Reset()
	sum, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		tb.Fatal(err)
	}
	m := monthCalls{autotask: int(e.atCalls.Total()), xero: int(e.xCalls.Total()), sum: sum, byEndpoint: map[string]int64{}}
	for k, v := range e.xCalls.Snapshot() {
		m.byEndpoint["xero "+k] = v
	}
	for k, v := range e.atCalls.Snapshot() {
		m.byEndpoint["autotask "+k] = v
	}

	data := e.at.Dataset()
	inWindow := map[string]bool{}
	companies := map[string]bool{}
	for _, inv := range sum.Plan.Invoices {
		inWindow[itoa(inv.InvoiceID)] = true
		companies[itoa(inv.CompanyID)] = true
	}
	items, codes, contacts := 0, map[string]bool{}, 0
	for _, b := range data["BillingItems"] {
		if inWindow[toString(b["invoiceID"])] {
			items++
			codes[toString(b["billingCodeID"])] = true
		}
	}
	for _, c := range data["Contacts"] {
		if companies[toString(c["companyID"])] {
			contacts++
		}
	}
	invoices, notes, newCustomers := 0, 0, map[int64]bool{}
	for _, p := range sum.Plan.Invoices {
		if p.Blocked() || p.Action != syncer.ActionSend {
			continue
		}
		newCustomers[p.CompanyID] = true // a fresh organisation: every customer is new
		if p.Doc.Kind == ledger.KindCreditNote {
			notes++
		} else {
			invoices++
		}
	}
	m.minAutotask = ceilDiv(len(inWindow), autotaskPage) + ceilDiv(items, autotaskPage) + ceilDiv(len(companies), autotaskPage) +
		ceilDiv(contacts, autotaskPage) + ceilDiv(len(codes), autotaskPage) + 5 + 2 + sum.WrittenBack
	m.minXero = 4 + 1 + 1 + ceilDiv(len(newCustomers), xero.BatchSize) + ceilDiv(len(sum.Plan.NewItems), xero.BatchSize) +
		ceilDiv(invoices, xero.BatchSize) + ceilDiv(notes, xero.BatchSize) + ceilDiv(invoices, xeroPage)
	return m
}

// TestMonthCallsNearTheMinimum holds the sync to a few calls above what the
// batch sizes allow, so a change that loses the batching shows.
func TestMonthCallsNearTheMinimum(t *testing.T) {
	if testing.Short() {
		t.Skip("a 500-invoice month")
	}
	m := syncMonth(t, 500)
	t.Logf("%s\nAutotask %d calls (minimum %d), Xero %d calls (minimum %d)", m.sum, m.autotask, m.minAutotask, m.xero, m.minXero)
	var eps []string
	for k, v := range m.byEndpoint {
		eps = append(eps, k+" "+itoa(v))
	}
	sort.Strings(eps)
	t.Logf("by endpoint:\n  %s", strings.Join(eps, "\n  "))
	if m.sum.Sent < 100 {
		t.Fatalf("only %d sent", m.sum.Sent)
	}
	// Allowed above the minimum: Autotask's invoice field list (read once
	// per client) and Xero's customers, read twice (to plan, and again
	// just before saving them).
	if m.autotask > m.minAutotask+1 || m.xero > m.minXero+1 {
		t.Errorf("Autotask %d calls (minimum %d), Xero %d (minimum %d)", m.autotask, m.minAutotask, m.xero, m.minXero)
	}
}

// BenchmarkMonthCallsXero reports API calls per 500-invoice month synced
// to Xero, per service, beside the minimum the batch sizes allow (see
// syncMonth for the formulas).
func BenchmarkMonthCallsXero(b *testing.B) {
	var last monthCalls
	runs := 0
	b.Cleanup(func() { b.Logf("%d months; last: %s", runs, last.sum) })
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b, 500, homeCurrency)
		b.StartTimer()
		last = countMonth(b, e)
		runs++
	}
	b.ReportMetric(float64(last.autotask), "autotask-calls/month")
	b.ReportMetric(float64(last.minAutotask), "autotask-min/month")
	b.ReportMetric(float64(last.xero), "xero-calls/month")
	b.ReportMetric(float64(last.minXero), "xero-min/month")
	b.ReportMetric(float64(last.sum.Sent), "sent/month")
}
