package exact_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
)

func salesEntry(ref string) exact.SalesEntry {
	return exact.SalesEntry{
		Customer: guidA, Journal: "70", EntryDate: exact.NewDate(2026, 11, 2),
		EntryNumber: exact.EntryNumberFor(ref), YourRef: ref, Description: "Managed services November",
		PaymentCondition: "30", Currency: "EUR",
		SalesEntryLines: []exact.SalesEntryLine{
			{GLAccount: guidB, AmountFC: money.MustParse("1250.0000"), VATCode: "1", Description: "Managed services", Quantity: money.MustParse("10")},
			{GLAccount: guidB, AmountFC: money.MustParse("-50.00"), VATCode: "1", Description: "Discount"},
		},
	}
}

// TestWriteRequests checks method, path, headers and body of every write.
func TestWriteRequests(t *testing.T) {
	div := fmt.Sprint(testDivision) + "/"
	tests := []struct {
		name   string
		answer func(recorded) (int, http.Header, string)
		call   func(context.Context, *exact.Client) error
		method string
		path   string
		body   string
	}{
		{
			name:   "sales entry keeps the Autotask number as entry number",
			answer: created(map[string]any{"EntryID": guidC}),
			call: func(ctx context.Context, c *exact.Client) error {
				res, err := c.CreateSalesEntry(ctx, salesEntry("1042"))
				if err == nil && (res.Entry.EntryID != guidC || res.EntryNumberIgnored) {
					err = fmt.Errorf("result %+v", res)
				}
				return err
			},
			method: "POST", path: div + "salesentry/SalesEntries",
			body: `{"Customer":"` + guidA + `","Journal":"70","EntryDate":"2026-11-02T00:00:00","EntryNumber":1042,"YourRef":"1042",
				"Description":"Managed services November","PaymentCondition":"30","Currency":"EUR","SalesEntryLines":[
				{"GLAccount":"` + guidB + `","AmountFC":1250.0000,"VATCode":"1","Description":"Managed services","Quantity":10},
				{"GLAccount":"` + guidB + `","AmountFC":-50.00,"VATCode":"1","Description":"Discount"}]}`,
		},
		{
			name:   "credit sales invoice",
			answer: created(map[string]any{"InvoiceID": guidC, "InvoiceNumber": 26000001, "Status": 20}),
			call: func(ctx context.Context, c *exact.Client) error {
				inv, err := c.CreateSalesInvoice(ctx, exact.SalesInvoice{
					Journal: "70", OrderedBy: guidA, InvoiceDate: exact.NewDate(2026, 11, 3), YourRef: "CN-7",
					Type: exact.InvoiceTypeCredit, Currency: "EUR", PaymentCondition: "14",
					SalesInvoiceLines: []exact.SalesInvoiceLine{{Item: guidB, Quantity: money.MustParse("-2"), UnitPrice: money.MustParse("85.00"), VATCode: "1"}},
				})
				if err == nil && (inv.InvoiceNumber != 26000001 || inv.InvoiceID != guidC) {
					err = fmt.Errorf("invoice %+v", inv)
				}
				return err
			},
			method: "POST", path: div + "salesinvoice/SalesInvoices",
			body: `{"Journal":"70","OrderedBy":"` + guidA + `","InvoiceDate":"2026-11-03T00:00:00","PaymentCondition":"14","Currency":"EUR",
				"YourRef":"CN-7","Type":8021,"SalesInvoiceLines":[{"Item":"` + guidB + `","Quantity":-2,"UnitPrice":85.00,"VATCode":"1"}]}`,
		},
		{
			name:   "finalise sends SendEmailToCustomer false",
			answer: created(nil),
			call: func(ctx context.Context, c *exact.Client) error {
				_, err := c.PrintSalesInvoice(ctx, "Autotask invoice 1042", exact.PrintRequest{InvoiceID: guidC})
				return err
			},
			method: "POST", path: div + "salesinvoice/PrintedSalesInvoices",
			body: `{"InvoiceID":"` + guidC + `","SendEmailToCustomer":false}`,
		},
		{
			name:   "account with padded code and customer status",
			answer: created(map[string]any{"ID": guidC}),
			call: func(ctx context.Context, c *exact.Client) error {
				a, err := c.CreateAccount(ctx, exact.Account{Name: "Bakkerij De Vries", Code: "1001", Country: "NL", Email: "info@devries.example", PaymentConditionSales: "30"})
				if err == nil && a.ID != guidC {
					err = fmt.Errorf("account %+v", a)
				}
				return err
			},
			method: "POST", path: div + "crm/Accounts",
			body: `{"Code":"              1001","Name":"Bakkerij De Vries","Status":"C","Email":"info@devries.example","Country":"NL","PaymentConditionSales":"30"}`,
		},
		{
			name:   "account update sends the changed fields only",
			answer: func(recorded) (int, http.Header, string) { return http.StatusNoContent, nil, "" },
			call: func(ctx context.Context, c *exact.Client) error {
				name, email := "Bakkerij De Vries B.V.", ""
				return c.UpdateAccount(ctx, guidA, exact.AccountChanges{Name: &name, Email: &email})
			},
			method: "PUT", path: div + "crm/Accounts(guid'" + guidA + "')",
			body: `{"Name":"Bakkerij De Vries B.V.","Email":""}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.answer)
			if err := tt.call(context.Background(), f.client()); err != nil {
				t.Fatal(err)
			}
			reqs := f.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			r := reqs[0]
			if r.Method != tt.method || r.Path != tt.path {
				t.Errorf("%s %s, want %s %s", r.Method, r.Path, tt.method, tt.path)
			}
			if r.Header.Get("Accept") != "application/json" || r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("headers %v", r.Header)
			}
			if want := map[bool]string{true: "return=representation"}[r.Method == "POST"]; r.Header.Get("Prefer") != want {
				t.Errorf("Prefer = %q, want %q", r.Header.Get("Prefer"), want)
			}
			jsonEqual(t, r.Body, tt.body)
		})
	}
}

// TestEntryNumberIgnored reports an entry number Exact did not keep.
func TestEntryNumberIgnored(t *testing.T) {
	f := newFake(t, created(map[string]any{"EntryID": guidC, "EntryNumber": 70000123}))
	res, err := f.client().CreateSalesEntry(context.Background(), salesEntry("1042"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.EntryNumberIgnored || res.Entry.EntryNumber != 70000123 || !strings.Contains(res.Note, "Autotask invoice 1042") || !strings.Contains(res.Note, "not 1042") {
		t.Errorf("result %+v", res)
	}
}

func TestEntryNumberFor(t *testing.T) {
	for in, want := range map[string]int{"1042": 1042, " 77 ": 77, "INV-1042": 0, "0": 0, "": 0, "2147483647": 2147483647, "2147483648": 0, "-5": 0} {
		if got := exact.EntryNumberFor(in); got != want {
			t.Errorf("EntryNumberFor(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestValidationBeforePost refuses documents Exact would reject, without a
// call, naming the Autotask invoice and the field.
func TestValidationBeforePost(t *testing.T) {
	vat1 := exact.VATCode{Code: "1  ", Percentage: money.MustParse("0.21")}
	cat := &exact.Catalog{
		VATCodes:          map[string]exact.VATCode{"1": vat1, "9": {Code: "9  ", IsBlocked: true}},
		GLAccounts:        map[string]exact.GLAccount{guidB: {ID: guidB, Code: "8000", Type: 110}},
		Journals:          map[string]exact.Journal{"70": {Code: "70", Type: 20}, "20": {Code: "20", Type: 12}},
		PaymentConditions: map[string]exact.PaymentCondition{"30": {Code: "30"}},
		Currencies:        map[string]exact.Currency{"EUR": {Code: "EUR"}},
	}
	tests := []struct {
		name   string
		change func(*exact.SalesEntry)
		field  string
	}{
		{"no customer", func(e *exact.SalesEntry) { e.Customer = "" }, "Customer is missing"},
		{"customer not a guid", func(e *exact.SalesEntry) { e.Customer = "1001" }, "Customer \"1001\" is not an Exact id"},
		{"no journal", func(e *exact.SalesEntry) { e.Journal = "" }, "Journal is missing"},
		{"unknown journal", func(e *exact.SalesEntry) { e.Journal = "99" }, "Journal \"99\" is not a journal"},
		{"bank journal", func(e *exact.SalesEntry) { e.Journal = "20" }, "not a sales journal"},
		{"no date", func(e *exact.SalesEntry) { e.EntryDate = exact.Date{} }, "EntryDate is missing"},
		{"no lines", func(e *exact.SalesEntry) { e.SalesEntryLines = nil }, "has no lines"},
		{"line without GL", func(e *exact.SalesEntry) { e.SalesEntryLines[1].GLAccount = "" }, "line 2 GLAccount is missing"},
		{"unknown GL", func(e *exact.SalesEntry) { e.SalesEntryLines[0].GLAccount = guidC }, "line 1 GLAccount is not a GL account"},
		{"unknown VAT", func(e *exact.SalesEntry) { e.SalesEntryLines[0].VATCode = "7" }, "line 1 VATCode \"7\" is not a VAT code"},
		{"blocked VAT", func(e *exact.SalesEntry) { e.SalesEntryLines[0].VATCode = "9" }, "is blocked"},
		{"unknown currency", func(e *exact.SalesEntry) { e.Currency = "CHF" }, "Currency CHF is not set up"},
		{"unknown payment condition", func(e *exact.SalesEntry) { e.PaymentCondition = "60" }, "PaymentCondition \"60\" is not a payment condition"},
		{"bad type", func(e *exact.SalesEntry) { e.Type = 8020 }, "Type 8020"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, created(nil))
			c := f.client()
			c.SetCatalog(cat)
			e := salesEntry("1042")
			tt.change(&e)
			_, err := c.CreateSalesEntry(context.Background(), e)
			ae, ok := apperr.As(err)
			if !ok || ae.Code != apperr.Invalid || !strings.Contains(ae.Message, "Autotask invoice 1042") || !strings.Contains(ae.Message, tt.field) || ae.Fix == "" {
				t.Errorf("error %v, want invalid naming %q", err, tt.field)
			}
			if n := len(f.requests()); n != 0 {
				t.Errorf("%d calls for an invalid document", n)
			}
		})
	}

	// A valid entry goes out with the VAT code spelled as Exact lists it.
	f := newFake(t, created(map[string]any{"EntryID": guidC}))
	c := f.client()
	c.SetCatalog(cat)
	if _, err := c.CreateSalesEntry(context.Background(), salesEntry("1042")); err != nil {
		t.Fatal(err)
	}
	if body := f.requests()[0].Body; !strings.Contains(body, `"VATCode":"1  "`) {
		t.Errorf("VAT code not padded as Exact lists it: %s", body)
	}

	// Invoices need an item on every line; accounts a name.
	if _, err := c.CreateSalesInvoice(context.Background(), exact.SalesInvoice{Journal: "70", OrderedBy: guidA, YourRef: "1043",
		SalesInvoiceLines: []exact.SalesInvoiceLine{{Quantity: money.FromInt(1)}}}); apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), "line 1 Item is missing") {
		t.Errorf("invoice line without item: %v", err)
	}
	if _, err := c.CreateAccount(context.Background(), exact.Account{Name: "  "}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("account without name: %v", err)
	}
	if _, err := c.CreateAccount(context.Background(), exact.Account{Name: "X", Code: "AB-1"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("account with a non-numeric code: %v", err)
	}
	if len(f.requests()) != 1 {
		t.Errorf("%d calls, want only the valid entry", len(f.requests()))
	}
}
