package procure_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// TestBillsReferenceTheirOrders: with the purchase orders sent first, the
// bills of PO-4403's three shipments reference its ledger order (QuickBooks:
// LinkedTxn on every line; Xero: the numbers in every line description and
// the order BILLED after the last shipment), the bill of a PO never sent
// (PO-4404, left new) carries nothing and still sends, and a re-run writes
// nothing.
func TestBillsReferenceTheirOrders(t *testing.T) {
	notSent := func(d autotasksim.Dataset) {
		for _, po := range d["PurchaseOrders"] {
			if po["purchaseOrderNumber"] == "PO-4404" {
				po["status"] = json.Number("1") // New: not submitted
			}
		}
	}
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newEnv(t, kind, setup{edits: []func(autotasksim.Dataset){notSent}})
			e.engine.Settings.Approve = true
			oe := orderEngine(t, e)
			ctx := context.Background()
			if sum, err := oe.Run(ctx); err != nil || sum.Sent == 0 || sum.Failed != 0 {
				t.Fatalf("orders: %v, %v", sum, err)
			}
			sent, err := procure.SentOrders(ctx, e.store, e.engine.ProfileID, "")
			if err != nil {
				t.Fatal(err)
			}
			sum, err := e.engine.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != 0 || sum.Blocked != 0 || sum.Sent == 0 {
				t.Fatalf("%s\n%+v", sum, sum.Lines)
			}
			three := poBills(sum, "PO-4403")
			if len(three) != 3 {
				t.Fatalf("PO-4403: %d bills, want 3", len(three))
			}
			order := sent[three[0].Bill.PurchaseOrderID]
			for _, p := range three {
				if p.Bill.LedgerOrderID != order.ID || p.Bill.LedgerOrderNumber != order.Number || order.ID == "" {
					t.Errorf("%s references %q %q, want %+v", p.Bill.Reference, p.Bill.LedgerOrderID, p.Bill.LedgerOrderNumber, order)
				}
				lines := billLines(t, e, p.Bill.Number)
				for _, l := range lines {
					switch kind {
					case "qbo":
						links, _ := l["LinkedTxn"].([]any)
						lt, _ := func() (map[string]any, bool) {
							if len(links) != 1 {
								return nil, false
							}
							m, ok := links[0].(map[string]any)
							return m, ok
						}()
						if lt["TxnId"] != order.ID || lt["TxnType"] != "PurchaseOrder" {
							t.Errorf("%s line links %v, want PurchaseOrder %s", p.Bill.Reference, links, order.ID)
						}
					case "xero":
						if d, _ := l["Description"].(string); !strings.HasSuffix(d, "PO-4403 → Xero "+order.Number) {
							t.Errorf("%s line description %q does not name the orders", p.Bill.Reference, d)
						}
					}
				}
			}
			if kind == "xero" && !contains(sum.OrdersBilled, order.Number) {
				t.Errorf("orders marked billed %v, want %s", sum.OrdersBilled, order.Number)
			}
			for _, p := range poBills(sum, "PO-4404") {
				if p.Bill.LedgerOrderID != "" || p.Bill.LedgerOrderNumber != "" {
					t.Errorf("%s references an order never sent: %+v", p.Bill.Reference, p.Bill)
				}
				for _, l := range billLines(t, e, p.Bill.Number) {
					if l["LinkedTxn"] != nil || strings.Contains(l["Description"].(string), "→") {
						t.Errorf("%s line names an order: %v", p.Bill.Reference, l)
					}
				}
			}

			e.lCalls.Reset()
			again, err := e.engine.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Sent != 0 || again.Skipped != sum.Sent || len(again.OrdersBilled) != 0 {
				t.Errorf("re-run: %s, orders billed %v; want nothing sent", again, again.OrdersBilled)
			}
			if n := e.lCalls.Count("POST") + e.lCalls.Count("PUT"); n != 0 {
				t.Errorf("re-run wrote to the ledger: %v", e.lCalls.Snapshot())
			}
			t.Logf("%s: %s; orders billed %v; re-run ledger calls %v", kind, sum, sum.OrdersBilled, e.lCalls.Snapshot())
		})
	}
}

// billLines are the lines of the ledger's bill with number, as the ledger
// keeps them.
func billLines(t *testing.T, e *env, number string) []map[string]any {
	t.Helper()
	b := e.bill(t, number)
	if b == nil {
		t.Fatalf("bill %s is not in the ledger", number)
	}
	key := "Line"
	if e.name == "xero" {
		key = "LineItems"
	}
	raw, _ := b[key].([]any)
	var out []map[string]any
	for _, v := range raw {
		out = append(out, v.(map[string]any))
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
