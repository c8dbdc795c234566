package xerosim

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// authCode is a single-use authorisation code.
type authCode struct {
	ClientID    string    `json:"clientId"`
	RedirectURI string    `json:"redirectUri"`
	Challenge   string    `json:"challenge,omitempty"`
	Scopes      []string  `json:"scopes"`
	TenantIDs   []string  `json:"tenantIds"`
	Expires     time.Time `json:"expires"`
	Used        bool      `json:"used"`
}

// broadScopes are refused to apps created since March 2026 (Client.Granular).
var broadScopes = []string{"accounting.transactions", "accounting.transactions.read", "accounting.reports.read"}

// knownScopes are the scopes the simulated identity server recognises.
var knownScopes = map[string]bool{
	"openid": true, "profile": true, "email": true, "offline_access": true,
	"accounting.transactions": true, "accounting.transactions.read": true,
	"accounting.contacts": true, "accounting.contacts.read": true,
	"accounting.settings": true, "accounting.settings.read": true,
	"accounting.attachments": true, "accounting.attachments.read": true,
	"accounting.reports.read": true, "accounting.journals.read": true, "accounting.budgets.read": true,
	"accounting.invoices": true, "accounting.invoices.read": true,
	"accounting.payments": true, "accounting.payments.read": true,
	"accounting.banktransactions": true, "accounting.banktransactions.read": true,
	"accounting.manualjournals": true, "accounting.manualjournals.read": true,
	"accounting.reports.balancesheet.read": true,
}

// authRequest is a validated authorisation request.
type authRequest struct {
	client      Client
	redirectURI string
	state       string
	scopes      []string
	challenge   string
}

// authError is a refused authorisation request. When redirect is false the
// user sees an error page (unknown client, redirect URI not registered);
// otherwise the browser is sent back to the app with error=code.
type authError struct {
	code, desc string
	redirect   bool
}

func (e *authError) Error() string { return e.code + ": " + e.desc }

var challengeRE = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

// validateAuthorize checks the query of an authorisation request the way
// Xero's login service does.
func (s *Server) validateAuthorize(q url.Values) (*authRequest, *authError) {
	c, ok := s.clients[q.Get("client_id")]
	if !ok {
		return nil, &authError{code: "unauthorized_client", desc: "Unknown client or client not enabled"}
	}
	redirect := q.Get("redirect_uri")
	if !slices.Contains(c.RedirectURIs, redirect) {
		return nil, &authError{code: "invalid_request", desc: "Invalid redirect_uri"}
	}
	req := &authRequest{client: c, redirectURI: redirect, state: q.Get("state")}
	if q.Get("response_type") != "code" {
		return req, &authError{code: "unsupported_response_type", desc: "response_type must be code", redirect: true}
	}
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		return req, &authError{code: "invalid_scope", desc: "scope is required", redirect: true}
	}
	for _, sc := range scopes {
		if !knownScopes[sc] {
			return req, &authError{code: "invalid_scope", desc: "unknown scope " + sc, redirect: true}
		}
		if c.Granular && slices.Contains(broadScopes, sc) {
			return req, &authError{code: "invalid_scope", desc: sc + " is not available to apps created after 2 March 2026; use granular scopes", redirect: true}
		}
	}
	req.scopes = scopes
	method, challenge := q.Get("code_challenge_method"), q.Get("code_challenge")
	switch {
	case challenge == "" && c.ClientSecret == "":
		return req, &authError{code: "invalid_request", desc: "code_challenge is required for PKCE clients", redirect: true}
	case challenge != "" && method != "S256":
		return req, &authError{code: "invalid_request", desc: "code_challenge_method must be S256", redirect: true}
	case challenge != "" && !challengeRE.MatchString(challenge):
		return req, &authError{code: "invalid_request", desc: "code_challenge must be a base64url SHA-256 digest", redirect: true}
	}
	req.challenge = challenge
	return req, nil
}

