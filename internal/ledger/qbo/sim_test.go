package qbo_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

func simInvoice(doc string, s setup, lines ...qbo.Line) qbo.Invoice {
	var inv qbo.Invoice
	inv.DocNumber = doc
	inv.TxnDate = qbo.NewDate(2026, 3, 1)
	inv.DueDate = qbo.NewDate(2026, 3, 31)
	inv.CustomerRef = qbo.Ref{Value: s.customer.ID}
	inv.PrivateNote = "Autotask invoice " + doc
	inv.CustomerMemo = qbo.Memo{Value: "Thank you"}
	inv.Line = lines
	return inv
}

// TestSimUSInvoiceLifecycle creates, reads, queries, updates, voids and
// deletes invoices in a US company: lines carry TAX/NON, the invoice's tax
// comes from the company (automated sales tax).
func TestSimUSInvoiceLifecycle(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyUS)
	ctx := context.Background()
	s := prepare(t, e, "Amy's Bird Sanctuary")
	item := qbo.Ref{Value: s.item.ID}

	inv := simInvoice("1043", s,
		qbo.SalesLine("Managed services", item, money.MustParse("2"), money.MustParse("100.00"), qbo.TaxCodeTaxable),
		qbo.SalesLine("Hardware pass-through", item, money.MustParse("1"), money.MustParse("50.00"), qbo.TaxCodeNonTaxable),
		qbo.DescriptionLine("Tickets T1, T2"))
	created, err := qbo.Create(ctx, e.client, inv, "inv/1043")
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.SyncToken == "" || created.TotalAmt.Cmp(money.MustParse("250")) < 0 {
		t.Errorf("created %+v", created.SalesTransaction)
	}
	if created.TxnTaxDetail == nil || !created.TxnTaxDetail.TotalTax.IsNegative() && created.TxnTaxDetail.TotalTax.IsZero() {
		t.Errorf("US invoice got no sales tax: %+v", created.TxnTaxDetail)
	}

	read, err := qbo.Read[qbo.Invoice](ctx, e.client, created.ID)
	if err != nil || read.DocNumber != "1043" || len(read.Line) < 3 {
		t.Fatalf("read %+v %v", read.SalesTransaction, err)
	}

	// Query by the customer's name with an apostrophe, and by DocNumber.
	custs, err := qbo.QueryIn[qbo.Customer](ctx, e.client, "DisplayName", []string{"Amy's Bird Sanctuary", "Nobody"})
	if err != nil || len(custs) != 1 || custs[0].ID != s.customer.ID {
		t.Fatalf("customer by name: %+v %v", custs, err)
	}
	found, err := qbo.Query[qbo.Invoice](ctx, e.client, "Invoice", "DocNumber in ?", []string{"1043", "9999"})
	if err != nil || len(found) != 1 || found[0].ID != created.ID {
		t.Fatalf("invoice by DocNumber: %+v %v", found, err)
	}
	if n, err := qbo.Count(ctx, e.client, "Invoice", "DocNumber = ?", "1043"); err != nil || n != 1 {
		t.Errorf("count = %d, %v", n, err)
	}

	var change qbo.Invoice
	change.ID, change.SyncToken, change.PrivateNote = read.ID, read.SyncToken, "Reviewed"
	updated, err := qbo.Update(ctx, e.client, change, "inv/1043/note")
	if err != nil {
		t.Fatal(err)
	}
	if updated.PrivateNote != "Reviewed" || updated.SyncToken == read.SyncToken || updated.CustomerMemo.Value != "Thank you" {
		t.Errorf("sparse update: %+v", updated.SalesTransaction)
	}

	if err := qbo.Void[qbo.Invoice](ctx, e.client, updated.ID, updated.SyncToken, "inv/1043/void"); err != nil {
		t.Fatalf("void: %v", err)
	}
	voided, err := qbo.Read[qbo.Invoice](ctx, e.client, updated.ID)
	if err != nil || !voided.TotalAmt.IsZero() {
		t.Errorf("voided invoice %+v %v", voided.SalesTransaction, err)
	}
	if err := qbo.Delete[qbo.Invoice](ctx, e.client, voided.ID, voided.SyncToken, "inv/1043/delete"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	_, err = qbo.Read[qbo.Invoice](ctx, e.client, voided.ID)
	if !errors.Is(err, qbo.ErrNotFound) || apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("read after delete: %v", err)
	}
}

