package xerosim_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

func contact(t *testing.T, s *xerosim.Server, tok, name string) string {
	t.Helper()
	r := api(t, s, tok, "PUT", "Contacts", map[string]any{"Contacts": []any{map[string]any{"Name": name}}}, nil)
	if r.status != 200 {
		t.Fatalf("create contact: %d %s", r.status, r.raw)
	}
	return list(r, "Contacts")[0]["ContactID"].(string)
}

func TestContactNamesUniqueCaseInsensitive(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	contact(t, s, tok, "Acme Ltd")
	r := api(t, s, tok, "PUT", "Contacts", map[string]any{"Contacts": []any{map[string]any{"Name": "ACME LTD"}}}, nil)
	if r.status != 400 || r.body["Type"] != "ValidationException" || !strings.Contains(r.raw, "already assigned to another contact") {
		t.Fatalf("duplicate name: %d %s", r.status, r.raw)
	}
	got := api(t, s, tok, "GET", "Contacts?where="+url.QueryEscape(`Name=="acme ltd"`), nil, nil)
	if len(list(got, "Contacts")) != 1 {
		t.Fatalf("where Name: %s", got.raw)
	}
	for _, h := range []string{"X-MinLimit-Remaining", "X-DayLimit-Remaining", "X-AppMinLimit-Remaining"} {
		if got.header.Get(h) == "" {
			t.Errorf("missing %s", h)
		}
	}
}

func TestSchemaRejectsUnknownWrongTypeAndEnum(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	tests := []struct{ body, want string }{
		{`{"Contacts":[{"Name":"A","Nickname":"x"}]}`, "Contacts.Contacts[0].Nickname: unknown property"},
		{`{"Contacts":[{"Name":5}]}`, "Contacts.Contacts[0].Name: must be a string"},
		{`{"Contacts":[{"Name":"A","ContactStatus":"GONE"}]}`, "ContactStatus: \\\"GONE\\\" is not one of ACTIVE"},
		{`{"Contacts":[{"Name":"A","ContactID":"not-a-guid"}]}`, "must be a GUID"},
	}
	for _, tt := range tests {
		r := api(t, s, tok, "POST", "Contacts", tt.body, nil)
		if r.status != 400 || r.body["Type"] != "ValidationException" || !strings.Contains(r.raw, tt.want) {
			t.Errorf("%s: %d %s", tt.body, r.status, r.raw)
		}
	}
	r := api(t, s, tok, "PUT", "Items", `{"Items":[{"Code":"`+strings.Repeat("X", 31)+`"}]}`, nil)
	if r.status != 400 || !strings.Contains(r.raw, "Items.Items[0].Code: must be at most 30 characters") {
		t.Errorf("long code: %d %s", r.status, r.raw)
	}
}

func invoice(contactID, number string, lines ...map[string]any) map[string]any {
	ls := make([]any, len(lines))
	for i, l := range lines {
		ls[i] = l
	}
	return map[string]any{"Type": "ACCREC", "Contact": map[string]any{"ContactID": contactID}, "InvoiceNumber": number,
		"Date": "2026-11-01", "DueDate": "2026-11-30", "LineItems": ls, "Status": "AUTHORISED"}
}

func line(unit string, qty string) map[string]any {
	return map[string]any{"Description": "Managed services", "Quantity": jsonNum(qty), "UnitAmount": jsonNum(unit), "AccountCode": "200", "TaxType": "OUTPUT2"}
}

type jsonNum string

func (n jsonNum) MarshalJSON() ([]byte, error) { return []byte(n), nil }

func TestInvoiceTotalsExact(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	cid := contact(t, s, tok, "Acme")
	inv := invoice(cid, "AT-1", line("33.335", "3"), line("0.10", "7"))
	r := api(t, s, tok, "PUT", "Invoices?unitdp=4", map[string]any{"Invoices": []any{inv}}, nil)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.raw)
	}
	got := list(r, "Invoices")[0]
	// 3 × 33.335 = 100.005 → 100.01; VAT 20.00; 7 × 0.10 = 0.70, VAT 0.14.
	for k, want := range map[string]string{"SubTotal": "100.71", "TotalTax": "20.14", "Total": "120.85", "AmountDue": "120.85"} {
		if fmt.Sprint(got[k]) != want {
			t.Errorf("%s = %v, want %s", k, got[k], want)
		}
	}
	if !strings.HasPrefix(got["Date"].(string), "/Date(1793491200000+0000)/") || got["DateString"] != "2026-11-01T00:00:00" {
		t.Errorf("dates: %v %v", got["Date"], got["DateString"])
	}
	// Without unitdp=4 the unit amount keeps 2 decimals and a warning says so.
	r = api(t, s, tok, "PUT", "Invoices", map[string]any{"Invoices": []any{invoice(cid, "AT-2", line("33.335", "3"))}}, nil)
	got = list(r, "Invoices")[0]
	if fmt.Sprint(got["Total"]) != "120.02" || !strings.Contains(r.raw, "was rounded to 33.34") {
		t.Errorf("2dp: %s", r.raw)
	}
}

