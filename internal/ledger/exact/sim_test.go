package exact_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// TestSimEveryCall runs each client call against the simulator, in the
// order a first sync makes them.
func TestSimEveryCall(t *testing.T) {
	env := startSim(t, exactsim.Options{})
	c, ctx := env.client, context.Background()

	me, err := c.Me(ctx)
	if err != nil || me.CurrentDivision != simDivision || me.UserID == "" {
		t.Fatalf("me %+v %v", me, err)
	}
	divs, err := c.Divisions(ctx)
	if err != nil || len(divs) != 2 || divs[0].Code != simDivision || divs[1].Country != "BE" {
		t.Fatalf("divisions %+v %v", divs, err)
	}
	cat, err := c.LoadCatalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	vat21, ok := cat.VATCodes["1"]
	if !ok || vat21.Code != "1  " || vat21.Percentage.String() != "0.21" {
		t.Fatalf("VAT codes %+v", cat.VATCodes)
	}
	if j := cat.Journals["70"]; j.Type != exact.JournalTypeSales {
		t.Fatalf("journals %+v", cat.Journals)
	}
	if _, ok := cat.PaymentConditions["30"]; !ok || cat.Currencies["EUR"].Code != "EUR" {
		t.Fatalf("catalog %+v", cat)
	}
	revenue, err := c.RevenueGLAccounts(ctx)
	if err != nil || len(revenue) == 0 {
		t.Fatalf("revenue accounts %+v %v", revenue, err)
	}
	gl := revenue[0].ID
	if js, err := c.SalesJournals(ctx); err != nil || len(js) != 2 {
		t.Fatalf("sales journals %+v %v", js, err)
	}

	// Accounts: find the seeded customer by code, name and id; create; update.
	customers, err := c.Customers(ctx)
	if err != nil || len(customers) == 0 {
		t.Fatalf("customers %+v %v", customers, err)
	}
	first := customers[0]
	if len(first.Code) != exact.CodeLength {
		t.Errorf("code %q is not padded", first.Code)
	}
	byCode, err := c.AccountsByCode(ctx, []string{strings.TrimSpace(first.Code)})
	if err != nil || len(byCode) != 1 || byCode[0].ID != first.ID {
		t.Fatalf("by code %+v %v", byCode, err)
	}
	byName, err := c.AccountsByName(ctx, first.Name)
	if err != nil || len(byName) != 1 {
		t.Fatalf("by name %+v %v", byName, err)
	}
	acct, err := c.CreateAccount(ctx, exact.Account{Name: "O'Neill IT Services", Country: "NL", Email: "ap@oneill.example", PaymentConditionSales: "14"})
	if err != nil || acct.ID == "" || len(acct.Code) != exact.CodeLength || acct.Status != "C" {
		t.Fatalf("create account %+v %v", acct, err)
	}
	city := "Utrecht"
	if err := c.UpdateAccount(ctx, acct.ID, exact.AccountChanges{City: &city}); err != nil {
		t.Fatal(err)
	}
	got, err := c.AccountsByID(ctx, []string{acct.ID, first.ID})
	if err != nil || len(got) != 2 {
		t.Fatalf("by id %+v %v", got, err)
	}
	synced, ts, err := c.SyncAccounts(ctx, 1)
	if err != nil || len(synced) < 3 || ts <= 1 {
		t.Fatalf("sync accounts: %d rows, timestamp %d, %v", len(synced), ts, err)
	}
	for _, a := range synced {
		if a.ID == acct.ID && a.City != "Utrecht" {
			t.Errorf("update not synced: %+v", a)
		}
	}
	if again, ts2, err := c.SyncAccounts(ctx, ts); err != nil || len(again) != 0 || ts2 != ts {
		t.Errorf("second sync: %d rows, %d, %v", len(again), ts2, err)
	}

	items, err := c.SalesItems(ctx)
	if err != nil || len(items) == 0 {
		t.Fatalf("items %+v %v", items, err)
	}
	if byCode, err := c.ItemsByCode(ctx, []string{items[0].Code}); err != nil || len(byCode) != 1 {
		t.Fatalf("items by code %+v %v", byCode, err)
	}

	// A sales entry keeps the Autotask number in journal 70's range …
	entry := exact.SalesEntry{Customer: acct.ID, Journal: "70", EntryDate: exact.NewDate(2026, 11, 2),
		EntryNumber: exact.EntryNumberFor("1042"), YourRef: "1042", PaymentCondition: "14", Description: "November",
		SalesEntryLines: []exact.SalesEntryLine{{GLAccount: gl, AmountFC: money.MustParse("100.00"), VATCode: "1", Description: "Managed services"}}}
	res, err := c.CreateSalesEntry(ctx, entry)
	if err != nil || res.EntryNumberIgnored || res.Entry.EntryNumber != 1042 || res.Entry.AmountFC.String() != "121" && res.Entry.AmountFC.String() != "121.00" {
		t.Fatalf("sales entry %+v %v", res, err)
	}
	// … and journal 71 numbers its own, which is reported.
	entry.Journal, entry.YourRef, entry.EntryNumber = "71", "1043", 1043
	res2, err := c.CreateSalesEntry(ctx, entry)
	if err != nil || !res2.EntryNumberIgnored || res2.Entry.EntryNumber == 1043 {
		t.Fatalf("sales entry 71 %+v %v", res2, err)
	}
	found, err := c.SalesEntriesByYourRef(ctx, []string{"1042", "1043", "9999"})
	if err != nil || len(found) != 2 {
		t.Fatalf("entries by your ref %+v %v", found, err)
	}

	// A sales invoice: Exact numbers it; finalising processes it.
	inv, err := c.CreateSalesInvoice(ctx, exact.SalesInvoice{Journal: "70", OrderedBy: acct.ID, InvoiceDate: exact.NewDate(2026, 11, 3),
		YourRef: "T1044", Type: exact.InvoiceTypeSales,
		SalesInvoiceLines: []exact.SalesInvoiceLine{{Item: items[0].ID, Quantity: money.MustParse("2"), UnitPrice: money.MustParse("85.00"), VATCode: "1"}}})
	if err != nil || inv.InvoiceID == "" {
		t.Fatalf("sales invoice %+v %v", inv, err)
	}
	if _, err := c.PrintSalesInvoice(ctx, "Autotask invoice T1044", exact.PrintRequest{InvoiceID: inv.InvoiceID}); err != nil {
		t.Fatal(err)
	}
	invs, err := c.SalesInvoicesByYourRef(ctx, []string{"T1044"})
	if err != nil || len(invs) != 1 || invs[0].Status != exact.InvoiceStatusProcessed || invs[0].InvoiceNumber == 0 {
		t.Fatalf("invoices by your ref %+v %v", invs, err)
	}

	// Payments: partly paid has no paid date; fully paid has the last one.
	if err := env.srv.MarkPaid(simDivision, 1042, money.MustParse("50.00"), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	recv, err := c.ReceivablesByYourRef(ctx, []string{"1042"})
	if err != nil || len(recv) != 1 {
		t.Fatalf("receivables %+v %v", recv, err)
	}
	if d, ok := recv[0].PaidDate(); ok || recv[0].IsFullyPaid || recv[0].LastPaymentDate.IsZero() {
		t.Errorf("partly paid receivable: paid %v %v, %+v", d, ok, recv[0])
	}
	if len(exact.PaidDates(recv)) != 0 {
		t.Errorf("partly paid entry has a paid date")
	}
	terms, since, err := c.SyncPaymentTerms(ctx, 1)
	if err != nil || len(terms) == 0 || since <= 1 {
		t.Fatalf("payment terms %d %d %v", len(terms), since, err)
	}
	if err := env.srv.MarkPaid(simDivision, 1042, money.MustParse("71.00"), time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	changed, _, err := c.SyncPaymentTerms(ctx, since)
	if err != nil || len(changed) != 1 {
		t.Fatalf("changed terms %+v %v", changed, err)
	}
	if d, ok := changed[0].PaidDate(); !ok || d.String() != "2026-11-22" || changed[0].YourRef != "1042" {
		t.Errorf("paid receivable %+v", changed[0])
	}
	byEntry, err := c.ReceivablesByEntry(ctx, []string{res.Entry.EntryID})
	if err != nil || exact.PaidDates(byEntry)[res.Entry.EntryID].String() != "2026-11-22" {
		t.Errorf("by entry %+v %v", byEntry, err)
	}
	for status, n := range env.statuses() {
		if status >= 400 {
			t.Errorf("%d answers with status %d", n, status)
		}
	}
}

// TestSimMinuteLimit: 120 calls with a limit of 60 a minute, the
// simulator's minute lasting two seconds, finish without a single 429.
func TestSimMinuteLimit(t *testing.T) {
	const scale = 30
	env := startSim(t, exactsim.Options{MinuteLimit: 60, TimeScale: scale}, exact.WithResetMargin(20*time.Millisecond))
	for i := range 120 {
		if _, err := env.client.Currencies(context.Background()); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	st := env.statuses()
	if st[429] != 0 || st[200] != 120 {
		t.Errorf("statuses %v", st)
	}
	// The calls filled a simulated minute to the limit and went on in the
	// next one, never past it.
	perMinute := map[time.Time]int{}
	for _, r := range env.srv.Requests() {
		perMinute[r.At.Truncate(time.Minute/scale)]++
	}
	full := 0
	for m, n := range perMinute {
		if n > 60 {
			t.Errorf("%d calls in the minute from %v", n, m)
		}
		if n == 60 {
			full++
		}
	}
	if full == 0 {
		t.Errorf("no minute reached the limit: %v", perMinute)
	}
}

// TestSimErrorBlockGuard: a document Exact keeps refusing stops being sent
// well before Exact's block, which never happens.
func TestSimErrorBlockGuard(t *testing.T) {
	env := startSim(t, exactsim.Options{})
	c, ctx := env.client, context.Background()
	customers, err := c.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// No catalog loaded: the GL account is only checked by Exact.
	bad := exact.SalesEntry{Customer: customers[0].ID, Journal: "70", EntryDate: exact.NewDate(2026, 11, 2), YourRef: "2001",
		SalesEntryLines: []exact.SalesEntryLine{{GLAccount: guidC, AmountFC: money.FromInt(10)}}}
	var last error
	for range 15 {
		_, last = c.CreateSalesEntry(ctx, bad)
	}
	if ae, ok := apperr.As(last); !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Message, "GLAccount") {
		t.Errorf("last error %v", last)
	}
	st := env.statuses()
	if st[400] != exact.MaxFailuresPerHour || st[403] != 0 {
		t.Errorf("statuses %v: want %d refusals and no block", st, exact.MaxFailuresPerHour)
	}
	// The endpoint is not blocked at Exact: a fresh client may still book.
	fresh := exact.NewClient(env.srv.APIBaseURL(), env.http, simDivision)
	gl, err := fresh.RevenueGLAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bad.SalesEntryLines[0].GLAccount = gl[0].ID
	if _, err := fresh.CreateSalesEntry(ctx, bad); err != nil {
		t.Errorf("after the guard: %v", err)
	}
}
