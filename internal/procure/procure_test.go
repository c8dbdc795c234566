package procure_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/store"
)

// TestThreeShipmentsThreeBills: a purchase order received in three
// shipments becomes three bills; a second run sends nothing.
func TestThreeShipmentsThreeBills(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{})
			ctx := context.Background()
			sum, err := e.engine.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != 0 || sum.Blocked != 0 {
				t.Fatalf("%s\n%+v", sum, sum.Lines)
			}
			three := poBills(sum, "PO-4403")
			if len(three) != 3 {
				t.Fatalf("PO-4403: %d bills planned, want 3", len(three))
			}
			got := e.bills(t)
			for _, p := range three {
				if got[p.Bill.Number] != 1 {
					t.Errorf("%s is in the ledger %d times", p.Bill.Number, got[p.Bill.Number])
				}
				if len(p.Bill.Lines) != 2 || !p.Bill.Lines[0].Stocked {
					t.Errorf("%s: lines %+v, want two stocked lines", p.Bill.Reference, p.Bill.Lines)
				}
				if !strings.Contains(p.Bill.Lines[0].Description, "receiving batch "+p.Bill.Reference) {
					t.Errorf("%s: description %q lacks the batch", p.Bill.Reference, p.Bill.Lines[0].Description)
				}
			}
			firstCalls := e.lCalls.Total()
			t.Logf("%s: %s; ledger calls %d, Autotask calls %d", kind, sum, firstCalls, e.atCalls.Total())

			e.lCalls.Reset()
			e.atCalls.Reset()
			again, err := e.engine.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Sent != 0 || again.Skipped != sum.Sent {
				t.Errorf("re-run: %s; want nothing sent and %d already in the ledger", again, sum.Sent)
			}
			for n, c := range e.bills(t) {
				if c != 1 {
					t.Errorf("%s is in the ledger %d times after the re-run", n, c)
				}
			}
			t.Logf("re-run: ledger calls %d (%v), Autotask calls %d", e.lCalls.Total(), e.lCalls.Snapshot(), e.atCalls.Total())
			if e.lCalls.Total() > 4 {
				t.Errorf("re-run made %d ledger calls; reading suppliers and items should be all", e.lCalls.Total())
			}
		})
	}
}

// TestForeignCurrencyDropShip: the euro vendor's drop-shipped order is
// billed in euros, its supplier created, its lines on cost of sales.
func TestForeignCurrencyDropShip(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{})
			sum, err := e.engine.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			ps := poBills(sum, "PO-4404")
			if len(ps) != 1 {
				t.Fatalf("PO-4404: %d bills, want 1", len(ps))
			}
			b := ps[0].Bill
			if b.Currency != "EUR" || b.VendorName != "Senetic Europe B.V." || !ps[0].CreateVendor {
				t.Errorf("bill %+v", b)
			}
			for _, l := range b.Lines {
				if l.Stocked || l.Account != e.engine.Settings.CostOfSalesAccount {
					t.Errorf("drop-ship line %+v: want cost of sales", l)
				}
			}
			raw := e.bill(t, b.Reference)
			if raw == nil {
				t.Fatalf("%s not in the ledger", b.Number)
			}
			switch kind {
			case "xero":
				if raw["CurrencyCode"] != "EUR" || !strings.Contains(jsonOf(raw["LineItems"]), `"AccountCode":"310"`) {
					t.Errorf("Xero bill %s", jsonOf(raw))
				}
				if raw["Total"] != b.Total().StringFixed(2) && jsonOf(raw["Total"]) != b.Total().StringFixed(2) {
					t.Errorf("Xero total %v, want %s", raw["Total"], b.Total().StringFixed(2))
				}
			case "qbo":
				if jsonOf(raw["CurrencyRef"]) != `{"value":"EUR"}` || !strings.Contains(jsonOf(raw["Line"]), "AccountBasedExpenseLineDetail") {
					t.Errorf("QBO bill %s", jsonOf(raw))
				}
			}
		})
	}
}

