package mapping_test

import (
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

func ptr(n int64) *int64 { return &n }

func sources() mapping.Sources {
	return mapping.Sources{
		Codes: []autotask.BillingCode{
			{ID: 1, Name: "Remote Support", IsActive: true},
			{ID: 2, Name: "Onsite", IsActive: true},
			{ID: 3, Name: "Hardware", ExternalNumber: "HW", IsActive: true},
		},
		Regions:    []autotask.TaxRegion{{ID: 10, Name: "Texas"}},
		Categories: []autotask.TaxCategory{{ID: 20, Name: "Labor"}, {ID: 21, Name: "Goods"}},
		Taxes:      []autotask.Tax{{TaxRegionID: ptr(10), TaxCategoryID: ptr(21), TaxRate: money.MustParse("8.25")}},
		Companies: []autotask.Company{
			{ID: 100, CompanyName: "Acme Ltd", CompanyNumber: "C1"},
			{ID: 101, CompanyName: "Delta Service"},
			{ID: 102, CompanyName: "Zeta Plumbing"},
		},
		Terms: []autotask.PaymentTerm{{ID: 5, Name: "Net 30", PaymentDueInDays: 30}, {ID: 6, Name: "Net 14", PaymentDueInDays: 14}},
		Settings: ledger.Settings{
			TaxCodes: []ledger.TaxCode{{Code: "NONE", Rate: money.Zero}, {Code: "TX", Rate: money.MustParse("8.25")}},
			Accounts: []ledger.Account{{Code: "400", Name: "Other income", Income: true}, {Code: "200", Name: "Sales", Income: true}, {Code: "090", Name: "Bank"}},
		},
		Items:     []ledger.Item{{Code: "HW", Name: "Hardware", AccountCode: "260"}},
		Customers: []ledger.Customer{{ID: "x1", Name: "Acme Limited", AccountNumber: "C1"}, {ID: "x4", Name: "Delta Services Ltd"}},
	}
}

func TestOverviewStatesCoverageAndOrder(t *testing.T) {
	s := sources()
	stored := []store.MappingRule{
		mapping.BillingCodeRule(2, mapping.ItemRule{ItemCode: "ONSITE", Account: "200"}),
		mapping.TermRule(6, 21),
	}
	o := mapping.BuildOverview(s, stored, "")
	if got := s.IncomeAccount(); got != "200" {
		t.Errorf("income account = %q, want the Sales account 200", got)
	}
	// Codes: 1 and 3 suggested (3 matches the existing item HW on its account), 2 mapped last.
	if o.Codes[2].ID != 2 || o.Codes[2].State != mapping.StateMapped || o.Codes[2].ItemCode != "ONSITE" {
		t.Errorf("mapped code not last: %+v", o.Codes)
	}
	for _, r := range o.Codes[:2] {
		if r.State != mapping.StateSuggested {
			t.Errorf("code %d state %s, want suggested", r.ID, r.State)
		}
		if r.ID == 3 && (r.SuggestedItem != "HW" || r.SuggestedAccount != "260") {
			t.Errorf("hardware suggestion = %+v", r)
		}
	}
	taxes := map[string]mapping.TaxRow{}
	for _, r := range o.Tax {
		taxes[r.Key] = r
	}
	if taxes["10:21"].SuggestedTaxCode != "TX" || taxes["10:21"].Rate != "8.25" || taxes["10:20"].SuggestedTaxCode != "NONE" {
		t.Errorf("tax rows = %+v", o.Tax)
	}
	cust := map[int64]mapping.CustomerRow{}
	for _, r := range o.Customers {
		cust[r.CompanyID] = r
	}
	if c := cust[100]; c.State != mapping.StateLinked || c.CustomerName != "Acme Limited" || c.LinkedBy != "account number" {
		t.Errorf("Acme = %+v", c)
	}
	if c := cust[101]; c.State != mapping.StateSuggested || c.SuggestedCustomerID != "x4" {
		t.Errorf("Delta = %+v (a close name is only a suggestion)", c)
	}
	if c := cust[102]; c.State != mapping.StateCreate {
		t.Errorf("Zeta = %+v", c)
	}
	if o.Terms[1].State != mapping.StateMapped || o.Terms[1].Days != 21 || o.Terms[0].Days != 30 {
		t.Errorf("terms = %+v", o.Terms)
	}
	want := []string{"1 of 3 billing codes mapped", "0 of 2 tax region/category pairs mapped", "2 of 3 companies mapped", "2 of 2 payment terms mapped"}
	for i, w := range want {
		if got := o.Coverage[i].String(); got != w {
			t.Errorf("coverage %d = %q, want %q", i, got, w)
		}
	}
}

func TestAcceptingSuggestionsCoversEverything(t *testing.T) {
	s := sources()
	for _, kind := range []string{store.MapBillingCode, store.MapTax, store.MapCustomer} {
		if len(s.Suggestions(mapping.NewRules(), kind)) == 0 {
			t.Errorf("no %s suggestions", kind)
		}
	}
	rules := s.Suggestions(mapping.NewRules(), "")
	for i := range rules {
		rules[i].Suggested = false
	}
	o := mapping.BuildOverview(s, rules, "")
	for i, c := range o.Coverage {
		if c.Mapped != c.Total {
			t.Errorf("after accepting all, coverage %d = %s", i, c)
		}
	}
	if len(s.Suggestions(mapping.FromStore(rules, ""), "")) != 0 {
		t.Errorf("suggestions left after accepting them all")
	}
}
