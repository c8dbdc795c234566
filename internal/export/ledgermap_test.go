package export_test

import (
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

func TestMappingOrganisation(t *testing.T) {
	for _, tc := range []struct {
		format export.Format
		ledger string
		want   string
	}{
		{export.FormatXeroCSV, store.LedgerXero, ""},
		{export.FormatQBOCSV, store.LedgerQBO, ""},
		{export.FormatXeroCSV, store.LedgerQBO, "file:xero-csv"},
		{export.FormatSage50CSV, store.LedgerXero, "file:sage50-csv"},
		{export.FormatSage50USCSV, store.LedgerNone, "file:sage50us-csv"},
	} {
		if got := export.MappingOrganisation(tc.format, tc.ledger); got != tc.want {
			t.Errorf("%s on a %q profile: %q, want %q", tc.format, tc.ledger, got, tc.want)
		}
	}
}

func TestBuildLedgerMap(t *testing.T) {
	d := func(s string) money.Decimal { v, _ := money.Parse(s); return v }
	src := mapping.Sources{
		Codes:      []autotask.BillingCode{{ID: 1, Name: "Labour"}, {ID: 2, Name: "Hardware"}, {ID: 3, Name: "Hardware"}, {ID: 4, Name: "Licences"}},
		Regions:    []autotask.TaxRegion{{ID: 10, Name: "England"}},
		Categories: []autotask.TaxCategory{{ID: 20, Name: "Standard"}, {ID: 21, Name: "Exempt"}},
		Settings: ledger.Settings{BaseCurrency: "GBP", TaxCodes: []ledger.TaxCode{
			{Code: "OUTPUT2", Name: "20% (VAT on Income)", Rate: d("20")}, {Code: "NONE", Name: "No VAT", Rate: d("0")},
			{Code: "EXEMPTOUTPUT", Name: "Exempt Income", Rate: d("0")}}},
		Items:     []ledger.Item{{Code: "LAB", Name: "Labour hours"}},
		Customers: []ledger.Customer{{ID: "c-guid-1", Name: "Acme Ltd"}},
	}
	rules := mapping.NewRules()
	rules.BillingCodes[1] = mapping.ItemRule{ItemCode: "LAB", Account: "200"}
	rules.BillingCodes[2] = mapping.ItemRule{ItemCode: "HW", Account: "210"}
	rules.BillingCodes[3] = mapping.ItemRule{ItemCode: "HW2", Account: "210"} // same name, other item: ambiguous
	rules.Tax[mapping.TaxKey{Region: 10, Category: 20}] = "OUTPUT2"
	rules.Customers[7] = "c-guid-1"
	rules.TermDays[5] = 14

	m, notes := export.BuildLedgerMap(export.LedgerMapInput{Format: export.FormatXeroCSV, Rules: rules, Source: src, Connected: true})
	if got := m.Tax[export.TaxNames{Region: "England", Category: "Standard"}]; got != "20% (VAT on Income)" {
		t.Errorf("tax = %q, want Xero's display name", got)
	}
	if m.ZeroTaxCode != "No VAT" || !m.TaxRates["20% (VAT on Income)"].Equal(d("20")) {
		t.Errorf("zero code %q, rates %v", m.ZeroTaxCode, m.TaxRates)
	}
	if m.Customers[7] != "Acme Ltd" || m.Items["Labour"] != "LAB" || m.Accounts["Labour"] != "200" || m.TermDays[5] != 14 {
		t.Errorf("map = %+v", m)
	}
	if _, ok := m.Items["Hardware"]; ok || len(notes) != 1 || !strings.Contains(notes[0], `"Hardware"`) {
		t.Errorf("ambiguous name kept: items %v, notes %v", m.Items, notes)
	}

	q, _ := export.BuildLedgerMap(export.LedgerMapInput{Format: export.FormatQBOCSV, Rules: rules, Source: src, Connected: true})
	if q.Items["Labour"] != "Labour hours" || q.BaseCurrency != "GBP" {
		t.Errorf("QuickBooks names the product: %v, base %q", q.Items, q.BaseCurrency)
	}

	// A file with its own mappings: nothing is translated, no zero code is
	// guessed, and the Sage 50 US tax account comes from the setting.
	own := mapping.NewRules()
	own.Tax[mapping.TaxKey{Region: 10, Category: 21}] = "T2"
	own.Customers[7] = "ACME01"
	s, _ := export.BuildLedgerMap(export.LedgerMapInput{Format: export.FormatSage50USCSV, Rules: own, Source: src, SalesTaxAccount: " 23100 "})
	if s.Tax[export.TaxNames{Region: "England", Category: "Exempt"}] != "T2" || s.Customers[7] != "ACME01" || s.ZeroTaxCode != "" || s.SalesTaxAccount != "23100" {
		t.Errorf("own map = %+v", s)
	}
}

// Xero imports at most 500 invoices a file: the rest are left for the next
// file with a problem each, and the first 500 are written.
func TestXeroFileHoldsAtMost500Invoices(t *testing.T) {
	var rows []*export.Row
	for i := 0; i < 501*20; i++ { // sampleRow puts 20 rows on an invoice
		r := sampleRow(i)
		r.Invoice.Total = money.Zero
		rows = append(rows, &r)
	}
	// One Invoice value per invoice, with Autotask's total, as Source gives them.
	byID := map[int64]*export.Invoice{}
	for _, r := range rows {
		if inv, ok := byID[r.Invoice.ID]; ok {
			r.Invoice = inv
		} else {
			byID[r.Invoice.ID] = r.Invoice
		}
		r.Invoice.Total = r.Invoice.Total.Add(r.TotalAmount)
	}
	m := export.LedgerMap{Tax: map[export.TaxNames]string{{Region: "New York", Category: "Labor"}: "Tax on Sales"}}
	svc := &export.Service{}
	ready, p, err := svc.SplitLedger(export.Selection{Rows: rows}, export.FormatXeroCSV, m)
	if err != nil {
		t.Fatal(err)
	}
	if p.Totals.Documents != 500 || len(ready.Rows) != 500*20 || len(p.Problems) != 1 || p.Problems[0].Code != export.ProblemFileLimit || p.Problems[0].InvoiceID != 501 {
		t.Fatalf("documents %d, ready rows %d, problems %+v", p.Totals.Documents, len(ready.Rows), p.Problems)
	}
}

// Lines rounded to cents miss Autotask's 4-decimal total by a cent: the
// sync's rounding line (within the cap) makes the file equal it.
func TestLedgerFileRoundingAdjustment(t *testing.T) {
	d := func(s string) money.Decimal { v, _ := money.Parse(s); return v }
	inv := &export.Invoice{ID: 9, Number: "24009", Total: d("66.6666"), ExchangeRate: money.FromInt(1)}
	acct := &export.Account{ID: 1, Name: "Acme Ltd", Currency: "GBP"}
	row := func(id int64) *export.Row {
		return &export.Row{ItemID: id, Account: acct, Invoice: inv, BillingCode: "Labour", GLAccount: "200", ItemName: "Support",
			Quantity: d("1"), Rate: d("33.3333"), ExtendedPrice: d("33.3333"), TotalAmount: d("33.3333"), TaxRegion: "England", TaxCategory: "Exempt", Currency: "GBP"}
	}
	m := export.LedgerMap{Tax: map[export.TaxNames]string{{Region: "England", Category: "Exempt"}: "Exempt Income"}, ZeroTaxCode: "No VAT"}
	for _, tc := range []struct {
		name  string
		acct  string
		cap   string
		lines int
		diffs int
	}{
		{"adjusted", "860", "0.05", 3, 0},
		{"no rounding account", "", "0.05", 2, 1},
		{"beyond the cap", "860", "0.001", 2, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m.RoundingAccount, m.AdjustmentCap = tc.acct, d(tc.cap)
			docs, problems, err := export.DocsFromRows([]*export.Row{row(1), row(2)}, export.FormatXeroCSV, m)
			if err != nil || len(problems) > 0 {
				t.Fatal(err, problems)
			}
			p, err := export.PreviewLedger(export.FormatXeroCSV, docs, m)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs[0].Lines) != tc.lines || p.Totals.DifferenceCount != tc.diffs {
				t.Fatalf("%d lines, %d differences: %+v", len(docs[0].Lines), p.Totals.DifferenceCount, p.Totals.Differences)
			}
			if tc.lines == 3 {
				adj := docs[0].Lines[2]
				if !adj.Amount.Equal(d("0.01")) || adj.AccountCode != "860" || adj.TaxCode != "No VAT" || len(p.Notes) != 1 {
					t.Fatalf("adjustment line %+v, notes %v", adj, p.Notes)
				}
			}
		})
	}
}
