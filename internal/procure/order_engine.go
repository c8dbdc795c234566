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

// OrderEngine sends one profile's submitted Autotask purchase orders to one
// ledger organisation as ledger purchase orders.
type OrderEngine struct {
	Store        *store.Store
	Autotask     *autotask.Client
	Ledger       OrderLedger
	ProfileID    int64
	Organisation string
	Settings     Settings
	Window       Window // purchase orders submitted in it
	Log          *slog.Logger
}

// OrderSummary is what an order run did.
type OrderSummary struct {
	DryRun   bool       `json:"dryRun"`
	Planned  int        `json:"planned"`
	Sent     int        `json:"sent"`
	Failed   int        `json:"failed"`
	Blocked  int        `json:"blocked"`
	Skipped  int        `json:"skipped"`
	Resolved int        `json:"resolved"`
	Created  int        `json:"created"`
	Plan     *OrderPlan `json:"plan"`
	Lines    []Line     `json:"lines"`
}

func (s OrderSummary) String() string {
	return headline("purchase orders", s.DryRun, s.Planned, s.Sent, s.Failed, s.Blocked, s.Skipped) +
		fmt.Sprintf(", %d suppliers created", s.Created)
}

func orderSummary(t tally, plan *OrderPlan) OrderSummary {
	return OrderSummary{DryRun: t.dryRun, Planned: t.planned, Sent: t.sent, Failed: t.failed, Blocked: t.blocked, Skipped: t.skipped,
		Resolved: t.resolved, Created: t.created, Plan: plan, Lines: t.lines}
}

// keyParts lead the engine's idempotency keys: the bills' with "orders".
func (e *OrderEngine) keyParts(parts ...string) []string {
	return append([]string{strconv.FormatInt(e.ProfileID, 10), e.Organisation, e.Ledger.Kind(), "orders"}, parts...)
}

// suppliers are linked once per organisation, for bills and orders alike.
func (e *OrderEngine) suppliers() supplierLinks {
	return supplierLinks{st: e.Store, profileID: e.ProfileID, organisation: e.Organisation, ledger: e.Ledger, log: e.Log}
}

// journal is the organisation's orders (OrderJournal); an order is looked
// up by supplier and number, near its date.
func (e *OrderEngine) journal() journal[store.ProcureEntry] {
	j := procureJournal(e.Store, e.ProfileID, OrderJournal(e.Organisation))
	j.what, j.notes, j.log = "purchase orders", true, e.Log
	j.refused = func(en store.ProcureEntry, err error) string {
		return fmt.Sprintf("Purchase order %s: the ledger refused it: %s", en.Number, err)
	}
	j.find = func(ctx context.Context, rows []store.ProcureEntry) (map[string]string, error) {
		refs, keys, references := make([]OrderRef, len(rows)), make([][2]string, len(rows)), make([]string, len(rows))
		for i, r := range rows {
			var o Order
			_ = json.Unmarshal([]byte(r.Payload), &o)
			refs[i], keys[i], references[i] = OrderRef{VendorID: r.VendorID, Number: r.Number, Date: o.Date}, [2]string{r.VendorID, r.Number}, r.Reference
		}
		found, err := e.Ledger.FindOrders(ctx, refs)
		if err != nil {
			return nil, err
		}
		return byReference(references, keys, found, func(f FoundOrder) ([2]string, string) { return [2]string{f.VendorID, f.Number}, f.ID }), nil
	}
	return j
}

// Preview plans the window and sends nothing.
func (e *OrderEngine) Preview(ctx context.Context) (OrderSummary, error) {
	plan, err := e.plan(ctx)
	if err != nil {
		return OrderSummary{}, err
	}
	return orderSummary(preview(plan.Orders), plan), nil
}

// Run resolves orders an earlier run left 'sending', plans the window,
// creates missing suppliers when allowed, and sends the orders.
func (e *OrderEngine) Run(ctx context.Context) (OrderSummary, error) {
	var plan *OrderPlan
	f := flow[PlannedOrder, *PlannedOrder, store.ProcureEntry]{journal: e.journal(), batch: e.Ledger.BatchSize(), entry: e.entry,
		create: func(ctx context.Context, ps []*PlannedOrder, key string) ([]Result, error) {
			return e.Ledger.CreateOrders(ctx, docsOf(ps, func(p *PlannedOrder) Order { return p.Order }), key)
		},
		payee: (*PlannedOrder).payee,
		ready: func(ctx context.Context, ps []payee, t *tally) error {
			return e.suppliers().ready(ctx, ps, plan.VendorLinks, t, e.keyParts("vendors")...)
		}}
	_, t, err := f.run(ctx, func(ctx context.Context) ([]PlannedOrder, error) {
		var err error
		if plan, err = e.plan(ctx); err != nil {
			return nil, err
		}
		return plan.Orders, nil
	})
	return orderSummary(t, plan), err
}

// Resolve settles every order left 'sending' by looking it up by number
// and supplier: found → sent; not found → failed, to be sent again. It
// never resends.
func (e *OrderEngine) Resolve(ctx context.Context) (int, error) { return e.journal().resolve(ctx) }

func (e *OrderEngine) plan(ctx context.Context) (*OrderPlan, error) {
	snap, err := PullOrders(ctx, e.Autotask, e.Window)
	if err != nil {
		return nil, err
	}
	in, err := e.suppliers().planInput(ctx, OrderJournal(e.Organisation))
	if err != nil {
		return nil, err
	}
	in.Snapshot, in.Settings, in.MaxNumberLen = snap, e.Settings, e.Ledger.MaxOrderNumberLen()
	return PlanOrders(in), nil
}

// entry is an order's journal row as it is sent.
func (e *OrderEngine) entry(p *PlannedOrder) store.ProcureEntry {
	payload, _ := json.Marshal(p.Order)
	return store.ProcureEntry{ProfileID: e.ProfileID, Organisation: OrderJournal(e.Organisation), Reference: p.Order.Reference,
		PurchaseOrderID: p.Order.PurchaseOrderID, State: store.ProcureSending, VendorID: p.Order.VendorID, Number: p.Order.Number,
		IdempotencyKey: key(e.keyParts(p.Order.Reference, p.Hash)...), ContentHash: p.Hash, Currency: p.Order.Currency, Total: p.Order.Total(),
		Payload: string(payload)}
}
