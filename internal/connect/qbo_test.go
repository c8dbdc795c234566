package connect_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/secrets"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
	"github.com/billbridge/billbridge/internal/store"
)

// Intuit's sign-in names the company (realmId) on the redirect; the profile
// then calls the API for that company with the kept token.
func TestQBOSignInAndCall(t *testing.T) {
	ctx := context.Background()
	sim, err := qbosim.New(qbosim.Options{})
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
	p := store.Profile{Name: "Acme US", LedgerEndpoint: sim.URL()}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	deps := connect.Deps{Store: st, Secrets: sec, LockDir: t.TempDir()}

	if _, err := connect.ConnectQBO(ctx, deps, p, "", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("without app keys: %v, want an error that says how to get them", err)
	}
	sec.Set(p.ID, secrets.QBOClientID, qbosim.DemoApp.ClientID)
	sec.Set(p.ID, secrets.QBOClientSecret, qbosim.DemoApp.ClientSecret)

	browser := func(authURL string) {
		to, err := sim.Approve(authURL, qbosim.DemoUS.RealmID)
		if err != nil {
			t.Error(err)
			return
		}
		resp, err := http.Get(to)
		if err != nil {
			t.Error(err)
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	p, err = connect.ConnectQBO(ctx, deps, p, "", func(u string) error { go browser(u); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if p.LedgerKind != store.LedgerQBO || p.LedgerTenantID != qbosim.DemoUS.RealmID || p.LedgerTenantName != qbosim.DemoUS.Name {
		t.Fatalf("profile after sign-in = %+v", p)
	}
	c, err := connect.QBO(ctx, deps, p)
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.CompanyInfo(ctx)
	if err != nil || info.Country != "US" {
		t.Fatalf("company info = %+v, %v", info, err)
	}
	if _, err := qbo.Query[qbo.Account](ctx, c, "Account", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := connect.Ledger(ctx, deps, p); err != nil {
		t.Fatalf("the sync cannot open QuickBooks: %v", err)
	}
}

// Production keys: the browser lands on the registered https page and the
// user pastes that address back.
func TestQBOPasteSignIn(t *testing.T) {
	ctx := context.Background()
	sim, err := qbosim.New(qbosim.Options{})
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
	p := store.Profile{Name: "Acme UK", LedgerEndpoint: sim.URL()}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	sec.Set(p.ID, secrets.QBOClientID, qbosim.DemoApp.ClientID)
	sec.Set(p.ID, secrets.QBOClientSecret, qbosim.DemoApp.ClientSecret)
	deps := connect.Deps{Store: st, Secrets: sec, LockDir: t.TempDir()}
	const relay = "https://billbridge.example/oauth/relay"

	if _, _, err := connect.BeginQBOPaste(deps, p, "http://localhost/x"); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("http redirect accepted: %v", err)
	}
	authURL, pending, err := connect.BeginQBOPaste(deps, p, relay)
	if err != nil {
		t.Fatal(err)
	}
	landed, err := sim.Approve(authURL, qbosim.DemoGB.RealmID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := connect.FinishQBOPaste(ctx, deps, p, relay, "https://billbridge.example/oauth/relay?code=forged&state=wrong", pending); err == nil {
		t.Fatal("a pasted address with the wrong state was accepted")
	}
	p, err = connect.FinishQBOPaste(ctx, deps, p, relay, "  "+landed+"  ", pending)
	if err != nil {
		t.Fatal(err)
	}
	if p.LedgerTenantID != qbosim.DemoGB.RealmID || p.LedgerTenantName != qbosim.DemoGB.Name {
		t.Fatalf("profile = %+v", p)
	}
}