// TestSimNonUSTaxPerLine: a GB company takes a real tax code on each line
// and GlobalTaxCalculation.
func TestSimNonUSTaxPerLine(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyGB)
	ctx := context.Background()
	s := prepare(t, e, "Contoso Ltd")
	codes, err := qbo.Query[qbo.TaxCode](ctx, e.client, "TaxCode", "")
	if err != nil {
		t.Fatal(err)
	}
	var standard qbo.TaxCode
	for _, c := range codes {
		if c.Name == "20.0% S" {
			standard = c
		}
	}
	if standard.ID == "" || len(standard.SalesTaxRateList.TaxRateDetail) != 1 {
		t.Fatalf("no 20%% code among %+v", codes)
	}
	rate, err := qbo.Read[qbo.TaxRate](ctx, e.client, standard.SalesTaxRateList.TaxRateDetail[0].TaxRateRef.Value)
	if err != nil || rate.RateValue.Cmp(money.FromInt(20)) != 0 {
		t.Fatalf("rate %+v %v", rate, err)
	}
	agency, err := qbo.Read[qbo.TaxAgency](ctx, e.client, rate.AgencyRef.Value)
	if err != nil || agency.DisplayName == "" {
		t.Fatalf("agency %+v %v", agency, err)
	}

	inv := simInvoice("GB-1", s, qbo.SalesLine("Support", qbo.Ref{Value: s.item.ID}, money.MustParse("3"), money.MustParse("100.00"), standard.ID))
	inv.GlobalTaxCalculation = qbo.TaxExcluded
	created, err := qbo.Create(ctx, e.client, inv, "gb/1")
	if err != nil {
		t.Fatal(err)
	}
	if created.TotalAmt.Cmp(money.MustParse("360.00")) != 0 || created.TxnTaxDetail == nil ||
		created.TxnTaxDetail.TotalTax.Cmp(money.MustParse("60.00")) != 0 {
		t.Errorf("GB invoice total %s tax %+v, want 360.00 with 60.00 VAT", created.TotalAmt, created.TxnTaxDetail)
	}

	// US pseudo codes mean nothing here.
	bad := simInvoice("GB-2", s, qbo.SalesLine("Support", qbo.Ref{Value: s.item.ID}, money.FromInt(1), money.FromInt(1), qbo.TaxCodeTaxable))
	bad.GlobalTaxCalculation = qbo.TaxExcluded
	if _, err := qbo.Create(ctx, e.client, bad, "gb/2"); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("TAX in a GB company: %v", err)
	}
}

