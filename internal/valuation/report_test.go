package valuation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/valuation"
)

func id(v int64) *int64 { return &v }

func stock(currency string, items ...autotask.InventoryItem) valuation.Stock {
	return valuation.Stock{Currency: currency, Items: items,
		Products: map[int64]autotask.Product{
			1: {ID: 1, Sku: "UBNT-U6PRO", Name: "Access point", UnitCost: money.MustParse("129.9950")},
			2: {ID: 2, Sku: "DELL-P2422H", Name: "Monitor", UnitCost: money.MustParse("150.0000")},
			3: {ID: 3, Sku: "CAB-CAT6", Name: "Patch cable", UnitCost: money.Zero},
		},
		Locations: map[int64]autotask.InventoryLocation{10: {ID: 10, LocationName: "Main warehouse"}, 20: {ID: 20, LocationName: "Van"}}}
}

func item(product, location int64, onHand int) autotask.InventoryItem {
	return autotask.InventoryItem{ProductID: id(product), InventoryLocationID: id(location), QuantityOnHand: onHand}
}

func TestBuild(t *testing.T) {
	date := time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		stock      valuation.Stock
		ledger     string
		total      string
		difference string
		locations  map[string]string // name → value
		lines      map[string]string // SKU → value
		explain    []string          // substrings of the explanations, in order
	}{
		{name: "agree", stock: stock("USD", item(1, 10, 3), item(2, 10, 2), item(2, 20, 1)), ledger: "839.99",
			total: "839.99", difference: "0.00",
			locations: map[string]string{"Main warehouse": "689.99", "Van": "150.00"},
			lines:     map[string]string{"UBNT-U6PRO": "389.99", "DELL-P2422H": "450.00"}},
		{name: "receipts not yet billed", stock: stock("USD", item(1, 10, 3), item(2, 20, 1)), ledger: "150.00",
			total: "539.99", difference: "389.99", explain: []string{"receipts not yet billed", "not yet posted"}},
		{name: "cost of sales not yet posted", stock: stock("USD", item(2, 10, 1)), ledger: "450",
			total: "150.00", difference: "-300.00", explain: []string{"300.00 USD more than Autotask's stock: cost of sales not yet posted", "write-offs"}},
		{name: "no cost, empty and unknown stock", stock: stock("USD", item(3, 10, 40), item(1, 20, 0), item(9, 10, 2)), ledger: "0",
			total: "0.00", difference: "0.00", lines: map[string]string{"CAB-CAT6": "0.00", "": "0.00"},
			locations: map[string]string{"Main warehouse": "0.00"}, explain: []string{"2 product(s) in stock have no unit cost"}},
		{name: "yen rounds to whole units", stock: stock("JPY", item(1, 10, 1)), ledger: "130",
			total: "130", difference: "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := valuation.Build(date, "630", tc.stock, money.MustParse(tc.ledger))
			if !r.AutotaskTotal.Equal(money.MustParse(tc.total)) || !r.Difference.Equal(money.MustParse(tc.difference)) {
				t.Fatalf("total %s, difference %s; want %s, %s", r.AutotaskTotal, r.Difference, tc.total, tc.difference)
			}
			sum := money.Zero
			for _, l := range r.Locations {
				sum = sum.Add(l.Value)
				if want, ok := tc.locations[l.Name]; ok && !l.Value.Equal(money.MustParse(want)) {
					t.Errorf("location %s: %s, want %s", l.Name, l.Value, want)
				}
			}
			if !sum.Equal(r.AutotaskTotal) {
				t.Errorf("locations add up to %s, total %s", sum, r.AutotaskTotal)
			}
			if tc.locations != nil && len(r.Locations) != len(tc.locations) {
				t.Errorf("locations %+v, want %v", r.Locations, tc.locations)
			}
			for _, l := range r.Lines {
				if want, ok := tc.lines[l.SKU]; ok && !l.Value.Equal(money.MustParse(want)) {
					t.Errorf("line %s: %s, want %s", l.SKU, l.Value, want)
				}
			}
			if len(r.Explanations) < len(tc.explain) || (len(tc.explain) == 0 && len(r.Explanations) != 0) {
				t.Fatalf("explanations %q, want %q", r.Explanations, tc.explain)
			}
			for i, want := range tc.explain {
				if !strings.Contains(r.Explanations[i], want) {
					t.Errorf("explanation %d: %q, want it to say %q", i, r.Explanations[i], want)
				}
			}
		})
	}
}
