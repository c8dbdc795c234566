package exact_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
)

const (
	supplierID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
	itemID     = "9a4b1c2d-0000-4000-8000-0000000000a1"
)

func validOrder() exact.PurchaseOrder {
	return exact.PurchaseOrder{Supplier: supplierID, YourRef: "IM-1/RCV-7", Description: "PO-4403 receipt RCV-7", Currency: "USD",
		OrderDate: exact.NewDate(2024, 5, 4), PurchaseOrderLines: exact.Lines[exact.PurchaseOrderLine]{{Item: itemID, Description: "Laptop",
			QuantityInPurchaseUnits: money.FromInt(4), NetPrice: money.MustParse("1212.55")}}}
}

// TestPurchaseOrderValidatedLocally: what Exact would refuse never leaves
// the client, so it cannot count towards Exact's error block.
func TestPurchaseOrderValidatedLocally(t *testing.T) {
	for name, edit := range map[string]func(*exact.PurchaseOrder){
		"no supplier":       func(po *exact.PurchaseOrder) { po.Supplier = "" },
		"supplier not guid": func(po *exact.PurchaseOrder) { po.Supplier = "1002" },
		"no lines":          func(po *exact.PurchaseOrder) { po.PurchaseOrderLines = nil },
		"no item":           func(po *exact.PurchaseOrder) { po.PurchaseOrderLines[0].Item = "" },
		"zero quantity":     func(po *exact.PurchaseOrder) { po.PurchaseOrderLines[0].QuantityInPurchaseUnits = money.Zero },
		"negative price":    func(po *exact.PurchaseOrder) { po.PurchaseOrderLines[0].NetPrice = money.MustParse("-1") },
		"your ref too long": func(po *exact.PurchaseOrder) { po.YourRef = strings.Repeat("9", 31) },
		"description long":  func(po *exact.PurchaseOrder) { po.PurchaseOrderLines[0].Description = strings.Repeat("d", 61) },
		"currency":          func(po *exact.PurchaseOrder) { po.Currency = "EURO" },
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, created(nil))
			po := validOrder()
			edit(&po)
			_, err := f.client().CreatePurchaseOrder(context.Background(), po)
			if apperr.CodeOf(err) != apperr.Invalid || len(f.requests()) != 0 {
				t.Fatalf("err %v, %d requests", err, len(f.requests()))
			}
		})
	}
}

// TestPurchaseOrderRequest checks what is sent: the deep insert with the
// writable fields only, Prefer: return=representation, and the lookup by
// YourRef with $select.
func TestPurchaseOrderRequest(t *testing.T) {
	f := newFake(t, created(map[string]any{"PurchaseOrderID": "7d8e9f00-0000-4000-8000-000000000001", "OrderNumber": 12}))
	c := f.client()
	po := validOrder()
	po.OrderNumber, po.SupplierName, po.AmountFC = 99, "ignored", money.FromInt(5)
	saved, err := c.CreatePurchaseOrder(context.Background(), po)
	if err != nil || saved.OrderNumber != 12 {
		t.Fatalf("create: %+v %v", saved, err)
	}
	r := f.requests()[0]
	if r.Method != "POST" || !strings.HasSuffix(r.Path, "/purchaseorder/PurchaseOrders") || r.Header.Get("Prefer") != "return=representation" {
		t.Fatalf("request %s %s %v", r.Method, r.Path, r.Header)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"OrderNumber", "SupplierName", "AmountFC", "PurchaseOrderID"} {
		if _, ok := body[f]; ok {
			t.Errorf("sent %s: %s", f, r.Body)
		}
	}
	line := body["PurchaseOrderLines"].([]any)[0].(map[string]any)
	if line["QuantityInPurchaseUnits"] != float64(4) || line["NetPrice"] != 1212.55 || line["Item"] != itemID || body["OrderDate"] != "2024-05-04T00:00:00" {
		t.Errorf("body %s", r.Body)
	}

	f2 := newFake(t, ok(`{"d":{"results":[]}}`))
	if _, err := f2.client().PurchaseOrdersByYourRef(context.Background(), []string{"IM-1/RCV-7", "O'Neil/RCV-8"}); err != nil {
		t.Fatal(err)
	}
	q := f2.requests()[0].Query
	if q.Get("$filter") != "YourRef eq 'IM-1/RCV-7' or YourRef eq 'O''Neil/RCV-8'" || !strings.Contains(q.Get("$select"), "YourRef") {
		t.Errorf("lookup query %v", q)
	}
}
