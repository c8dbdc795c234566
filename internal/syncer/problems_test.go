package syncer_test

import (
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/ledgertest"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/syncer"
)

func id(n int64) *int64 { return &n }

// base is one good invoice: 2 items of code 10, UK VAT region 1, category 5.
func base() (*syncer.Snapshot, mapping.Rules) {
	d := money.MustParse
	inv := autotask.Invoice{ID: 900, InvoiceNumber: "24001", CompanyID: id(1), InvoiceDateTime: autotask.Date(2024, 5, 31),
		InvoiceTotal: d("240.0000"), TotalTaxValue: d("40.00"), PaymentTerm: 3, TaxRegionName: "UK VAT"}
	snap := &syncer.Snapshot{
		Invoices: []autotask.Invoice{inv},
		Items: map[int64][]autotask.BillingItem{900: {
			{ID: 1, InvoiceID: id(900), BillingCodeID: id(10), TaxCategoryID: id(5), ItemName: "Remote support", Quantity: d("1.0000"), Rate: d("100.0000"), ExtendedPrice: d("100.0000"), TaxDollars: d("20.00"), TotalAmount: d("120.0000")},
			{ID: 2, InvoiceID: id(900), BillingCodeID: id(10), TaxCategoryID: id(5), ItemName: "Onsite", Quantity: d("1.0000"), Rate: d("100.0000"), ExtendedPrice: d("100.0000"), TaxDollars: d("20.00"), TotalAmount: d("120.0000")},
		}},
		Companies:  map[int64]autotask.Company{1: {ID: 1, CompanyName: "Acme Ltd", CompanyNumber: "C00001", CurrencyID: id(2)}},
		Contacts:   map[int64][]autotask.Contact{1: {{ID: 5, CompanyID: id(1), EmailAddress: "ap@acme.example", BillingContact: true}}},
		Codes:      map[int64]autotask.BillingCode{10: {ID: 10, Name: "Remote Support"}},
		Regions:    []autotask.TaxRegion{{ID: 1, Name: "UK VAT"}},
		Categories: []autotask.TaxCategory{{ID: 5, Name: "Labor"}},
		Terms:      map[int64]autotask.PaymentTerm{3: {ID: 3, Name: "Net 30", PaymentDueInDays: 30}},
		Currencies: map[int64]autotask.Currency{2: {ID: 2, Name: "GBP"}},
	}
	rules := mapping.NewRules()
	rules.BillingCodes[10] = mapping.ItemRule{ItemCode: "REMOTE", Account: "200"}
	rules.Tax[mapping.TaxKey{Region: 1, Category: 5}] = "OUTPUT2"
	return snap, rules
}

