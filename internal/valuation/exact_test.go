package valuation_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/valuation"
)

// Exact's balance of stock account 3000 (from ReportingBalance) is what
// Build compares Autotask's stock with.
func TestExactInventoryBalance(t *testing.T) {
	ctx := context.Background()
	srv, err := exactsim.New(exactsim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	access, _ := srv.IssueToken(exactsim.DemoApp.ClientID)
	c := exact.NewClient(srv.APIBaseURL(), bearer(access), 3112840)
	if _, err := c.LoadCatalog(ctx); err != nil {
		t.Fatal(err)
	}
	gls, err := c.GLAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, g := range gls {
		ids[g.Code] = g.ID
	}
	d := exact.DateOf(day("2024-05-10"))
	if _, err := c.CreateGeneralJournalEntry(ctx, exact.GeneralJournalEntry{JournalCode: "90", GeneralJournalEntryLines: exact.Lines[exact.GeneralJournalEntryLine]{
		{GLAccount: ids["3000"], AmountFC: money.MustParse("250.00"), Date: d, Notes: "STOCK-1"},
		{GLAccount: ids["7090"], AmountFC: money.MustParse("-250.00"), Date: d, Notes: "STOCK-1"}}}); err != nil {
		t.Fatal(err)
	}
	lg := valuation.Exact{Client: c}
	pid, lid := int64(1), int64(10)
	stock := valuation.Stock{Currency: "EUR", Items: []autotask.InventoryItem{{ProductID: &pid, InventoryLocationID: &lid, QuantityOnHand: 2}},
		Products:  map[int64]autotask.Product{1: {ID: 1, Sku: "DELL-P2422H", Name: "Monitor", UnitCost: money.MustParse("150.0000")}},
		Locations: map[int64]autotask.InventoryLocation{10: {ID: 10, LocationName: "Main warehouse"}}}
	for _, tc := range []struct{ date, ledger, diff string }{
		{"2024-04-30", "0", "300.00"},
		{"2024-05-31", "250.00", "50.00"},
	} {
		bal, err := lg.Balance(ctx, "3000", day(tc.date))
		if err != nil {
			t.Fatal(err)
		}
		r := valuation.Build(day(tc.date), "3000", stock, bal)
		if !r.LedgerBalance.Equal(money.MustParse(tc.ledger)) || !r.AutotaskTotal.Equal(money.MustParse("300.00")) || !r.Difference.Equal(money.MustParse(tc.diff)) {
			t.Errorf("at %s: ledger %s, autotask %s, difference %s; want %s, 300.00, %s", tc.date, r.LedgerBalance, r.AutotaskTotal, r.Difference, tc.ledger, tc.diff)
		}
	}
}
