package qbosim

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// accountingScope is the scope that grants the Accounting API.
const accountingScope = "com.intuit.quickbooks.accounting"

// knownScopes are the scopes Intuit's authorisation server recognises.
var knownScopes = map[string]bool{
	accountingScope: true, "com.intuit.quickbooks.payment": true,
	"openid": true, "profile": true, "email": true, "phone": true, "address": true,
}

// codeTTL is how long an authorisation code can be exchanged.
const codeTTL = 5 * time.Minute

// authCode is a single-use authorisation code for one company.
type authCode struct {
	ClientID    string    `json:"clientId"`
	RedirectURI string    `json:"redirectUri"`
	RealmID     string    `json:"realmId"`
	Scopes      []string  `json:"scopes"`
	Expires     time.Time `json:"expires"`
	Used        bool      `json:"used"`
}

// checkRedirectURI applies Intuit's registration rule: https, or
// http://localhost for development keys; never an IP address.
func checkRedirectURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("qbosim: redirect URI %q is not an absolute URL", raw)
	}
	host := u.Hostname()
	if strings.Trim(host, "0123456789.:[]") == "" {
		return fmt.Errorf("qbosim: redirect URI %q: Intuit does not accept IP addresses", raw)
	}
	if u.Scheme == "https" || (u.Scheme == "http" && host == "localhost") {
		return nil
	}
	return fmt.Errorf("qbosim: redirect URI %q: only https (or http://localhost with development keys)", raw)
}

// authRequest is a validated authorisation request.
type authRequest struct {
	app         App
	redirectURI string
	state       string
	scopes      []string
}

// authError is a refused authorisation request. When redirect is false the
// user sees an error page (unknown client, redirect URI not registered);
// otherwise the browser is sent back to the app with error=code.
type authError struct {
	code, desc string
	redirect   bool
}

func (e *authError) Error() string { return e.code + ": " + e.desc }

func (s *Server) validateAuthorize(q url.Values) (*authRequest, *authError) {
	app, ok := s.apps[q.Get("client_id")]
	if !ok {
		return nil, &authError{code: "invalid_client", desc: "The client_id is not valid"}
	}
	redirect := q.Get("redirect_uri")
	if !slices.Contains(app.RedirectURIs, redirect) {
		return nil, &authError{code: "invalid_request", desc: "The redirect_uri query parameter value is invalid. Make sure it is listed in the Redirect URIs section on your app's keys tab and matches it exactly."}
	}
	req := &authRequest{app: app, redirectURI: redirect, state: q.Get("state")}
	if q.Get("response_type") != "code" {
		return req, &authError{code: "unsupported_response_type", desc: "response_type must be code", redirect: true}
	}
	if req.state == "" {
		return req, &authError{code: "invalid_request", desc: "state is required", redirect: true}
	}
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		return req, &authError{code: "invalid_scope", desc: "scope is required", redirect: true}
	}
	for _, sc := range scopes {
		if !knownScopes[sc] {
			return req, &authError{code: "invalid_scope", desc: "unknown scope " + sc, redirect: true}
		}
	}
	req.scopes = scopes
	return req, nil
}

func errorRedirect(req *authRequest, e *authError) string {
	v := url.Values{"error": {e.code}, "error_description": {e.desc}}
	if req.state != "" {
		v.Set("state", req.state)
	}
	return req.redirectURI + "?" + v.Encode()
}

// decide is the user's answer on the consent page: a code for the chosen
// company, or access_denied when none was chosen.
func (s *Server) decide(q url.Values, realmID string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, aerr := s.validateAuthorize(q)
	if aerr != nil {
		if aerr.redirect {
			return errorRedirect(req, aerr), nil
		}
		return "", aerr
	}
	if realmID == "" {
		return errorRedirect(req, &authError{code: "access_denied", desc: "The user denied access"}), nil
	}
	if s.st.Realms[realmID] == nil {
		return "", fmt.Errorf("qbosim: approve: unknown company %s", realmID)
	}
	code := "AB" + randomToken(24)
	s.st.Codes[code] = &authCode{ClientID: req.app.ClientID, RedirectURI: req.redirectURI, RealmID: realmID,
		Scopes: req.scopes, Expires: s.now().Add(s.scaled(codeTTL))}
	s.persistLocked()
	v := url.Values{"code": {code}, "state": {req.state}, "realmId": {realmID}}
	return req.redirectURI + "?" + v.Encode(), nil
}

// Approve acts as the user choosing a company and clicking Connect on the
// consent page for authURL (the full authorisation URL the app opened). It
// returns where the browser would be redirected: with code, state and
// realmId, with error=access_denied when realmID is empty, or with the
// error Intuit would send for a bad request. A request Intuit would not
// redirect at all (unknown client, unregistered redirect URI) is an error.
func (s *Server) Approve(authURL, realmID string) (string, error) {
	u, err := url.Parse(authURL)
	if err != nil {
		return "", fmt.Errorf("qbosim: approve: %w", err)
	}
	return s.decide(u.Query(), realmID)
}

var consentPage = template.Must(template.New("consent").Parse(`<!doctype html>
<html><head><title>Intuit (simulated) – Connect</title></head><body>
<h1>{{.App}} wants to connect to QuickBooks</h1>
<p>Permissions: {{.Scopes}}</p>
<form method="post" action="">
<input type="hidden" name="request" value="{{.Request}}">
{{range .Companies}}<label><input type="radio" name="realmId" value="{{.RealmID}}"> {{.Name}} ({{.Country}})</label><br>
{{end}}<button type="submit" name="decision" value="allow">Connect</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form></body></html>
`))

// handleAuthorize serves the consent page (GET) and the user's decision (POST).
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		req, aerr := s.validateAuthorize(r.URL.Query())
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
		_ = consentPage.Execute(w, map[string]any{"App": req.app.ClientID, "Scopes": strings.Join(req.scopes, ", "),
			"Request": r.URL.RawQuery, "Companies": s.opts.Companies})
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
		realmID := r.PostForm.Get("realmId")
		if r.PostForm.Get("decision") != "allow" {
			realmID = ""
		}
		to, err := s.decide(q, realmID)
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
