package valuation_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/valuation"
)

func bearer(access string) *http.Client {
	return &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
}

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// Xero's Balance Sheet holds what was posted to the inventory account up to
// the date: authorised bills debit it, posted journals move it, drafts and
// later documents do not count.
func TestXeroInventoryBalance(t *testing.T) {
	ctx := context.Background()
	org := xerosim.Org{TenantID: "11111111-1111-4111-8111-111111111111", Name: "Acme IT Ltd", CountryCode: "GB", BaseCurrency: "GBP"}
	srv, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{org}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	scopes := []string{"accounting.contacts", "accounting.settings", "accounting.transactions"}
	access, _ := srv.IssueToken(xerosim.DemoClient.ClientID, []string{org.TenantID}, append(scopes, "accounting.reports.read"))
	c := xero.NewClient(srv.APIBaseURL(), bearer(access), org.TenantID)

	cs, err := c.CreateContacts(ctx, []xero.Contact{{Name: "Ingram Micro"}}, "")
	if err != nil || len(cs.Saved) != 1 {
		t.Fatalf("contact: %+v %v", cs, err)
	}
	bill := func(date, status, amount string) xero.Invoice {
		return xero.Invoice{Type: "ACCPAY", Contact: xero.Contact{ContactID: cs.Saved[0].ContactID}, Date: xero.DateOf(day(date)), DueDate: xero.DateOf(day(date)),
			Status: status, LineAmountTypes: "Exclusive", Reference: "PS-" + date + status,
			LineItems: []xero.LineItem{{Description: "Stock", Quantity: money.FromInt(1), UnitAmount: money.MustParse(amount), AccountCode: "630", TaxType: "NONE"}}}
	}
	res, err := c.CreateInvoices(ctx, []xero.Invoice{bill("2024-05-10", "AUTHORISED", "100.00"), bill("2024-06-05", "AUTHORISED", "50.00"),
		bill("2024-05-12", "DRAFT", "70.00")}, "")
	if err != nil || len(res.Saved) != 3 {
		t.Fatalf("bills: %+v %v", res.Failed, err)
	}
	js, err := c.CreateManualJournals(ctx, []xero.ManualJournal{{Narration: "COGS-1001", Date: xero.DateOf(day("2024-05-20")), Status: "POSTED",
		JournalLines: []xero.ManualJournalLine{{LineAmount: money.MustParse("30.00"), AccountCode: "310"}, {LineAmount: money.MustParse("-30.00"), AccountCode: "630"}}}}, "")
	if err != nil || len(js.Saved) != 1 {
		t.Fatalf("journal: %+v %v", js.Failed, err)
	}
	lg := valuation.Xero{Client: c}
	for date, want := range map[string]string{"2024-05-09": "0", "2024-05-10": "100.00", "2024-05-31": "70.00", "2024-06-30": "120.00"} {
		got, err := lg.Balance(ctx, "630", day(date))
		if err != nil || !got.Equal(money.MustParse(want)) {
			t.Errorf("balance at %s: %s, %v; want %s", date, got, err, want)
		}
	}
	if _, err := lg.Balance(ctx, "999", day("2024-05-31")); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("an account not in the chart: %v", err)
	}
	noReports, _ := srv.IssueToken(xerosim.DemoClient.ClientID, []string{org.TenantID}, scopes)
	_, err = valuation.Xero{Client: xero.NewClient(srv.APIBaseURL(), bearer(noReports), org.TenantID)}.Balance(ctx, "630", day("2024-05-31"))
	if apperr.CodeOf(err) != apperr.Reconnect {
		t.Errorf("without the reports scope: %v, want a reconnect", err)
	}
}

// QuickBooks' Balance Sheet: bills' account lines and journal entries, by
// transaction date.
func TestQBOInventoryBalance(t *testing.T) {
	ctx := context.Background()
	co := qbosim.Company{RealmID: "9341452519127101", Name: "Acme MSP Inc", Country: "US", HomeCurrency: "USD"}
	srv, err := qbosim.New(qbosim.Options{Companies: []qbosim.Company{co}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	access, _ := srv.IssueToken(qbosim.DemoApp.ClientID, co.RealmID)
	c := qbo.NewClient(srv.APIBaseURL(), bearer(access), co.RealmID)

	accs, err := qbo.Query[qbo.Account](ctx, c, "Account", "")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, a := range accs {
		ids[a.Name] = a.ID
	}
	inv, cogs := ids["Inventory Asset"], ids["Cost of Goods Sold"]
	if inv == "" || cogs == "" {
		t.Fatalf("accounts %v", ids)
	}
	v, err := qbo.Create(ctx, c, qbo.Vendor{DisplayName: "Ingram Micro"}, "")
	if err != nil {
		t.Fatal(err)
	}
	bill := func(date, amount string) qbo.Bill {
		return qbo.Bill{PurchaseByVendor: qbo.PurchaseByVendor{DocNumber: "PS-" + date, TxnDate: qbo.DateOf(day(date)), VendorRef: qbo.Ref{Value: v.ID},
			Line: []qbo.Line{{Amount: money.MustParse(amount), DetailType: qbo.DetailAcctExpense,
				AccountBasedExpenseLineDetail: &qbo.AccountBasedExpenseLineDetail{AccountRef: qbo.Ref{Value: inv}}}}}}
	}
	for _, b := range []qbo.Bill{bill("2024-05-10", "100.00"), bill("2024-06-05", "50.00")} {
		if _, err := qbo.Create(ctx, c, b, ""); err != nil {
			t.Fatal(err)
		}
	}
	je := qbo.JournalEntry{DocNumber: "COGS-1001", TxnDate: qbo.DateOf(day("2024-05-20")), Line: []qbo.Line{
		qbo.JournalLine("COGS", "Debit", cogs, "", money.MustParse("30.00")), qbo.JournalLine("COGS", "Credit", inv, "", money.MustParse("30.00"))}}
	if _, err := qbo.Create(ctx, c, je, ""); err != nil {
		t.Fatal(err)
	}
	lg := valuation.QBO{Client: c}
	for date, want := range map[string]string{"2024-05-09": "0", "2024-05-10": "100.00", "2024-05-31": "70.00", "2024-06-30": "120.00"} {
		got, err := lg.Balance(ctx, inv, day(date))
		if err != nil || !got.Equal(money.MustParse(want)) {
			t.Errorf("balance at %s: %s, %v; want %s", date, got, err, want)
		}
	}
}
