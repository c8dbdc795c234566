package exactsim_test

import (
	"strings"
	"testing"

	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// TestPurchaseOrders checks the purchase order rules: a supplier account,
// purchase items, QuantityInPurchaseUnits, lengths, $select and the YourRef
// lookup.
func TestPurchaseOrders(t *testing.T) {
	s, _ := newServer(t, nil)
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	created := func(r resp) map[string]any {
		t.Helper()
		d, _ := r.body["d"].(map[string]any)
		if r.status != 201 || d == nil {
			t.Fatalf("create: %d %s", r.status, r.raw)
		}
		return d
	}
	sup := created(do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Ingram Micro", "IsSupplier": true, "IsSales": false}, prefer, "return=representation"))
	cust := created(do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Only a customer"}, prefer, "return=representation"))
	item := created(do(t, s, tok, "POST", dpath("logistics/Items"), map[string]any{"Code": "UBNT-U6PRO", "Description": "UniFi U6 Pro", "CostPriceStandard": 129.5}, prefer, "return=representation"))
	if item["IsPurchaseItem"] != true {
		t.Errorf("new item is not a purchase item: %v", item)
	}
	noBuy := created(do(t, s, tok, "POST", dpath("logistics/Items"), map[string]any{"Code": "SVC", "Description": "Service", "IsPurchaseItem": false}, prefer, "return=representation"))
	for name, c := range map[string]struct {
		body map[string]any
		msg  string
	}{
		"duplicate item code": {nil, ""},
		"no supplier":         {map[string]any{"PurchaseOrderLines": []any{map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 1}}}, "Mandatory: Supplier"},
		"not a supplier":      {map[string]any{"Supplier": cust["ID"], "PurchaseOrderLines": []any{map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 1}}}, "is not a supplier"},
		"no lines":            {map[string]any{"Supplier": sup["ID"]}, "at least one line"},
		"quantity only":       {map[string]any{"Supplier": sup["ID"], "PurchaseOrderLines": []any{map[string]any{"Item": item["ID"], "Quantity": 2}}}, "Mandatory: QuantityInPurchaseUnits"},
		"not a purchase item": {map[string]any{"Supplier": sup["ID"], "PurchaseOrderLines": []any{map[string]any{"Item": noBuy["ID"], "QuantityInPurchaseUnits": 1}}}, "is not a purchase item"},
		"unknown item":        {map[string]any{"Supplier": sup["ID"], "PurchaseOrderLines": []any{map[string]any{"Item": "0b0b0b0b-0000-4000-8000-000000000000", "QuantityInPurchaseUnits": 1}}}, "does not exist"},
		"your ref too long":   {map[string]any{"Supplier": sup["ID"], "YourRef": strings.Repeat("x", 31), "PurchaseOrderLines": []any{map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 1}}}, "YourRef"},
		"unknown currency":    {map[string]any{"Supplier": sup["ID"], "Currency": "JPY", "PurchaseOrderLines": []any{map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 1}}}, "Currency"},
		"unknown field":       {map[string]any{"Supplier": sup["ID"], "PurchaseOrderNumber": "X", "PurchaseOrderLines": []any{map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 1}}}, "PurchaseOrderNumber"},
	} {
		if c.body == nil {
			if r := do(t, s, tok, "POST", dpath("logistics/Items"), map[string]any{"Code": "ubnt-u6pro", "Description": "again"}); r.status != 400 {
				t.Errorf("%s: %d %s", name, r.status, r.raw)
			}
			continue
		}
		if r := do(t, s, tok, "POST", dpath("purchaseorder/PurchaseOrders"), c.body); r.status != 400 || !strings.Contains(errMsg(r), c.msg) {
			t.Errorf("%s: %d %s, want 400 naming %q", name, r.status, r.raw, c.msg)
		}
	}
	po := created(do(t, s, tok, "POST", dpath("purchaseorder/PurchaseOrders"), map[string]any{"Supplier": sup["ID"], "YourRef": "IM-1/RCV-7",
		"Currency": "USD", "OrderDate": "2024-05-04", "PurchaseOrderLines": []any{
			map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 3, "NetPrice": 129.555},
			map[string]any{"Item": item["ID"], "QuantityInPurchaseUnits": 1},
		}}, prefer, "return=representation"))
	lines := po["PurchaseOrderLines"].(map[string]any)["results"].([]any)
	l0 := lines[0].(map[string]any)
	if po["OrderNumber"] != float64(1) || po["SupplierName"] != "Ingram Micro" || po["OrderStatus"] != float64(10) || po["AmountFC"] != 518.17 ||
		l0["Quantity"] != float64(3) || l0["AmountFC"] != 388.67 || l0["ItemCode"] != "UBNT-U6PRO" || lines[1].(map[string]any)["NetPrice"] != 129.5 {
		t.Errorf("created order: %v", po)
	}
	if r := do(t, s, tok, "GET", q("purchaseorder/PurchaseOrders", "$filter", "YourRef eq 'IM-1/RCV-7'"), nil); r.status != 400 {
		t.Errorf("no $select: %d", r.status)
	}
	got := results(t, do(t, s, tok, "GET", q("purchaseorder/PurchaseOrders", "$select", "PurchaseOrderID,YourRef,Supplier", "$filter", "YourRef eq 'IM-1/RCV-7' or YourRef eq 'nope'"), nil))
	if len(got) != 1 || got[0]["PurchaseOrderID"] != po["PurchaseOrderID"] {
		t.Errorf("lookup by YourRef: %v", got)
	}
}
