package exact_test

import (
	"context"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// The balance of GL account 3000 moves with a posted general journal entry
// in its period and later ones, never before.
func TestAccountBalanceFollowsJournalEntries(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, exactsim.Options{})
	c := env.client
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
	stock, cogs := ids["3000"], ids["7000"]
	if stock == "" || cogs == "" {
		t.Fatalf("GL accounts %v", ids)
	}
	balance := func(account, date string) money.Decimal {
		t.Helper()
		d, _ := time.Parse(time.DateOnly, date)
		y, p := exact.PeriodOf(d)
		got, err := c.AccountBalance(ctx, account, y, p)
		if err != nil {
			t.Fatalf("balance of %s at %s: %v", account, date, err)
		}
		return got
	}
	post := func(date string, toStock string) {
		t.Helper()
		d, _ := time.Parse(time.DateOnly, date)
		amt := money.MustParse(toStock)
		_, err := c.CreateGeneralJournalEntry(ctx, exact.GeneralJournalEntry{JournalCode: "90", GeneralJournalEntryLines: exact.Lines[exact.GeneralJournalEntryLine]{
			{GLAccount: stock, AmountFC: amt, Date: exact.DateOf(d), Notes: "VAL-" + date},
			{GLAccount: cogs, AmountFC: amt.Neg(), Date: exact.DateOf(d), Notes: "VAL-" + date}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, date := range []string{"2024-04-30", "2024-05-31"} {
		if got := balance("3000", date); !got.IsZero() {
			t.Errorf("before any entry, at %s: %s", date, got)
		}
	}
	post("2024-05-20", "100.00")
	post("2024-06-10", "-30.00")
	post("2023-12-31", "12.50")
	for _, tc := range []struct{ account, date, want string }{
		{"3000", "2023-11-30", "0"},
		{"3000", "2024-04-30", "12.50"},
		{"3000", "2024-05-31", "112.50"},
		{"3000", "2024-06-30", "82.50"},
		{stock, "2024-06-30", "82.50"},
		{"7000", "2024-06-30", "-82.50"},
		{"9999", "2024-06-30", "0"},
	} {
		if got := balance(tc.account, tc.date); !got.Equal(money.MustParse(tc.want)) {
			t.Errorf("balance of %s at %s: %s, want %s", tc.account, tc.date, got, tc.want)
		}
	}
}
