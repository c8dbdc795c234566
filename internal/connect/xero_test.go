package connect_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/secrets"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

const tenant = "6b1b5a3e-0000-4000-8000-00000000c0de"

// The whole Xero connection as a user does it: sign in through the browser,
// pick the organisation, then call the API with the kept token.
func TestXeroSignInChooseAndCall(t *testing.T) {
	ctx := context.Background()
	sim, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{{TenantID: tenant, Name: "Acme IT Ltd", CountryCode: "GB", BaseCurrency: "GBP"}}})
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
	p := store.Profile{Name: "Acme", LedgerEndpoint: sim.URL()}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	deps := connect.Deps{Store: st, Secrets: sec, Counter: httpx.NewCounter(), LockDir: t.TempDir()}

	if _, err := connect.ConnectXero(ctx, deps, p, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("without a client id: %v, want an error that says how to get one", err)
	}
	if err := sec.Set(p.ID, secrets.XeroClientID, xerosim.DemoClient.ClientID); err != nil {
		t.Fatal(err)
	}
	if _, err := connect.Xero(ctx, deps, p); apperr.CodeOf(err) != apperr.Reconnect {
		t.Fatalf("before choosing an organisation: %v, want a reconnect error", err)
	}

	browser := func(authURL string) error {
		to, err := sim.Approve(authURL, []string{tenant})
		if err != nil {
			return err
		}
		resp, err := http.Get(to) // the redirect lands on Billbridge's loopback listener
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		return resp.Body.Close()
	}
	conns, err := connect.ConnectXero(ctx, deps, p, func(u string) error { go browser(u); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(conns) != 1 || conns[0].TenantName != "Acme IT Ltd" {
		t.Fatalf("connections = %+v", conns)
	}
	if tok, err := sec.Get(p.ID, secrets.XeroToken); err != nil || tok == "" {
		t.Fatalf("token not in the keychain: %v", err)
	}
	p, err = connect.ChooseXeroOrganisation(ctx, deps, p, conns[0])
	if err != nil {
		t.Fatal(err)
	}
	c, err := connect.Xero(ctx, deps, p)
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := c.Accounts(ctx, xero.AccountFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(accounts) == 0 {
		t.Fatal("the demo organisation has no accounts")
	}
	if org, err := c.Organisation(ctx); err != nil || org.BaseCurrency != "GBP" || org.Name != "Acme IT Ltd" {
		t.Fatalf("organisation = %+v, %v", org, err)
	}
	if _, err := connect.Ledger(ctx, deps, p); err != nil {
		t.Fatal(err)
	}
	for _, r := range sim.Requests() {
		if r.Path == "/api.xro/2.0/Accounts" && r.Tenant != tenant {
			t.Errorf("Accounts call carried tenant %q", r.Tenant)
		}
	}
}
