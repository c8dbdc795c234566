package syncer

import (
	"context"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Phases a run reports through Progress, in order.
const (
	PhaseResolve   = "resolve"   // settling what an earlier run left 'sending'
	PhaseRead      = "read"      // reading Autotask and the ledger
	PhaseCustomers = "customers" // creating and updating ledger customers
	PhaseSend      = "send"      // creating documents
	PhaseWriteBack = "writeback" // marking Autotask invoices sent
	PhasePayments  = "payments"  // reading payments back
)

// Progress hears how far a run is: done of total in phase (total 0 when
// the phase has no count). It is called from the run's goroutine.
type Progress func(phase string, done, total int)

// SyncSelected is Sync for the invoices the user ticked in the preview: only
// those of ids are sent or voided (every ready one when ids is empty); the
// others are recorded as skipped so the run log says why. Progress may be nil.
func (e *Engine) SyncSelected(ctx context.Context, opts Options, ids []int64, progress Progress) (Summary, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	sum := Summary{}
	// The options go in at the start: record only writes them for runs it starts.
	r := &store.Run{ProfileID: e.ProfileID, Kind: "sync", Options: runOptions(opts)}
	if err := e.Store.StartRun(ctx, r); err != nil {
		return sum, err
	}
	sum.RunID = r.ID
	err := e.syncSelected(ctx, opts, ids, progress, &sum)
	return sum, e.record(ctx, "sync", opts, &sum, err)
}

func (e *Engine) syncSelected(ctx context.Context, opts Options, ids []int64, progress Progress, sum *Summary) error {
	progress(PhaseResolve, 0, 0)
	n, err := e.Resolve(ctx)
	sum.Resolved = n
	if err != nil {
		return err
	}
	progress(PhaseRead, 0, 0)
	snap, err := PullWindow(ctx, e.Autotask, opts.Window, opts.LedgerNumbering)
	if err != nil {
		return err
	}
	plan, err := e.plan(ctx, snap, opts)
	if err != nil {
		return err
	}
	sum.Plan = plan
	total := selectInvoices(plan, ids)
	pe := *e
	pe.Ledger = &progressLedger{Ledger: e.Ledger, total: total, progress: progress}
	return pe.push(ctx, plan, opts, sum)
}

// selectInvoices turns every send or void not in ids into a skip with a
// note, and returns how many invoices are left to send.
func selectInvoices(plan *Plan, ids []int64) int {
	ticked := make(map[int64]bool, len(ids))
	for _, id := range ids {
		ticked[id] = true
	}
	total := 0
	for i := range plan.Invoices {
		p := &plan.Invoices[i]
		if p.Blocked() || (p.Action != ActionSend && p.Action != ActionVoid) {
			continue
		}
		if len(ids) > 0 && !ticked[p.InvoiceID] {
			p.Action = ActionSkip
			p.Notes = append(p.Notes, "not ticked in the preview; left for a later run")
			continue
		}
		if p.Action == ActionSend {
			total++
		}
	}
	return total
}

// progressLedger reports the ledger calls a push makes as phases and counts.
type progressLedger struct {
	ledger.Ledger
	total    int
	progress Progress

	mu   sync.Mutex
	sent int
}

func (l *progressLedger) SaveCustomers(ctx context.Context, cs []ledger.Customer, key string) ([]ledger.Result, error) {
	l.progress(PhaseCustomers, 0, len(cs))
	return l.Ledger.SaveCustomers(ctx, cs, key)
}

func (l *progressLedger) CreateDocuments(ctx context.Context, docs []ledger.Document, key string) ([]ledger.Result, error) {
	res, err := l.Ledger.CreateDocuments(ctx, docs, key)
	l.mu.Lock()
	l.sent += len(docs)
	done := min(l.sent, l.total)
	l.mu.Unlock()
	l.progress(PhaseSend, done, l.total)
	if done == l.total {
		// The documents are in; the engine now marks them in Autotask.
		l.progress(PhaseWriteBack, 0, 0)
	}
	return res, err
}

func (l *progressLedger) SettlementsSince(ctx context.Context, t time.Time) ([]ledger.Settlement, error) {
	l.progress(PhasePayments, 0, 0)
	return l.Ledger.SettlementsSince(ctx, t)
}
