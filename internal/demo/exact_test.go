package demo_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// The Exact demo profile signs in to the simulator, chooses the demo
// division and reads its own month and the division's lists — again after
// a restart, when the simulators listen on new ports.
func TestExactDemoProfileConnectsAndSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	deps := connect.Deps{Store: st, Secrets: secrets.NewMemory(), LockDir: dir}

	var firstID int64
	for round := 1; round <= 2; round++ {
		sims, err := demo.Start(dir, demo.Options{Invoices: 5, ExactInvoices: 8})
		if err != nil {
			t.Fatal(err)
		}
		p, err := demo.EnsureExactProfile(ctx, deps, sims.ExactEndpoints())
		if err != nil {
			sims.Close()
			t.Fatalf("round %d: %v", round, err)
		}
		if round == 1 {
			firstID = p.ID
		} else if p.ID != firstID {
			t.Fatalf("round 2 made a second Exact demo profile")
		}
		if !p.IsDemo || p.Name != demo.ExactProfileName || p.LedgerKind != store.LedgerExact ||
			p.LedgerTenantID != strconv.Itoa(demo.ExactDivision.Code) || p.LedgerTenantName != demo.ExactDivision.Description {
			t.Fatalf("round %d: profile %+v", round, p)
		}
		at, err := connect.Autotask(ctx, deps, p)
		if err != nil {
			t.Fatal(err)
		}
		if info, err := at.TestConnection(ctx); err != nil || info.Invoices != 8 {
			t.Fatalf("round %d: the Exact demo month reads as %+v, %v", round, info, err)
		}
		lg, err := connect.Ledger(ctx, deps, p)
		if err != nil {
			t.Fatal(err)
		}
		set, err := lg.Settings(ctx)
		if err != nil {
			t.Fatalf("round %d: exact: %v", round, err)
		}
		rates := map[string]money.Decimal{}
		for _, tc := range set.TaxCodes {
			rates[tc.Code] = tc.Rate
		}
		if set.BaseCurrency != "EUR" || !rates["1"].Equal(money.FromInt(21)) || !rates["20"].Equal(money.MustParse("8.875")) {
			t.Fatalf("round %d: settings %+v", round, set)
		}
		if err := sims.Close(); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := st.Profiles(ctx)
	if err != nil || len(ps) != 1 {
		t.Fatalf("profiles = %v, %v", ps, err)
	}
}
