package oauth

import (
	"fmt"
	"log/slog"
	"strings"

	"golang.org/x/oauth2"
)

// Production endpoints, as the providers document them (see
// ../shared/api-notes/{xero,qbo,exact}.md).
const (
	XeroAuthURL        = "https://login.xero.com/identity/connect/authorize"
	XeroTokenURL       = "https://identity.xero.com/connect/token"
	XeroRevokeURL      = "https://identity.xero.com/connect/revocation"
	XeroConnectionsURL = "https://api.xero.com/connections"

	QBOAuthURL   = "https://appcenter.intuit.com/connect/oauth2"
	QBOTokenURL  = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
	QBORevokeURL = "https://developer.api.intuit.com/v2/oauth2/tokens/revoke"
	// QBOScopeAccounting is the one scope the QuickBooks Online Accounting
	// API needs.
	QBOScopeAccounting = "com.intuit.quickbooks.accounting"

	// Exact Online serves auth, token and API on the user's country host.
	ExactAuthPath  = "/api/oauth2/auth"
	ExactTokenPath = "/api/oauth2/token"
)

// exactHosts maps the countries Exact Online runs in to their hosts.
var exactHosts = map[string]string{
	"nl": "https://start.exactonline.nl",
	"be": "https://start.exactonline.be",
	"de": "https://start.exactonline.de",
	"uk": "https://start.exactonline.co.uk",
	"us": "https://start.exactonline.com",
	"es": "https://start.exactonline.es",
	"fr": "https://start.exactonline.fr",
}

// ExactHost returns the Exact Online host of a country code (nl, be, de,
// uk, us, es, fr).
func ExactHost(country string) (string, error) {
	h, ok := exactHosts[strings.ToLower(country)]
	if !ok {
		return "", fmt.Errorf("oauth: unknown Exact Online country %q (want nl, be, de, uk, us, es or fr)", country)
	}
	return h, nil
}

// Provider describes one OAuth 2.0 authorisation server and the app
// registered with it. The zero values of the redirect fields give
// http://localhost:PORT/callback.
type Provider struct {
	Name                         string // as people read it: "Xero", "QuickBooks Online", "Exact Online"
	AuthURL, TokenURL, RevokeURL string
	ClientID, ClientSecret       string // ClientSecret empty for a public (PKCE) client
	Scopes                       []string

	RedirectHost  string // "localhost" by default (Xero refuses 127.0.0.1)
	RedirectPorts []int  // the ports registered with the provider, tried in order
	RedirectPath  string // "/callback" by default
	// RelayURL, when set, is an https page registered as the redirect URI
	// that forwards the query to http://127.0.0.1:PORT/callback, the port
	// taken from state (see RelayState). Used by providers that accept
	// only https redirect URIs.
	RelayURL string

	PKCE       bool              // send an S256 code challenge and the verifier
	AuthParams map[string]string // extra authorise parameters, e.g. Exact's force_login
	// AuthStyle says how the client authenticates at the token endpoint;
	// the zero value means HTTP Basic when there is a secret and the
	// client_id form field when there is none. Never auto-detect: probing
	// costs a second token request, and a refresh is not idempotent.
	AuthStyle oauth2.AuthStyle
	// RevokeJSON sends the revocation as {"token": …} JSON (Intuit)
	// instead of an RFC 7009 form.
	RevokeJSON bool
}

// LogValue keeps the client secret out of logs.
func (p Provider) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("name", p.Name),
		slog.String("client_id", p.ClientID),
		slog.Bool("has_secret", p.ClientSecret != ""),
		slog.Any("scopes", p.Scopes),
	)
}

func (p Provider) redirectHost() string {
	if p.RedirectHost == "" {
		return "localhost"
	}
	return p.RedirectHost
}

func (p Provider) redirectPath() string {
	if p.RedirectPath == "" {
		return "/callback"
	}
	return p.RedirectPath
}

func (p Provider) authStyle() oauth2.AuthStyle {
	switch {
	case p.AuthStyle != oauth2.AuthStyleAutoDetect:
		return p.AuthStyle
	case p.ClientSecret != "":
		return oauth2.AuthStyleInHeader
	default:
		return oauth2.AuthStyleInParams
	}
}

func (p Provider) config(redirectURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     p.ClientID,
		ClientSecret: p.ClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   p.AuthURL,
			TokenURL:  p.TokenURL,
			AuthStyle: p.authStyle(),
		},
		RedirectURL: redirectURL,
		Scopes:      p.Scopes,
	}
}