// TestSimEntities creates or reads every other entity the client models.
func TestSimEntities(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyUS)
	ctx := context.Background()
	s := prepare(t, e, "Fabrikam")

	terms, err := qbo.Query[qbo.Term](ctx, e.client, "Term", "")
	if err != nil || len(terms) == 0 {
		t.Fatalf("terms %v %v", terms, err)
	}
	class, err := qbo.Create(ctx, e.client, qbo.Class{Name: "Managed Services"}, "class/1")
	if err != nil {
		t.Fatal(err)
	}
	dept, err := qbo.Create(ctx, e.client, qbo.Department{Name: "New York"}, "dept/1")
	if err != nil {
		t.Fatal(err)
	}
	item, err := qbo.Create(ctx, e.client, qbo.Item{Name: "Backup (per device)", Sku: "BKP-01", Type: qbo.ItemService,
		IncomeAccountRef: qbo.Ref{Value: s.income.ID}, UnitPrice: money.MustParse("12.50")}, "item/1")
	if err != nil || item.Sku != "BKP-01" {
		t.Fatalf("item %+v %v", item, err)
	}
	vendor, err := qbo.Create(ctx, e.client, qbo.Vendor{DisplayName: "Pax8"}, "vendor/1")
	if err != nil {
		t.Fatal(err)
	}
	expenses, err := qbo.Query[qbo.Account](ctx, e.client, "Account", "AccountType = ?", qbo.AccountExpense)
	if err != nil || len(expenses) == 0 {
		t.Fatalf("expense accounts %v %v", expenses, err)
	}
	expenseLine := qbo.Line{Amount: money.MustParse("80.00"), DetailType: qbo.DetailAcctExpense,
		AccountBasedExpenseLineDetail: &qbo.AccountBasedExpenseLineDetail{AccountRef: qbo.Ref{Value: expenses[0].ID}}}
	var bill qbo.Bill
	bill.VendorRef, bill.TxnDate, bill.DocNumber = qbo.Ref{Value: vendor.ID}, qbo.NewDate(2026, 3, 2), "PAX-77"
	bill.Line = []qbo.Line{expenseLine}
	if bill, err = qbo.Create(ctx, e.client, bill, "bill/1"); err != nil || bill.TotalAmt.Cmp(money.MustParse("80")) != 0 {
		t.Fatalf("bill %+v %v", bill, err)
	}
	var po qbo.PurchaseOrder
	po.VendorRef, po.Line = qbo.Ref{Value: vendor.ID}, []qbo.Line{expenseLine}
	if _, err := qbo.Create(ctx, e.client, po, "po/1"); err != nil {
		t.Fatalf("purchase order: %v", err)
	}

	line := qbo.SalesLine("Backup", qbo.Ref{Value: item.ID}, money.FromInt(4), money.MustParse("12.50"), qbo.TaxCodeNonTaxable)
	line.SalesItemLineDetail.ClassRef = qbo.Ref{Value: class.ID}
	inv := simInvoice("2001", s, line)
	inv.DepartmentRef, inv.SalesTermRef = qbo.Ref{Value: dept.ID}, qbo.Ref{Value: terms[0].ID}
	inv, err = qbo.Create(ctx, e.client, inv, "inv/2001")
	if err != nil {
		t.Fatal(err)
	}
	var cm qbo.CreditMemo
	cm.DocNumber, cm.CustomerRef = "CM-2001", qbo.Ref{Value: s.customer.ID}
	cm.Line = []qbo.Line{qbo.SalesLine("Refund", qbo.Ref{Value: item.ID}, money.FromInt(1), money.MustParse("12.50"), qbo.TaxCodeNonTaxable)}
	if _, err := qbo.Create(ctx, e.client, cm, "cm/1"); err != nil {
		t.Fatalf("credit memo: %v", err)
	}

	// A payment made in QuickBooks shows up through change data capture.
	since := time.Now().Add(-time.Minute)
	pay := qbo.Payment{CustomerRef: qbo.Ref{Value: s.customer.ID}, TotalAmt: money.MustParse("50.00"),
		Line: []qbo.Line{{Amount: money.MustParse("50.00"), LinkedTxn: []qbo.LinkedTxn{{TxnID: inv.ID, TxnType: "Invoice"}}}}}
	if _, err := qbo.Create(ctx, e.client, pay, "pay/1"); err != nil {
		t.Fatalf("payment: %v", err)
	}
	ch, err := e.client.ChangedSince(ctx, []string{"Payment", "Invoice"}, since)
	if err != nil {
		t.Fatal(err)
	}
	pays, err := qbo.ChangesOf[qbo.Payment](ch)
	if err != nil || len(pays) != 1 || pays[0].Applied("Invoice")[inv.ID].Cmp(money.MustParse("50")) != 0 {
		t.Errorf("payments from CDC: %+v %v", pays, err)
	}
	invs, _ := qbo.ChangesOf[qbo.Invoice](ch)
	if len(invs) == 0 {
		t.Errorf("the paid invoice is not among the changes")
	}
}

// TestSimBatchMixedSuccess: one request of 30 and one of 5; a duplicate
// DocNumber and an unknown item fail alone.
func TestSimBatchMixedSuccess(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyUS)
	ctx := context.Background()
	s := prepare(t, e, "Northwind")
	if _, err := qbo.Create(ctx, e.client, simInvoice("B-0003", s, qbo.SalesLine("x", qbo.Ref{Value: s.item.ID}, money.FromInt(1), money.FromInt(5), "NON")), "pre"); err != nil {
		t.Fatal(err)
	}
	items := make([]qbo.Invoice, 35)
	for i := range items {
		ref := qbo.Ref{Value: s.item.ID}
		if i == 20 {
			ref = qbo.Ref{Value: "999999"}
		}
		items[i] = simInvoice(fmt.Sprintf("B-%04d", i), s, qbo.SalesLine("Line", ref, money.FromInt(1), money.MustParse("10.00"), "NON"))
	}
	before := e.counter.Count(batchCalls)
	res, err := qbo.CreateBatch(ctx, e.client, items, "batch/northwind")
	if err != nil {
		t.Fatal(err)
	}
	if got := e.counter.Count(batchCalls) - before; got != 2 {
		t.Errorf("%d batch calls for 35 invoices, want 2", got)
	}
	if len(res.Saved) != 33 || len(res.Failed) != 2 {
		t.Fatalf("saved %d, failed %+v", len(res.Saved), res.Failed)
	}
	dup, ref := res.Failed[0], res.Failed[1]
	if dup.Index != 3 || dup.Code != qbo.CodeDuplicateDocNum || apperr.CodeOf(dup.Err) != apperr.Conflict {
		t.Errorf("duplicate: %+v", dup)
	}
	if ae, _ := apperr.As(dup.Err); ae == nil || ae.Message != "Invoice B-0003 already exists in QuickBooks" {
		t.Errorf("duplicate message: %v", dup.Err)
	}
	if ref.Index != 20 || apperr.CodeOf(ref.Err) != apperr.Invalid {
		t.Errorf("bad item: %+v", ref)
	}
	if n, _ := qbo.Count(ctx, e.client, "Invoice", ""); n != 34 {
		t.Errorf("%d invoices in QuickBooks, want 34", n)
	}
}

