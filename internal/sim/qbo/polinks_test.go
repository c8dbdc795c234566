package qbosim_test

import (
	"encoding/json"
	"net/url"
	"testing"

	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

// TestBillLinksPurchaseOrder: a bill line may link a purchase order of its
// own vendor only (Fault 620 otherwise, 2500 for one that does not exist),
// and the order closes once its bills reach its total.
func TestBillLinksPurchaseOrder(t *testing.T) {
	s, _ := start(t, qbosim.Options{})
	tok := token(s, gb)
	q := call(t, s, tok, gb, "GET", "query?query="+url.QueryEscape("select * from Item where Name like 'Serv%'"), nil)
	item := q.body["QueryResponse"].(map[string]any)["Item"].([]any)[0].(map[string]any)["Id"].(string)
	v1 := str(mustCreate(t, s, tok, gb, "Vendor", map[string]any{"DisplayName": "Supplier One"})["Id"])
	v2 := str(mustCreate(t, s, tok, gb, "Vendor", map[string]any{"DisplayName": "Supplier Two"})["Id"])
	line := func(amount string, link map[string]any) map[string]any {
		l := map[string]any{"Amount": json.Number(amount), "DetailType": "ItemBasedExpenseLineDetail",
			"ItemBasedExpenseLineDetail": map[string]any{"ItemRef": ref(item)}}
		if link != nil {
			l["LinkedTxn"] = []any{link}
		}
		return l
	}
	po := str(mustCreate(t, s, tok, gb, "PurchaseOrder", map[string]any{"VendorRef": ref(v1), "Line": []any{line("100.00", nil)}})["Id"])
	link := map[string]any{"TxnId": po, "TxnType": "PurchaseOrder"}
	bill := func(vendor, doc, amount string, link map[string]any) resp {
		return call(t, s, tok, gb, "POST", "bill?minorversion=75", map[string]any{"VendorRef": ref(vendor), "DocNumber": doc,
			"Line": []any{line(amount, link)}})
	}
	status := func() string {
		r := call(t, s, tok, gb, "GET", "purchaseorder/"+po+"?minorversion=75", nil)
		return str(entity(r, "PurchaseOrder")["POStatus"])
	}
	tests := []struct {
		name, vendor, amount string
		link                 map[string]any
		code, status         string
	}{
		{"other vendor's order", v2, "40.00", link, "620", "Open"},
		{"missing order", v1, "40.00", map[string]any{"TxnId": "9999", "TxnType": "PurchaseOrder"}, "2500", "Open"},
		{"part billed", v1, "40.00", link, "", "Open"},
		{"rest billed", v1, "60.00", link, "", "Closed"},
	}
	for i, tc := range tests {
		r := bill(tc.vendor, "B"+str(i), tc.amount, tc.link)
		if got := faultCode(r); got != tc.code {
			t.Errorf("%s: fault %q, want %q (%s)", tc.name, got, tc.code, r.raw)
		}
		if got := status(); got != tc.status {
			t.Errorf("%s: order %s, want %s", tc.name, got, tc.status)
		}
	}
}
