package connect

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// Xero allows 60 calls a minute and 5 at once per organisation; staying just
// under keeps us out of its 429s instead of bouncing off them.
const (
	xeroRate       = 0.95
	xeroBurst      = 3
	xeroConcurrent = 5
)

// xeroURLs are where a profile's Xero lives: Xero itself, or a simulator
// (profile.LedgerEndpoint) that serves the same paths under one address.
type xeroURLs struct{ auth, token, revoke, connections, api string }

func xeroEndpoints(p store.Profile) xeroURLs {
	if p.LedgerEndpoint == "" {
		return xeroURLs{oauth.XeroAuthURL, oauth.XeroTokenURL, oauth.XeroRevokeURL, oauth.XeroConnectionsURL, xero.DefaultBaseURL}
	}
	base := strings.TrimSuffix(p.LedgerEndpoint, "/") + "/"
	return xeroURLs{base + "identity/connect/authorize", base + "identity/connect/token",
		base + "identity/connect/revocation", base + "connections", base + "api.xro/2.0/"}
}

// XeroProvider is the OAuth provider for the profile's own Xero app: its
// client id (and secret, for apps that have one) from the keychain.
func XeroProvider(deps Deps, p store.Profile) (oauth.Provider, error) {
	id, err := deps.Secrets.Get(p.ID, secrets.XeroClientID)
	if errors.Is(err, secrets.ErrNotFound) {
		return oauth.Provider{}, apperr.Wrap(err, apperr.Invalid,
			fmt.Sprintf("Profile %q has no Xero app client id", p.Name),
			"Create an app at developer.xero.com (type: mobile or desktop app, with PKCE), add the redirect URIs http://localhost:53682/callback to :53685/callback, and paste its client id in Connections.")
	}
	if err != nil {
		return oauth.Provider{}, fmt.Errorf("connect: read xero client id: %w", err)
	}
	secret, err := deps.Secrets.Get(p.ID, secrets.XeroClientSecret)
	if err != nil && !errors.Is(err, secrets.ErrNotFound) {
		return oauth.Provider{}, fmt.Errorf("connect: read xero client secret: %w", err)
	}
	prov := oauth.Xero(id, secret, oauth.XeroScopes(true, false))
	u := xeroEndpoints(p)
	prov.AuthURL, prov.TokenURL, prov.RevokeURL = u.auth, u.token, u.revoke
	return prov, nil
}

// xeroHTTP is the shared HTTP layer for one Xero organisation, with the
// profile's rotating token underneath.
func xeroHTTP(deps Deps, p store.Profile, prov oauth.Provider) *http.Client {
	ts := oauth.NewTokenSource(oauth.TokenSourceConfig{
		Provider: prov,
		Store:    oauth.NewSecretsStore(deps.Secrets, p.ID, secrets.XeroToken),
		LockDir:  deps.LockDir,
		LockName: fmt.Sprintf("profile-%d-xero.lock", p.ID),
		Org:      p.LedgerTenantName,
		Logger:   deps.logger(),
	})
	base := httpx.NewTransport(httpx.Options{
		Name: "xero", RatePerSecond: xeroRate, Burst: xeroBurst, MaxConcurrent: xeroConcurrent,
		MaxDelay: 60 * time.Second, Logger: deps.logger(), Counter: deps.Counter,
	})
	return &http.Client{Transport: &reauth{ts: ts, next: &oauth2.Transport{Source: ts, Base: base}}}
}

// Xero returns a client for the profile's chosen Xero organisation.
func Xero(ctx context.Context, deps Deps, p store.Profile) (*xero.Client, error) {
	if p.LedgerKind != store.LedgerXero || p.LedgerTenantID == "" {
		return nil, apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q is not connected to a Xero organisation", p.Name),
			"Connect Xero in Connections and choose the organisation to send invoices to.")
	}
	prov, err := XeroProvider(deps, p)
	if err != nil {
		return nil, err
	}
	return xero.NewClient(xeroEndpoints(p).api, xeroHTTP(deps, p, prov), p.LedgerTenantID, xero.WithTenantName(p.LedgerTenantName)), nil
}

// ConnectXero signs the user in to Xero through their browser (open is
// given the address to show) and returns the organisations they granted.
// The token set is in the keychain before this returns; choosing one of the
// organisations is ChooseXeroOrganisation.
func ConnectXero(ctx context.Context, deps Deps, p store.Profile, open func(url string) error) ([]xero.Connection, error) {
	prov, err := XeroProvider(deps, p)
	if err != nil {
		return nil, err
	}
	grant, err := oauth.Authorize(ctx, prov, open, &http.Client{Timeout: time.Minute})
	if err != nil {
		return nil, err
	}
	tokens := oauth.NewSecretsStore(deps.Secrets, p.ID, secrets.XeroToken)
	if err := tokens.Save(ctx, grant.Token); err != nil {
		return nil, fmt.Errorf("connect: keep xero sign-in: %w", err)
	}
	conns, err := xero.Connections(ctx, xeroEndpoints(p).connections, xeroHTTP(deps, p, prov))
	if err != nil {
		return nil, err
	}
	if len(conns) == 0 {
		return nil, apperr.New(apperr.Reconnect, "Xero did not give Billbridge access to any organisation",
			"Connect again and tick the organisation to send invoices to on Xero's consent page.")
	}
	return conns, nil
}

// ChooseXeroOrganisation makes one of the granted organisations the
// profile's ledger.
func ChooseXeroOrganisation(ctx context.Context, deps Deps, p store.Profile, c xero.Connection) (store.Profile, error) {
	kind := store.LedgerXero
	return deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{
		LedgerKind: &kind, LedgerTenantID: &c.TenantID, LedgerTenantName: &c.TenantName,
	})
}
