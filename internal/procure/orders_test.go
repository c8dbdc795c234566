package procure_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/store"
)

// orderEngine is the purchase-order engine over an env's ledger.
func orderEngine(t *testing.T, e *env) *procure.OrderEngine {
	t.Helper()
	ol, ok := e.engine.Ledger.(procure.OrderLedger)
	if !ok {
		t.Fatalf("%s keeps no purchase orders", e.name)
	}
	return &procure.OrderEngine{Store: e.store, Autotask: e.engine.Autotask, Ledger: ol, ProfileID: e.engine.ProfileID,
		Settings: e.engine.Settings, Window: e.engine.Window}
}

// ledgerOrders counts the ledger's live purchase orders by number.
func ledgerOrders(t *testing.T, oe *procure.OrderEngine, plan *procure.OrderPlan) map[string]int {
	t.Helper()
	var refs []procure.OrderRef
	for _, p := range plan.Orders {
		refs = append(refs, procure.OrderRef{VendorID: p.Order.VendorID, Number: p.Order.Number, Date: p.Order.Date})
	}
	found, err := oe.Ledger.FindOrders(context.Background(), refs)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, f := range found {
		out[f.Number]++
	}
	return out
}

// TestOrdersSentOnceAndReferenced: every submitted Autotask purchase order
// becomes one ledger purchase order, a re-run sends none, the bills' engine
// is not disturbed, and SentOrders gives bills what to reference.
func TestOrdersSentOnceAndReferenced(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{})
			oe := orderEngine(t, e)
			ctx := context.Background()
			sum, err := oe.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Sent == 0 || sum.Failed != 0 || sum.Blocked != 0 {
				t.Fatalf("%s\n%+v", sum, sum.Lines)
			}
			t.Logf("%s: %s; ledger calls %v", kind, sum, e.lCalls.Snapshot())
			got := ledgerOrders(t, oe, sum.Plan)
			var eur *procure.Order
			for i, p := range sum.Plan.Orders {
				if got[p.Order.Number] != 1 {
					t.Errorf("%s (%s) is in the ledger %d times", p.Order.Number, p.Order.Reference, got[p.Order.Number])
				}
				if p.Order.Currency == "EUR" {
					eur = &sum.Plan.Orders[i].Order
				}
			}
			if eur == nil || eur.Number != "PO-4404" || eur.Lines[0].Stocked {
				t.Errorf("drop-ship order in euros: %+v", eur)
			}
			sent, err := procure.SentOrders(ctx, e.store, oe.ProfileID, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(sent) != sum.Sent {
				t.Errorf("SentOrders: %d, want %d", len(sent), sum.Sent)
			}
			for _, p := range sum.Plan.Orders {
				if o := sent[p.Order.PurchaseOrderID]; o.ID == "" || o.Number != p.Order.Number || o.Reference != "PO-"+itoa(p.Order.PurchaseOrderID) {
					t.Errorf("SentOrders[%d] = %+v", p.Order.PurchaseOrderID, o)
				}
			}

			e.lCalls.Reset()
			again, err := oe.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Sent != 0 || again.Skipped != sum.Sent {
				t.Errorf("re-run: %s; want nothing sent, %d already in the ledger", again, sum.Sent)
			}
			if e.lCalls.Count("POST")+e.lCalls.Count("PUT") != 0 {
				t.Errorf("re-run wrote to the ledger: %v", e.lCalls.Snapshot())
			}
			for n, c := range ledgerOrders(t, oe, sum.Plan) {
				if c != 1 {
					t.Errorf("%s is in the ledger %d times after the re-run", n, c)
				}
			}

			// The bills go on as before: the orders' journal is not theirs.
			bills, err := e.engine.Run(ctx)
			if err != nil || bills.Failed != 0 || bills.Resolved != 0 || bills.Sent == 0 {
				t.Errorf("bills after orders: %s, %v", bills, err)
			}
			rows, _ := e.store.ProcureJournal(ctx, oe.ProfileID, "")
			for _, r := range rows {
				if r.Reference[:3] != "RCV" {
					t.Errorf("bills' journal holds %s", r.Reference)
				}
			}
		})
	}
}