// TestSimRetriedCreateMakesOneDocument: the connection drops after
// QuickBooks saved the invoice; httpx sends it again with the same requestid
// and QuickBooks answers with the first result. Calling again with the same
// key does the same.
func TestSimRetriedCreateMakesOneDocument(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyUS)
	ctx := context.Background()
	s := prepare(t, e, "Tailspin")
	e.onSleep = func() { e.srv.SetFaults(qbosim.Faults{}) }
	e.srv.SetFaults(qbosim.Faults{ResetRate: 1})
	inv := simInvoice("R-1", s, qbo.SalesLine("Line", qbo.Ref{Value: s.item.ID}, money.FromInt(1), money.FromInt(10), "NON"))
	first, err := qbo.Create(ctx, e.client, inv, "retry/R-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(e.slept()) == 0 {
		t.Fatal("the create was not retried; the fault did not fire")
	}
	again, err := qbo.Create(ctx, e.client, inv, "retry/R-1")
	if err != nil || again.ID != first.ID {
		t.Fatalf("repeat with the same key: %+v %v, first id %s", again.SalesTransaction, err, first.ID)
	}
	if n, _ := qbo.Count(ctx, e.client, "Invoice", "DocNumber = ?", "R-1"); n != 1 {
		t.Errorf("%d invoices R-1, want 1", n)
	}
}

// TestSimStaleSyncToken: an update with a SyncToken read before someone
// else's change is a Conflict; re-reading fixes it.
func TestSimStaleSyncToken(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyUS)
	ctx := context.Background()
	s := prepare(t, e, "Wingtip")
	inv, err := qbo.Create(ctx, e.client, simInvoice("S-1", s, qbo.SalesLine("L", qbo.Ref{Value: s.item.ID}, money.FromInt(1), money.FromInt(1), "NON")), "stale")
	if err != nil {
		t.Fatal(err)
	}
	var a, b qbo.Invoice
	a.ID, a.SyncToken, a.DocNumber, a.PrivateNote = inv.ID, inv.SyncToken, inv.DocNumber, "first"
	b.ID, b.SyncToken, b.DocNumber, b.PrivateNote = inv.ID, inv.SyncToken, inv.DocNumber, "second"
	if _, err := qbo.Update(ctx, e.client, a, "a"); err != nil {
		t.Fatal(err)
	}
	_, err = qbo.Update(ctx, e.client, b, "b")
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.Conflict || ae.Message != "Invoice S-1 was changed in QuickBooks after Billbridge read it" {
		t.Fatalf("stale update: %v", err)
	}
	fresh, err := qbo.Read[qbo.Invoice](ctx, e.client, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	b.SyncToken = fresh.SyncToken
	if got, err := qbo.Update(ctx, e.client, b, "b2"); err != nil || got.PrivateNote != "second" {
		t.Errorf("update after re-read: %+v %v", got.SalesTransaction, err)
	}
}

func TestSimDuplicateNameAndThrottle(t *testing.T) {
	e := startSim(t, qbosim.Options{}, companyUS)
	ctx := context.Background()
	prepare(t, e, "Litware")
	_, err := qbo.Create(ctx, e.client, qbo.Vendor{DisplayName: "Litware"}, "v")
	if ae, ok := apperr.As(err); !ok || ae.Code != apperr.Conflict || ae.Message != "The name of Vendor Litware is already used in QuickBooks" {
		t.Errorf("duplicate name: %v", err)
	}

	e.srv.SetFaults(qbosim.Faults{Status429Burst: 2})
	if _, err := qbo.Query[qbo.Term](ctx, e.client, "Term", ""); err != nil {
		t.Errorf("query after two 429s: %v", err)
	}
	if n := len(e.slept()); n != 2 {
		t.Errorf("%d backoffs for two 429s, want 2", n)
	}
	if e.client.LastTID() == "" {
		t.Error("no intuit_tid kept from the simulator's answers")
	}

	// When the throttle outlasts the retries, the XML 429 Fault becomes
	// RateLimited.
	e.srv.SetFaults(qbosim.Faults{Status429Burst: 100})
	_, err = qbo.Query[qbo.Term](ctx, e.client, "Term", "")
	var api *qbo.APIError
	if apperr.CodeOf(err) != apperr.RateLimited || !errors.As(err, &api) || !api.Has(qbo.CodeThrottled) {
		t.Errorf("persistent throttle: %v", err)
	}
}
