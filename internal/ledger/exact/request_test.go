package exact_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// TestReadRequests checks the path, $select and $filter of every read, and
// that spaces travel as %20, never "+".
func TestReadRequests(t *testing.T) {
	div := fmt.Sprint(testDivision) + "/"
	tests := []struct {
		name   string
		call   func(context.Context, *exact.Client) error
		path   string
		filter string
		selAll []string // fields $select must name
	}{
		{"me has no division", func(ctx context.Context, c *exact.Client) error { _, err := c.Me(ctx); return err },
			"current/Me", "", []string{"CurrentDivision", "UserID"}},
		{"divisions", func(ctx context.Context, c *exact.Client) error { _, err := c.Divisions(ctx); return err },
			div + "system/Divisions", "", []string{"Code", "Description", "Country", "Currency"}},
		{"accounts by id use guid literals", func(ctx context.Context, c *exact.Client) error {
			_, err := c.AccountsByID(ctx, []string{guidA, strings.ToUpper(guidB)})
			return err
		}, div + "crm/Accounts", "ID eq guid'" + guidA + "' or ID eq guid'" + guidB + "'", []string{"ID", "Code", "Name", "PaymentConditionSales"}},
		{"accounts by code are padded to 18", func(ctx context.Context, c *exact.Client) error {
			_, err := c.AccountsByCode(ctx, []string{"1001", " 42 "})
			return err
		}, div + "crm/Accounts", "Code eq '              1001' or Code eq '                42'", []string{"Code"}},
		{"accounts by name double quotes", func(ctx context.Context, c *exact.Client) error {
			_, err := c.AccountsByName(ctx, "O'Brien & Sons")
			return err
		}, div + "crm/Accounts", "Name eq 'O''Brien & Sons'", []string{"Name"}},
		{"customers", func(ctx context.Context, c *exact.Client) error { _, err := c.Customers(ctx); return err },
			div + "crm/Accounts", "Status eq 'C'", []string{"ID"}},
		{"sync accounts", func(ctx context.Context, c *exact.Client) error { _, _, err := c.SyncAccounts(ctx, 0); return err },
			div + "sync/CRM/Accounts", "Timestamp gt 1", []string{"Timestamp", "ID", "Name"}},
		{"sales items", func(ctx context.Context, c *exact.Client) error { _, err := c.SalesItems(ctx); return err },
			div + "logistics/Items", "IsSalesItem eq true", []string{"ID", "Code", "GLRevenue", "SalesVatCode"}},
		{"items by code", func(ctx context.Context, c *exact.Client) error {
			_, err := c.ItemsByCode(ctx, []string{"LAB-1"})
			return err
		},
			div + "logistics/Items", "Code eq 'LAB-1'", []string{"ID"}},
		{"sync items from a timestamp", func(ctx context.Context, c *exact.Client) error {
			_, _, err := c.SyncItems(ctx, 987654321)
			return err
		}, div + "sync/Logistics/Items", "Timestamp gt 987654321", []string{"Timestamp"}},
		{"sales entries by your ref", func(ctx context.Context, c *exact.Client) error {
			_, err := c.SalesEntriesByYourRef(ctx, []string{"1042", "T'1"})
			return err
		}, div + "salesentry/SalesEntries", "YourRef eq '1042' or YourRef eq 'T''1'", []string{"EntryID", "EntryNumber", "YourRef"}},
		{"sales invoices by your ref", func(ctx context.Context, c *exact.Client) error {
			_, err := c.SalesInvoicesByYourRef(ctx, []string{"1042"})
			return err
		}, div + "salesinvoice/SalesInvoices", "YourRef eq '1042'", []string{"InvoiceID", "InvoiceNumber", "Status"}},
		{"receivables by your ref", func(ctx context.Context, c *exact.Client) error {
			_, err := c.ReceivablesByYourRef(ctx, []string{"1042"})
			return err
		}, div + "cashflow/Receivables", "YourRef eq '1042'", []string{"IsFullyPaid", "LastPaymentDate", "TransactionEntryID"}},
		{"receivables by entry", func(ctx context.Context, c *exact.Client) error {
			_, err := c.ReceivablesByEntry(ctx, []string{guidC})
			return err
		}, div + "cashflow/Receivables", "TransactionEntryID eq guid'" + guidC + "'", []string{"IsFullyPaid"}},
		{"sync payment terms", func(ctx context.Context, c *exact.Client) error {
			_, _, err := c.SyncPaymentTerms(ctx, 5)
			return err
		}, div + "sync/Cashflow/PaymentTerms", "Timestamp gt 5", []string{"Timestamp", "IsFullyPaid", "LastPaymentDate"}},
		{"VAT codes", func(ctx context.Context, c *exact.Client) error { _, err := c.VATCodes(ctx); return err },
			div + "vat/VATCodes", "", []string{"Code", "Percentage"}},
		{"payment conditions", func(ctx context.Context, c *exact.Client) error { _, err := c.PaymentConditions(ctx); return err },
			div + "cashflow/PaymentConditions", "", []string{"Code", "PaymentDays"}},
		{"currencies", func(ctx context.Context, c *exact.Client) error { _, err := c.Currencies(ctx); return err },
			div + "general/Currencies", "", []string{"Code"}},
		{"journals", func(ctx context.Context, c *exact.Client) error { _, err := c.Journals(ctx); return err },
			div + "financial/Journals", "", []string{"Code", "Type"}},
		{"sales journals", func(ctx context.Context, c *exact.Client) error { _, err := c.SalesJournals(ctx); return err },
			div + "financial/Journals", "Type eq 20", []string{"Code"}},
		{"GL accounts", func(ctx context.Context, c *exact.Client) error { _, err := c.GLAccounts(ctx); return err },
			div + "financial/GLAccounts", "", []string{"ID", "Code", "Type"}},
		{"revenue GL accounts", func(ctx context.Context, c *exact.Client) error { _, err := c.RevenueGLAccounts(ctx); return err },
			div + "financial/GLAccounts", "Type eq 110", []string{"ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(r recorded) (int, http.Header, string) {
				if r.Path == "current/Me" {
					return 200, nil, `{"d":{"results":[{"UserID":"` + guidA + `","CurrentDivision":1}]}}`
				}
				return 200, nil, empty
			})
			if err := tt.call(context.Background(), f.client()); err != nil {
				t.Fatal(err)
			}
			reqs := f.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != http.MethodGet || r.Path != tt.path {
				t.Errorf("%s %s, want GET %s", r.Method, r.Path, tt.path)
			}
			if got := r.Query.Get("$filter"); got != tt.filter {
				t.Errorf("$filter = %q\n          want %q", got, tt.filter)
			}
			sel := "," + r.Query.Get("$select") + ","
			if sel == ",," {
				t.Errorf("no $select in %q", r.RawQuery)
			}
			for _, f := range tt.selAll {
				if !strings.Contains(sel, ","+f+",") {
					t.Errorf("$select %q lacks %s", sel, f)
				}
			}
			if strings.Contains(r.RawQuery, "+") {
				t.Errorf("query %q encodes a space as +", r.RawQuery)
			}
			if r.Header.Get("Accept") != "application/json" {
				t.Errorf("Accept = %q", r.Header.Get("Accept"))
			}
		})
	}
}

