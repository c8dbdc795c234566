package connect_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/store"
)

var exactRelay = exactsim.DemoApp.RedirectURIs[0]

type exactEnv struct {
	sim  *exactsim.Server
	deps connect.Deps
	sec  *secrets.Memory
	p    store.Profile
}

func newExactEnv(t *testing.T, withKeys bool) *exactEnv {
	t.Helper()
	ctx := context.Background()
	sim, err := exactsim.New(exactsim.Options{})
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
	e := &exactEnv{sim: sim, sec: secrets.NewMemory(), p: store.Profile{Name: "Demo NL", LedgerEndpoint: sim.URL()}}
	if err := st.CreateProfile(ctx, &e.p); err != nil {
		t.Fatal(err)
	}
	e.deps = connect.Deps{Store: st, Secrets: e.sec, Counter: httpx.NewCounter(), LockDir: t.TempDir()}
	if withKeys {
		for name, v := range map[string]string{secrets.ExactClientID: exactsim.DemoApp.ClientID, secrets.ExactClientSecret: exactsim.DemoApp.ClientSecret} {
			if err := e.sec.Set(e.p.ID, name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return e
}

// relay does what the https relay page does in the browser: it reads the
// loopback port from state and forwards the whole query there.
func relay(landed string) error {
	u, err := url.Parse(landed)
	if err != nil {
		return err
	}
	port, err := oauth.ParseRelayState(u.Query().Get("state"))
	if err != nil {
		return err
	}
	resp, err := http.Get("http://127.0.0.1:" + strconv.Itoa(port) + "/callback?" + u.RawQuery)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}

// chooseAndCall lists the divisions, chooses code and reads its VAT codes
// through the profile's kept token.
func (e *exactEnv) chooseAndCall(t *testing.T, p store.Profile, code int) store.Profile {
	t.Helper()
	ctx := context.Background()
	divs, err := connect.ExactDivisions(ctx, e.deps, p)
	if err != nil {
		t.Fatal(err)
	}
	var chosen exact.Division
	for _, d := range divs {
		if d.Code == code {
			chosen = d
		}
	}
	if len(divs) != 2 || chosen.Code == 0 {
		t.Fatalf("divisions = %+v", divs)
	}
	p, err = connect.ChooseExactDivision(ctx, e.deps, p, chosen)
	if err != nil {
		t.Fatal(err)
	}
	if p.LedgerKind != store.LedgerExact || p.LedgerTenantID != strconv.Itoa(code) || p.LedgerTenantName != chosen.Description {
		t.Fatalf("profile after choosing: %+v", p)
	}
	c, err := connect.Exact(ctx, e.deps, p)
	if err != nil {
		t.Fatal(err)
	}
	if vat, err := c.VATCodes(ctx); err != nil || len(vat) == 0 {
		t.Fatalf("VAT codes of %d: %v %v", code, vat, err)
	}
	for _, r := range e.sim.Requests() {
		if strings.Contains(r.Path, "/vat/VATCodes") && r.Division != code {
			t.Errorf("VAT codes read from division %d", r.Division)
		}
	}
	return p
}

// Signing in through the browser and the https relay page, then choosing
// the Belgian division.
func TestExactSignInThroughRelay(t *testing.T) {
	ctx := context.Background()
	e := newExactEnv(t, false)
	if _, err := connect.ConnectExact(ctx, e.deps, e.p, "nl", exactRelay, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("without app keys: %v, want an error that says how to get them", err)
	}
	e = newExactEnv(t, true)
	if _, err := connect.Exact(ctx, e.deps, e.p); apperr.CodeOf(err) != apperr.Reconnect {
		t.Fatalf("before choosing a division: %v, want a reconnect error", err)
	}
	browser := func(authURL string) error {
		if !strings.HasPrefix(authURL, e.sim.AuthURL()) || !strings.Contains(authURL, "redirect_uri="+url.QueryEscape(exactRelay)) {
			t.Errorf("authorisation URL %s: want the simulator's page and the https relay", authURL)
		}
		landed, err := e.sim.Approve(authURL)
		if err != nil {
			return err
		}
		return relay(landed)
	}
	p, err := connect.ConnectExact(ctx, e.deps, e.p, "nl", exactRelay, func(u string) error { go browser(u); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if tok, err := e.sec.Get(p.ID, secrets.ExactToken); err != nil || tok == "" {
		t.Fatalf("token not in the keychain: %v", err)
	}
	e.chooseAndCall(t, p, 3112841)
}

// The fallback that needs no listener: the user pastes the address the
// browser landed on.
func TestExactSignInByPaste(t *testing.T) {
	ctx := context.Background()
	e := newExactEnv(t, true)
	pending, err := connect.BeginExactPaste(e.deps, e.p, "nl", exactRelay)
	if err != nil {
		t.Fatal(err)
	}
	landed, err := e.sim.Approve(pending.AuthURL)
	if err != nil {
		t.Fatal(err)
	}
	wrong := strings.Replace(landed, "state=", "state=x", 1)
	if _, err := connect.FinishExactPaste(ctx, e.deps, e.p, wrong, pending); apperr.CodeOf(err) == apperr.Internal || err == nil {
		t.Fatalf("a pasted address with another state: %v, want a refusal a person can act on", err)
	}
	p, err := connect.FinishExactPaste(ctx, e.deps, e.p, "  "+landed+"  ", pending)
	if err != nil {
		t.Fatal(err)
	}
	e.chooseAndCall(t, p, 3112840)
}

// A real country site is taken from the country chosen; an unknown one is
// refused before any request.
func TestExactProviderHosts(t *testing.T) {
	e := newExactEnv(t, true)
	e.p.LedgerEndpoint = ""
	pending, err := connect.BeginExactPaste(e.deps, e.p, "be", exactRelay)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pending.AuthURL, "https://start.exactonline.be/api/oauth2/auth?") || pending.Host != "https://start.exactonline.be" {
		t.Errorf("auth URL %s on %s", pending.AuthURL, pending.Host)
	}
	if _, err := connect.BeginExactPaste(e.deps, e.p, "xx", exactRelay); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("unknown country: %v", err)
	}
	e.p.LedgerEndpoint = "https://start.exactonline.nl"
	prov, err := connect.ExactProvider(e.deps, e.p, "")
	if err != nil || prov.TokenURL != "https://start.exactonline.nl/api/oauth2/token" {
		t.Errorf("provider of a connected profile: %+v %v", prov, err)
	}
}
