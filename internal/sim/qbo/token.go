package qbosim

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// refreshOverlap is how long a refresh token that has been exchanged still
// works: a client that lost the answer can retry, and gets the newest
// refresh token of the chain back, never a fork of it.
const refreshOverlap = 24 * time.Hour

// hardLimit is the five-year maximum life of any refresh token chain.
const hardLimit = 5 * 365 * 24 * time.Hour

// grant is one connection of an app to a company; its tokens share its fate.
type grant struct {
	ID          string    `json:"id"`
	ClientID    string    `json:"clientId"`
	RealmID     string    `json:"realmId"`
	Scopes      []string  `json:"scopes"`
	Revoked     bool      `json:"revoked"`
	Created     time.Time `json:"created"`
	HardExpires time.Time `json:"hardExpires"`
	Latest      string    `json:"latest"` // the newest refresh token
}

type accessToken struct {
	GrantID string    `json:"grantId"`
	Expires time.Time `json:"expires"`
}

type refreshToken struct {
	GrantID string    `json:"grantId"`
	Expires time.Time `json:"expires"`
	UsedAt  time.Time `json:"usedAt"`
}

type tokenResponse struct {
	TokenType             string `json:"token_type"`
	AccessToken           string `json:"access_token"`
	ExpiresIn             int    `json:"expires_in"`
	RefreshToken          string `json:"refresh_token"`
	RefreshExpiresIn      int    `json:"x_refresh_token_expires_in"`
	RefreshHardExpiresIn  int    `json:"x_refresh_token_hard_expires_in,omitempty"`
	IDToken               string `json:"id_token,omitempty"`
	includeHardExpiration bool
}

func tokenError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	body := map[string]string{"error": code}
	if desc != "" {
		body["error_description"] = desc
	}
	_ = json.NewEncoder(w).Encode(body)
}

// clientAuth authenticates the app: HTTP Basic, or client_id and
// client_secret in the form. Intuit has no public clients: the secret is
// always required.
func (s *Server) clientAuth(r *http.Request, form func(string) string) (App, bool) {
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = form("client_id"), form("client_secret")
	}
	a, ok := s.apps[id]
	if !ok || secret == "" {
		return App{}, false
	}
	return a, subtle.ConstantTimeCompare([]byte(secret), []byte(a.ClientSecret)) == 1
}

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		tokenError(w, http.StatusMethodNotAllowed, "invalid_request", "POST only")
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") || r.ParseForm() != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.clientAuth(r, r.PostForm.Get)
	if !ok {
		tokenError(w, http.StatusUnauthorized, "invalid_client", "")
		return
	}
	var resp *tokenResponse
	var code string
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		resp, code = s.exchangeCode(app, r.PostForm.Get("code"), r.PostForm.Get("redirect_uri"))
	case "refresh_token":
		resp, code = s.refresh(app, r.PostForm.Get("refresh_token"))
	default:
		code = "unsupported_grant_type"
	}
	if code != "" {
		tokenError(w, http.StatusBadRequest, code, "")
		return
	}
	s.persistLocked()
	out := *resp
	if strings.EqualFold(r.Header.Get("x-include-refresh-token-hard-expires-in"), "true") {
		out.includeHardExpiration = true
	} else {
		out.RefreshHardExpiresIn = 0
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(out)
}

func (s *Server) exchangeCode(app App, code, redirectURI string) (*tokenResponse, string) {
	ac, ok := s.st.Codes[code]
	if !ok || ac.Used || ac.ClientID != app.ClientID || !s.now().Before(ac.Expires) || ac.RedirectURI != redirectURI {
		return nil, "invalid_grant"
	}
	ac.Used = true
	g := s.newGrantLocked(app.ClientID, ac.RealmID, ac.Scopes)
	return s.issueLocked(g, true), ""
}

func (s *Server) refresh(app App, token string) (*tokenResponse, string) {
	rt, ok := s.st.Refresh[token]
	if !ok {
		return nil, "invalid_grant"
	}
	g := s.st.Grants[rt.GrantID]
	now := s.now()
	switch {
	case g == nil || g.Revoked || g.ClientID != app.ClientID:
		return nil, "invalid_grant"
	case !now.Before(rt.Expires) || !now.Before(g.HardExpires):
		return nil, "invalid_grant"
	case !rt.UsedAt.IsZero():
		if now.Sub(rt.UsedAt) >= s.scaled(refreshOverlap) {
			return nil, "invalid_grant"
		}
		return s.issueLocked(g, false), "" // the chain's newest refresh token, no fork
	}
	rt.UsedAt = now
	return s.issueLocked(g, true), ""
}

