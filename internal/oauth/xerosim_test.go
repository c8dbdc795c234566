package oauth_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

const simTenant = "0b6a3e0c-7d1f-4c55-9a3e-2f1b8d6c4e10"

// startXero starts the Xero simulator with a granular (post-March-2026)
// app registered for ports.
func startXero(t *testing.T, clk *clock, ports []int) *xerosim.Server {
	t.Helper()
	sim, err := xerosim.New(xerosim.Options{
		Clients: []xerosim.Client{{ClientID: "bb-native", RedirectURIs: localhostURIs(ports), Granular: true}},
		Orgs:    []xerosim.Org{{TenantID: simTenant, Name: "Acme Ltd", CountryCode: "GB", BaseCurrency: "GBP"}},
		Now:     clk.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	return sim
}

func xeroProvider(sim *xerosim.Server, ports []int, granular bool) oauth.Provider {
	p := oauth.Xero("bb-native", "", oauth.XeroScopes(granular, false))
	p.AuthURL, p.TokenURL, p.RevokeURL, p.RedirectPorts = sim.AuthorizeURL(), sim.TokenURL(), sim.RevokeURL(), ports
	return p
}

// approve is the browser: the user allows access to tenants, and the
// browser follows Xero's redirect to the loopback listener.
func approve(t *testing.T, sim *xerosim.Server, tenants []string) func(string) error {
	return func(authURL string) error {
		to, err := sim.Approve(authURL, tenants)
		if err != nil {
			return err
		}
		resp, err := http.Get(to)
		if err != nil {
			return err
		}
		resp.Body.Close()
		return nil
	}
}

// connections lists the tenants the access token can reach.
func connections(t *testing.T, sim *xerosim.Server, tok *oauth2.Token) (int, []string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, sim.ConnectionsURL(), nil)
	tok.SetAuthHeader(req)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list []struct{ TenantID, TenantName string }
	json.NewDecoder(resp.Body).Decode(&list)
	var ids []string
	for _, c := range list {
		ids = append(ids, c.TenantID)
	}
	return resp.StatusCode, ids
}

func TestXeroSimulatorWholeFlow(t *testing.T) {
	clk := newClock()
	ports := freePorts(t, 2)
	sim := startXero(t, clk, ports)
	p := xeroProvider(sim, ports, true)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// Connect: browser, loopback, PKCE exchange.
	g, err := oauth.Authorize(ctx, p, approve(t, sim, []string{simTenant}), nil)
	if err != nil {
		t.Fatalf("Authorize: %v", err)
	}
	if g.Scope != strings.Join(p.Scopes, " ") {
		t.Fatalf("granted scope %q, want %q", g.Scope, strings.Join(p.Scopes, " "))
	}
	if status, ids := connections(t, sim, g.Token); status != 200 || len(ids) != 1 || ids[0] != simTenant {
		t.Fatalf("connections: HTTP %d %v", status, ids)
	}

	// Keep it in the keychain and let the source refresh it.
	mem := secrets.NewMemory()
	store := oauth.NewSecretsStore(mem, profileID, secrets.XeroToken)
	if err := store.Save(ctx, g.Token); err != nil {
		t.Fatal(err)
	}
	src := oauth.NewTokenSource(oauth.TokenSourceConfig{Provider: p, Store: store, Now: clk.Now, Org: "Acme Ltd"})
	clk.Advance(29 * time.Minute)
	tok, err := src.TokenContext(ctx)
	if err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if tok.AccessToken == g.Token.AccessToken || tok.RefreshToken == g.Token.RefreshToken {
		t.Fatal("refresh did not rotate the token set")
	}
	if status, _ := connections(t, sim, tok); status != 200 {
		t.Fatalf("refreshed token: connections HTTP %d", status)
	}

	// Disconnect: revoking the refresh token ends the grant; the source
	// then asks the user to reconnect, once.
	if err := oauth.Revoke(ctx, p, tok.RefreshToken, nil); err != nil {
		t.Fatalf("Revoke: %v", err)
	}
	if status, _ := connections(t, sim, tok); status != 401 {
		t.Fatalf("after revoke: connections HTTP %d, want 401", status)
	}
	clk.Advance(29 * time.Minute)
	_, err = src.TokenContext(ctx)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Reconnect || e.Message != "Xero has disconnected Billbridge from Acme Ltd" {
		t.Fatalf("after revoke: err = %v, want the Reconnect prompt", err)
	}
}

func TestXeroSimulatorRefusesBroadScopesForNewApps(t *testing.T) {
	clk := newClock()
	ports := freePorts(t, 1)
	sim := startXero(t, clk, ports)
	p := xeroProvider(sim, ports, false) // accounting.transactions
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := oauth.Authorize(ctx, p, approve(t, sim, []string{simTenant}), nil)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Invalid || !strings.Contains(e.Fix, "granular") {
		t.Fatalf("err = %v, want Invalid pointing at granular scopes", err)
	}
}

func TestXeroSimulatorUserCancels(t *testing.T) {
	clk := newClock()
	ports := freePorts(t, 1)
	sim := startXero(t, clk, ports)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := oauth.Authorize(ctx, xeroProvider(sim, ports, true), approve(t, sim, nil), nil)
	if apperr.CodeOf(err) != apperr.Reconnect {
		t.Fatalf("err = %v, want Reconnect (access denied)", err)
	}
}
