package procure

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/store"
)

// Engine bills one profile's goods receipts into one ledger organisation.
type Engine struct {
	Store        *store.Store
	Autotask     *autotask.Client
	Ledger       Ledger
	ProfileID    int64
	Organisation string // "" is the profile's own organisation
	Settings     Settings
	Window       Window
	Log          *slog.Logger // default discards
}

// Summary is what a run did.
type Summary struct {
	DryRun   bool        `json:"dryRun"`
	Planned  int         `json:"planned"`
	Sent     int         `json:"sent"`
	Failed   int         `json:"failed"`
	Blocked  int         `json:"blocked"`
	Skipped  int         `json:"skipped"`
	Resolved int         `json:"resolved"` // 'sending' rows settled by lookup
	Created  int         `json:"created"`  // suppliers created
	Plan     *PlanResult `json:"plan"`
	Lines    []Line      `json:"lines"`
	// OrdersBilled are the ledger purchase orders marked billed by this
	// run, by number (Xero; QuickBooks closes its orders itself).
	OrdersBilled []string `json:"ordersBilled,omitempty"`
}

func (s Summary) String() string {
	return headline("purchases", s.DryRun, s.Planned, s.Sent, s.Failed, s.Blocked, s.Skipped) +
		fmt.Sprintf(", %d suppliers created", s.Created)
}

func billSummary(t tally, plan *PlanResult) Summary {
	return Summary{DryRun: t.dryRun, Planned: t.planned, Sent: t.sent, Failed: t.failed, Blocked: t.blocked, Skipped: t.skipped,
		Resolved: t.resolved, Created: t.created, Plan: plan, Lines: t.lines}
}

// keyParts lead the engine's idempotency keys.
func (e *Engine) keyParts(parts ...string) []string {
	return append([]string{strconv.FormatInt(e.ProfileID, 10), e.Organisation, e.Ledger.Kind()}, parts...)
}

func (e *Engine) suppliers() supplierLinks {
	return supplierLinks{st: e.Store, profileID: e.ProfileID, organisation: e.Organisation, ledger: e.Ledger, log: e.Log}
}

// journal is the organisation's bills; a bill is looked up by supplier and
// number.
func (e *Engine) journal() journal[store.ProcureEntry] {
	j := procureJournal(e.Store, e.ProfileID, e.Organisation)
	j.what, j.notes, j.log = "bills", true, e.Log
	j.refused = func(en store.ProcureEntry, err error) string {
		return fmt.Sprintf("Receipt %s: the ledger refused the bill: %s", en.Reference, err)
	}
	j.find = func(ctx context.Context, rows []store.ProcureEntry) (map[string]string, error) {
		refs, references := make([]BillRef, len(rows)), make([]string, len(rows))
		for i, r := range rows {
			refs[i], references[i] = BillRef{VendorID: r.VendorID, Number: r.Number}, r.Reference
		}
		return findBills(ctx, e.Ledger, references, refs)
	}
	return j
}

// Preview plans the window and sends nothing.
func (e *Engine) Preview(ctx context.Context) (Summary, error) {
	plan, err := e.plan(ctx)
	if err != nil {
		return Summary{}, err
	}
	return billSummary(preview(plan.Bills), plan), nil
}

// Run resolves bills an earlier run left 'sending', then plans the window,
// creates missing suppliers when allowed, and sends the bills.
func (e *Engine) Run(ctx context.Context) (Summary, error) {
	var plan *PlanResult
	f := flow[Planned, *Planned, store.ProcureEntry]{journal: e.journal(), batch: e.Ledger.BatchSize(), entry: e.entry,
		create: func(ctx context.Context, ps []*Planned, key string) ([]Result, error) {
			return e.Ledger.CreateBills(ctx, docsOf(ps, billOf), key)
		},
		payee: func(p *Planned) payee { return p.payee("Receipt") },
		ready: func(ctx context.Context, ps []payee, t *tally) error {
			return e.suppliers().ready(ctx, ps, plan.VendorLinks, t, e.keyParts("vendors")...)
		}}
	_, t, err := f.run(ctx, func(ctx context.Context) ([]Planned, error) {
		var err error
		if plan, err = e.plan(ctx); err != nil {
			return nil, err
		}
		return plan.Bills, nil
	})
	sum := billSummary(t, plan)
	if ob, ok := e.Ledger.(OrderBiller); ok && err == nil && plan != nil {
		err = e.markOrdersBilled(ctx, ob, plan, &sum)
	}
	return sum, err
}

// Resolve settles every bill left 'sending' by looking it up in the ledger
// by supplier and number: found → sent; not found → failed, to be sent
// again. It never resends.
func (e *Engine) Resolve(ctx context.Context) (int, error) { return e.journal().resolve(ctx) }

// plan pulls the window and reads the ledger's suppliers and items, the
// stored links and the journal.
func (e *Engine) plan(ctx context.Context) (*PlanResult, error) {
	snap, err := Pull(ctx, e.Autotask, e.Window)
	if err != nil {
		return nil, err
	}
	in, err := e.suppliers().planInput(ctx, e.Organisation)
	if err != nil {
		return nil, err
	}
	in.Snapshot, in.Settings, in.MaxNumberLen = snap, e.Settings, e.Ledger.MaxNumberLen()
	if in.Orders, err = SentOrders(ctx, e.Store, e.ProfileID, e.Organisation); err != nil {
		return nil, fmt.Errorf("procure: read sent purchase orders: %w", err)
	}
	return Plan(in), nil
}

// entry is a bill's journal row as it is sent.
func (e *Engine) entry(p *Planned) store.ProcureEntry {
	payload, _ := json.Marshal(p.Bill)
	return store.ProcureEntry{ProfileID: e.ProfileID, Organisation: e.Organisation, Reference: p.Bill.Reference,
		PurchaseOrderID: p.Bill.PurchaseOrderID, ReceivingIDs: p.Bill.ReceivingIDs, State: store.ProcureSending, VendorID: p.Bill.VendorID,
		Number: p.Bill.Number, IdempotencyKey: key(e.keyParts(p.Bill.Reference, p.Hash)...), ContentHash: p.Hash, Currency: p.Bill.Currency,
		Total: p.Bill.Total(), Payload: string(payload)}
}

// findBills looks bills up by supplier and number: their ledger ids by
// journal reference.
func findBills(ctx context.Context, l Ledger, references []string, refs []BillRef) (map[string]string, error) {
	found, err := l.FindBills(ctx, refs)
	if err != nil {
		return nil, err
	}
	return byReference(references, refs, found, func(f Found) (BillRef, string) { return f.Ref, f.ID }), nil
}

func billOf(p *Planned) Bill { return p.Bill }
