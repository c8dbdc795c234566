package connect_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	"github.com/billbridge/billbridge/internal/store"
)

func TestAutotaskFindsTheZoneOnceAndRemembersIt(t *testing.T) {
	ctx := context.Background()
	sim, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 1, Invoices: 5})})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })

	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sec := secrets.NewMemory()
	p := store.Profile{Name: "Demo", AutotaskUsername: autotasksim.DemoCredential.UserName, AutotaskLookupURL: sim.ZoneLookupURL()}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	deps := connect.Deps{Store: st, Secrets: sec, Counter: httpx.NewCounter()}

	// No secrets yet: the user is told to enter them.
	if _, err := connect.Autotask(ctx, deps, p); apperr.CodeOf(err) != apperr.Reconnect {
		t.Fatalf("without secrets: %v, want a reconnect error", err)
	}
	if err := sec.Set(p.ID, secrets.AutotaskSecret, autotasksim.DemoCredential.Secret); err != nil {
		t.Fatal(err)
	}
	if err := sec.Set(p.ID, secrets.AutotaskIntegrationCode, autotasksim.DemoCredential.IntegrationCode); err != nil {
		t.Fatal(err)
	}

	c, err := connect.Autotask(ctx, deps, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.TestConnection(ctx); err != nil {
		t.Fatal(err)
	}
	saved, err := st.Profile(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.AutotaskZoneURL != c.ZoneURL() || saved.AutotaskZoneURL == "" {
		t.Fatalf("zone on profile = %q, client zone %q", saved.AutotaskZoneURL, c.ZoneURL())
	}

	// The next open skips the lookup.
	sim.ResetRequestLog()
	if _, err := connect.Autotask(ctx, deps, saved); err != nil {
		t.Fatal(err)
	}
	for _, r := range sim.Requests() {
		t.Errorf("opening with a known zone sent %s %s", r.Method, r.Path)
	}
	if deps.Counter.Total() == 0 {
		t.Error("the counter saw no calls")
	}
}
