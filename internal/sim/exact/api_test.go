package exactsim_test

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

func dpath(p string) string { return fmt.Sprintf("%d/%s", div, p) }

func q(p string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return dpath(p) + "?" + v.Encode()
}

const prefer = "Prefer"

func TestAccounts(t *testing.T) {
	s, _ := newServer(t, nil)
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	if r := do(t, s, tok, "GET", dpath("crm/Accounts"), nil); r.status != 400 || errMsg(r) != "Please add a $select or a $top=1 statement to the query string." {
		t.Fatalf("no $select: %d %s", r.status, r.raw)
	}
	if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"City": "Utrecht"}, prefer, "return=representation"); r.status != 400 || errMsg(r) != "Mandatory: Name" {
		t.Fatalf("no name: %d %s", r.status, r.raw)
	}
	if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "X", "Colour": "red"}); r.status != 400 {
		t.Fatalf("unknown property: %d %s", r.status, r.raw)
	}
	r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Acme B.V.", "Code": "4711", "Country": "NL"}, prefer, "return=representation")
	d, _ := r.body["d"].(map[string]any)
	if r.status != 201 || d["Code"] != "              4711" || d["Status"] != "C" || d["ID"] == "" || !strings.HasPrefix(d["Created"].(string), "/Date(") {
		t.Fatalf("create: %d %s", r.status, r.raw)
	}
	if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Other", "Code": "4711"}); r.status != 400 {
		t.Fatalf("duplicate code: %d", r.status)
	}
	if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Minimal"}); r.status != 204 || r.header.Get("Location") == "" {
		t.Fatalf("without Prefer: %d %s", r.status, r.raw)
	}
	for _, f := range []string{"Code eq '              4711'", "trim(Code) eq '4711'", "ID eq guid'" + strings.ToUpper(d["ID"].(string)) + "'", "substringof('Acme', Name) and Status eq 'C'"} {
		got := results(t, do(t, s, tok, "GET", q("crm/Accounts", "$select", "ID,Name", "$filter", f), nil))
		if len(got) != 1 || got[0]["Name"] != "Acme B.V." || got[0]["Code"] != nil {
			t.Errorf("filter %q: %v", f, got)
		}
	}
	if got := results(t, do(t, s, tok, "GET", q("crm/Accounts", "$select", "ID", "$filter", "Code eq '4711'"), nil)); len(got) != 0 {
		t.Errorf("unpadded code matched: %v", got)
	}
	if r := do(t, s, tok, "GET", q("crm/Accounts", "$select", "ID", "$filter", "Nope eq 1"), nil); r.status != 400 {
		t.Errorf("unknown filter field: %d", r.status)
	}
	put := do(t, s, tok, "PUT", dpath("crm/Accounts(guid'"+d["ID"].(string)+"')"), map[string]any{"Email": "ap@acme.example"})
	if put.status != 204 {
		t.Fatalf("put: %d %s", put.status, put.raw)
	}
	one := do(t, s, tok, "GET", dpath("crm/Accounts(guid'"+d["ID"].(string)+"')"), nil)
	got, _ := one.body["d"].(map[string]any)
	if got["Email"] != "ap@acme.example" {
		t.Fatalf("after put: %s", one.raw)
	}
	if m, _ := got["Modified"].(string); !strings.HasPrefix(m, "/Date(") {
		t.Errorf("Modified after put: %v", got["Modified"])
	}
	for _, c := range []struct {
		name string
		body map[string]any
		want string
	}{
		{"name too long", map[string]any{"Name": strings.Repeat("n", 51)}, "Name: the value is 51 characters long; the maximum is 50."},
		{"phone too long", map[string]any{"Phone": strings.Repeat("1", 31)}, "Phone: the value is 31 characters long; the maximum is 30."},
		{"name cleared", map[string]any{"Name": " "}, "Mandatory: Name"},
		{"code taken", map[string]any{"Code": "1"}, ""},
	} {
		if c.name == "code taken" {
			other := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Taken", "Code": "5000"})
			if other.status != 204 {
				t.Fatalf("create 5000: %d", other.status)
			}
			c.body, c.want = map[string]any{"Code": "5000"}, "Code: an account with code 5000 already exists."
		}
		r := do(t, s, tok, "PUT", dpath("crm/Accounts(guid'"+d["ID"].(string)+"')"), c.body)
		if r.status != 400 || errMsg(r) != c.want {
			t.Errorf("%s: %d %s", c.name, r.status, r.raw)
		}
	}
}

