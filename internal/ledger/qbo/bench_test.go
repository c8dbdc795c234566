package qbo_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

// batchCalls is how httpx.Endpoint names a batch request of the test realm.
const batchCalls = "POST /v3/company/{id}/batch"

// create500 creates 500 invoices for one new customer and returns how many
// batch calls that took.
func create500(tb testing.TB, e *simEnv, run int) int64 {
	tb.Helper()
	s := prepare(tb, e, fmt.Sprintf("Bench %d", run))
	invs := make([]qbo.Invoice, 500)
	for i := range invs {
		invs[i] = simInvoice(fmt.Sprintf("B%d-%04d", run, i), s,
			qbo.SalesLine("Managed services", qbo.Ref{Value: s.item.ID}, money.FromInt(1), money.MustParse("42.50"), qbo.TaxCodeNonTaxable))
	}
	before := e.counter.Count(batchCalls)
	res, err := qbo.CreateBatch(context.Background(), e.client, invs, fmt.Sprintf("bench/%d", run))
	if err != nil {
		tb.Fatal(err)
	}
	if len(res.Saved) != 500 || len(res.Failed) != 0 {
		tb.Fatalf("saved %d, failed %+v", len(res.Saved), res.Failed)
	}
	return e.counter.Count(batchCalls) - before
}

// generous lets a benchmark run many rounds without the simulator's
// per-minute limits getting in the way.
var generous = qbosim.Options{PerMinute: 1 << 20, BatchPerMinute: 1 << 20}

// TestCreate500InvoicesCalls: 500 invoices take ceil(500/30) = 17 calls.
func TestCreate500InvoicesCalls(t *testing.T) {
	e := startSim(t, generous, companyUS)
	want := int64((500 + qbo.BatchSize - 1) / qbo.BatchSize)
	if got := create500(t, e, 0); got != want {
		t.Errorf("500 invoices took %d batch calls, want %d", got, want)
	}
}

func BenchmarkCreate500Invoices(b *testing.B) {
	e := startSim(b, generous, companyUS)
	var calls int64
	run := 0
	for b.Loop() {
		calls += create500(b, e, run)
		run++
	}
	b.ReportMetric(float64(calls)/float64(run), "batch-calls/op")
}
