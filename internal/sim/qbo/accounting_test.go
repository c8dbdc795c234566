package qbosim_test

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

func TestCustomerAndItemRules(t *testing.T) {
	s, _ := start(t, qbosim.Options{})
	tok := token(s, us)
	c := mustCreate(t, s, tok, us, "Customer", map[string]any{"DisplayName": "Acme Corp", "CompanyName": "Acme"})
	tests := []struct {
		name, entity string
		body         map[string]any
		code         string
	}{
		{"duplicate display name, other case", "customer", map[string]any{"DisplayName": "ACME corp"}, "6240"},
		{"vendor with a customer's name", "vendor", map[string]any{"DisplayName": "Acme Corp"}, "6240"},
		{"display name too long", "customer", map[string]any{"DisplayName": strings.Repeat("x", 501)}, "2050"},
		{"unknown field", "customer", map[string]any{"DisplayName": "B", "Colour": "red"}, "2010"},
		{"service item without income account", "item", map[string]any{"Name": "Support", "Type": "Service"}, "2020"},
		{"income account that does not exist", "item", map[string]any{"Name": "Support", "Type": "Service", "IncomeAccountRef": ref("999")}, "2500"},
		{"duplicate item name", "item", map[string]any{"Name": "services", "Type": "Service", "IncomeAccountRef": ref("1")}, "6240"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, s, tok, us, "POST", tt.entity, tt.body)
			if r.status != 400 || faultCode(r) != tt.code {
				t.Fatalf("got %d %s, want code %s", r.status, r.raw, tt.code)
			}
		})
	}
	// sparse update with the current SyncToken, then a stale one
	r := call(t, s, tok, us, "POST", "customer", map[string]any{"Id": c["Id"], "SyncToken": "0", "sparse": true, "CompanyName": "Acme Inc"})
	if r.status != 200 || entity(r, "Customer")["SyncToken"] != "1" || entity(r, "Customer")["DisplayName"] != "Acme Corp" {
		t.Fatalf("sparse update: %s", r.raw)
	}
	r = call(t, s, tok, us, "POST", "customer", map[string]any{"Id": c["Id"], "SyncToken": "0", "sparse": true, "CompanyName": "X"})
	if faultCode(r) != "5010" {
		t.Fatalf("stale update: %s", r.raw)
	}
	if r := call(t, s, tok, us, "GET", "customer/424242", nil); faultCode(r) != "610" {
		t.Fatalf("read missing: %s", r.raw)
	}
}

func TestUSInvoiceTaxAndDocNumbers(t *testing.T) {
	s, _ := start(t, qbosim.Options{})
	tok := token(s, us)
	c := mustCreate(t, s, tok, us, "Customer", map[string]any{"DisplayName": "Acme"})
	inv := map[string]any{"DocNumber": "AT-1001", "CustomerRef": ref(c["Id"].(string)), "TxnDate": "2026-10-31",
		"Line": []any{
			map[string]any{"Amount": 150.00, "DetailType": "SalesItemLineDetail", "Description": "Labour",
				"SalesItemLineDetail": map[string]any{"ItemRef": ref("16"), "Qty": 1.5, "UnitPrice": 100, "TaxCodeRef": ref("TAX")}},
			map[string]any{"DetailType": "DescriptionOnly", "Description": "October"},
			map[string]any{"Amount": 33.33, "DetailType": "SalesItemLineDetail",
				"SalesItemLineDetail": map[string]any{"ItemRef": ref("16"), "TaxCodeRef": ref("NON")}},
		}}
	got := mustCreate(t, s, tok, us, "Invoice", inv)
	// automated sales tax: NY 4% + NYC 4.875% of the taxable 150.00 = 6.00 + 7.31
	if str(got["TotalAmt"]) != "196.64" || str(got["Balance"]) != "196.64" || str(got["TxnTaxDetail"].(map[string]any)["TotalTax"]) != "13.31" {
		t.Fatalf("totals: %v %v %v", got["TotalAmt"], got["Balance"], got["TxnTaxDetail"])
	}
	lines := got["Line"].([]any)
	if last := lines[len(lines)-1].(map[string]any); last["DetailType"] != "SubTotalLineDetail" || str(last["Amount"]) != "183.33" {
		t.Fatalf("subtotal line: %v", last)
	}
	if r := call(t, s, tok, us, "POST", "invoice", inv); faultCode(r) != "6140" {
		t.Fatalf("duplicate DocNumber: %s", r.raw)
	}
	bad := func(mut func(m map[string]any)) string {
		b := map[string]any{"CustomerRef": ref(c["Id"].(string)), "Line": []any{map[string]any{"Amount": 10, "DetailType": "SalesItemLineDetail",
			"SalesItemLineDetail": map[string]any{"ItemRef": ref("16"), "TaxCodeRef": ref("TAX")}}}}
		mut(b)
		return faultCode(call(t, s, tok, us, "POST", "invoice", b))
	}
	line := func(m map[string]any) map[string]any { return m["Line"].([]any)[0].(map[string]any) }
	for name, tc := range map[string]struct {
		mut  func(m map[string]any)
		code string
	}{
		"qty × price ≠ amount": {func(m map[string]any) {
			d := line(m)["SalesItemLineDetail"].(map[string]any)
			d["Qty"], d["UnitPrice"] = 2, 3
		}, "6070"},
		"US line with a real tax code":       {func(m map[string]any) { line(m)["SalesItemLineDetail"].(map[string]any)["TaxCodeRef"] = ref("5") }, "6100"},
		"GlobalTaxCalculation in the US":     {func(m map[string]any) { m["GlobalTaxCalculation"] = "TaxExcluded" }, "2010"},
		"DocNumber over 21":                  {func(m map[string]any) { m["DocNumber"] = strings.Repeat("9", 22) }, "2050"},
		"no customer":                        {func(m map[string]any) { delete(m, "CustomerRef") }, "2020"},
		"missing item":                       {func(m map[string]any) { line(m)["SalesItemLineDetail"].(map[string]any)["ItemRef"] = ref("777") }, "2500"},
		"foreign currency, no multicurrency": {func(m map[string]any) { m["CurrencyRef"] = ref("EUR") }, "6000"},
	} {
		if got := bad(tc.mut); got != tc.code {
			t.Errorf("%s: code %s, want %s", name, got, tc.code)
		}
	}
}

