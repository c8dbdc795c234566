package mapping_test

import (
	"testing"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
)

func TestLinkCustomers(t *testing.T) {
	customers := []ledger.Customer{
		{ID: "x1", Name: "Acme Limited", AccountNumber: "C00001"},
		{ID: "x2", Name: "Beta BV"},
		{ID: "x3", Name: "Gamma Holdings"},
		{ID: "x4", Name: "Delta Services Ltd"},
	}
	companies := []mapping.Company{
		{ID: 1, Number: "C00001", Name: "Acme Ltd"},      // account number
		{ID: 2, Number: "C00002", Name: "beta bv"},       // exact name, any case
		{ID: 3, Number: "C00003", Name: "Gamma"},         // stored link
		{ID: 4, Number: "C00004", Name: "Delta Service"}, // close name: suggestion only
		{ID: 5, Number: "C00005", Name: "Zeta Plumbing"}, // nothing alike
	}
	links, sugg := mapping.LinkCustomers(companies, customers, map[int64]string{3: "x3"})
	want := map[int64]mapping.Link{1: {"x1", "account number"}, 2: {"x2", "name"}, 3: {"x3", "link"}}
	if len(links) != len(want) {
		t.Fatalf("links = %v, want %v", links, want)
	}
	for id, l := range want {
		if links[id] != l {
			t.Errorf("company %d linked %v, want %v", id, links[id], l)
		}
	}
	if len(sugg) != 1 || sugg[0].CompanyID != 4 || sugg[0].CustomerID != "x4" {
		t.Errorf("suggestions = %+v, want Delta Service → x4 only", sugg)
	}
}

func TestSimilarity(t *testing.T) {
	if s := mapping.Similarity("ACME Ltd.", "Acme Limited"); s != 1 {
		t.Errorf("legal forms and case ignored: %v", s)
	}
	if s := mapping.Similarity("Acme", "Zeta"); s != 0 {
		t.Errorf("unrelated names: %v", s)
	}
}
