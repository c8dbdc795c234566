// Package ledgertest is the conformance suite every ledger adapter passes
// against its simulator (as restic's backend suite does for backends), and
// Memory, an in-memory ledger that passes it too.
package ledgertest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Harness is one fresh, empty organisation of a ledger under test.
type Harness struct {
	Ledger ledger.Ledger
	// Pay records a payment on a document as a person would in the ledger.
	Pay func(ctx context.Context, documentID string, amount money.Decimal, on time.Time) error
	// TaxCode and Account are a taxed income tax code and income account to use.
	TaxCode, Account string
}

// Run runs the suite; factory returns a fresh organisation per subtest.
func Run(t *testing.T, factory func(t *testing.T) Harness) {
	tests := []struct {
		name string
		fn   func(*testing.T, Harness)
	}{
		{"Settings", testSettings},
		{"Customers", testCustomers},
		{"Items", testItems},
		{"Documents", testDocuments},
		{"PerElementErrors", testElementErrors},
		{"Void", testVoid},
		{"Settlements", testSettlements},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, factory(t)) })
	}
}

func testSettings(t *testing.T, h Harness) {
	s, err := h.Ledger.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !s.BaseCurrency.Valid() || !s.HasCurrency(s.BaseCurrency) {
		t.Errorf("base currency %q is not among the enabled %v", s.BaseCurrency, s.Currencies)
	}
	var tax, acct bool
	for _, c := range s.TaxCodes {
		tax = tax || c.Code == h.TaxCode
	}
	for _, a := range s.Accounts {
		acct = acct || (a.Code == h.Account && a.Income)
	}
	if !tax || !acct {
		t.Errorf("tax code %s listed: %v; income account %s listed: %v", h.TaxCode, tax, h.Account, acct)
	}
	if caps := h.Ledger.Capabilities(); caps.BatchSize < 1 || caps.Kind == "" {
		t.Errorf("capabilities %+v: need a kind and a batch size", caps)
	}
}

func mustCustomer(t *testing.T, h Harness, name, number string) string {
	t.Helper()
	res, err := h.Ledger.SaveCustomers(context.Background(), []ledger.Customer{{Name: name, AccountNumber: number, Email: "ap@example.com"}}, "k-"+name)
	if err != nil || res[0].Err != nil {
		t.Fatalf("create customer: %v %v", err, res)
	}
	return res[0].ID
}

func testCustomers(t *testing.T, h Harness) {
	ctx := context.Background()
	res, err := h.Ledger.SaveCustomers(ctx, []ledger.Customer{
		{Name: "Acme Corp", AccountNumber: "C00001", Phone: "+44 20 7946 0000", Address: ledger.Address{Lines: []string{"1 High St"}, City: "London", PostalCode: "E1 6AN"}},
		{Name: "Beta BV", AccountNumber: "C00002"},
	}, "customers-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].ID == "" || res[1].ID == "" || res[0].Err != nil {
		t.Fatalf("results %+v: want two ids", res)
	}
	res2, err := h.Ledger.SaveCustomers(ctx, []ledger.Customer{{ID: res[0].ID, Name: "Acme Corporation", AccountNumber: "C00001"}}, "customers-2")
	if err != nil || res2[0].Err != nil || res2[0].ID != res[0].ID {
		t.Fatalf("update: %v %+v", err, res2)
	}
	all, err := h.Ledger.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ledger.Customer{}
	for _, c := range all {
		got[c.AccountNumber] = c
	}
	if c := got["C00001"]; c.ID != res[0].ID || c.Name != "Acme Corporation" {
		t.Errorf("C00001 = %+v, want the updated name under the same id", c)
	}
	if c := got["C00002"]; c.Name != "Beta BV" {
		t.Errorf("C00002 = %+v", c)
	}
}

func testItems(t *testing.T, h Harness) {
	ctx := context.Background()
	res, err := h.Ledger.CreateItems(ctx, []ledger.Item{{Code: "LAB-REMOTE", Name: "Remote support", UnitPrice: money.MustParse("95.5000"), AccountCode: h.Account, TaxCode: h.TaxCode}}, "items-1")
	if err != nil || res[0].Err != nil || res[0].ID == "" {
		t.Fatalf("create item: %v %+v", err, res)
	}
	dup, err := h.Ledger.CreateItems(ctx, []ledger.Item{{Code: "LAB-REMOTE", Name: "Remote support"}}, "items-2")
	if err != nil {
		t.Fatal(err)
	}
	if dup[0].Err == nil {
		t.Errorf("a second item with the same code was accepted")
	}
	items, err := h.Ledger.Items(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Code != "LAB-REMOTE" || items[0].AccountCode != h.Account {
		t.Errorf("items = %+v", items)
	}
}

// invoice is a two-line document of 3.1750 h at 100.0000 and a credit line.
func invoice(h Harness, customer, number, ourRef string) ledger.Document {
	return ledger.Document{
		Kind: ledger.KindInvoice, Number: number, OurRef: ourRef, Reference: "PO-77", CustomerID: customer,
		Date: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), DueDate: time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC),
		Currency: "GBP", Status: ledger.StatusApproved,
		Lines: []ledger.Line{
			{Description: "Remote support", Quantity: money.MustParse("3.1750"), UnitPrice: money.MustParse("100.0000"), Amount: money.MustParse("317.50"), AccountCode: h.Account, TaxCode: h.TaxCode, TaxAmount: money.MustParse("63.50")},
			{Description: "Goodwill credit", Quantity: money.FromInt(1), UnitPrice: money.MustParse("-10.0050"), Amount: money.MustParse("-10.01"), AccountCode: h.Account, TaxCode: h.TaxCode, TaxAmount: money.MustParse("-2.00")},
		},
	}
}