func (s *Server) newGrantLocked(clientID, realmID string, scopes []string) *grant {
	now := s.now()
	g := &grant{ID: randomToken(12), ClientID: clientID, RealmID: realmID, Scopes: scopes, Created: now,
		HardExpires: now.Add(s.scaled(hardLimit))}
	s.st.Grants[g.ID] = g
	return g
}

// issueLocked issues an access token; rotate issues a new refresh token,
// otherwise the grant's newest one is returned again.
func (s *Server) issueLocked(g *grant, rotate bool) *tokenResponse {
	s.expireLocked()
	now := s.now()
	ttl := s.scaled(s.opts.AccessTokenTTL)
	access := "eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0.." + randomToken(48)
	s.st.Access[access] = &accessToken{GrantID: g.ID, Expires: now.Add(ttl)}
	if rotate || s.st.Refresh[g.Latest] == nil {
		g.Latest = "RT1-" + randomToken(24)
		s.st.Refresh[g.Latest] = &refreshToken{GrantID: g.ID, Expires: now.Add(s.scaled(s.opts.RefreshTokenTTL))}
	}
	rt := s.st.Refresh[g.Latest]
	secs := func(d time.Duration) int { return max(1, int(d/time.Second)) }
	return &tokenResponse{TokenType: "bearer", AccessToken: access, ExpiresIn: secs(ttl), RefreshToken: g.Latest,
		RefreshExpiresIn: secs(rt.Expires.Sub(now)), RefreshHardExpiresIn: secs(g.HardExpires.Sub(now))}
}

// MarshalJSON leaves x_refresh_token_hard_expires_in out unless the client
// asked for it with the x-include-refresh-token-hard-expires-in header.
func (t tokenResponse) MarshalJSON() ([]byte, error) {
	type plain tokenResponse
	p := plain(t)
	if !t.includeHardExpiration {
		p.RefreshHardExpiresIn = 0
	}
	return json.Marshal(p)
}

// handleRevoke disconnects the app: Intuit's revoke endpoint takes a JSON
// body {"token": access or refresh token} and HTTP Basic client auth.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Token string `json:"token"`
	}
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&body) != nil || body.Token == "" {
		tokenError(w, http.StatusBadRequest, "invalid_request", "POST a JSON body {\"token\": ...}")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.clientAuth(r, func(string) string { return "" })
	if !ok {
		tokenError(w, http.StatusUnauthorized, "invalid_client", "")
		return
	}
	grantID := ""
	if rt, ok := s.st.Refresh[body.Token]; ok {
		grantID = rt.GrantID
	} else if at, ok := s.st.Access[body.Token]; ok {
		grantID = at.GrantID
	}
	if g := s.st.Grants[grantID]; g != nil && g.ClientID == app.ClientID {
		g.Revoked = true
		s.persistLocked()
	}
	w.WriteHeader(http.StatusOK)
}

// RevokeGrant acts as the user disconnecting the app inside QuickBooks: all
// of the app's tokens stop working.
func (s *Server) RevokeGrant(clientID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.st.Grants {
		if g.ClientID == clientID {
			g.Revoked = true
		}
	}
	s.persistLocked()
}

// IssueToken is a test shortcut past the browser: it connects clientID to
// realmID with the accounting scope and returns the tokens.
func (s *Server) IssueToken(clientID, realmID string) (access, refresh string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := s.issueLocked(s.newGrantLocked(clientID, realmID, []string{accountingScope}), true)
	s.persistLocked()
	return resp.AccessToken, resp.RefreshToken
}

// expireLocked forgets codes and tokens that can no longer be used.
func (s *Server) expireLocked() {
	now := s.now()
	for k, c := range s.st.Codes {
		if !now.Before(c.Expires) {
			delete(s.st.Codes, k)
		}
	}
	for k, a := range s.st.Access {
		if now.Sub(a.Expires) > s.scaled(24*time.Hour) { // kept a while to answer "token expired"
			delete(s.st.Access, k)
		}
	}
	for k, rt := range s.st.Refresh {
		used := !rt.UsedAt.IsZero() && now.Sub(rt.UsedAt) >= s.scaled(refreshOverlap)
		if used || !now.Before(rt.Expires) {
			delete(s.st.Refresh, k)
		}
	}
}