func TestInvoiceBatchPartialFailures(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	cid := contact(t, s, tok, "Acme")
	good := invoice(cid, "AT-1", line("10", "1"))
	dup := invoice(cid, "AT-1", line("10", "1"))
	badTax := invoice(cid, "AT-2", map[string]any{"Description": "x", "UnitAmount": 1, "AccountCode": "200", "TaxType": "NOPE"})
	badAcct := invoice(cid, "AT-3", map[string]any{"Description": "x", "UnitAmount": 1, "AccountCode": "999"})
	badLine := invoice(cid, "AT-4", map[string]any{"Description": "x", "UnitAmount": 1, "Quantity": 2, "LineAmount": 3, "AccountCode": "200"})
	r := api(t, s, tok, "PUT", "Invoices?summarizeErrors=false", map[string]any{"Invoices": []any{good, dup, badTax, badAcct, badLine}}, nil)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.raw)
	}
	els := list(r, "Invoices")
	wantErr := []string{"", "Invoice # must be unique", "TaxType code 'NOPE'", "Account code '999'", "does not match the expected line total 2.00"}
	for i, w := range wantErr {
		if (w == "") != (els[i]["HasErrors"] == false) || (w != "" && !strings.Contains(fmt.Sprint(els[i]["ValidationErrors"]), w)) {
			t.Errorf("element %d: %v (%v) want %q", i, els[i]["ValidationErrors"], els[i]["StatusAttributeString"], w)
		}
	}
	// Summarised: 400 with only the failed element; the good one is saved.
	r = api(t, s, tok, "PUT", "Invoices", map[string]any{"Invoices": []any{invoice(cid, "AT-9", line("1", "1")), dup}}, nil)
	if r.status != 400 || r.body["ErrorNumber"] != nil && fmt.Sprint(r.body["ErrorNumber"]) != "10" || len(r.body["Elements"].([]any)) != 1 {
		t.Fatalf("summarised: %d %s", r.status, r.raw)
	}
	if got := api(t, s, tok, "GET", "Invoices?InvoiceNumbers=AT-9,AT-1", nil, nil); len(list(got, "Invoices")) != 2 {
		t.Fatalf("lookup: %s", got.raw)
	}
	many := make([]any, 51)
	for i := range many {
		many[i] = invoice(cid, fmt.Sprintf("B-%d", i), line("1", "1"))
	}
	if r := api(t, s, tok, "PUT", "Invoices", map[string]any{"Invoices": many}, nil); r.status != 400 || !strings.Contains(r.raw, "No more than 50") {
		t.Fatalf("51 invoices: %d %s", r.status, r.raw)
	}
}

func TestInvoiceStatusRulesPaymentsAndCredit(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	cid := contact(t, s, tok, "Acme")
	r := api(t, s, tok, "PUT", "Invoices", map[string]any{"Invoices": []any{invoice(cid, "AT-1", line("100", "1"))}}, nil)
	id := list(r, "Invoices")[0]["InvoiceID"].(string)
	if r := api(t, s, tok, "POST", "Invoices/"+id, map[string]any{"Invoices": []any{map[string]any{"Status": "DELETED"}}}, nil); r.status != 400 {
		t.Fatalf("AUTHORISED → DELETED must fail: %s", r.raw)
	}
	pay := map[string]any{"Payments": []any{map[string]any{"Invoice": map[string]any{"InvoiceID": id}, "Account": map[string]any{"Code": "090"}, "Date": "2026-11-05", "Amount": 50}}}
	if r := api(t, s, tok, "PUT", "Payments", pay, nil); r.status != 200 {
		t.Fatalf("payment: %s", r.raw)
	}
	if r := api(t, s, tok, "POST", "Invoices/"+id, map[string]any{"Invoices": []any{map[string]any{"Status": "VOIDED"}}}, nil); r.status != 400 {
		t.Fatalf("void with payment must fail: %s", r.raw)
	}
	cn := map[string]any{"CreditNotes": []any{map[string]any{"Type": "ACCRECCREDIT", "Contact": map[string]any{"ContactID": cid}, "Status": "AUTHORISED",
		"LineItems": []any{map[string]any{"Description": "credit", "UnitAmount": jsonNum("25"), "AccountCode": "200", "TaxType": "OUTPUT2"}}}}}
	r = api(t, s, tok, "PUT", "CreditNotes", cn, nil)
	cnID := list(r, "CreditNotes")[0]["CreditNoteID"].(string)
	alloc := map[string]any{"Allocations": []any{map[string]any{"Invoice": map[string]any{"InvoiceID": id}, "Amount": 30, "Date": "2026-11-06"}}}
	if r := api(t, s, tok, "PUT", "CreditNotes/"+cnID+"/Allocations", alloc, nil); r.status != 200 {
		t.Fatalf("allocate: %s", r.raw)
	}
	got := list(api(t, s, tok, "GET", "Invoices/"+id, nil, nil), "Invoices")[0]
	if fmt.Sprint(got["AmountDue"]) != "40.00" || fmt.Sprint(got["AmountCredited"]) != "30" || got["Status"] != "AUTHORISED" {
		t.Fatalf("after payment and credit: due %v credited %v %v", got["AmountDue"], got["AmountCredited"], got["Status"])
	}
	pay = map[string]any{"Payments": []any{map[string]any{"Invoice": map[string]any{"InvoiceID": id}, "Account": map[string]any{"Code": "090"}, "Date": "2026-11-07", "Amount": 40}}}
	api(t, s, tok, "PUT", "Payments", pay, nil)
	got = list(api(t, s, tok, "GET", "Invoices/"+id, nil, nil), "Invoices")[0]
	if got["Status"] != "PAID" {
		t.Fatalf("fully paid: %v", got["Status"])
	}
}