func TestPagingFollowsNext(t *testing.T) {
	s, _ := newServer(t, func(o *exactsim.Options) { o.MinuteLimit = 1000 })
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	for i := range 130 {
		if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": fmt.Sprint("Customer ", i)}); r.status != 204 {
			t.Fatal(r.raw)
		}
	}
	next, seen, pages := s.APIBaseURL()+q("crm/Accounts", "$select", "ID"), map[string]bool{}, 0
	for next != "" {
		r := do(t, s, tok, "GET", strings.TrimPrefix(next, s.APIBaseURL()), nil)
		rows := results(t, r)
		if len(rows) > 60 {
			t.Fatalf("page of %d", len(rows))
		}
		for _, row := range rows {
			seen[row["ID"].(string)] = true
		}
		pages++
		next, _ = r.body["d"].(map[string]any)["__next"].(string)
	}
	if len(seen) != 132 || pages != 3 {
		t.Fatalf("seen %d in %d pages", len(seen), pages)
	}
	// the sync endpoint pages by 1,000 and accepts only Timestamp gt N
	if r := do(t, s, tok, "GET", q("sync/CRM/Accounts", "$select", "ID,Timestamp", "$filter", "Name eq 'x'"), nil); r.status != 400 {
		t.Fatalf("sync filter: %d", r.status)
	}
	rows := results(t, do(t, s, tok, "GET", q("sync/CRM/Accounts", "$select", "ID,Timestamp", "$filter", "Timestamp gt 1"), nil))
	if len(rows) != 132 {
		t.Fatalf("sync rows %d", len(rows))
	}
}

// books returns the ids a sales document needs.
func books(t *testing.T, s *exactsim.Server, tok string) (customer, gl, item string) {
	t.Helper()
	customer = results(t, do(t, s, tok, "GET", q("crm/Accounts", "$select", "ID", "$top", "1"), nil))[0]["ID"].(string)
	gl = results(t, do(t, s, tok, "GET", q("financial/GLAccounts", "$filter", "Code eq '8000'"), nil))[0]["ID"].(string)
	item = results(t, do(t, s, tok, "GET", q("logistics/Items", "$select", "ID", "$filter", "Code eq 'MANAGED'"), nil))[0]["ID"].(string)
	return
}