// errorRedirect is the URL that sends an error back to the app.
func errorRedirect(req *authRequest, e *authError) string {
	v := url.Values{"error": {e.code}, "error_description": {e.desc}}
	if req.state != "" {
		v.Set("state", req.state)
	}
	return req.redirectURI + "?" + v.Encode()
}

// decide is the user's answer on the consent page: it issues a code for the
// chosen organisations, or access_denied when none was chosen.
func (s *Server) decide(q url.Values, tenantIDs []string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, aerr := s.validateAuthorize(q)
	if aerr != nil {
		if aerr.redirect {
			return errorRedirect(req, aerr), nil
		}
		return "", aerr
	}
	if len(tenantIDs) == 0 {
		return errorRedirect(req, &authError{code: "access_denied", desc: "The user denied access"}), nil
	}
	for _, t := range tenantIDs {
		if s.st.Orgs[t] == nil {
			return "", fmt.Errorf("xerosim: approve: unknown organisation %s", t)
		}
	}
	code := randomToken(32)
	s.st.Codes[code] = &authCode{ClientID: req.client.ClientID, RedirectURI: req.redirectURI, Challenge: req.challenge,
		Scopes: req.scopes, TenantIDs: slices.Clone(tenantIDs), Expires: s.now().Add(s.scaled(s.opts.CodeTTL))}
	s.persistLocked()
	v := url.Values{"code": {code}, "scope": {strings.Join(req.scopes, " ")}}
	if req.state != "" {
		v.Set("state", req.state)
	}
	return req.redirectURI + "?" + v.Encode(), nil
}

// Approve acts as the user clicking Allow on the consent page for authURL
// (the full authorisation URL the app opened) with the given organisations.
// It returns where the browser would be redirected: with code and state, or
// with error=access_denied when tenantIDs is empty, or with the error Xero
// would send for a bad request. A request Xero would not redirect at all
// (unknown client, unregistered redirect URI) is returned as an error.
func (s *Server) Approve(authURL string, tenantIDs []string) (string, error) {
	u, err := url.Parse(authURL)
	if err != nil {
		return "", fmt.Errorf("xerosim: approve: %w", err)
	}
	return s.decide(u.Query(), tenantIDs)
}

var consentPage = template.Must(template.New("consent").Parse(`<!doctype html>
<html><head><title>Xero (simulated) – Allow access</title></head><body>
<h1>{{.App}} wants access to your Xero organisation</h1>
<p>Permissions: {{.Scopes}}</p>
<form method="post" action="">
<input type="hidden" name="request" value="{{.Request}}">
{{range .Orgs}}<label><input type="checkbox" name="tenant" value="{{.TenantID}}" checked> {{.Name}}</label><br>
{{end}}<button type="submit" name="decision" value="allow">Allow access</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form></body></html>
`))

// handleAuthorize serves the consent page (GET) and the user's decision (POST).
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		req, aerr := s.validateAuthorize(r.URL.Query())
		orgs := make([]Org, 0, len(s.st.Orgs))
		for _, o := range s.opts.Orgs {
			if s.st.Orgs[o.TenantID] != nil {
				orgs = append(orgs, o)
			}
		}
		s.mu.Unlock()
		if aerr != nil {
			if aerr.redirect {
				http.Redirect(w, r, errorRedirect(req, aerr), http.StatusFound)
				return
			}
			http.Error(w, "Error: "+aerr.code+" – "+aerr.desc, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_ = consentPage.Execute(w, map[string]any{"App": req.client.ClientID, "Scopes": strings.Join(req.scopes, ", "), "Request": r.URL.RawQuery, "Orgs": orgs})
	case http.MethodPost:
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		q, err := url.ParseQuery(r.PostForm.Get("request"))
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		tenants := r.PostForm["tenant"]
		if r.PostForm.Get("decision") != "allow" {
			tenants = nil
		}
		to, err := s.decide(q, tenants)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		http.Redirect(w, r, to, http.StatusFound)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}
