package demo_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// The demo profile connects to both simulators, and again after a restart
// when the simulators listen on new ports.
func TestDemoProfileConnectsAndSurvivesRestart(t *testing.T) {
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
		sims, err := demo.Start(dir, demo.Options{Invoices: 10})
		if err != nil {
			t.Fatal(err)
		}
		p, err := demo.EnsureProfile(ctx, deps, sims.Endpoints())
		if err != nil {
			sims.Close()
			t.Fatalf("round %d: %v", round, err)
		}
		if round == 1 {
			firstID = p.ID
		} else if p.ID != firstID {
			t.Fatalf("round 2 made a second demo profile (%d, first %d)", p.ID, firstID)
		}
		if !p.IsDemo || p.LedgerKind != store.LedgerXero || p.LedgerTenantName == "" {
			t.Fatalf("round %d: profile %+v", round, p)
		}
		at, err := connect.Autotask(ctx, deps, p)
		if err != nil {
			t.Fatal(err)
		}
		info, err := at.TestConnection(ctx)
		if err != nil {
			t.Fatalf("round %d: autotask: %v", round, err)
		}
		if info.Invoices != 10 || info.Companies == 0 || info.BillingItems == 0 {
			t.Fatalf("round %d: the demo month reads as %+v", round, info)
		}
		xc, err := connect.Xero(ctx, deps, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := xc.Accounts(ctx, xero.AccountFilter{}); err != nil {
			t.Fatalf("round %d: xero: %v", round, err)
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
