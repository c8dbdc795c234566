package autotask_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/sim/generate"
)

// TestSimReadsGeneratedMonth decodes every record of a generated MSP month
// (credits, multi-currency, voided invoices, long and non-ASCII text, …)
// into the typed entities, so no realistic value trips a Go type.
func TestSimReadsGeneratedMonth(t *testing.T) {
	data := generate.Month(generate.Options{Seed: 42, Companies: 30, Invoices: 80, ItemsPerInvoice: 10})
	s := startSim(t, data, nil)
	c := connectSim(t, s, nil)
	for _, r := range allReaders() {
		want := len(data[r.entity])
		t.Run(r.entity, func(t *testing.T) {
			ids, err := r.read(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != want {
				t.Fatalf("%d records, the data set has %d", len(ids), want)
			}
		})
	}
}
