package xero_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/xero"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

const invoiceCalls = "PUT /api.xro/2.0/invoices"

// create500 creates 500 invoices for one new contact and returns how many
// invoice calls that took.
func create500(tb testing.TB, env *simEnv, run int) int64 {
	tb.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("Bench %d", run)
	contact, err := env.client.CreateContacts(ctx, []xero.Contact{{Name: name}}, "")
	if err != nil || len(contact.Saved) != 1 {
		tb.Fatalf("contact: %+v %v", contact, err)
	}
	invs := make([]xero.Invoice, 500)
	for i := range invs {
		invs[i] = salesInvoice(fmt.Sprintf("B%d-%04d", run, i), contact.Saved[0].ContactID, "42.5000")
	}
	before := env.counter.Count(invoiceCalls)
	res, err := env.client.CreateInvoices(ctx, invs, xero.IdempotencyKey("bench", name))
	if err != nil {
		tb.Fatal(err)
	}
	if len(res.Saved) != 500 || len(res.Failed) != 0 {
		tb.Fatalf("saved %d, failed %+v", len(res.Saved), res.Failed)
	}
	return env.counter.Count(invoiceCalls) - before
}

// generousLimits lets a benchmark run many 500-invoice rounds without the
// simulator's per-minute and per-day limits getting in the way.
var generousLimits = xerosim.Options{MinuteLimit: 1 << 20, DayLimit: 1 << 20}

// TestCreate500InvoicesCalls: 500 invoices take ceil(500/50) = 10 calls.
func TestCreate500InvoicesCalls(t *testing.T) {
	env := startSim(t, generousLimits, orgGB.TenantID)
	want := int64((500 + xero.BatchSize - 1) / xero.BatchSize)
	if got := create500(t, env, 0); got != want {
		t.Errorf("500 invoices took %d invoice calls, want %d", got, want)
	}
}

func BenchmarkCreate500Invoices(b *testing.B) {
	env := startSim(b, generousLimits, orgGB.TenantID)
	var calls int64
	run := 0
	for b.Loop() {
		calls += create500(b, env, run)
		run++
	}
	b.ReportMetric(float64(calls)/float64(run), "invoice-calls/op")
}
