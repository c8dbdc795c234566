package syncer_test

import (
	"context"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/syncer"
)

// Ticking two invoices sends those two only, reports progress per phase, and
// leaves the rest for the next run, which still finds them ready.
func TestSyncSelectedSendsOnlyTheTickedInvoices(t *testing.T) {
	e := newEnv(t, 30)
	ctx := context.Background()
	pre, err := e.engine.Preview(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	var ticked []int64
	for _, p := range pre.Plan.Invoices {
		if !p.Blocked() && p.Action == syncer.ActionSend && len(ticked) < 2 {
			ticked = append(ticked, p.InvoiceID)
		}
	}
	if len(ticked) != 2 || pre.Planned < 5 {
		t.Fatalf("preview: %s", pre)
	}
	var mu sync.Mutex
	phases := map[string]int{}
	lastDone, lastTotal := 0, 0
	sum, err := e.engine.SyncSelected(ctx, e.opts, ticked, func(phase string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		phases[phase]++
		if phase == syncer.PhaseSend {
			lastDone, lastTotal = done, total
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Sent != 2 || sum.WrittenBack != 2 || sum.Skipped < pre.Planned-2 {
		t.Fatalf("sync: %s", sum)
	}
	for _, ph := range []string{syncer.PhaseResolve, syncer.PhaseRead, syncer.PhaseSend, syncer.PhaseWriteBack, syncer.PhasePayments} {
		if phases[ph] == 0 {
			t.Errorf("no %s progress: %v", ph, phases)
		}
	}
	if lastDone != 2 || lastTotal != 2 {
		t.Errorf("send progress ended at %d of %d", lastDone, lastTotal)
	}
	if len(e.ledgerDocs(t)) != 2 {
		t.Errorf("Xero holds %d documents, want 2", len(e.ledgerDocs(t)))
	}
	again, err := e.engine.Preview(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Planned != pre.Planned-2 {
		t.Errorf("after sending 2 of %d, %d are ready", pre.Planned, again.Planned)
	}
}