func TestBlockingProblems(t *testing.T) {
	d := money.MustParse
	tests := []struct {
		name string
		edit func(*syncer.Snapshot, *mapping.Rules, *syncer.Options)
		code string
		msg  string
		fix  string
	}{
		{"unmapped billing code", func(s *syncer.Snapshot, r *mapping.Rules, _ *syncer.Options) { delete(r.BillingCodes, 10) },
			syncer.ProblemUnmappedBillingCode, `Invoice 24001: billing code "Remote Support" (id 10) is not mapped to a ledger item`,
			"Map the billing code in Mappings → Billing codes, or accept the suggested item."},
		{"unmapped tax", func(s *syncer.Snapshot, r *mapping.Rules, _ *syncer.Options) { r.Tax = map[mapping.TaxKey]string{} },
			syncer.ProblemUnmappedTax, `Invoice 24001: tax region "UK VAT" with tax category "Labor" is not mapped to a ledger tax code`,
			"Map the pair in Mappings → Tax, or accept the suggested tax code."},
		{"unknown payment term", func(s *syncer.Snapshot, _ *mapping.Rules, _ *syncer.Options) { s.Invoices[0].PaymentTerm = 77 },
			syncer.ProblemUnknownTerm, "Invoice 24001: payment term id 77 is not one of Autotask's payment terms",
			"Set a payment term on the invoice's company in Autotask, or map the term in Mappings → Payment terms."},
		{"missing customer email", func(s *syncer.Snapshot, _ *mapping.Rules, o *syncer.Options) {
			s.Contacts[1] = nil
			o.RequireEmail = true
		},
			syncer.ProblemMissingEmail, `Invoice 24001: customer "Acme Ltd" has no billing email address, which this profile (invoices are emailed) needs`,
			"Add an email address to the company's billing contact in Autotask, then preview again."},
		{"unfinished invoice", func(s *syncer.Snapshot, _ *mapping.Rules, _ *syncer.Options) {
			s.Invoices[0].InvoiceTotal = d("360.0000")
		},
			syncer.ProblemUnfinished, "Invoice 24001: its billing items add up to 240.00 but the invoice total is 360.00; Autotask has not finished the invoice",
			"Wait until Autotask has finished processing the invoice (or check the API user may see every line of business), then preview again."},
		{"rounding beyond cap", func(s *syncer.Snapshot, _ *mapping.Rules, _ *syncer.Options) {
			for i := range s.Items[900] {
				b := &s.Items[900][i]
				b.Quantity, b.Rate, b.ExtendedPrice, b.TotalAmount = d("3.0000"), d("33.3350"), d("100.0050"), d("120.0050")
			}
			s.Invoices[0].InvoiceTotal = d("240.0100")
		}, syncer.ProblemRounding, "Invoice 24001: rounding to the ledger's decimals leaves a difference of -0.01, more than the allowed adjustment of 0.00",
			"Raise the rounding adjustment limit in the profile's settings, or correct the rates in Autotask."},
		{"currency not enabled", func(s *syncer.Snapshot, _ *mapping.Rules, _ *syncer.Options) {
			s.Currencies[2] = autotask.Currency{ID: 2, Name: "EUR"}
		},
			syncer.ProblemCurrency, "Invoice 24001: currency EUR is not enabled in the ledger", "Enable EUR in the ledger's currency settings, then preview again."},
	}
	mem := ledgertest.NewMemory()
	settings := mem.Set
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			snap, rules := base()
			opts := syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 30}}
			tc.edit(snap, &rules, &opts)
			plan := syncer.BuildPlan(snap, rules, settings, mem.Caps, nil, opts)
			got := plan.Invoices[0].Problems
			if len(got) != 1 {
				t.Fatalf("problems = %+v, want exactly one", got)
			}
			if got[0].Code != tc.code || got[0].Message != tc.msg || got[0].Fix != tc.fix {
				t.Errorf("got\n  %s\n  %s\n  %s\nwant\n  %s\n  %s\n  %s", got[0].Code, got[0].Message, got[0].Fix, tc.code, tc.msg, tc.fix)
			}
		})
	}
	t.Run("good invoice", func(t *testing.T) {
		snap, rules := base()
		plan := syncer.BuildPlan(snap, rules, settings, mem.Caps, nil, syncer.Options{AdjustmentCap: d("0.05")})
		p := plan.Invoices[0]
		if p.Blocked() || !p.Doc.Total().Equal(d("240.00")) || p.Doc.Kind != ledger.KindInvoice || p.Doc.Number != "24001" {
			t.Fatalf("plan = %+v", p)
		}
		if len(p.Doc.Lines) != 2 || !p.Doc.DueDate.Equal(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("lines %d, due %s", len(p.Doc.Lines), p.Doc.DueDate)
		}
	})
	t.Run("negative invoice becomes a credit note", func(t *testing.T) {
		snap, rules := base()
		for i := range snap.Items[900] {
			b := &snap.Items[900][i]
			b.Rate, b.ExtendedPrice, b.TaxDollars, b.TotalAmount = b.Rate.Neg(), b.ExtendedPrice.Neg(), b.TaxDollars.Neg(), b.TotalAmount.Neg()
		}
		snap.Invoices[0].InvoiceTotal, snap.Invoices[0].TotalTaxValue = d("-240.0000"), d("-40.00")
		p := syncer.BuildPlan(snap, rules, settings, mem.Caps, nil, syncer.Options{}).Invoices[0]
		if p.Blocked() || p.Doc.Kind != ledger.KindCreditNote || !p.Doc.Total().Equal(d("240.00")) {
			t.Fatalf("credit = %+v total %s", p, p.Doc.Total())
		}
	})
}

// A customer's own line detail (a mapping rule) wins over the profile's, and
// a mode chosen for one run wins over both.
func TestCustomerLineMode(t *testing.T) {
	mem := ledgertest.NewMemory()
	tests := []struct {
		name      string
		profile   syncer.LineMode
		customer  string
		run       syncer.LineMode
		wantLines int
	}{
		{"profile standard: products and fixed charges line by line", syncer.ModeStandard, "", "", 2},
		{"profile detail", syncer.ModeDetail, "", "", 2},
		{"customer detail beats profile standard", syncer.ModeStandard, "detail", "", 2},
		{"customer summary beats profile detail", syncer.ModeDetail, "summary", "", 1},
		{"this run's choice beats the customer's", syncer.ModeStandard, "detail", syncer.ModeSummary, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, rules := base()
			if tt.customer != "" {
				rules.LineModes[1] = tt.customer
			}
			opts := syncer.Options{LineMode: tt.profile, AdjustmentCap: money.MustParse("0.05")}
			if tt.run != "" {
				opts.CustomerModes = map[int64]syncer.LineMode{1: tt.run}
			}
			p := syncer.BuildPlan(snap, rules, mem.Set, mem.Caps, nil, opts).Invoices[0]
			if p.Blocked() || len(p.Doc.Lines) != tt.wantLines {
				t.Fatalf("lines = %d (%+v), problems %+v; want %d lines", len(p.Doc.Lines), p.Doc.Lines, p.Problems, tt.wantLines)
			}
			if !p.Doc.Total().Equal(money.MustParse("240.00")) {
				t.Fatalf("total %s, want Autotask's 240.00", p.Doc.Total())
			}
		})
	}
	if _, err := mapping.LineModeRule(1, "verbose"); err == nil {
		t.Fatal("an unknown line mode was accepted")
	}
}
