package qbo_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/ledgertest"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

// companyUSBooksGBP is a US company (TAX/NON lines, automated sales tax)
// keeping its books in GBP, because the conformance suite's documents are in
// GBP and QuickBooks wants a document in its customer's currency.
var companyUSBooksGBP = qbosim.Company{RealmID: "9341452519127103", Name: "Acme MSP Inc (GBP)", Country: "US", HomeCurrency: "GBP"}

// named finds the one entity row whose name field is name.
func named[T any](tb testing.TB, c *qbo.Client, entity, field, name string) T {
	tb.Helper()
	rows, err := qbo.Query[T](context.Background(), c, entity, field+" = ?", name)
	if err != nil || len(rows) != 1 {
		tb.Fatalf("want one %s named %q: %d %v", entity, name, len(rows), err)
	}
	return rows[0]
}

// payer records a payment on an invoice as a person would in QuickBooks.
func payer(c *qbo.Client) func(ctx context.Context, id string, amount money.Decimal, on time.Time) error {
	return func(ctx context.Context, id string, amount money.Decimal, on time.Time) error {
		inv, err := qbo.Read[qbo.Invoice](ctx, c, id)
		if err != nil {
			return err
		}
		_, err = qbo.Create(ctx, c, qbo.Payment{CustomerRef: inv.CustomerRef, TotalAmt: amount, TxnDate: qbo.DateOf(on),
			Line: []qbo.Line{{Amount: amount, LinkedTxn: []qbo.LinkedTxn{{TxnID: id, TxnType: "Invoice"}}}}}, "")
		return err
	}
}

// TestAdapterConformanceGB runs the shared suite against a GB company: a
// VAT code on every line.
func TestAdapterConformanceGB(t *testing.T) {
	ledgertest.Run(t, func(t *testing.T) ledgertest.Harness {
		env := startSim(t, generous, companyGB)
		vat := named[qbo.TaxCode](t, env.client, "TaxCode", "Name", "20.0% S")
		sales := named[qbo.Account](t, env.client, "Account", "Name", "Services")
		ad := qbo.NewAdapter(env.client, qbo.Company{Country: "GB", HomeCurrency: "GBP", MultiCurrency: true, Currencies: []money.Currency{"EUR", "USD"}}, qbo.AdapterOptions{})
		return ledgertest.Harness{Ledger: ad, Pay: payer(env.client), TaxCode: vat.ID, Account: sales.ID}
	})
}

// TestAdapterConformanceUS runs the suite against a US company. Its 20 %
// tax is no rate the company has, so Autotask's tax goes as a sales tax
// line (USTaxLine); TestAdapterUSTax covers the other modes.
func TestAdapterConformanceUS(t *testing.T) {
	ledgertest.Run(t, func(t *testing.T) ledgertest.Harness {
		env := startSim(t, qbosim.Options{Companies: []qbosim.Company{companyUSBooksGBP}, PerMinute: 1 << 20, BatchPerMinute: 1 << 20}, companyUSBooksGBP)
		ctx := context.Background()
		sales := named[qbo.Account](t, env.client, "Account", "Name", "Services")
		taxItem, err := qbo.Create(ctx, env.client, qbo.Item{Name: "Sales tax (Autotask)", Type: qbo.ItemService, IncomeAccountRef: qbo.Ref{Value: sales.ID}}, "tax-item")
		if err != nil {
			t.Fatal(err)
		}
		ad := qbo.NewAdapter(env.client, qbo.Company{Country: "US", HomeCurrency: "GBP"}, qbo.AdapterOptions{USTax: qbo.USTaxLine, TaxItemID: taxItem.ID})
		return ledgertest.Harness{Ledger: ad, Pay: payer(env.client), TaxCode: qbo.TaxCodeTaxable, Account: sales.ID}
	})
}

// usInvoice is two taxable lines and a non-taxable one with Autotask's tax.
func adapterUSDoc(customer, number string, taxCode string) ledger.Document {
	return ledger.Document{Kind: ledger.KindInvoice, Number: number, OurRef: "AT-" + number, CustomerID: customer, Currency: "USD",
		Date: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), Status: ledger.StatusApproved,
		Lines: []ledger.Line{
			{Description: "Firewall", Quantity: money.FromInt(2), UnitPrice: money.MustParse("150.0000"), Amount: money.MustParse("300.00"), TaxCode: taxCode, TaxAmount: money.MustParse("26.63")},
			{Description: "Licence", Quantity: money.FromInt(1), UnitPrice: money.MustParse("99.9900"), Amount: money.MustParse("99.99"), TaxCode: taxCode, TaxAmount: money.MustParse("8.87")},
			{Description: "Remote support", Quantity: money.MustParse("1.5"), UnitPrice: money.MustParse("120.0000"), Amount: money.MustParse("180.00"), TaxCode: qbo.TaxCodeNonTaxable},
		}}
}

