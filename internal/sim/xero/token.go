package xerosim

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// grant is one consent: the tokens it issued share its fate.
type grant struct {
	ID          string    `json:"id"`
	ClientID    string    `json:"clientId"`
	Scopes      []string  `json:"scopes"`
	AuthEventID string    `json:"authEventId"`
	Revoked     bool      `json:"revoked"`
	Created     time.Time `json:"created"`
}

type accessToken struct {
	GrantID string    `json:"grantId"`
	Expires time.Time `json:"expires"`
}

// refreshToken is single use. After its use, Next remembers the pair it was
// exchanged for, so a retry within the grace period gets the same answer.
type refreshToken struct {
	GrantID string         `json:"grantId"`
	Expires time.Time      `json:"expires"`
	UsedAt  time.Time      `json:"usedAt"`
	Next    *tokenResponse `json:"next,omitempty"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	IDToken      string `json:"id_token,omitempty"`
	ExpiresIn    int    `json:"expires_in"`
	TokenType    string `json:"token_type"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope"`
}

// refreshGrace is how long a used refresh token may be retried.
const refreshGrace = 30 * time.Minute

func tokenError(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code})
}

// clientAuth authenticates the client at the token and revocation endpoints:
// HTTP Basic or client_id/client_secret in the body; PKCE apps send only
// client_id.
func (s *Server) clientAuth(r *http.Request) (Client, bool) {
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	c, ok := s.clients[id]
	if !ok {
		return Client{}, false
	}
	if c.ClientSecret == "" {
		return c, secret == ""
	}
	return c, subtle.ConstantTimeCompare([]byte(secret), []byte(c.ClientSecret)) == 1
}

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		tokenError(w, http.StatusMethodNotAllowed, "invalid_request")
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") || r.ParseForm() != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clientAuth(r)
	if !ok {
		tokenError(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	var resp *tokenResponse
	var code string
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		resp, code = s.exchangeCode(c, r.PostForm.Get("code"), r.PostForm.Get("redirect_uri"), r.PostForm.Get("code_verifier"))
	case "refresh_token":
		resp, code = s.refresh(c, r.PostForm.Get("refresh_token"))
	default:
		code = "unsupported_grant_type"
	}
	if code != "" {
		tokenError(w, http.StatusBadRequest, code)
		return
	}
	s.persistLocked()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(resp)
}

func (s *Server) exchangeCode(c Client, code, redirectURI, verifier string) (*tokenResponse, string) {
	ac, ok := s.st.Codes[code]
	if !ok || ac.Used || ac.ClientID != c.ClientID || !s.now().Before(ac.Expires) || ac.RedirectURI != redirectURI {
		return nil, "invalid_grant"
	}
	ac.Used = true // single use, even when the verifier below is wrong
	if ac.Challenge != "" {
		sum := sha256.Sum256([]byte(verifier))
		if len(verifier) < 43 || len(verifier) > 128 || base64.RawURLEncoding.EncodeToString(sum[:]) != ac.Challenge {
			return nil, "invalid_grant"
		}
	}
	g := s.newGrantLocked(c.ClientID, ac.Scopes, ac.TenantIDs)
	return s.issueLocked(g), ""
}

func (s *Server) refresh(c Client, token string) (*tokenResponse, string) {
	rt, ok := s.st.Refresh[token]
	if !ok {
		return nil, "invalid_grant"
	}
	g := s.st.Grants[rt.GrantID]
	now := s.now()
	switch {
	case g == nil || g.Revoked || g.ClientID != c.ClientID:
		return nil, "invalid_grant"
	case !rt.UsedAt.IsZero():
		if now.Sub(rt.UsedAt) < s.scaled(refreshGrace) && rt.Next != nil {
			return rt.Next, ""
		}
		return nil, "invalid_grant"
	case !now.Before(rt.Expires):
		return nil, "invalid_grant"
	}
	rt.UsedAt = now
	rt.Next = s.issueLocked(g)
	return rt.Next, ""
}

// newGrantLocked records a consent and connects its organisations.
func (s *Server) newGrantLocked(clientID string, scopes, tenantIDs []string) *grant {
	g := &grant{ID: newID(), ClientID: clientID, Scopes: slices.Clone(scopes), AuthEventID: newID(), Created: s.now()}
	s.st.Grants[g.ID] = g
	for _, t := range tenantIDs {
		s.connectLocked(clientID, t, g.AuthEventID)
	}
	return g
}