func TestNonUSInvoiceTax(t *testing.T) {
	s, _ := start(t, qbosim.Options{})
	tok := token(s, gb)
	q := call(t, s, tok, gb, "GET", "query?query="+url.QueryEscape("select * from TaxCode where Name = '20.0% S'"), nil)
	codes := q.body["QueryResponse"].(map[string]any)["TaxCode"].([]any)
	std := codes[0].(map[string]any)["Id"].(string)
	items := call(t, s, tok, gb, "GET", "query?query="+url.QueryEscape("select * from Item where Name like 'Serv%'"), nil)
	item := items.body["QueryResponse"].(map[string]any)["Item"].([]any)[0].(map[string]any)["Id"].(string)
	c := mustCreate(t, s, tok, gb, "Customer", map[string]any{"DisplayName": "Euro GmbH", "CurrencyRef": ref("EUR")})
	for _, tc := range []struct{ gtc, total, tax string }{
		{"TaxExcluded", "120.00", "20.00"},
		{"TaxInclusive", "100.00", "16.67"},
		{"NotApplicable", "100.00", "0.00"},
	} {
		inv := mustCreate(t, s, tok, gb, "Invoice", map[string]any{"CustomerRef": ref(c["Id"].(string)), "GlobalTaxCalculation": tc.gtc,
			"CurrencyRef": ref("EUR"), "ExchangeRate": 0.86,
			"Line": []any{map[string]any{"Amount": 100, "DetailType": "SalesItemLineDetail",
				"SalesItemLineDetail": map[string]any{"ItemRef": ref(item), "TaxCodeRef": ref(std)}}}})
		if str(inv["TotalAmt"]) != tc.total || str(inv["TxnTaxDetail"].(map[string]any)["TotalTax"]) != tc.tax {
			t.Errorf("%s: total %v tax %v", tc.gtc, inv["TotalAmt"], inv["TxnTaxDetail"])
		}
		if tc.gtc == "TaxExcluded" && str(inv["HomeTotalAmt"]) != "103.20" {
			t.Errorf("home total %v", inv["HomeTotalAmt"])
		}
	}
	r := call(t, s, tok, gb, "POST", "invoice", map[string]any{"CustomerRef": ref(c["Id"].(string)),
		"Line": []any{map[string]any{"Amount": 100, "DetailType": "SalesItemLineDetail", "SalesItemLineDetail": map[string]any{"ItemRef": ref(item)}}}})
	if faultCode(r) != "6000" {
		t.Fatalf("line without tax code: %s", r.raw)
	}
}

