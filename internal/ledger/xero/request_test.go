package xero_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
)

// TestReadRequests checks the path, query and headers of each read.
func TestReadRequests(t *testing.T) {
	since := time.Date(2026, 11, 1, 8, 30, 0, 0, time.UTC)
	tests := []struct {
		name      string
		call      func(context.Context, *xero.Client) error
		path      string
		query     string // url-encoded, sorted
		modSince  string
		firstPage string // answer body
	}{
		{
			name: "contacts by name escapes quotes and backslashes",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.ContactsByName(ctx, `Acme "Best" Ltd\Co`)
				return err
			},
			path:  "Contacts",
			query: `includeArchived=true&page=1&where=Name%3D%3D%22Acme+%5C%22Best%5C%22+Ltd%5C%5CCo%22`,
		},
		{
			name: "contacts by account number",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.ContactsByAccountNumber(ctx, "AT-42")
				return err
			},
			path:  "Contacts",
			query: `includeArchived=true&page=1&where=AccountNumber%3D%3D%22AT-42%22`,
		},
		{
			name: "contacts by contact number",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.ContactsByContactNumber(ctx, "1001")
				return err
			},
			path:  "Contacts",
			query: `includeArchived=true&page=1&where=ContactNumber%3D%3D%221001%22`,
		},
		{
			name: "contacts by ids",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.ContactsByIDs(ctx, []string{"a", "b"})
				return err
			},
			path:  "Contacts",
			query: `IDs=a%2Cb&includeArchived=true&page=1`,
		},
		{
			name: "contacts modified since",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.Contacts(ctx, xero.ContactFilter{ModifiedSince: since})
				return err
			},
			path: "Contacts", query: `page=1`, modSince: "2026-11-01T08:30:00Z",
		},
		{
			name: "items with four decimals",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.Items(ctx, xero.ItemFilter{})
				return err
			},
			path: "Items", query: `unitdp=4`,
		},
		{
			name: "items by code",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.ItemsByCode(ctx, []string{"LAB", "HW"})
				return err
			},
			path: "Items", query: `unitdp=4`,
		},
		{
			name: "accounts",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.Accounts(ctx, xero.AccountFilter{Where: `Status=="ACTIVE"`})
				return err
			},
			path: "Accounts", query: `where=Status%3D%3D%22ACTIVE%22`,
		},
		{
			name: "tax rates",
			call: func(ctx context.Context, c *xero.Client) error { _, err := c.TaxRates(ctx, ""); return err },
			path: "TaxRates",
		},
		{
			name: "tracking categories",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.TrackingCategories(ctx, true)
				return err
			},
			path: "TrackingCategories", query: `includeArchived=true`,
		},
		{
			name: "branding themes",
			call: func(ctx context.Context, c *xero.Client) error { _, err := c.BrandingThemes(ctx); return err },
			path: "BrandingThemes",
		},
		{
			name: "currencies",
			call: func(ctx context.Context, c *xero.Client) error { _, err := c.Currencies(ctx); return err },
			path: "Currencies",
		},
		{
			name: "invoices with every filter",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.Invoices(ctx, xero.InvoiceFilter{
					IDs: []string{"i1", "i2"}, InvoiceNumbers: []string{"AT-1"}, ContactIDs: []string{"c1"},
					Statuses: []string{"AUTHORISED", "PAID"}, ModifiedSince: since, CreatedByMyApp: true,
				})
				return err
			},
			path:     "Invoices",
			query:    `ContactIDs=c1&IDs=i1%2Ci2&InvoiceNumbers=AT-1&Statuses=AUTHORISED%2CPAID&createdByMyApp=true&page=1&unitdp=4`,
			modSince: "2026-11-01T08:30:00Z",
		},
		{
			name: "invoice by id",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.Invoice(ctx, "inv-1")
				return err
			},
			path: "Invoices/inv-1", query: `unitdp=4`, firstPage: `{"Invoices":[{"InvoiceID":"inv-1"}]}`,
		},
		{
			name: "credit notes",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.CreditNotes(ctx, xero.CreditNoteFilter{ModifiedSince: since})
				return err
			},
			path: "CreditNotes", query: `page=1&unitdp=4`, modSince: "2026-11-01T08:30:00Z",
		},
		{
			name: "payments polled since a time",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.Payments(ctx, xero.PaymentFilter{Where: `PaymentType=="ACCRECPAYMENT"`, ModifiedSince: since})
				return err
			},
			path: "Payments", query: `page=1&where=PaymentType%3D%3D%22ACCRECPAYMENT%22`, modSince: "2026-11-01T08:30:00Z",
		},
		{
			name: "purchase orders",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.PurchaseOrders(ctx, xero.PurchaseOrderFilter{Status: "AUTHORISED", DateFrom: xero.NewDate(2026, 10, 1)})
				return err
			},
			path: "PurchaseOrders", query: `DateFrom=2026-10-01&Status=AUTHORISED&page=1`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.firstPage
			if body == "" {
				body = `{}`
			}
			f := newFake(t, ok(body))
			if err := tt.call(context.Background(), f.client()); err != nil {
				t.Fatal(err)
			}
			reqs := f.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != http.MethodGet || r.Path != tt.path {
				t.Errorf("request %s %s, want GET %s", r.Method, r.Path, tt.path)
			}
			if got := r.Query.Encode(); got != tt.query {
				t.Errorf("query\n got %s\nwant %s", got, tt.query)
			}
			if got := r.Header.Get("If-Modified-Since"); got != tt.modSince {
				t.Errorf("If-Modified-Since = %q, want %q", got, tt.modSince)
			}
			if r.Header.Get("xero-tenant-id") != testTenant || r.Header.Get("Accept") != "application/json" {
				t.Errorf("headers %v lack tenant id or Accept", r.Header)
			}
			if r.Header.Get("Idempotency-Key") != "" {
				t.Errorf("a GET carried an Idempotency-Key")
			}
		})
	}
}