// TestDivisionsWithoutDivision asks current/Me for the division first.
func TestDivisionsWithoutDivision(t *testing.T) {
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		if r.Path == "current/Me" {
			return 200, nil, `{"d":{"results":[{"UserID":"` + guidA + `","CurrentDivision":777,"FullName":"Ann"}]}}`
		}
		return 200, nil, `{"d":{"results":[{"Code":777,"Description":"Acme BV","Country":"NL","Currency":"EUR","Current":true},{"Code":778,"Description":"Acme NV","Country":"BE","Currency":"EUR"}]}}`
	})
	c := exact.NewClient(f.base(), f.srv.Client(), 0)
	divs, err := c.Divisions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(divs) != 2 || divs[0].Code != 777 || !divs[0].Current || divs[1].Country != "BE" {
		t.Errorf("divisions %+v", divs)
	}
	reqs := f.requests()
	if len(reqs) != 2 || reqs[1].Path != "777/system/Divisions" {
		t.Errorf("requests %+v", reqs)
	}
}

// TestPaging follows __next until it is absent, and refuses a next link to
// another host (it would carry the token there).
func TestPaging(t *testing.T) {
	var f *fake
	f = newFake(t, func(r recorded) (int, http.Header, string) {
		switch r.Query.Get("$skiptoken") {
		case "":
			return 200, nil, `{"d":{"results":[{"Code":"1"},{"Code":"2"}],"__next":"` + f.base() + fmt.Sprint(testDivision) + `/vat/VATCodes?$select=Code&$skiptoken=guid'x1'"}}`
		case "guid'x1'":
			return 200, nil, `{"d":{"results":[{"Code":"3"}],"__next":"` + f.base() + fmt.Sprint(testDivision) + `/vat/VATCodes?$select=Code&$skiptoken=guid'x2'"}}`
		default:
			return 200, nil, `{"d":{"results":[{"Code":"4"}]}}`
		}
	})
	got, err := f.client().VATCodes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[3].Code != "4" || len(f.requests()) != 3 {
		t.Errorf("got %d codes in %d calls", len(got), len(f.requests()))
	}

	evil := newFake(t, ok(`{"d":{"results":[],"__next":"https://attacker.example/api/v1/1/vat/VATCodes?$skiptoken=1"}}`))
	if _, err := evil.client().VATCodes(context.Background()); err == nil || !strings.Contains(err.Error(), "next link") {
		t.Errorf("foreign next link: %v", err)
	}
}