// TestBlockingProblems names each problem that keeps a bill back.
func TestBlockingProblems(t *testing.T) {
	orphan := func(d autotasksim.Dataset) {
		d["PurchaseOrderItemReceiving"][0]["purchaseOrderItemID"] = json.Number("999999")
	}
	noCost := func(d autotasksim.Dataset) {
		for _, it := range d["PurchaseOrderItems"] {
			if it["orderID"] == d["PurchaseOrders"][len(d["PurchaseOrders"])-2]["id"] { // PO-4403
				it["unitCost"] = json.Number("0.0000")
				return
			}
		}
	}
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{edits: []func(autotasksim.Dataset){orphan, noCost}, skipSKUs: map[string]bool{"UBNT-U6PRO": true}})
			e.engine.Settings.CreateVendors = false
			sum, err := e.engine.Preview(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			codes := map[string]string{}
			for _, p := range sum.Plan.Bills {
				for _, pr := range p.Problems {
					codes[pr.Code] = pr.Message + " — " + pr.Fix
				}
			}
			for _, want := range []string{procure.ProblemUnmappedProduct, procure.ProblemVendorMissing, procure.ProblemNoPOLine, procure.ProblemCostMissing} {
				if codes[want] == "" {
					t.Errorf("no %s problem", want)
				} else {
					t.Logf("%s: %s", want, codes[want])
				}
			}
			if e.lCalls.Count("POST") > 0 || e.lCalls.Count("PUT") > 0 {
				t.Errorf("preview wrote to the ledger: %v", e.lCalls.Snapshot())
			}
			if sum.Blocked == 0 {
				t.Error("nothing blocked")
			}
		})
	}
}

// crashing lets the ledger accept the second call's bills and then "dies":
// the answer is lost and every later call fails, as when the process is
// killed between the ledger's commit and the journal's.
type crashing struct {
	procure.Ledger
	calls int
	dead  bool
}

var errCrash = errors.New("crash: process killed")

func (c *crashing) CreateBills(ctx context.Context, bills []procure.Bill, key string) ([]procure.Result, error) {
	if c.dead {
		return nil, errCrash
	}
	res, err := c.Ledger.CreateBills(ctx, bills, key)
	if c.calls++; c.calls == 2 && err == nil {
		c.dead = true
		return nil, errCrash
	}
	return res, err
}

func (c *crashing) FindBills(ctx context.Context, refs []procure.BillRef) ([]procure.Found, error) {
	if c.dead {
		return nil, errCrash
	}
	return c.Ledger.FindBills(ctx, refs)
}

func TestCrashAfterLedgerAcceptedResolvesByLookup(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{})
			ctx := context.Background()
			real := e.engine.Ledger
			if kind == "xero" {
				e.engine.Ledger = &crashing{Ledger: smallBatches{real}}
			} else {
				e.engine.Ledger = &crashing{Ledger: real}
			}
			if _, err := e.engine.Run(ctx); !errors.Is(err, errCrash) {
				t.Fatalf("first run: %v, want the crash", err)
			}
			sending, _ := e.store.ProcureJournal(ctx, e.engine.ProfileID, "", store.ProcureSending)
			if len(sending) == 0 {
				t.Fatal("no journal row left 'sending' by the crash")
			}
			before := e.bills(t)
			e.engine.Ledger = real
			sum, err := e.engine.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Resolved != len(sending) {
				t.Errorf("resolved %d, want %d", sum.Resolved, len(sending))
			}
			after := e.bills(t)
			for _, j := range sending {
				if before[j.Number] != 1 || after[j.Number] != 1 {
					t.Errorf("%s: %d in the ledger before the restart, %d after; want exactly 1", j.Number, before[j.Number], after[j.Number])
				}
			}
			for n, c := range after {
				if c != 1 {
					t.Errorf("%s is in the ledger %d times", n, c)
				}
			}
			left, _ := e.store.ProcureJournal(ctx, e.engine.ProfileID, "", store.ProcureSending, store.ProcureFailed)
			if len(left) != 0 {
				t.Errorf("%d journal rows not sent after the restart", len(left))
			}
			t.Logf("%s: after restart %s", kind, sum)
		})
	}
}

// smallBatches sends Xero bills two at a time, so a crash lands mid-run.
type smallBatches struct{ procure.Ledger }

func (smallBatches) BatchSize() int { return 2 }

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
