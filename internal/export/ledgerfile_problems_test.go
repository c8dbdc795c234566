package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/syncer"
)

// TestLedgerProblems: each blocking problem fails the file with a message
// naming it and a fix; nothing half-written is accepted.
func TestLedgerProblems(t *testing.T) {
	rows := ledgerRows(t, nil)
	first := rows[0]
	tests := []struct {
		name   string
		format export.Format
		edit   func(*export.LedgerMap)
		want   string
	}{
		{"unmapped tax", export.FormatSage50CSV, func(m *export.LedgerMap) { m.Tax = nil }, "is not mapped to a sage50-csv tax code"},
		{"reference too long", export.FormatSage50CSV, func(m *export.LedgerMap) {
			m.Customers = map[int64]string{first.Account.ID: "TOOLONGREF"}
		}, `Sage account reference "TOOLONGREF" has 10 characters; sage50-csv takes at most 8`},
		{"nominal missing", export.FormatSage50CSV, func(m *export.LedgerMap) {
			m.Accounts = map[string]string{first.BillingCode: ""}
		}, "Nominal code is empty"},
		{"not a Sage tax code", export.FormatSage50CSV, func(m *export.LedgerMap) {
			for k := range m.Tax {
				m.Tax[k] = "VAT20"
			}
		}, `"VAT20" is not a Sage tax code`},
		{"unnumbered invoice", export.FormatXeroCSV, func(*export.LedgerMap) {
			first.Invoice.Number = ""
		}, "Invoice number is empty; xero-csv needs one"},
		{"credit in QBO", export.FormatQBOCSV, func(*export.LedgerMap) {}, "takes invoices only"},
		{"foreign currency in QBO", export.FormatQBOCSV, func(m *export.LedgerMap) { m.BaseCurrency = "USD" }, "has no currency column"},
		{"sales tax account missing", export.FormatSage50USCSV, func(m *export.LedgerMap) { m.SalesTaxAccount = "" }, "Sales tax G/L Account is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := mapFor(rows, tc.format)
			number := first.Invoice.Number
			defer func() { first.Invoice.Number = number }()
			tc.edit(&m)
			b, w, err := writeLedger(t, tc.format, rows, m)
			if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want Invalid containing %q", err, tc.want)
			}
			var ae *apperr.Error
			if !asAppErr(err, &ae) || ae.Fix == "" {
				t.Fatalf("no fix: %#v", err)
			}
			if _, ps, _ := w.Summary(); len(ps) == 0 {
				t.Fatal("Summary lists no problem")
			}
			if lines := strings.Count(string(b), "\n"); lines > 1 {
				t.Fatalf("a blocked file wrote %d lines", lines)
			}
		})
	}
}

func asAppErr(err error, target **apperr.Error) bool {
	e, ok := err.(*apperr.Error)
	*target = e
	return ok
}

// TestLedgerShortensTextWithNote: a Details over Sage's 60 characters is
// shortened, and the preview says where and why.
func TestLedgerShortensTextWithNote(t *testing.T) {
	rows := ledgerRows(t, nil)
	m := mapFor(rows, export.FormatSage50CSV)
	docs, problems, err := export.DocsFromRows(rows, export.FormatSage50CSV, m)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	docs[0].Lines[0].Description = strings.Repeat("Managed workstation support ", 5)
	p, err := export.PreviewLedger(export.FormatSage50CSV, docs, m)
	if err != nil || p.Blocked() {
		t.Fatal(err, p.Problems)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], "Details shortened to 60 characters") {
		t.Fatalf("notes = %q", p.Notes)
	}
	if got := []rune(p.Rows[0][6]); len(got) != 60 {
		t.Fatalf("Details has %d characters", len(got))
	}
}

// TestSage50Customers writes the Customer Records CSV for the accounts Sage
// does not have, with the generated references the transactions use.
func TestSage50Customers(t *testing.T) {
	rows := ledgerRows(t, nil)
	docs, _, err := export.DocsFromRows(rows, export.FormatSage50CSV, mapFor(rows, export.FormatSage50CSV))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	n, err := export.WriteSage50Customers(&b, docs, map[string]bool{docs[0].Customer.ID: true})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "sage50-customers.golden", b.Bytes())
	if strings.Contains(b.String(), "\r\n"+docs[0].Customer.ID+",") || n == 0 {
		t.Fatalf("%d customers; the existing account %s was written again", n, docs[0].Customer.ID)
	}
}

func TestSage50AccountRef(t *testing.T) {
	tests := []struct {
		id           int64
		number, name string
		want         string
	}{
		{1, "C00001", "Acme Widgets Inc.", "C00001"},
		{29684500, "", "Acme Widgets Inc.", "ACMEO8PG"},
		{29684500, "too long number", "Café Crème Holdings", "CAFCO8PG"},
		{7, "", "株式会社", "0007"},
	}
	for _, tc := range tests {
		got := export.Sage50AccountRef(tc.id, tc.number, tc.name)
		if got != tc.want || len(got) > 8 {
			t.Errorf("Sage50AccountRef(%d, %q, %q) = %q, want %q", tc.id, tc.number, tc.name, got, tc.want)
		}
		if again := export.Sage50AccountRef(tc.id, tc.number, tc.name); again != got {
			t.Errorf("not stable: %q then %q", got, again)
		}
	}
}

