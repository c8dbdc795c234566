package procure_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// exactBooksEnv is a bare Exact division with the real client, for the
// expense and journal ledgers.
func exactBooksEnv(t *testing.T) (*exactsim.Server, *exact.Client) {
	t.Helper()
	xs, err := exactsim.New(exactsim.Options{MinuteLimit: 100000, DayLimit: 100000, AccessTokenTTL: 10000 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })
	access, _ := xs.IssueToken(exactsim.DemoApp.ClientID)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
	return xs, exact.NewClient(xs.APIBaseURL(), hc, exactDivision, exact.WithSleep(noSleep))
}

func posts(xs *exactsim.Server, path string) int {
	n := 0
	for _, r := range xs.Requests() {
		if r.Method == http.MethodPost && strings.Contains(r.Path, path) {
			n++
		}
	}
	return n
}

func TestExactExpensesOneEntryOnce(t *testing.T) {
	ctx := context.Background()
	xs, c := exactBooksEnv(t)
	x := procure.NewExact(c)
	lg := procure.NewExactExpenses(x, "")
	res, err := lg.CreateVendors(ctx, []procure.Vendor{{Name: "Jane Tech"}}, "k")
	if err != nil || res[0].Err != nil {
		t.Fatalf("employee: %v %v", err, res)
	}
	if _, err := lg.Vendors(ctx); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	bill := procure.Bill{Reference: "EXP-7", Number: "EXP-7", VendorID: res[0].ID, VendorName: "Jane Tech", Date: day, DueDate: day, Currency: "EUR",
		Memo: "October travel", Lines: []procure.BillLine{
			{Description: "2026-10-02 Train (billable: recharged on the customer's Autotask invoice; cost only here)", Amount: money.MustParse("42.50"), Account: "4510", TaxCode: "1"},
			{Description: "2026-10-03 Lunch (non-billable)", Amount: money.MustParse("12.00"), Account: "4500"}}}
	for run := 0; run < 2; run++ {
		out, err := lg.CreateBills(ctx, []procure.Bill{bill}, "k")
		if err != nil || out[0].Err != nil || out[0].ID == "" {
			t.Fatalf("run %d: %v %+v", run, err, out)
		}
	}
	if n := posts(xs, "purchaseentry/PurchaseEntries"); n != 1 {
		t.Fatalf("purchase entries posted: %d, want 1", n)
	}
	found, err := c.PurchaseEntriesByYourRef(ctx, []string{"EXP-7"})
	if err != nil || len(found) != 1 || found[0].Journal != "60" || !found[0].AmountFC.Equal(money.MustParse("63.43")) {
		t.Fatalf("entry: %v %+v", err, found)
	}

	// Refused locally: an unmapped GL account never reaches Exact.
	bad := bill
	bad.Reference, bad.Number, bad.Lines = "EXP-8", "EXP-8", []procure.BillLine{{Description: "x", Amount: money.MustParse("1"), Account: "9999"}}
	out, err := lg.CreateBills(ctx, []procure.Bill{bad}, "k")
	if err != nil || out[0].Err == nil {
		t.Fatalf("want a local refusal: %v %+v", err, out)
	}
	if n := posts(xs, "purchaseentry/PurchaseEntries"); n != 1 {
		t.Fatalf("the refused entry was posted: %d posts", n)
	}
}

func TestExactJournals(t *testing.T) {
	ctx := context.Background()
	xs, c := exactBooksEnv(t)
	x := procure.NewExact(c)
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	j := func(ref string, amount string) procure.Journal {
		a := money.MustParse(amount)
		return procure.Journal{Reference: ref, Date: day, Narration: ref + ": cost of sales", Lines: []procure.JournalLine{
			{Account: "7000", Description: "2 × SKU-1 Switch at 50.00", Amount: a}, {Account: "3000", Description: "2 × SKU-1 Switch at 50.00", Amount: a.Neg()}}}
	}
	tests := []struct {
		name    string
		journal procure.Journal
		refused bool
	}{
		{"cost of sales", j("COGS-1001", "100.00"), false},
		{"unknown account", procure.Journal{Reference: "ADJ-5", Date: day, Lines: []procure.JournalLine{
			{Account: "9999", Amount: money.MustParse("5")}, {Account: "3000", Amount: money.MustParse("-5")}}}, true},
		{"unbalanced", procure.Journal{Reference: "ADJ-6", Date: day, Lines: []procure.JournalLine{
			{Account: "7090", Amount: money.MustParse("5")}, {Account: "3000", Amount: money.MustParse("-4")}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := posts(xs, "GeneralJournalEntries")
			for run := 0; run < 2; run++ {
				out, err := x.CreateJournals(ctx, []procure.Journal{tt.journal}, "k")
				if err != nil || (out[0].Err != nil) != tt.refused {
					t.Fatalf("run %d: %v %+v", run, err, out)
				}
			}
			want := 1
			if tt.refused {
				want = 0
			}
			if n := posts(xs, "GeneralJournalEntries") - before; n != want {
				t.Fatalf("posted %d, want %d", n, want)
			}
		})
	}

	// A crash after Exact accepted the entry: the lookup finds it.
	e := exact.GeneralJournalEntry{JournalCode: "90", GeneralJournalEntryLines: []exact.GeneralJournalEntryLine{}}
	books, err := c.GLAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, g := range books {
		ids[strings.TrimSpace(g.Code)] = g.ID
	}
	for _, l := range []struct{ gl, amount string }{{"3000", "7.00"}, {"7090", "-7.00"}} {
		e.GeneralJournalEntryLines = append(e.GeneralJournalEntryLines, exact.GeneralJournalEntryLine{GLAccount: ids[l.gl],
			AmountFC: money.MustParse(l.amount), Date: exact.DateOf(day), Notes: "ADJ-9"})
	}
	saved, err := c.CreateGeneralJournalEntry(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	found, err := x.FindJournals(ctx, []string{"ADJ-9", "ADJ-10"})
	if err != nil || found["ADJ-9"] != saved.EntryID || found["ADJ-10"] != "" {
		t.Fatalf("lookup: %v %v (want ADJ-9 → %s)", err, found, saved.EntryID)
	}
}
