package connect

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// ExactMinRefreshInterval is Exact's rule that a token may not be asked
// for within 570 s of the last token request; earlier, Exact refuses and
// counts it against the app.
const ExactMinRefreshInterval = 570 * time.Second

// exactConcurrent caps calls in flight per division: the client paces by
// Exact's minutely headers, and a few at once is all a sync needs.
const exactConcurrent = 4

// exactHost is the Exact site the profile's administration lives on: the
// profile's LedgerEndpoint once connected (a country host, or a
// simulator's address serving every path under one host), else the host
// of country.
func exactHost(p store.Profile, country string) (string, error) {
	// A simulator's address is kept whatever the country; a real site
	// gives way to the country chosen when connecting again.
	if p.LedgerEndpoint != "" && (country == "" || !strings.Contains(p.LedgerEndpoint, ".exactonline.")) {
		return strings.TrimSuffix(p.LedgerEndpoint, "/"), nil
	}
	if country == "" {
		return "", apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q does not say which Exact Online country site it uses", p.Name),
			"Connect Exact Online again in Connections and choose the country of your administration.")
	}
	h, err := oauth.ExactHost(country)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("Exact Online has no site for country %q", country),
			"Choose one of nl, be, de, uk, us, es or fr.")
	}
	return h, nil
}

// ExactProvider is the OAuth provider for the profile's own Exact app (its
// client id and secret from the keychain) on the profile's Exact site.
// relayURL is the https page registered as the app's redirect URI (Exact
// accepts nothing else); "" is enough for refreshing tokens.
func ExactProvider(deps Deps, p store.Profile, relayURL string) (oauth.Provider, error) {
	return exactProvider(deps, p, "", relayURL)
}

func exactProvider(deps Deps, p store.Profile, country, relayURL string) (oauth.Provider, error) {
	host, err := exactHost(p, country)
	if err != nil {
		return oauth.Provider{}, err
	}
	id, err := deps.Secrets.Get(p.ID, secrets.ExactClientID)
	if err == nil {
		var secret string
		if secret, err = deps.Secrets.Get(p.ID, secrets.ExactClientSecret); err == nil {
			return oauth.Exact(host, id, secret, relayURL, nil), nil
		}
	}
	if errors.Is(err, secrets.ErrNotFound) {
		return oauth.Provider{}, apperr.Wrap(err, apperr.Invalid,
			fmt.Sprintf("Profile %q has no Exact Online app keys", p.Name),
			"At apps.exactonline.com → Manage my apps register an app with the redirect URI of Billbridge's relay page, and paste its client ID and secret in Connections.")
	}
	return oauth.Provider{}, fmt.Errorf("connect: read exact app keys: %w", err)
}

// exactHTTP is the shared HTTP layer for Exact with the profile's rotating
// token underneath: one refresh at a time across processes (the lock
// file), the new refresh token kept before it is used, and never a token
// request within 570 s of the last.
func exactHTTP(deps Deps, p store.Profile, prov oauth.Provider) *http.Client {
	ts := oauth.NewTokenSource(oauth.TokenSourceConfig{
		Provider:           prov,
		Store:              oauth.NewSecretsStore(deps.Secrets, p.ID, secrets.ExactToken),
		MinRefreshInterval: ExactMinRefreshInterval,
		LockDir:            deps.LockDir,
		LockName:           fmt.Sprintf("profile-%d-exact.lock", p.ID),
		Org:                p.LedgerTenantName,
		Logger:             deps.logger(),
	})
	base := httpx.NewTransport(httpx.Options{Name: "exact", MaxConcurrent: exactConcurrent, MaxDelay: 60 * time.Second,
		Logger: deps.logger(), Counter: deps.Counter})
	return &http.Client{Transport: &reauth{ts: ts, next: &oauth2.Transport{Source: ts, Base: base}}}
}

// Exact returns a client for the profile's chosen Exact division.
func Exact(ctx context.Context, deps Deps, p store.Profile) (*exact.Client, error) {
	div, err := strconv.Atoi(p.LedgerTenantID)
	if p.LedgerKind != store.LedgerExact || err != nil || div <= 0 {
		return nil, apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q is not connected to an Exact Online division", p.Name),
			"Connect Exact Online in Connections and choose the division (administration) to send invoices to.")
	}
	return exactClient(deps, p, div)
}

func exactClient(deps Deps, p store.Profile, div int) (*exact.Client, error) {
	prov, err := ExactProvider(deps, p, "")
	if err != nil {
		return nil, err
	}
	host, _ := exactHost(p, "")
	var opts []exact.Option
	if p.LedgerTenantName != "" && div > 0 {
		opts = append(opts, exact.WithDivisionName(p.LedgerTenantName))
	}
	return exact.NewClient(exact.APIBaseURL(host), exactHTTP(deps, p, prov), div, opts...), nil
}