func testDocuments(t *testing.T, h Harness) {
	ctx := context.Background()
	cust := mustCustomer(t, h, "Gamma Ltd", "C00003")
	inv := invoice(h, cust, "24001", "AT-1")
	unnumbered := invoice(h, cust, "", "AT-2")
	credit := invoice(h, cust, "CN-24003", "AT-3")
	credit.Kind, credit.Lines = ledger.KindCreditNote, credit.Lines[:1]
	res, err := h.Ledger.CreateDocuments(ctx, []ledger.Document{inv, unnumbered, credit}, "docs-1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.ID == "" || r.Number == "" {
			t.Fatalf("result %d = %+v (%v)", i, r, r.Err)
		}
	}
	if res[0].Number != "24001" {
		t.Errorf("number = %q, want Autotask's 24001 kept", res[0].Number)
	}
	found, err := h.Ledger.FindDocuments(ctx, []ledger.DocRef{
		{Kind: ledger.KindInvoice, Number: "24001"}, {Kind: ledger.KindInvoice, OurRef: "AT-2"},
		{Kind: ledger.KindCreditNote, Number: "CN-24003"}, {Kind: ledger.KindInvoice, Number: "99999"}, {Kind: ledger.KindInvoice, OurRef: "AT-99"},
	})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]ledger.Found{}
	for _, f := range found {
		byID[f.ID] = f
	}
	if len(found) != 3 {
		t.Fatalf("found %d documents, want 3 (the missing refs left out): %+v", len(found), found)
	}
	if f := byID[res[0].ID]; !f.Total.Equal(inv.Total()) {
		t.Errorf("invoice total in the ledger %s, planned %s", f.Total, inv.Total())
	}
	if f := byID[res[1].ID]; f.Ref.OurRef != "AT-2" || f.Number != res[1].Number {
		t.Errorf("lookup by our reference = %+v", f)
	}
	if _, ok := byID[res[2].ID]; !ok {
		t.Errorf("credit note not found by number")
	}
	again, err := h.Ledger.CreateDocuments(ctx, []ledger.Document{inv}, "docs-2")
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Err == nil {
		t.Errorf("a second invoice numbered 24001 was accepted")
	}
}

func testElementErrors(t *testing.T, h Harness) {
	ctx := context.Background()
	cust := mustCustomer(t, h, "Delta GmbH", "C00004")
	var docs []ledger.Document
	for i := range 3 {
		docs = append(docs, invoice(h, cust, fmt.Sprintf("2410%d", i), fmt.Sprintf("AT-1%d", i)))
	}
	docs[1].Lines[0].Amount = money.MustParse("317.49") // not quantity × price
	res, err := h.Ledger.CreateDocuments(ctx, docs, "docs-err")
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[2].Err != nil || res[1].Err == nil {
		t.Fatalf("want only element 2 refused: %+v", res)
	}
}

func testVoid(t *testing.T, h Harness) {
	ctx := context.Background()
	cust := mustCustomer(t, h, "Epsilon Inc", "C00005")
	res, err := h.Ledger.CreateDocuments(ctx, []ledger.Document{invoice(h, cust, "24200", "AT-20")}, "docs-void")
	if err != nil || res[0].Err != nil {
		t.Fatal(err, res)
	}
	if err := h.Ledger.VoidDocument(ctx, ledger.KindInvoice, res[0].ID, "void-1"); err != nil {
		t.Fatal(err)
	}
	found, err := h.Ledger.FindDocuments(ctx, []ledger.DocRef{{Kind: ledger.KindInvoice, Number: "24200"}})
	if err != nil || len(found) != 1 || found[0].Status != ledger.StatusVoided {
		t.Fatalf("after void: %v %+v", err, found)
	}
}

func testSettlements(t *testing.T, h Harness) {
	ctx := context.Background()
	cust := mustCustomer(t, h, "Zeta Pty", "C00006")
	start := time.Now().Add(-time.Minute)
	res, err := h.Ledger.CreateDocuments(ctx, []ledger.Document{invoice(h, cust, "24300", "AT-30"), invoice(h, cust, "24301", "AT-31")}, "docs-pay")
	if err != nil || res[0].Err != nil || res[1].Err != nil {
		t.Fatal(err, res)
	}
	total := invoice(h, cust, "", "").Total()
	paidOn := time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC)
	if err := h.Pay(ctx, res[0].ID, money.MustParse("100.00"), time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := h.Pay(ctx, res[0].ID, total.Sub(money.MustParse("100.00")), paidOn); err != nil {
		t.Fatal(err)
	}
	if err := h.Pay(ctx, res[1].ID, money.MustParse("50.00"), paidOn); err != nil {
		t.Fatal(err)
	}
	ss, err := h.Ledger.SettlementsSince(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ledger.Settlement{}
	for _, s := range ss {
		got[s.DocumentID] = s
	}
	full, part := got[res[0].ID], got[res[1].ID]
	if !full.AmountDue.IsZero() || !full.FullyPaidOn.Equal(paidOn) || len(full.Payments) != 2 {
		t.Errorf("fully paid invoice: %+v, want due 0, paid on %s, 2 payments", full, paidOn.Format(time.DateOnly))
	}
	if !part.AmountPaid.Equal(money.MustParse("50.00")) || !part.FullyPaidOn.IsZero() || !part.AmountDue.Equal(total.Sub(money.MustParse("50"))) {
		t.Errorf("partly paid invoice: %+v", part)
	}
}