func TestSalesEntryAndPayment(t *testing.T) {
	s, _ := newServer(t, nil)
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	customer, gl, _ := books(t, s, tok)
	vat := results(t, do(t, s, tok, "GET", q("vat/VATCodes", "$filter", "trim(Code) eq '1'"), nil))
	if len(vat) != 1 || vat[0]["Code"] != "1  " || vat[0]["Percentage"] != 0.21 {
		t.Fatalf("vat codes %v", vat)
	}
	for _, bad := range []map[string]any{
		{"Journal": "70", "SalesEntryLines": []any{map[string]any{"GLAccount": gl, "AmountFC": 10}}},
		{"Customer": customer, "Journal": "70"},
		{"Customer": customer, "Journal": "20", "SalesEntryLines": []any{map[string]any{"GLAccount": gl, "AmountFC": 10}}},
	} {
		if r := do(t, s, tok, "POST", dpath("salesentry/SalesEntries"), bad); r.status != 400 {
			t.Errorf("%v: %d %s", bad, r.status, r.raw)
		}
	}
	entry := func(num int, ref string) map[string]any {
		r := do(t, s, tok, "POST", dpath("salesentry/SalesEntries"), map[string]any{"Customer": customer, "Journal": "70", "EntryNumber": num,
			"YourRef": ref, "EntryDate": "2026-03-01", "PaymentCondition": "30",
			"SalesEntryLines": []any{map[string]any{"GLAccount": gl, "AmountFC": "100.00", "VATCode": "1"}}}, prefer, "return=representation")
		if r.status != 201 {
			t.Fatalf("entry: %d %s", r.status, r.raw)
		}
		return r.body["d"].(map[string]any)
	}
	e := entry(2605, "AT-2605")
	if e["EntryNumber"] != float64(2605) || e["AmountFC"] != 121.0 || e["VATAmountFC"] != 21.0 {
		t.Fatalf("entry %v", e)
	}
	byDate := results(t, do(t, s, tok, "GET", q("salesentry/SalesEntries", "$select", "EntryNumber", "$filter", "EntryDate ge datetime'2026-03-01T00:00' and YourRef eq 'AT-2605'"), nil))
	if len(byDate) != 1 {
		t.Fatalf("datetime filter %v", byDate)
	}
	if out := entry(1234567890, "AT-BIG"); out["EntryNumber"] == float64(1234567890) {
		t.Fatal("a number outside the journal range was kept")
	}
	if r := do(t, s, tok, "GET", q("cashflow/Receivables", "$filter", "YourRef eq 'AT-2605'"), nil); r.status != 400 {
		t.Fatalf("receivables without $select: %d", r.status)
	}
	if err := s.MarkPaid(div, 2605, money.MustParse("50.00"), time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	rec := results(t, do(t, s, tok, "GET", q("cashflow/Receivables", "$select", "IsFullyPaid,LastPaymentDate,AmountDC", "$filter", "YourRef eq 'AT-2605'"), nil))
	if len(rec) != 1 || rec[0]["IsFullyPaid"] != false || rec[0]["AmountDC"] != 121.0 {
		t.Fatalf("partly paid %v", rec)
	}
	if err := s.MarkPaid(div, 2605, money.MustParse("71.00"), time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	terms := results(t, do(t, s, tok, "GET", q("sync/Cashflow/PaymentTerms", "$select", "InvoiceNumber,IsFullyPaid,LastPaymentDate,Timestamp", "$filter", "Timestamp gt 1"), nil))
	last := terms[len(terms)-1]
	want := fmt.Sprintf("/Date(%d)/", time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC).UnixMilli())
	if last["InvoiceNumber"] != float64(2605) || last["IsFullyPaid"] != true || last["LastPaymentDate"] != want {
		t.Fatalf("paid term %v", last)
	}
}

func TestSalesInvoices(t *testing.T) {
	s, _ := newServer(t, nil)
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	customer, _, item := books(t, s, tok)
	body := map[string]any{"Journal": "70", "OrderedBy": customer, "YourRef": "AT-1", "InvoiceNumber": 999,
		"SalesInvoiceLines": []any{map[string]any{"Item": item, "Quantity": 3, "UnitPrice": "95.00"}}}
	r := do(t, s, tok, "POST", dpath("salesinvoice/SalesInvoices"), body, prefer, "return=representation")
	inv, _ := r.body["d"].(map[string]any)
	if r.status != 201 || inv["InvoiceNumber"] == float64(999) || inv["Status"] != float64(20) || inv["Type"] != float64(8020) || inv["AmountFCExclVat"] != 285.0 {
		t.Fatalf("invoice: %d %s", r.status, r.raw)
	}
	p := do(t, s, tok, "POST", dpath("salesinvoice/PrintedSalesInvoices"), map[string]any{"InvoiceID": inv["InvoiceID"], "SendEmailToCustomer": false}, prefer, "return=representation")
	if p.status != 201 {
		t.Fatalf("print: %d %s", p.status, p.raw)
	}
	if again := do(t, s, tok, "POST", dpath("salesinvoice/PrintedSalesInvoices"), map[string]any{"InvoiceID": inv["InvoiceID"]}); again.status != 400 {
		t.Fatalf("second print: %d", again.status)
	}
	got := results(t, do(t, s, tok, "GET", q("salesinvoice/SalesInvoices", "$select", "Status,YourRef", "$filter", "YourRef eq 'AT-1'"), nil))
	if len(got) != 1 || got[0]["Status"] != float64(50) {
		t.Fatalf("after print %v", got)
	}
	// the Belgian demo division has no invoicing module
	if r := do(t, s, tok, "GET", fmt.Sprintf("%d/salesinvoice/SalesInvoices?$select=InvoiceID", 3112841), nil); r.status != 403 {
		t.Fatalf("no invoicing module: %d", r.status)
	}
}

func TestPersistence(t *testing.T) {
	file := filepath.Join(t.TempDir(), "exact.json")
	s, _ := newServer(t, func(o *exactsim.Options) { o.DataFile = file })
	tok, rt := s.IssueToken(exactsim.DemoApp.ClientID)
	do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Kept B.V.", "Code": "77"})
	s.Close()
	s2, clk := newServer(t, func(o *exactsim.Options) { o.DataFile = file })
	got := results(t, do(t, s2, tok, "GET", q("crm/Accounts", "$select", "Name,Created", "$filter", "trim(Code) eq '77'"), nil))
	if len(got) != 1 || got[0]["Name"] != "Kept B.V." {
		t.Fatalf("after restart %v", got)
	}
	clk.Add(10 * time.Minute)
	if r := tokenForm(t, s2, refreshForm(rt)); r.status != 200 {
		t.Fatalf("refresh after restart: %d %s", r.status, r.raw)
	}
}