// TestDocsFromPlan builds a ledger file from a sync plan: the billing code
// and tax mappings the sync uses decide nominal code and tax code, and the
// plan's problems block.
func TestDocsFromPlan(t *testing.T) {
	id := func(v int64) *int64 { return &v }
	day := autotask.Time{Time: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)}
	snap := &syncer.Snapshot{
		Invoices: []autotask.Invoice{
			{ID: 10, CompanyID: id(1), InvoiceNumber: "24100", InvoiceDateTime: day, InvoiceTotal: money.MustParse("120.0000"), TotalTaxValue: money.MustParse("20.0000")},
			{ID: 11, CompanyID: id(1), InvoiceNumber: "24101", InvoiceDateTime: day, InvoiceTotal: money.MustParse("-60.0000"), TotalTaxValue: money.MustParse("-10.0000")},
			{ID: 12, CompanyID: id(1), InvoiceNumber: "24102", InvoiceDateTime: day, InvoiceTotal: money.MustParse("5.0000")},
		},
		Items: map[int64][]autotask.BillingItem{
			10: {{BillingCodeID: id(7), TaxCategoryID: id(3), ItemName: "Remote support", Quantity: money.MustParse("0.6667"), Rate: money.MustParse("150.0000"),
				ExtendedPrice: money.MustParse("100.0050"), TaxDollars: money.MustParse("19.9950"), TotalAmount: money.MustParse("120.0000")}},
			11: {{BillingCodeID: id(7), TaxCategoryID: id(3), ItemName: "Goodwill credit", Quantity: money.FromInt(-1), Rate: money.MustParse("50.0000"),
				ExtendedPrice: money.MustParse("-50.0000"), TaxDollars: money.MustParse("-10.0000"), TotalAmount: money.MustParse("-60.0000")}},
			12: {{BillingCodeID: id(8), TaxCategoryID: id(3), ItemName: "Unmapped code", Quantity: money.FromInt(1), Rate: money.FromInt(5),
				ExtendedPrice: money.FromInt(5), TotalAmount: money.FromInt(5)}},
		},
		Companies: map[int64]autotask.Company{1: {ID: 1, CompanyName: "Acme Widgets Ltd", TaxRegionID: id(2)}},
		Codes:     map[int64]autotask.BillingCode{7: {ID: 7, Name: "Remote Support"}, 8: {ID: 8, Name: "Mystery"}},
		Regions:   []autotask.TaxRegion{{ID: 2, Name: "UK VAT"}},
	}
	rules := mapping.NewRules()
	rules.BillingCodes[7] = mapping.ItemRule{ItemCode: "RS", Account: "4000"}
	rules.Tax[mapping.TaxKey{Region: 2, Category: 3}] = "T1"
	settings := ledger.Settings{BaseCurrency: "GBP", Currencies: []money.Currency{"GBP"}, RoundingAccount: "4999",
		TaxCodes: []ledger.TaxCode{{Code: "T1", Rate: money.FromInt(20)}, {Code: "T0", Rate: money.Zero}}}
	plan := syncer.BuildPlan(snap, rules, settings, ledger.Capabilities{}, nil, syncer.Options{AdjustmentCap: money.MustParse("0.05")})
	docs, problems := export.DocsFromPlan(snap, plan, func(company int64, name string) string {
		return export.Sage50AccountRef(company, "", name)
	})
	if len(docs) != 2 || len(problems) != 1 || problems[0].Code != syncer.ProblemUnmappedBillingCode || problems[0].Invoice != "Invoice 24102" {
		t.Fatalf("docs %d, problems %+v", len(docs), problems)
	}
	var b bytes.Buffer
	p, err := export.WriteLedger(&b, export.FormatSage50CSV, docs, export.LedgerMap{})
	if err != nil {
		t.Fatal(err, p.Problems)
	}
	want := "Type,Account Reference,Nominal A/C Ref,Department Code,Date,Reference,Details,Net Amount,Tax Code,Tax Amount,Exchange Rate,Extra Reference,User Name,Project Refn,Cost Code Refn\r\n" +
		"SI,ACME0001,4000,,31/05/2024,24100,Remote support,100.01,T1,20.00,,,,,\r\n" +
		"SI,ACME0001,4999,,31/05/2024,24100,Rounding adjustment (Autotask amounts have 4 decimals),-0.01,T0,0.00,,,,,\r\n" +
		"SC,ACME0001,4000,,31/05/2024,24101,Goodwill credit,50.00,T1,10.00,,,,,\r\n"
	if b.String() != want {
		t.Fatalf("file:\n%s\nwant:\n%s", b.String(), want)
	}
	gbp := p.Totals.ByCurrency[0]
	if gbp.Gross.String() != "60.00" || !gbp.Gross.Equal(gbp.AutotaskGross) || gbp.Invoices != 1 || gbp.Credits != 1 || len(p.Totals.Differences) != 0 {
		t.Fatalf("totals = %+v", p.Totals)
	}
}