// issueLocked issues an access token (and a refresh token with
// offline_access) for a grant.
func (s *Server) issueLocked(g *grant) *tokenResponse {
	s.expireLocked()
	now := s.now()
	ttl := s.scaled(s.opts.AccessTokenTTL)
	access := s.jwt(map[string]any{
		"nbf": now.Unix(), "exp": now.Add(ttl).Unix(), "iss": "https://identity.xero.com", "aud": "https://identity.xero.com/resources",
		"client_id": g.ClientID, "sub": "demo-user", "xero_userid": "demo-user", "jti": newID(),
		"authentication_event_id": g.AuthEventID, "scope": g.Scopes,
	})
	s.st.Access[access] = &accessToken{GrantID: g.ID, Expires: now.Add(ttl)}
	resp := &tokenResponse{AccessToken: access, ExpiresIn: max(1, int(ttl/time.Second)), TokenType: "Bearer", Scope: strings.Join(g.Scopes, " ")}
	if slices.Contains(g.Scopes, "offline_access") {
		resp.RefreshToken = randomToken(32)
		s.st.Refresh[resp.RefreshToken] = &refreshToken{GrantID: g.ID, Expires: now.Add(s.scaled(s.opts.RefreshTokenTTL))}
	}
	if slices.Contains(g.Scopes, "openid") {
		resp.IDToken = s.jwt(map[string]any{"nbf": now.Unix(), "exp": now.Add(s.scaled(5 * time.Minute)).Unix(),
			"iss": "https://identity.xero.com", "aud": g.ClientID, "sub": "demo-user", "email": "demo@billbridge.example",
			"given_name": "Demo", "family_name": "User", "xero_userid": "demo-user"})
	}
	return resp
}

// jwt builds a signed JWT, the shape of Xero's tokens, so clients can read
// claims such as authentication_event_id from the access token.
func (s *Server) jwt(claims map[string]any) string {
	enc := base64.RawURLEncoding
	head, _ := json.Marshal(map[string]string{"alg": "HS256", "typ": "JWT", "kid": "xerosim"})
	body, _ := json.Marshal(claims)
	signing := enc.EncodeToString(head) + "." + enc.EncodeToString(body)
	mac := hmac.New(sha256.New, s.signKey)
	mac.Write([]byte(signing))
	return signing + "." + enc.EncodeToString(mac.Sum(nil))
}

// handleRevoke revokes a refresh token's grant and, as at Xero, removes all
// of the app's connections for the user.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clientAuth(r)
	if !ok {
		tokenError(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	if rt, ok := s.st.Refresh[r.PostForm.Get("token")]; ok {
		if g := s.st.Grants[rt.GrantID]; g != nil && g.ClientID == c.ClientID {
			s.revokeClientLocked(c.ClientID)
			s.persistLocked()
		}
	}
	w.WriteHeader(http.StatusOK) // RFC 7009: unknown tokens are not an error
}

// revokeClientLocked ends every grant of an app and drops its connections.
func (s *Server) revokeClientLocked(clientID string) {
	for _, g := range s.st.Grants {
		if g.ClientID == clientID {
			g.Revoked = true
		}
	}
	s.st.Connections = slices.DeleteFunc(s.st.Connections, func(c *connection) bool { return c.ClientID == clientID })
}

// RevokeGrant acts as the user disconnecting the app in Xero: its tokens stop
// working and its connections disappear.
func (s *Server) RevokeGrant(clientID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revokeClientLocked(clientID)
	s.persistLocked()
}

// IssueToken is a test shortcut past the browser: it grants clientID access
// to tenantIDs with scopes and returns the tokens (refresh only with
// offline_access).
func (s *Server) IssueToken(clientID string, tenantIDs []string, scopes []string) (access, refresh string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := s.issueLocked(s.newGrantLocked(clientID, scopes, tenantIDs))
	s.persistLocked()
	return resp.AccessToken, resp.RefreshToken
}

// expireLocked forgets codes and tokens that can no longer be used, so
// the state file does not grow forever.
func (s *Server) expireLocked() {
	now := s.now()
	for k, c := range s.st.Codes {
		if !now.Before(c.Expires) {
			delete(s.st.Codes, k)
		}
	}
	for k, a := range s.st.Access {
		if now.Sub(a.Expires) > s.scaled(24*time.Hour) { // kept a while to answer TokenExpired
			delete(s.st.Access, k)
		}
	}
	for k, rt := range s.st.Refresh {
		used := !rt.UsedAt.IsZero() && now.Sub(rt.UsedAt) >= s.scaled(refreshGrace)
		if used || !now.Before(rt.Expires) {
			delete(s.st.Refresh, k)
		}
	}
}