// TestPaging follows page=N until a page holds fewer than 100 records.
func TestPaging(t *testing.T) {
	page := func(n, from int) string {
		var b strings.Builder
		b.WriteString(`{"Contacts":[`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"ContactID":"c%d","Name":"Customer %d"}`, from+i, from+i)
		}
		b.WriteString(`]}`)
		return b.String()
	}
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		switch r.Query.Get("page") {
		case "1":
			return 200, nil, page(100, 0)
		case "2":
			return 200, nil, page(100, 100)
		case "3":
			return 200, nil, page(7, 200)
		}
		return 200, nil, `{"Contacts":[]}`
	})
	got, err := f.client().Contacts(context.Background(), xero.ContactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 207 || got[206].Name != "Customer 206" {
		t.Fatalf("got %d contacts, last %+v", len(got), got[len(got)-1])
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("%d requests, want 3 (stop at the short page)", n)
	}
}

// TestLongIDListsAreSplit keeps each IDs filter at 50 ids.
func TestLongIDListsAreSplit(t *testing.T) {
	f := newFake(t, ok(`{"Invoices":[]}`))
	ids := make([]string, 120)
	for i := range ids {
		ids[i] = fmt.Sprintf("id%d", i)
	}
	if _, err := f.client().Invoices(context.Background(), xero.InvoiceFilter{IDs: ids, Statuses: []string{"PAID"}}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for i, want := range []int{50, 50, 20} {
		if got := len(strings.Split(reqs[i].Query.Get("IDs"), ",")); got != want {
			t.Errorf("request %d carried %d ids, want %d", i, got, want)
		}
		if reqs[i].Query.Get("Statuses") != "PAID" {
			t.Errorf("request %d lost the Statuses filter", i)
		}
	}
}

// TestCreateInvoiceBody checks exactly what a create sends: Xero's field
// names, dates as YYYY-MM-DD, four-decimal unit amounts as numbers, only the
// contact id, and nothing Xero computes.
func TestCreateInvoiceBody(t *testing.T) {
	f := newFake(t, echo("Invoices", "InvoiceID"))
	inv := xero.Invoice{
		Type:            xero.InvoiceTypeSales,
		InvoiceNumber:   "AT-1001",
		Reference:       "Contract 7",
		Contact:         xero.Contact{ContactID: "c-1", Name: "Acme", EmailAddress: "a@example.com"},
		Date:            xero.NewDate(2026, 11, 1),
		DueDate:         xero.NewDate(2026, 11, 30),
		LineAmountTypes: xero.LineAmountsExclusive,
		CurrencyCode:    "NZD",
		Status:          xero.StatusAuthorised,
		Total:           money.MustParse("999.99"), // read-only: must not be sent
		LineItems: []xero.LineItem{{
			Description: "Managed services", Quantity: money.MustParse("3.5"), UnitAmount: money.MustParse("12.3456"),
			ItemCode: "MS", AccountCode: "200", TaxType: "OUTPUT2",
			Tracking: []xero.LineItemTracking{{Name: "Region", Option: "North"}},
		}, {
			Description: "Free setup", Quantity: money.MustParse("1"), UnitAmount: money.Zero, AccountCode: "200",
		}},
	}
	res, err := f.client().CreateInvoices(context.Background(), []xero.Invoice{inv}, "key-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Saved) != 1 || res.Saved[0].InvoiceID == "" || len(res.Failed) != 0 {
		t.Fatalf("result %+v", res)
	}
	r := f.requests()[0]
	if r.Method != http.MethodPut || r.Path != "Invoices" || r.Query.Encode() != "summarizeErrors=false&unitdp=4" {
		t.Errorf("sent %s %s?%s", r.Method, r.Path, r.Query.Encode())
	}
	if got := r.Header.Get("Idempotency-Key"); got != "key-1" {
		t.Errorf("Idempotency-Key = %q, want the caller's key", got)
	}
	if r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type = %q", r.Header.Get("Content-Type"))
	}
	jsonEqual(t, r.Body, `{"Invoices":[{
		"Type":"ACCREC","InvoiceNumber":"AT-1001","Reference":"Contract 7",
		"Contact":{"ContactID":"c-1"},
		"LineItems":[
			{"Description":"Managed services","Quantity":3.5,"UnitAmount":12.3456,"ItemCode":"MS","AccountCode":"200","TaxType":"OUTPUT2",
			 "Tracking":[{"Name":"Region","Option":"North"}]},
			{"Description":"Free setup","Quantity":1,"UnitAmount":0,"AccountCode":"200"}],
		"Date":"2026-11-01","DueDate":"2026-11-30","LineAmountTypes":"Exclusive","CurrencyCode":"NZD","Status":"AUTHORISED"}]}`)
}

// TestOtherWriteBodies checks the method, path, query and body of the other
// writes.
func TestOtherWriteBodies(t *testing.T) {
	day := xero.NewDate(2026, 11, 20)
	yes := true
	tests := []struct {
		name   string
		call   func(context.Context, *xero.Client) error
		answer string
		method string
		path   string
		query  string
		body   string
	}{
		{
			name: "create contacts",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.CreateContacts(ctx, []xero.Contact{{
					Name: "Acme Ltd", ContactNumber: "AT-17", EmailAddress: "ap@acme.example", IsCustomer: true,
					Addresses: []xero.Address{{AddressType: "POBOX", AddressLine1: "1 Main St", City: "Wellington", Country: "NZ"}},
					Phones:    []xero.Phone{{PhoneType: "DEFAULT", PhoneNumber: "555 1234"}},
				}}, "k")
				return err
			},
			answer: `{"Contacts":[{"ContactID":"c-1","Name":"Acme Ltd"}]}`,
			method: "PUT", path: "Contacts", query: "summarizeErrors=false",
			body: `{"Contacts":[{"ContactNumber":"AT-17","Name":"Acme Ltd","EmailAddress":"ap@acme.example",
				"Addresses":[{"AddressType":"POBOX","AddressLine1":"1 Main St","City":"Wellington","Country":"NZ"}],
				"Phones":[{"PhoneType":"DEFAULT","PhoneNumber":"555 1234"}]}]}`,
		},
		{
			name: "update contacts",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.UpdateContacts(ctx, []xero.Contact{{ContactID: "c-1", EmailAddress: "new@acme.example"}}, "k")
				return err
			},
			answer: `{"Contacts":[{"ContactID":"c-1"}]}`,
			method: "POST", path: "Contacts", query: "summarizeErrors=false",
			body: `{"Contacts":[{"ContactID":"c-1","EmailAddress":"new@acme.example"}]}`,
		},
		{
			name: "create items",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.CreateItems(ctx, []xero.Item{{
					Code: "LAB-1", Name: "Labour", IsSold: &yes,
					SalesDetails: &xero.ItemDetails{UnitPrice: money.MustParse("95.1250"), AccountCode: "200", TaxType: "OUTPUT2"},
				}}, "k")
				return err
			},
			answer: `{"Items":[{"ItemID":"i-1","Code":"LAB-1"}]}`,
			method: "PUT", path: "Items", query: "summarizeErrors=false&unitdp=4",
			body: `{"Items":[{"Code":"LAB-1","Name":"Labour","IsSold":true,
				"SalesDetails":{"UnitPrice":95.1250,"AccountCode":"200","TaxType":"OUTPUT2"}}]}`,
		},
		{
			name: "create credit notes",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.CreateCreditNotes(ctx, []xero.CreditNote{{
					Type: xero.CreditNoteTypeSales, CreditNoteNumber: "CN-1", Contact: xero.Contact{ContactID: "c-1"},
					Date: day, Status: xero.StatusAuthorised, LineAmountTypes: xero.LineAmountsExclusive,
					LineItems: []xero.LineItem{{Description: "Refund", Quantity: money.MustParse("1"), UnitAmount: money.MustParse("50.00"), AccountCode: "200"}},
				}}, "k")
				return err
			},
			answer: `{"CreditNotes":[{"CreditNoteID":"cn-1","CreditNoteNumber":"CN-1"}]}`,
			method: "PUT", path: "CreditNotes", query: "summarizeErrors=false&unitdp=4",
			body: `{"CreditNotes":[{"Type":"ACCRECCREDIT","CreditNoteNumber":"CN-1","Contact":{"ContactID":"c-1"},
				"Date":"2026-11-20","Status":"AUTHORISED","LineAmountTypes":"Exclusive",
				"LineItems":[{"Description":"Refund","Quantity":1,"UnitAmount":50.00,"AccountCode":"200"}]}]}`,
		},
		{
			name: "allocate credit note",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.AllocateCreditNote(ctx, "cn-1", xero.Allocation{Invoice: xero.InvoiceRef("inv-1"), Amount: money.MustParse("25.50"), Date: day}, "k")
				return err
			},
			answer: `{"Allocations":[{"AllocationID":"a-1","Amount":25.50,"Date":"/Date(1795132800000+0000)/","Invoice":{"InvoiceID":"inv-1"}}]}`,
			method: "PUT", path: "CreditNotes/cn-1/Allocations", query: "summarizeErrors=false",
			body: `{"Allocations":[{"Invoice":{"InvoiceID":"inv-1"},"Amount":25.50,"Date":"2026-11-20"}]}`,
		},
		{
			name: "create payments",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.CreatePayments(ctx, []xero.Payment{{
					Invoice: &xero.Invoice{InvoiceID: "inv-1", InvoiceNumber: "AT-1", Total: money.MustParse("10")},
					Account: xero.AccountRef("090"), Date: day, Amount: money.MustParse("10.00"), Reference: "EFT",
				}}, "k")
				return err
			},
			answer: `{"Payments":[{"PaymentID":"p-1","Amount":10.00}]}`,
			method: "PUT", path: "Payments", query: "summarizeErrors=false",
			body: `{"Payments":[{"Invoice":{"InvoiceID":"inv-1"},"Account":{"Code":"090"},"Date":"2026-11-20","Amount":10.00,"Reference":"EFT"}]}`,
		},
		{
			name: "create purchase orders",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.CreatePurchaseOrders(ctx, []xero.PurchaseOrder{{
					PurchaseOrderNumber: "PO-1", Contact: xero.Contact{ContactID: "s-1", Name: "Supplier"}, Date: day,
					DeliveryDate: xero.NewDate(2026, 12, 1), Status: xero.StatusDraft,
					LineItems: []xero.LineItem{{Description: "Laptop", Quantity: money.MustParse("2"), UnitAmount: money.MustParse("1200.00"), AccountCode: "300"}},
				}}, "k")
				return err
			},
			answer: `{"PurchaseOrders":[{"PurchaseOrderID":"po-1"}]}`,
			method: "PUT", path: "PurchaseOrders", query: "summarizeErrors=false",
			body: `{"PurchaseOrders":[{"PurchaseOrderNumber":"PO-1","Contact":{"ContactID":"s-1"},
				"LineItems":[{"Description":"Laptop","Quantity":2,"UnitAmount":1200.00,"AccountCode":"300"}],
				"Date":"2026-11-20","DeliveryDate":"2026-12-01","Status":"DRAFT"}]}`,
		},
		{
			name: "void invoice",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.VoidInvoice(ctx, "inv-1", "k")
				return err
			},
			answer: `{"Invoices":[{"InvoiceID":"inv-1","Status":"VOIDED"}]}`,
			method: "POST", path: "Invoices/inv-1", query: "unitdp=4",
			body: `{"Invoices":[{"InvoiceID":"inv-1","Status":"VOIDED"}]}`,
		},
		{
			name: "delete invoice",
			call: func(ctx context.Context, c *xero.Client) error {
				_, err := c.DeleteInvoice(ctx, "inv-1", "k")
				return err
			},
			answer: `{"Invoices":[{"InvoiceID":"inv-1","Status":"DELETED"}]}`,
			method: "POST", path: "Invoices/inv-1", query: "unitdp=4",
			body: `{"Invoices":[{"InvoiceID":"inv-1","Status":"DELETED"}]}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, ok(tt.answer))
			if err := tt.call(context.Background(), f.client()); err != nil {
				t.Fatal(err)
			}
			r := f.requests()[0]
			if r.Method != tt.method || r.Path != tt.path || r.Query.Encode() != tt.query {
				t.Errorf("sent %s %s?%s, want %s %s?%s", r.Method, r.Path, r.Query.Encode(), tt.method, tt.path, tt.query)
			}
			if r.Header.Get("Idempotency-Key") != "k" || r.Header.Get("xero-tenant-id") != testTenant {
				t.Errorf("headers %v", r.Header)
			}
			jsonEqual(t, r.Body, tt.body)
		})
	}
}
