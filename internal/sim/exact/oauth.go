package exactsim

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// authCode is a single-use authorisation code.
type authCode struct {
	ClientID    string    `json:"clientId"`
	RedirectURI string    `json:"redirectUri"`
	Expires     time.Time `json:"expires"`
}

// grant is one user consent. Its tokens die with it; only a new consent
// replaces a dead grant.
type grant struct {
	ID          string    `json:"id"`
	ClientID    string    `json:"clientId"`
	LastTokenAt time.Time `json:"lastTokenAt"` // the 570-second rule counts from here
	Dead        bool      `json:"dead"`
	Why         string    `json:"why,omitempty"`
}

type accessToken struct {
	GrantID string    `json:"grantId"`
	Expires time.Time `json:"expires"`
}

// refreshToken is single use: after a refresh it is Used, and presenting
// it again kills the grant.
type refreshToken struct {
	GrantID string    `json:"grantId"`
	Expires time.Time `json:"expires"`
	Used    bool      `json:"used"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    string `json:"expires_in"` // Exact sends it as a string
	RefreshToken string `json:"refresh_token"`
}

// oauthError is Exact's flat OAuth error.
type oauthError struct {
	status    int
	code, msg string
}

func (e *oauthError) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(e.status)
	body := map[string]string{"error": e.code}
	if e.msg != "" {
		body["error_description"] = e.msg
	}
	_ = json.NewEncoder(w).Encode(body)
}

// validateAuth checks an authorisation request as Exact's login page does:
// a known client, a registered https redirect URI matched exactly, and
// response_type=code.
func (s *Server) validateAuth(q url.Values) (App, string, error) {
	a, ok := s.apps[q.Get("client_id")]
	if !ok {
		return App{}, "", fmt.Errorf("unknown client_id %q", q.Get("client_id"))
	}
	ru := q.Get("redirect_uri")
	if !slices.Contains(a.RedirectURIs, ru) {
		return App{}, "", fmt.Errorf("redirect_uri %q is not registered for this app (registered URIs must be https and match exactly)", ru)
	}
	if q.Get("response_type") != "code" {
		return App{}, "", fmt.Errorf("response_type must be code")
	}
	return a, ru, nil
}

// Approve acts as the user signing in and allowing access on the page
// authURL (the full authorisation URL the app opened). It returns where
// Exact sends the browser: the registered https redirect URI with code and
// state. A request Exact would refuse is an error.
func (s *Server) Approve(authURL string) (string, error) {
	u, err := url.Parse(authURL)
	if err != nil {
		return "", fmt.Errorf("exactsim: approve: %w", err)
	}
	return s.approve(u.Query())
}

func (s *Server) approve(q url.Values) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ru, err := s.validateAuth(q)
	if err != nil {
		return "", fmt.Errorf("exactsim: approve: %w", err)
	}
	code := randomToken(24)
	s.st.Codes[code] = &authCode{ClientID: a.ClientID, RedirectURI: ru, Expires: s.now().Add(s.scaled(s.opts.CodeTTL))}
	s.persistLocked()
	v := url.Values{"code": {code}}
	if st := q.Get("state"); st != "" {
		v.Set("state", st)
	}
	sep := "?"
	if strings.Contains(ru, "?") {
		sep = "&"
	}
	return ru + sep + v.Encode(), nil
}

var consentPage = template.Must(template.New("consent").Parse(`<!doctype html>
<html><head><title>Exact Online (simulated) – Allow access</title></head><body>
<h1>{{.App}} wants access to your Exact Online administrations</h1>
<form method="post" action=""><input type="hidden" name="request" value="{{.Request}}">
<button type="submit" name="decision" value="allow">Allow</button></form></body></html>
`))

// handleAuth serves the consent page (GET) and the user's decision (POST).
func (s *Server) handleAuth(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		a, _, err := s.validateAuth(r.URL.Query())
		s.mu.Unlock()
		if err != nil {
			http.Error(w, "Exact Online: "+err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_ = consentPage.Execute(w, map[string]string{"App": a.ClientID, "Request": r.URL.RawQuery})
	case http.MethodPost:
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		q, err := url.ParseQuery(r.PostForm.Get("request"))
		if err != nil || r.PostForm.Get("decision") != "allow" {
			http.Error(w, "access not granted", http.StatusBadRequest)
			return
		}
		to, err := s.approve(q)
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

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		(&oauthError{http.StatusMethodNotAllowed, "invalid_request", "POST required"}).write(w)
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") || r.ParseForm() != nil {
		(&oauthError{http.StatusBadRequest, "invalid_request", "form body expected"}).write(w)
		return
	}
	f := r.PostForm
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[f.Get("client_id")]
	if !ok || f.Get("client_secret") == "" || subtle.ConstantTimeCompare([]byte(f.Get("client_secret")), []byte(a.ClientSecret)) != 1 {
		(&oauthError{http.StatusBadRequest, "invalid_client", "client_id or client_secret is missing or wrong"}).write(w)
		return
	}
	var resp *tokenResponse
	var oerr *oauthError
	switch f.Get("grant_type") {
	case "authorization_code":
		resp, oerr = s.exchangeCode(a, f.Get("code"), f.Get("redirect_uri"))
	case "refresh_token":
		resp, oerr = s.refresh(a, f.Get("refresh_token"))
	default:
		oerr = &oauthError{http.StatusBadRequest, "unsupported_grant_type", ""}
	}
	s.persistLocked() // a killed grant is state too
	if oerr != nil {
		oerr.write(w)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(resp)
}

func (s *Server) exchangeCode(a App, code, redirectURI string) (*tokenResponse, *oauthError) {
	ac, ok := s.st.Codes[code]
	if !ok || ac.ClientID != a.ClientID || !s.now().Before(ac.Expires) || ac.RedirectURI != redirectURI {
		return nil, &oauthError{http.StatusBadRequest, "invalid_grant", "The authorization code is invalid, expired or was issued for another redirect_uri"}
	}
	delete(s.st.Codes, code) // single use
	return s.issueLocked(s.newGrantLocked(a.ClientID)), nil
}

func (s *Server) refresh(a App, token string) (*tokenResponse, *oauthError) {
	rt, ok := s.st.Refresh[token]
	if !ok {
		return nil, &oauthError{http.StatusBadRequest, "invalid_grant", "Invalid refresh token"}
	}
	g := s.st.Grants[rt.GrantID]
	now := s.now()
	switch {
	case g == nil || g.ClientID != a.ClientID:
		return nil, &oauthError{http.StatusBadRequest, "invalid_grant", "Invalid refresh token"}
	case rt.Used:
		// Exact's rotation rule: an old token means two clients raced or
		// one lost the new token; the whole connection is ended.
		s.killGrantLocked(g, "old refresh token used")
		return nil, &oauthError{http.StatusUnauthorized, "unauthorized_client", "Old refresh token used."}
	case g.Dead:
		return nil, &oauthError{http.StatusUnauthorized, "unauthorized_client", "The connection was ended (" + g.Why + "); the user must allow access again."}
	case !now.Before(rt.Expires):
		return nil, &oauthError{http.StatusBadRequest, "invalid_request", "Refresh token expired"}
	case now.Sub(g.LastTokenAt) < s.scaled(s.opts.MinRefreshAge):
		return nil, &oauthError{http.StatusBadRequest, "access_denied", "Rate limit exceeded: access_token not expired"}
	}
	rt.Used = true
	return s.issueLocked(g), nil
}

func (s *Server) newGrantLocked(clientID string) *grant {
	g := &grant{ID: newID(), ClientID: clientID}
	s.st.Grants[g.ID] = g
	return g
}

// issueLocked issues an access token and a new refresh token for a grant.
func (s *Server) issueLocked(g *grant) *tokenResponse {
	s.expireLocked()
	now := s.now()
	g.LastTokenAt = now
	ttl := s.scaled(s.opts.AccessTokenTTL)
	resp := &tokenResponse{AccessToken: "gAAA" + randomToken(48), TokenType: "bearer",
		ExpiresIn: fmt.Sprint(max(1, int(ttl/time.Second))), RefreshToken: "Gcp7!IAAA" + randomToken(32)}
	s.st.Access[resp.AccessToken] = &accessToken{GrantID: g.ID, Expires: now.Add(ttl)}
	s.st.Refresh[resp.RefreshToken] = &refreshToken{GrantID: g.ID, Expires: now.Add(s.scaled(s.opts.RefreshTokenTTL))}
	return resp
}

func (s *Server) killGrantLocked(g *grant, why string) {
	g.Dead, g.Why = true, why
}

// RevokeGrant acts as the user removing the app's access in Exact: every
// grant of the app dies.
func (s *Server) RevokeGrant(clientID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.st.Grants {
		if g.ClientID == clientID {
			s.killGrantLocked(g, "access revoked by the user")
		}
	}
	s.persistLocked()
}

// IssueToken is a test shortcut past the browser: a new consent for
// clientID and its first token pair.
func (s *Server) IssueToken(clientID string) (access, refresh string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := s.issueLocked(s.newGrantLocked(clientID))
	s.persistLocked()
	return resp.AccessToken, resp.RefreshToken
}

// expireLocked forgets codes and tokens that can no longer matter, so the
// data file does not grow forever. Used refresh tokens are kept while they
// could still be replayed (to detect reuse) and access tokens a day past
// expiry (to answer 401 for them as expired, not unknown).
func (s *Server) expireLocked() {
	now := s.now()
	for k, c := range s.st.Codes {
		if !now.Before(c.Expires) {
			delete(s.st.Codes, k)
		}
	}
	for k, a := range s.st.Access {
		if now.Sub(a.Expires) > s.scaled(24*time.Hour) {
			delete(s.st.Access, k)
		}
	}
	for k, rt := range s.st.Refresh {
		if !now.Before(rt.Expires) {
			delete(s.st.Refresh, k)
		}
	}
}

// bearerLocked finds the grant of the request's access token, or the
// reason it is refused (always 401 at Exact).
func (s *Server) bearerLocked(r *http.Request) (*grant, string) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		return nil, "Authentication Required: no access token"
	}
	at, ok := s.st.Access[token]
	if !ok {
		return nil, "Authentication Required: invalid access token"
	}
	g := s.st.Grants[at.GrantID]
	if g == nil || g.Dead {
		return g, "Authentication Required: the connection was ended"
	}
	if !s.now().Before(at.Expires) {
		return g, "Authentication Required: access token expired"
	}
	return g, ""
}