// TestAdapterUSTax: lines go as TAX/NON; a sales tax code on the lines
// becomes the transaction's; the override mode sends Autotask's tax as
// TotalTax, the ledger mode leaves QuickBooks to compute it.
func TestAdapterUSTax(t *testing.T) {
	tests := []struct {
		name      string
		mode      qbo.USTax
		taxCode   string // on the taxable lines; "NYC" is the company's sales tax code
		wantTotal bool   // TotalTax sent
		wantCode  bool   // TxnTaxCodeRef sent
	}{
		{"override with TAX", qbo.USTaxOverride, qbo.TaxCodeTaxable, true, false},
		{"override with a sales tax code", qbo.USTaxOverride, "NYC", true, true},
		{"ledger with a sales tax code", qbo.USTaxLedger, "NYC", false, true},
		{"ledger with TAX", qbo.USTaxLedger, qbo.TaxCodeTaxable, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := startSim(t, generous, companyUS)
			ctx := context.Background()
			ad := qbo.NewAdapter(env.client, qbo.Company{Country: "US", HomeCurrency: "USD"}, qbo.AdapterOptions{USTax: tc.mode})
			set, err := ad.Settings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			code := tc.taxCode
			for _, c := range set.TaxCodes {
				if code == "NYC" && c.Name == "New York City" {
					code = c.Code
				}
			}
			if set.TaxCodes[0].Code != qbo.TaxCodeNonTaxable || set.TaxCodes[1].Code != qbo.TaxCodeTaxable || !set.TaxCodes[1].Rate.Equal(money.MustParse("8.875")) {
				t.Fatalf("US tax codes = %+v, want NON, TAX at 8.875 first", set.TaxCodes)
			}
			cust, err := ad.SaveCustomers(ctx, []ledger.Customer{{Name: "Omega LLC", AccountNumber: "C9"}}, "c")
			if err != nil || cust[0].Err != nil {
				t.Fatal(err, cust)
			}
			env.srv.ResetRequestLog()
			res, err := ad.CreateDocuments(ctx, []ledger.Document{adapterUSDoc(cust[0].ID, "5001", code)}, "docs")
			if err != nil || res[0].Err != nil {
				t.Fatal(err, res)
			}
			var body string
			for _, r := range env.srv.Requests() {
				if strings.HasSuffix(r.Path, "/batch") {
					body = r.Body
				}
			}
			if got := strings.Contains(body, `"TotalTax":35.50`); got != tc.wantTotal {
				t.Errorf("TotalTax 35.50 sent: %v, want %v\n%s", got, tc.wantTotal, body)
			}
			if got := strings.Contains(body, `"TxnTaxCodeRef"`); got != tc.wantCode {
				t.Errorf("TxnTaxCodeRef sent: %v, want %v", got, tc.wantCode)
			}
			if strings.Count(body, `"TaxCodeRef":{"value":"TAX"}`) != 2 || strings.Count(body, `"TaxCodeRef":{"value":"NON"}`) != 1 {
				t.Errorf("lines not sent as TAX, TAX, NON: %s", body)
			}
			found, err := ad.FindDocuments(ctx, []ledger.DocRef{{Kind: ledger.KindInvoice, Number: "5001"}})
			if err != nil || len(found) != 1 {
				t.Fatal(err, found)
			}
			// The simulator always computes the tax itself: 8.875 % of 399.99.
			if want := money.MustParse("615.49"); !found[0].Total.Equal(want) {
				t.Errorf("total %s, want %s", found[0].Total, want)
			}
		})
	}
}