// ConnectExact signs the user in to Exact Online through their browser
// (open shows the address) with the profile's own app on the country's
// site. The redirect goes through the https relay page, which forwards it
// to Billbridge's loopback listener (the port travels in state). The token
// set is in the keychain and the site on the profile before this returns;
// choosing the division is ExactDivisions and ChooseExactDivision.
func ConnectExact(ctx context.Context, deps Deps, p store.Profile, country, relayURL string, open func(url string) error) (store.Profile, error) {
	if relayURL == "" {
		return store.Profile{}, apperr.New(apperr.Invalid, "Exact Online needs an https redirect page",
			"Use Billbridge's relay page as the app's redirect URI, or sign in with “paste the address”.")
	}
	prov, err := exactProvider(deps, p, country, relayURL)
	if err != nil {
		return store.Profile{}, err
	}
	grant, err := oauth.Authorize(ctx, prov, open, &http.Client{Timeout: time.Minute})
	if err != nil {
		return store.Profile{}, err
	}
	return keepExactGrant(ctx, deps, p, prov, grant)
}

// ExactPaste is a paste sign-in in progress: what FinishExactPaste needs
// besides the pasted address. It holds no secret.
type ExactPaste struct {
	AuthURL string        `json:"authUrl"` // open this in the browser
	Host    string        `json:"host"`
	Pending oauth.Pending `json:"pending"`
}

// BeginExactPaste starts a sign-in that needs no listener: the user opens
// AuthURL, allows access, and pastes the address the browser lands on (the
// relay page, or an error page when there is none) into FinishExactPaste.
func BeginExactPaste(deps Deps, p store.Profile, country, relayURL string) (ExactPaste, error) {
	prov, err := exactProvider(deps, p, country, relayURL)
	if err != nil {
		return ExactPaste{}, err
	}
	authURL, pending, err := oauth.BeginPaste(prov)
	if err != nil {
		return ExactPaste{}, err
	}
	host, _ := exactHost(p, country)
	return ExactPaste{AuthURL: authURL, Host: host, Pending: pending}, nil
}

// FinishExactPaste exchanges the code in the pasted address and keeps the
// token set and the site as ConnectExact does.
func FinishExactPaste(ctx context.Context, deps Deps, p store.Profile, pastedURL string, pending ExactPaste) (store.Profile, error) {
	if p.LedgerEndpoint == "" {
		p.LedgerEndpoint = pending.Host
	}
	prov, err := exactProvider(deps, p, "", pending.Pending.RedirectURI)
	if err != nil {
		return store.Profile{}, err
	}
	grant, err := oauth.ExchangePasted(ctx, prov, pastedURL, pending.Pending, &http.Client{Timeout: time.Minute})
	if err != nil {
		return store.Profile{}, err
	}
	return keepExactGrant(ctx, deps, p, prov, grant)
}

// keepExactGrant saves the token set and remembers the Exact site. The
// division is left to ChooseExactDivision: one sign-in reaches them all.
func keepExactGrant(ctx context.Context, deps Deps, p store.Profile, prov oauth.Provider, grant oauth.Grant) (store.Profile, error) {
	if err := oauth.NewSecretsStore(deps.Secrets, p.ID, secrets.ExactToken).Save(ctx, grant.Token); err != nil {
		return store.Profile{}, fmt.Errorf("connect: keep exact sign-in: %w", err)
	}
	host := strings.TrimSuffix(prov.AuthURL, oauth.ExactAuthPath)
	return deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerEndpoint: &host})
}

// ExactDivisions lists the divisions (administrations) the signed-in user
// can reach, the current one marked: current/Me, then system/Divisions.
func ExactDivisions(ctx context.Context, deps Deps, p store.Profile) ([]exact.Division, error) {
	c, err := exactClient(deps, p, 0)
	if err != nil {
		return nil, err
	}
	divs, err := c.Divisions(ctx)
	if err != nil {
		return nil, err
	}
	if len(divs) == 0 {
		return nil, apperr.New(apperr.Reconnect, "Exact Online lists no division for this user",
			"Sign in as an Exact user who has access to the administration to send invoices to.")
	}
	return divs, nil
}

// ChooseExactDivision makes d the profile's ledger. Each division is its
// own company with its own mappings and limits.
func ChooseExactDivision(ctx context.Context, deps Deps, p store.Profile, d exact.Division) (store.Profile, error) {
	kind, id, name := store.LedgerExact, strconv.Itoa(d.Code), d.Description
	return deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerKind: &kind, LedgerTenantID: &id, LedgerTenantName: &name})
}
