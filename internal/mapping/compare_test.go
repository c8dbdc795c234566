package mapping_test

import (
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
)

func TestCompareBillingCodesWithItems(t *testing.T) {
	d := money.MustParse
	codes := []autotask.BillingCode{
		{ID: 1, Name: "Remote Support", ExternalNumber: "4000-RS", UnitPrice: d("125.0000"), IsActive: true},
		{ID: 2, Name: "Onsite Support", UnitPrice: d("150.0000"), IsActive: true},
		{ID: 3, Name: "Hardware", UnitPrice: d("0"), IsActive: true},
		{ID: 4, Name: "Block Hours", UnitPrice: d("100.0000"), IsActive: true},
		{ID: 5, Name: "Retired Code", IsActive: false},
		{ID: 6, Name: "vCIO Consulting", UnitPrice: d("200.0000"), IsActive: true},
	}
	items := []ledger.Item{
		{Code: "4000-RS", Name: "Remote Support", UnitPrice: d("125.00")},
		{Code: "ONSITE", Name: "onsite support", UnitPrice: d("140.00")},
		{Code: "HW", Name: "Hardware"},
		{Code: "VCIO", Name: "Virtual CIO", UnitPrice: d("200.00")},
	}
	rules := mapping.NewRules()
	rules.BillingCodes[6] = mapping.ItemRule{ItemCode: "VCIO", Account: "4200"}
	rows := mapping.Compare(codes, items, rules)

	want := map[int64]struct{ status, by, item string }{
		1: {mapping.CompareMatch, "external number", "4000-RS"},
		2: {mapping.CompareDiffers, "name", "ONSITE"},
		3: {mapping.CompareMatch, "name", "HW"},
		4: {mapping.CompareMissing, "", mapping.ItemCodeFor(codes[3])},
		6: {mapping.CompareDiffers, "mapping", "VCIO"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d (inactive codes left out): %+v", len(rows), len(want), rows)
	}
	if rows[0].Status != mapping.CompareMissing {
		t.Errorf("missing items are not listed first: %+v", rows[0])
	}
	for _, r := range rows {
		w := want[r.CodeID]
		if r.Status != w.status || r.MatchedBy != w.by || r.ItemCode != w.item {
			t.Errorf("code %d: %s by %q item %q (%s), want %s by %q item %q", r.CodeID, r.Status, r.MatchedBy, r.ItemCode, r.Why, w.status, w.by, w.item)
		}
	}
	for _, r := range rows {
		if r.CodeID == 2 && r.Why != "price 150.00 in Autotask, 140.00 in the ledger" {
			t.Errorf("onsite why = %q", r.Why)
		}
	}
	missing := mapping.MissingItems(rows, rules, "200")
	if len(missing) != 1 || missing[0].Name != "Block Hours" || missing[0].AccountCode != "200" || !missing[0].UnitPrice.Equal(d("100.0000")) {
		t.Fatalf("missing items = %+v", missing)
	}
}