func (p Provider) check() error {
	switch {
	case p.Name == "":
		return fmt.Errorf("oauth: provider has no name")
	case p.AuthURL == "" || p.TokenURL == "":
		return fmt.Errorf("oauth: %s: auth and token URLs are required", p.Name)
	case p.ClientID == "":
		return fmt.Errorf("oauth: %s: client id is required", p.Name)
	case !p.PKCE && p.ClientSecret == "":
		return fmt.Errorf("oauth: %s: a client without PKCE needs a client secret", p.Name)
	}
	return nil
}

// DefaultXeroPorts are the loopback ports Billbridge registers with Xero as
// http://localhost:PORT/callback. Xero matches redirect URIs exactly, so
// the app's registration must list every one of them.
var DefaultXeroPorts = []int{53682, 53683, 53684, 53685}

// XeroScopes returns the scopes Billbridge asks Xero for. Apps created on
// or after 2 March 2026 must use the granular scopes (accounting.invoices,
// accounting.payments, …); older apps may still use the broad
// accounting.transactions until September 2027. Payments are only read
// (pulled back onto Autotask), and with granular scopes items belong to
// accounting.invoices, so settings stay read-only there; the broad set needs
// accounting.settings to create items. Manual journals (cost of sales,
// stock adjustments) and the Balance Sheet (stock valuation) have scopes of
// their own in the granular set; the broad accounting.transactions covers
// manual journals, and reports need accounting.reports.read.
func XeroScopes(granular, readOnly bool) []string {
	switch {
	case granular && readOnly:
		return []string{"offline_access", "accounting.invoices.read", "accounting.payments.read",
			"accounting.contacts.read", "accounting.settings.read", "accounting.manualjournals.read",
			"accounting.reports.balancesheet.read"}
	case granular:
		return []string{"offline_access", "accounting.invoices", "accounting.payments.read",
			"accounting.contacts", "accounting.settings.read", "accounting.manualjournals",
			"accounting.reports.balancesheet.read"}
	case readOnly:
		return []string{"offline_access", "accounting.transactions.read",
			"accounting.contacts.read", "accounting.settings.read", "accounting.reports.read"}
	default:
		return []string{"offline_access", "accounting.transactions",
			"accounting.contacts", "accounting.settings", "accounting.reports.read"}
	}
}

// Xero returns the production Xero provider. clientSecret may be empty for
// an app registered as a PKCE (native) client; PKCE is always used.
func Xero(clientID, clientSecret string, scopes []string) Provider {
	return Provider{
		Name:          "Xero",
		AuthURL:       XeroAuthURL,
		TokenURL:      XeroTokenURL,
		RevokeURL:     XeroRevokeURL,
		ClientID:      clientID,
		ClientSecret:  clientSecret,
		Scopes:        scopes,
		RedirectPorts: DefaultXeroPorts,
		PKCE:          true,
	}
}

// QuickBooks returns the QuickBooks Online provider (the OAuth endpoints
// are the same for sandbox and production keys). Intuit requires the
// client secret and, for production keys, an https redirect: pass the
// relay page's URL, or "" to use http://localhost with development keys.
func QuickBooks(clientID, clientSecret, relayURL string, ports []int) Provider {
	return Provider{
		Name:          "QuickBooks Online",
		AuthURL:       QBOAuthURL,
		TokenURL:      QBOTokenURL,
		RevokeURL:     QBORevokeURL,
		ClientID:      clientID,
		ClientSecret:  clientSecret,
		Scopes:        []string{QBOScopeAccounting},
		RedirectPorts: ports,
		RelayURL:      relayURL,
		RevokeJSON:    true,
	}
}

// Exact returns the Exact Online provider on host (see ExactHost). Exact
// takes the client secret as a form field, has no PKCE and no scopes, and
// accepts only https redirect URIs, hence relayURL.
func Exact(host, clientID, clientSecret, relayURL string, ports []int) Provider {
	host = strings.TrimRight(host, "/")
	return Provider{
		Name:          "Exact Online",
		AuthURL:       host + ExactAuthPath,
		TokenURL:      host + ExactTokenPath,
		ClientID:      clientID,
		ClientSecret:  clientSecret,
		RedirectPorts: ports,
		RelayURL:      relayURL,
		AuthStyle:     oauth2.AuthStyleInParams,
		AuthParams:    map[string]string{"force_login": "0"},
	}
}
