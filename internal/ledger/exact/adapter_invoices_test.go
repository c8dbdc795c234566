package exact_test

import (
	"context"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
)

// In SalesInvoices mode Exact numbers the invoice; Autotask's number is in
// YourRef, which is what lookups, duplicates and voids go by.
func TestAdapterSalesInvoices(t *testing.T) {
	ctx := context.Background()
	e := startAdapter(t, simDivision, exact.AdapterOptions{Mode: exact.SalesInvoices, DefaultItem: "MANAGED"})
	cust := customer(t, e, "Factuur BV", "6001")
	draft := doc(cust, "24001", "AT-1")
	draft.Status = ledger.StatusDraft
	credit := doc(cust, "24002", "AT-2")
	credit.Kind = ledger.KindCreditNote
	noItem := doc(cust, "24003", "AT-3")
	noItem.Lines[0].ItemCode = ""
	wrongVAT := doc(cust, "24004", "AT-4")
	wrongVAT.Lines[0].TaxAmount = money.MustParse("199.49") // Exact would compute 199.50
	res, err := e.adapter.CreateDocuments(ctx, []ledger.Document{draft, credit, noItem, wrongVAT}, "")
	if err != nil {
		t.Fatal(err)
	}
	for i, wantOK := range []bool{true, true, true, false} {
		if (res[i].Err == nil) != wantOK {
			t.Errorf("document %d: %+v %v", i, res[i], res[i].Err)
		}
	}
	if res[0].Number == "" || res[0].Number == "24001" {
		t.Errorf("number %q: want Exact's own", res[0].Number)
	}
	found, err := e.adapter.FindDocuments(ctx, []ledger.DocRef{
		{Kind: ledger.KindInvoice, Number: "24001"}, {Kind: ledger.KindCreditNote, Number: "24002"}, {Kind: ledger.KindInvoice, Number: "24004"}})
	if err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]ledger.Found{}
	for _, f := range found {
		byNumber[f.Ref.Number] = f
	}
	if len(found) != 2 || byNumber["24001"].Status != ledger.StatusDraft || byNumber["24002"].Status != ledger.StatusApproved {
		t.Errorf("found %+v: want the open invoice as draft, the processed credit note approved", found)
	}
	if !byNumber["24002"].Total.Equal(money.MustParse("1149.50")) {
		t.Errorf("credit note total %s", byNumber["24002"].Total)
	}
	again, err := e.adapter.CreateDocuments(ctx, []ledger.Document{draft}, "")
	if err != nil || apperr.CodeOf(again[0].Err) != apperr.Conflict {
		t.Errorf("the same invoice again: %v %+v, want a conflict", err, again)
	}

	// An open invoice cannot be reversed: the person deletes it in Exact.
	err = e.adapter.VoidDocument(ctx, ledger.KindInvoice, res[0].ID, "")
	if ae, ok := apperr.As(err); !ok || !strings.Contains(ae.Fix, "Delete the invoice in Exact by hand") {
		t.Errorf("void of an open invoice: %v", err)
	}
	// A processed one is reversed by a processed credit invoice, once.
	for range 2 {
		if err := e.adapter.VoidDocument(ctx, ledger.KindCreditNote, res[1].ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	found, _ = e.adapter.FindDocuments(ctx, []ledger.DocRef{{Kind: ledger.KindCreditNote, Number: "24002"}})
	if len(found) != 1 || found[0].Status != ledger.StatusVoided {
		t.Errorf("after void: %+v", found)
	}
	reversals := 0
	for _, r := range e.srv.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "salesinvoice/SalesInvoices") && strings.Contains(r.Body, "VOID 24002") {
			reversals++
		}
	}
	if reversals != 1 {
		t.Errorf("%d reversing invoices posted, want 1", reversals)
	}
	if n := e.failures(); n != 0 {
		t.Errorf("%d calls failed at Exact", n)
	}
}

// The Belgian demo division has no invoicing module: the first call says
// so, and nothing is posted.
func TestAdapterSalesInvoicesWithoutModule(t *testing.T) {
	ctx := context.Background()
	e := startAdapter(t, divisionBE, exact.AdapterOptions{Mode: exact.SalesInvoices})
	cust := customer(t, e, "Factuur BVBA", "6002")
	_, err := e.adapter.CreateDocuments(ctx, []ledger.Document{doc(cust, "24001", "AT-1")}, "")
	if ae, ok := apperr.As(err); !ok || ae.Code != apperr.Reconnect || !strings.Contains(ae.Fix, "module") {
		t.Fatalf("err = %v, want a call error naming the missing module", err)
	}
	for _, r := range e.srv.Requests() {
		if r.Method == "POST" && strings.Contains(r.Path, "salesinvoice") {
			t.Errorf("posted %s", r.Path)
		}
	}
}
