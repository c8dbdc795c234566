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
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// QBO's sign-in uses the same Intuit endpoints for sandbox and production
// keys; only the API host differs. A profile's LedgerEndpoint is empty for
// production, qbo.SandboxBaseURL for the sandbox, or a simulator's address
// serving every path under one host.
type qboURLs struct{ auth, token, revoke, api string }

func qboEndpoints(p store.Profile) qboURLs {
	switch p.LedgerEndpoint {
	case "":
		return qboURLs{oauth.QBOAuthURL, oauth.QBOTokenURL, oauth.QBORevokeURL, qbo.ProductionBaseURL}
	case qbo.SandboxBaseURL:
		return qboURLs{oauth.QBOAuthURL, oauth.QBOTokenURL, oauth.QBORevokeURL, qbo.SandboxBaseURL}
	}
	base := strings.TrimSuffix(p.LedgerEndpoint, "/") + "/"
	return qboURLs{base + "connect/oauth2", base + "oauth2/v1/tokens/bearer", base + "v2/oauth2/tokens/revoke", base + "v3/company/"}
}

// QBOProvider is the OAuth provider for the profile's own Intuit app. Intuit
// requires the client secret at its token endpoint, so both come from the
// keychain. relayURL is the https page registered with production keys
// ("" for development keys, which accept http://localhost).
func QBOProvider(deps Deps, p store.Profile, relayURL string) (oauth.Provider, error) {
	id, err := deps.Secrets.Get(p.ID, secrets.QBOClientID)
	if err == nil {
		var secret string
		secret, err = deps.Secrets.Get(p.ID, secrets.QBOClientSecret)
		if err == nil {
			prov := oauth.QuickBooks(id, secret, relayURL, oauth.DefaultXeroPorts)
			u := qboEndpoints(p)
			prov.AuthURL, prov.TokenURL, prov.RevokeURL = u.auth, u.token, u.revoke
			return prov, nil
		}
	}
	if errors.Is(err, secrets.ErrNotFound) {
		return oauth.Provider{}, apperr.Wrap(err, apperr.Invalid,
			fmt.Sprintf("Profile %q has no Intuit app keys", p.Name),
			"At developer.intuit.com create an app with the Accounting scope, open Keys & credentials, add the redirect URI, and paste the Client ID and Client Secret in Connections.")
	}
	return oauth.Provider{}, fmt.Errorf("connect: read intuit app keys: %w", err)
}

func qboHTTP(deps Deps, p store.Profile, prov oauth.Provider) *http.Client {
	ts := oauth.NewTokenSource(oauth.TokenSourceConfig{
		Provider: prov,
		Store:    oauth.NewSecretsStore(deps.Secrets, p.ID, secrets.QBOToken),
		LockDir:  deps.LockDir,
		LockName: fmt.Sprintf("profile-%d-qbo.lock", p.ID),
		Org:      p.LedgerTenantName,
		Logger:   deps.logger(),
	})
	opts := qbo.HTTPOptions()
	opts.Logger, opts.Counter = deps.logger(), deps.Counter
	return &http.Client{Transport: &reauth{ts: ts, next: &oauth2.Transport{Source: ts, Base: httpx.NewTransport(opts)}}}
}

// QBO returns a client for the profile's QuickBooks Online company.
func QBO(ctx context.Context, deps Deps, p store.Profile) (*qbo.Client, error) {
	if p.LedgerKind != store.LedgerQBO || p.LedgerTenantID == "" {
		return nil, apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q is not connected to a QuickBooks Online company", p.Name),
			"Connect QuickBooks Online in Connections.")
	}
	prov, err := QBOProvider(deps, p, "")
	if err != nil {
		return nil, err
	}
	return qbo.NewClient(qboEndpoints(p).api, qboHTTP(deps, p, prov), p.LedgerTenantID, qbo.WithCompanyName(p.LedgerTenantName)), nil
}

// ConnectQBO signs the user in to Intuit through a loopback redirect (Intuit
// allows http://localhost for development keys; open shows the address) and
// connects the company Intuit returns.
func ConnectQBO(ctx context.Context, deps Deps, p store.Profile, relayURL string, open func(url string) error) (store.Profile, error) {
	prov, err := QBOProvider(deps, p, relayURL)
	if err != nil {
		return store.Profile{}, err
	}
	grant, err := oauth.Authorize(ctx, prov, open, &http.Client{Timeout: time.Minute})
	if err != nil {
		return store.Profile{}, err
	}
	return finishQBO(ctx, deps, p, prov, grant)
}

// BeginQBOPaste starts a sign-in for production keys, whose redirect must be
// https: the browser lands on redirectURL (registered with the Intuit app;
// the page need not exist) and the user pastes that address back into
// FinishQBOPaste. Keep the Pending until then.
func BeginQBOPaste(deps Deps, p store.Profile, redirectURL string) (string, oauth.Pending, error) {
	if !strings.HasPrefix(redirectURL, "https://") {
		return "", oauth.Pending{}, apperr.New(apperr.Invalid, "Intuit production keys need an https redirect URI",
			"Use the https redirect URI registered under Keys & credentials of your Intuit app.")
	}
	prov, err := QBOProvider(deps, p, redirectURL)
	if err != nil {
		return "", oauth.Pending{}, err
	}
	return oauth.BeginPaste(prov)
}

// FinishQBOPaste exchanges the code in the pasted address and connects the
// company it names.
func FinishQBOPaste(ctx context.Context, deps Deps, p store.Profile, redirectURL, pasted string, pending oauth.Pending) (store.Profile, error) {
	prov, err := QBOProvider(deps, p, redirectURL)
	if err != nil {
		return store.Profile{}, err
	}
	grant, err := oauth.ExchangePasted(ctx, prov, pasted, pending, &http.Client{Timeout: time.Minute})
	if err != nil {
		return store.Profile{}, err
	}
	return finishQBO(ctx, deps, p, prov, grant)
}

// finishQBO keeps the token set in the keychain and makes the company Intuit
// named (realmId) the profile's ledger, with QuickBooks' own company name.
func finishQBO(ctx context.Context, deps Deps, p store.Profile, prov oauth.Provider, grant oauth.Grant) (store.Profile, error) {
	if grant.RealmID == "" {
		return store.Profile{}, apperr.New(apperr.Reconnect, "Intuit did not say which company was connected",
			"Connect again and choose the company on Intuit's page.")
	}
	if err := oauth.NewSecretsStore(deps.Secrets, p.ID, secrets.QBOToken).Save(ctx, grant.Token); err != nil {
		return store.Profile{}, fmt.Errorf("connect: keep quickbooks sign-in: %w", err)
	}
	kind, realm := store.LedgerQBO, grant.RealmID
	name := "QuickBooks company " + realm
	c := qbo.NewClient(qboEndpoints(p).api, qboHTTP(deps, p, prov), realm)
	if info, err := c.CompanyInfo(ctx); err == nil && info.CompanyName != "" {
		name = info.CompanyName
	}
	return deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerKind: &kind, LedgerTenantID: &realm, LedgerTenantName: &name})
}