// TestOrdersOnlySubmitted: new and cancelled purchase orders stay out.
func TestOrdersOnlySubmitted(t *testing.T) {
	set := func(number string, status int) func(autotasksim.Dataset) {
		return func(d autotasksim.Dataset) {
			for _, po := range d["PurchaseOrders"] {
				if po["purchaseOrderNumber"] == number {
					po["status"] = json.Number(itoa(int64(status)))
				}
			}
		}
	}
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{edits: []func(autotasksim.Dataset){set("PO-4403", 1), set("PO-4404", 5)}})
			sum, err := orderEngine(t, e).Preview(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Plan.Orders) == 0 {
				t.Fatal("nothing planned")
			}
			for _, p := range sum.Plan.Orders {
				if p.Order.Number == "PO-4403" || p.Order.Number == "PO-4404" {
					t.Errorf("%s planned though new or cancelled", p.Order.Number)
				}
			}
		})
	}
}

// TestOrdersBlockingProblems: an unlinked vendor and a product without a
// ledger item keep the order back, and the preview writes nothing.
func TestOrdersBlockingProblems(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{skipSKUs: map[string]bool{"UBNT-U6PRO": true}})
			oe := orderEngine(t, e)
			oe.Settings.CreateVendors = false
			sum, err := oe.Preview(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			codes := map[string]bool{}
			for _, p := range sum.Plan.Orders {
				for _, pr := range p.Problems {
					codes[pr.Code] = true
				}
			}
			if !codes[procure.ProblemVendorMissing] || !codes[procure.ProblemUnmappedProduct] || sum.Blocked == 0 {
				t.Errorf("problems %v, %d blocked", codes, sum.Blocked)
			}
			if e.lCalls.Count("POST")+e.lCalls.Count("PUT") != 0 {
				t.Errorf("preview wrote to the ledger: %v", e.lCalls.Snapshot())
			}
		})
	}
}

// crashingOrders lets the ledger accept the second call's orders and then
// dies, as crashing does for bills.
type crashingOrders struct {
	procure.OrderLedger
	calls int
	dead  bool
}

func (c *crashingOrders) BatchSize() int { return 2 }

func (c *crashingOrders) CreateOrders(ctx context.Context, orders []procure.Order, key string) ([]procure.Result, error) {
	if c.dead {
		return nil, errCrash
	}
	res, err := c.OrderLedger.CreateOrders(ctx, orders, key)
	if c.calls++; c.calls == 2 && err == nil {
		c.dead = true
		return nil, errCrash
	}
	return res, err
}

func (c *crashingOrders) FindOrders(ctx context.Context, refs []procure.OrderRef) ([]procure.FoundOrder, error) {
	if c.dead {
		return nil, errCrash
	}
	return c.OrderLedger.FindOrders(ctx, refs)
}

func TestOrdersCrashResolvedByLookup(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{})
			oe := orderEngine(t, e)
			ctx := context.Background()
			real := oe.Ledger
			oe.Ledger = &crashingOrders{OrderLedger: real}
			if _, err := oe.Run(ctx); !errors.Is(err, errCrash) {
				t.Fatalf("first run: %v, want the crash", err)
			}
			sending, _ := e.store.ProcureJournal(ctx, oe.ProfileID, procure.OrderJournal(""), store.ProcureSending)
			if len(sending) == 0 {
				t.Fatal("no journal row left 'sending' by the crash")
			}
			oe.Ledger = real
			sum, err := oe.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Resolved != len(sending) {
				t.Errorf("resolved %d, want %d", sum.Resolved, len(sending))
			}
			all, _ := e.store.ProcureJournal(ctx, oe.ProfileID, procure.OrderJournal(""))
			var refs []procure.OrderRef
			for _, j := range all {
				if j.State != store.ProcureSent {
					t.Errorf("%s is %s after the restart", j.Reference, j.State)
				}
				var o procure.Order
				_ = json.Unmarshal([]byte(j.Payload), &o)
				refs = append(refs, procure.OrderRef{VendorID: j.VendorID, Number: j.Number, Date: o.Date})
			}
			found, err := real.FindOrders(ctx, refs)
			if err != nil {
				t.Fatal(err)
			}
			count := map[string]int{}
			for _, f := range found {
				count[f.Number]++
			}
			for _, j := range all {
				if count[j.Number] != 1 {
					t.Errorf("%s is in the ledger %d times", j.Number, count[j.Number])
				}
			}
			if len(all) < 3 {
				t.Errorf("only %d orders journaled", len(all))
			}
			t.Logf("%s: after restart %s", kind, sum)
		})
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