// TestBatchedLookups splits 400 references into URLs Exact accepts, each
// reference asked exactly once.
func TestBatchedLookups(t *testing.T) {
	f := newFake(t, ok(empty))
	refs := make([]string, 400)
	for i := range refs {
		refs[i] = fmt.Sprintf("%d", 100000+i)
	}
	if _, err := f.client().SalesEntriesByYourRef(context.Background(), refs); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	seen := map[string]int{}
	for _, r := range reqs {
		if n := len(f.base()) + len(r.Path) + 1 + len(r.RawQuery); n > 5000 {
			t.Errorf("URL of %d characters", n)
		}
		for _, part := range strings.Split(strings.Trim(r.Query.Get("$filter"), "()"), " or ") {
			seen[strings.TrimSuffix(strings.TrimPrefix(part, "YourRef eq '"), "'")]++
		}
	}
	// "YourRef%20eq%20%27100000%27%20or%20" is 35 characters: 114 to a call.
	if len(reqs) != 4 {
		t.Errorf("%d calls for 400 references", len(reqs))
	}
	for _, r := range refs {
		if seen[r] != 1 {
			t.Errorf("reference %s asked %d times", r, seen[r])
		}
	}
}

// TestSyncTimestamp keeps the highest Timestamp as the next starting point.
func TestSyncTimestamp(t *testing.T) {
	f := newFake(t, ok(`{"d":{"results":[
		{"Timestamp":1200,"ID":"`+guidA+`","IsFullyPaid":true,"LastPaymentDate":"/Date(1763856000000)/","AmountDC":121.00},
		{"Timestamp":1500,"ID":"`+guidB+`","IsFullyPaid":false,"LastPaymentDate":"/Date(1763856000000)/","AmountDC":50.5}]}}`))
	rows, next, err := f.client().SyncPaymentTerms(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if next != 1500 || len(rows) != 2 || rows[0].AmountDC.String() != "121.00" {
		t.Errorf("next %d rows %+v", next, rows)
	}
	f2 := newFake(t, ok(empty))
	if _, next, _ := f2.client().SyncPaymentTerms(context.Background(), 1500); next != 1500 {
		t.Errorf("nothing new: next %d, want 1500", next)
	}
}