func TestQueryBatchRequestIDAndPayments(t *testing.T) {
	s, clk := start(t, qbosim.Options{})
	tok := token(s, us)
	c := mustCreate(t, s, tok, us, "Customer", map[string]any{"DisplayName": "Acme"})
	line := []any{map[string]any{"Amount": 100, "DetailType": "SalesItemLineDetail", "SalesItemLineDetail": map[string]any{"ItemRef": ref("16")}}}
	var items []any
	for i := 1; i <= 30; i++ {
		items = append(items, map[string]any{"bId": fmt.Sprint(i), "operation": "create",
			"Invoice": map[string]any{"DocNumber": fmt.Sprint(2000 + i%29), "CustomerRef": ref(c["Id"].(string)), "Line": line}})
	}
	r := call(t, s, tok, us, "POST", "batch?requestid=batch-1", map[string]any{"BatchItemRequest": items})
	out := r.body["BatchItemResponse"].([]any)
	if r.status != 200 || len(out) != 30 {
		t.Fatalf("batch: %d %s", r.status, r.raw)
	}
	if last := out[29].(map[string]any); last["bId"] != "30" || last["Fault"] == nil {
		t.Fatalf("item 30 reuses item 1's DocNumber and must fail: %v", last)
	}
	again := call(t, s, tok, us, "POST", "batch?requestid=batch-1", map[string]any{"BatchItemRequest": items})
	if again.raw != r.raw {
		t.Fatal("the same requestid did not replay the first answer")
	}
	cnt := call(t, s, tok, us, "GET", "query?query="+url.QueryEscape("select count(*) from Invoice"), nil)
	if str(cnt.body["QueryResponse"].(map[string]any)["totalCount"]) != "29" {
		t.Fatalf("count after replay: %s", cnt.raw)
	}
	if r := call(t, s, tok, us, "POST", "batch", map[string]any{"BatchItemRequest": append(items, map[string]any{"bId": "31"})}); r.status != 400 {
		t.Fatalf("31 items: %d", r.status)
	}
	q := call(t, s, tok, us, "GET", "query?query="+url.QueryEscape("select * from Invoice where DocNumber in ('2001','2002') and TxnDate >= '2026-11-01' orderby DocNumber desc startposition 1 maxresults 1"), nil)
	qr := q.body["QueryResponse"].(map[string]any)
	if got := qr["Invoice"].([]any); len(got) != 1 || got[0].(map[string]any)["DocNumber"] != "2002" {
		t.Fatalf("query: %s", q.raw)
	}
	if r := call(t, s, tok, us, "GET", "query?query="+url.QueryEscape("select * from Invoice maxresults 1001"), nil); faultCode(r) != "4000" {
		t.Fatalf("maxresults 1001: %s", r.raw)
	}
	// partial payment reduces the balance; CDC shows both
	since := clk.Now().Format("2006-01-02T15:04:05Z")
	clk.Add(1)
	inv := out[0].(map[string]any)["Invoice"].(map[string]any)
	pay := mustCreate(t, s, tok, us, "Payment", map[string]any{"CustomerRef": ref(c["Id"].(string)), "TotalAmt": 40,
		"Line": []any{map[string]any{"Amount": 40, "LinkedTxn": []any{map[string]any{"TxnId": inv["Id"], "TxnType": "Invoice"}}}}})
	after := entity(call(t, s, tok, us, "GET", "invoice/"+inv["Id"].(string), nil), "Invoice")
	if str(after["Balance"]) != "60.00" || str(pay["UnappliedAmt"]) != "0.00" {
		t.Fatalf("balance after payment: %v", after["Balance"])
	}
	cdc := call(t, s, tok, us, "GET", "cdc?entities=Payment,Invoice&changedSince="+url.QueryEscape(since), nil)
	if !strings.Contains(cdc.raw, `"Payment":[`) || !strings.Contains(cdc.raw, `"Invoice":[`) {
		t.Fatalf("cdc: %s", cdc.raw)
	}
	other := mustCreate(t, s, tok, us, "Customer", map[string]any{"DisplayName": "Other"})
	r = call(t, s, tok, us, "POST", "payment", map[string]any{"CustomerRef": ref(other["Id"].(string)), "TotalAmt": 1,
		"Line": []any{map[string]any{"Amount": 1, "LinkedTxn": []any{map[string]any{"TxnId": inv["Id"], "TxnType": "Invoice"}}}}})
	if faultCode(r) != "620" {
		t.Fatalf("payment for another customer's invoice: %s", r.raw)
	}
}

func TestThrottleAndPersistence(t *testing.T) {
	data := filepath.Join(t.TempDir(), "qbo.json")
	s, _ := start(t, qbosim.Options{DataFile: data, PerMinute: 3})
	tok := token(s, us)
	mustCreate(t, s, tok, us, "Customer", map[string]any{"DisplayName": "Kept"})
	call(t, s, tok, us, "GET", "companyinfo/1", nil)
	call(t, s, tok, us, "GET", "companyinfo/1", nil)
	r := call(t, s, tok, us, "GET", "companyinfo/1", nil)
	if r.status != 429 || !strings.Contains(r.raw, `code="3001"`) {
		t.Fatalf("4th request in a minute: %d %s", r.status, r.raw)
	}
	s.Close()
	s2, _ := start(t, qbosim.Options{DataFile: data})
	q := call(t, s2, tok, us, "GET", "query?query="+url.QueryEscape("select * from Customer where DisplayName = 'kept'"), nil)
	if q.status != 200 || !strings.Contains(q.raw, `"DisplayName":"Kept"`) {
		t.Fatalf("after restart: %d %s", q.status, q.raw)
	}
}