// TestAdapterRefusesPerDocument: what the adapter or QuickBooks refuses
// fails that document only, with a message naming it.
func TestAdapterRefusesPerDocument(t *testing.T) {
	env := startSim(t, generous, companyUS)
	ctx := context.Background()
	ad := qbo.NewAdapter(env.client, qbo.Company{Country: "US", HomeCurrency: "USD"}, qbo.AdapterOptions{})
	cust, err := ad.SaveCustomers(ctx, []ledger.Customer{{Name: "Sigma Inc"}, {Name: "sigma inc"}, {Name: "Bad: name"}}, "c")
	if err != nil || cust[0].Err != nil {
		t.Fatal(err, cust)
	}
	if ae := (*apperr.Error)(nil); !errors.As(cust[1].Err, &ae) || ae.Code != apperr.Conflict {
		t.Errorf("duplicate display name: %v, want a conflict", cust[1].Err)
	}
	if cust[2].Err == nil {
		t.Errorf("a display name with a colon was accepted")
	}
	two := adapterUSDoc(cust[0].ID, "6002", "7")
	two.Lines[1].TaxCode = "8"
	long := adapterUSDoc(cust[0].ID, "6003-ABCDEFGHIJKLMNOPQRSTUVWXYZ", qbo.TaxCodeTaxable)
	noItem := adapterUSDoc(cust[0].ID, "6004", qbo.TaxCodeTaxable)
	noItem.Lines[0].ItemCode = "NO-SUCH-ITEM"
	dup := adapterUSDoc(cust[0].ID, "6001", qbo.TaxCodeTaxable)
	res, err := ad.CreateDocuments(ctx, []ledger.Document{adapterUSDoc(cust[0].ID, "6001", qbo.TaxCodeTaxable), two, long, noItem, dup}, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[0].Number != "6001" {
		t.Fatalf("good invoice: %+v", res[0])
	}
	for i, want := range []string{"two sales tax codes", "longer than", "NO-SUCH-ITEM", "already exists"} {
		if r := res[i+1]; r.Err == nil || !strings.Contains(r.Err.Error(), want) {
			t.Errorf("document %d: %v, want an error saying %q", i+2, r.Err, want)
		}
	}
}

// TestAdapterSettlements: a credit memo applied with a payment counts as
// credit; CDC and, further back than its 30 days, the query give the same.
func TestAdapterSettlements(t *testing.T) {
	env := startSim(t, generous, companyUS)
	ctx := context.Background()
	ad := qbo.NewAdapter(env.client, qbo.Company{Country: "US", HomeCurrency: "USD"}, qbo.AdapterOptions{})
	cust, err := ad.SaveCustomers(ctx, []ledger.Customer{{Name: "Tau Corp"}}, "c")
	if err != nil || cust[0].Err != nil {
		t.Fatal(err, cust)
	}
	inv := adapterUSDoc(cust[0].ID, "7001", qbo.TaxCodeNonTaxable)
	for i := range inv.Lines {
		inv.Lines[i].TaxAmount = money.Zero
	}
	credit := ledger.Document{Kind: ledger.KindCreditNote, Number: "CM-7001", OurRef: "AT-C1", CustomerID: cust[0].ID, Currency: "USD",
		Date: inv.Date, Lines: []ledger.Line{{Description: "Goodwill", Quantity: money.FromInt(1), UnitPrice: money.MustParse("79.99"), Amount: money.MustParse("79.99"), TaxCode: qbo.TaxCodeNonTaxable}}}
	res, err := ad.CreateDocuments(ctx, []ledger.Document{inv, credit}, "docs")
	if err != nil || res[0].Err != nil || res[1].Err != nil {
		t.Fatal(err, res)
	}
	start := time.Now().Add(-time.Minute)
	if err := payer(env.client)(ctx, res[0].ID, money.MustParse("100.00"), time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	paidOn := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
	_, err = qbo.Create(ctx, env.client, qbo.Payment{CustomerRef: qbo.Ref{Value: cust[0].ID}, TotalAmt: money.MustParse("400.00"), TxnDate: qbo.DateOf(paidOn),
		Line: []qbo.Line{
			{Amount: money.MustParse("479.99"), LinkedTxn: []qbo.LinkedTxn{{TxnID: res[0].ID, TxnType: "Invoice"}}},
			{Amount: money.MustParse("79.99"), LinkedTxn: []qbo.LinkedTxn{{TxnID: res[1].ID, TxnType: "CreditMemo"}}},
		}}, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, since := range []time.Time{start, time.Now().Add(-60 * 24 * time.Hour)} {
		ss, err := ad.SettlementsSince(ctx, since)
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) != 1 {
			t.Fatalf("since %s: %d settlements, want 1: %+v", since, len(ss), ss)
		}
		s := ss[0]
		if s.DocumentID != res[0].ID || !s.AmountPaid.Equal(money.MustParse("500.00")) || !s.AmountCredited.Equal(money.MustParse("79.99")) ||
			!s.AmountDue.IsZero() || !s.FullyPaidOn.Equal(paidOn) || len(s.Payments) != 2 || !s.Payments[1].Amount.Equal(money.MustParse("400.00")) {
			t.Errorf("since %s: %+v", since.Format(time.DateOnly), s)
		}
	}
}

// TestReadCompany reads country, home currency, multicurrency and custom
// transaction numbers as NewAdapter needs them.
func TestReadCompany(t *testing.T) {
	for _, tc := range []struct {
		company qbosim.Company
		want    qbo.Company
	}{
		{companyUS, qbo.Company{Country: "US", HomeCurrency: "USD"}},
		{companyGB, qbo.Company{Country: "GB", HomeCurrency: "GBP", MultiCurrency: true}},
	} {
		env := startSim(t, generous, tc.company)
		co, custom, err := qbo.ReadCompany(context.Background(), env.client)
		if err != nil {
			t.Fatal(err)
		}
		if co.Country != tc.want.Country || co.HomeCurrency != tc.want.HomeCurrency || co.MultiCurrency != tc.want.MultiCurrency || !custom {
			t.Errorf("%s: %+v custom=%v, want %+v custom=true", tc.company.Name, co, custom, tc.want)
		}
	}
}
