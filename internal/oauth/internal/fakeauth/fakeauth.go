// Package fakeauth is a strict OAuth 2.0 authorisation server for the
// oauth package's tests: exact redirect URI matching, PKCE S256, single-use
// short-lived codes, client authentication, single-use rotating refresh
// tokens, an optional minimum refresh interval (Exact's 570 s rule),
// revocation and fault injection. Each refusal is recorded in Refusals so a
// failing test can say why.
package fakeauth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Client is an app registered with the server.
type Client struct {
	ID, Secret   string // Secret empty: a public client, which must use PKCE
	RedirectURIs []string
}

// Options configure a Server.
type Options struct {
	Clients            []Client
	Now                func() time.Time // default time.Now
	CodeLifetime       time.Duration    // default 5 min
	AccessLifetime     time.Duration    // default 30 min
	MinRefreshInterval time.Duration    // refuse refreshes sooner than this after the last token request
	NoRotation         bool             // answer refreshes without a new refresh token
	RealmID            string           // added to the redirect as realmId (QuickBooks)
	RefreshExpiresIn   int              // sent as x_refresh_token_expires_in when > 0
	TokenDelay         time.Duration    // answer token requests this much later (widens races)
}

// Counts of token endpoint calls.
type Counts struct{ Exchanges, Refreshes, Refused, Revokes int }

type authRequest struct {
	client, redirect, state, challenge, scope string
}

type code struct {
	client, redirect, challenge, scope string
	issued                             time.Time
	used                               bool
	grant                              *grant
}

type grant struct {
	client, scope string
	refresh       string // the current refresh token
	lastIssued    time.Time
	revoked       bool
	access        map[string]time.Time // access token → expiry
}

// Server is the fake authorisation server; it is safe for concurrent use.
type Server struct {
	opts Options
	http *httptest.Server

	mu       sync.Mutex
	requests map[string]authRequest
	codes    map[string]*code
	refresh  map[string]*grant // current and rotated-away refresh tokens
	access   map[string]*grant
	counts   Counts
	failNext int
	refusals []string
}

// New starts a Server on a loopback port; Close it when done.
func New(opts Options) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.CodeLifetime == 0 {
		opts.CodeLifetime = 5 * time.Minute
	}
	if opts.AccessLifetime == 0 {
		opts.AccessLifetime = 30 * time.Minute
	}
	s := &Server{opts: opts, requests: map[string]authRequest{}, codes: map[string]*code{},
		refresh: map[string]*grant{}, access: map[string]*grant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", s.authorize)
	mux.HandleFunc("GET /consent", s.consent)
	mux.HandleFunc("POST /token", s.token)
	mux.HandleFunc("POST /revoke", s.revoke)
	mux.HandleFunc("GET /api/me", s.me)
	s.http = httptest.NewServer(mux)
	return s
}

func (s *Server) Close()            { s.http.Close() }
func (s *Server) URL() string       { return s.http.URL }
func (s *Server) AuthURL() string   { return s.http.URL + "/authorize" }
func (s *Server) TokenURL() string  { return s.http.URL + "/token" }
func (s *Server) RevokeURL() string { return s.http.URL + "/revoke" }
func (s *Server) APIURL() string    { return s.http.URL + "/api/me" }

// Counts returns the token endpoint counters.
func (s *Server) Counts() Counts { s.mu.Lock(); defer s.mu.Unlock(); return s.counts }

// Refusals lists why requests were refused, oldest first.
func (s *Server) Refusals() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.refusals)
}

// FailNext makes the next n token requests answer 503.
func (s *Server) FailNext(n int) { s.mu.Lock(); s.failNext = n; s.mu.Unlock() }

// Mint issues a grant directly, as if a user had consented: it returns the
// token response a code exchange would have.
func (s *Server) Mint(clientID, scope string) (accessToken, refreshToken string, expiresIn int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := &grant{client: clientID, scope: scope, access: map[string]time.Time{}}
	resp := s.issue(g, true)
	return resp["access_token"].(string), resp["refresh_token"].(string), resp["expires_in"].(int)
}

// RevokeAll revokes every grant, as a user removing the app would.
func (s *Server) RevokeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.refresh {
		g.revoked = true
	}
}

// CurrentRefreshTokens lists the refresh tokens that would be accepted now.
func (s *Server) CurrentRefreshTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for rt, g := range s.refresh {
		if g.refresh == rt && !g.revoked {
			out = append(out, rt)
		}
	}
	return out
}

func (s *Server) refuse(format string, args ...any) {
	s.refusals = append(s.refusals, fmt.Sprintf(format, args...))
}

func random() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *Server) client(id string) (Client, bool) {
	for _, c := range s.opts.Clients {
		if c.ID == id {
			return c, true
		}
	}
	return Client{}, false
}

// authorize validates the request and shows a consent page with an Allow
// and a Deny link. A bad client or redirect URI is never redirected to.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.client(q.Get("client_id"))
	switch {
	case !ok:
		s.refuse("authorize: unknown client %q", q.Get("client_id"))
	case !slices.Contains(c.RedirectURIs, q.Get("redirect_uri")):
		s.refuse("authorize: redirect_uri %q not registered", q.Get("redirect_uri"))
		ok = false
	case q.Get("response_type") != "code" || q.Get("state") == "":
		s.refuse("authorize: response_type %q state %q", q.Get("response_type"), q.Get("state"))
		ok = false
	case q.Get("code_challenge") != "" && q.Get("code_challenge_method") != "S256":
		s.refuse("authorize: code_challenge_method %q", q.Get("code_challenge_method"))
		ok = false
	case c.Secret == "" && q.Get("code_challenge") == "":
		s.refuse("authorize: public client without PKCE")
		ok = false
	}
	if !ok {
		http.Error(w, "invalid authorisation request", http.StatusBadRequest)
		return
	}
	id := random()
	s.requests[id] = authRequest{client: c.ID, redirect: q.Get("redirect_uri"), state: q.Get("state"),
		challenge: q.Get("code_challenge"), scope: q.Get("scope")}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<html><body><p>Allow access?</p><a id="allow" href="/consent?req=%s&amp;answer=allow">Allow</a> `+
		`<a id="deny" href="/consent?req=%s&amp;answer=deny">Deny</a></body></html>`, id, id)
}

func (s *Server) consent(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, ok := s.requests[r.URL.Query().Get("req")]
	if !ok {
		http.Error(w, "unknown request", http.StatusBadRequest)
		return
	}
	delete(s.requests, r.URL.Query().Get("req"))
	v := url.Values{"state": {req.state}}
	if r.URL.Query().Get("answer") != "allow" {
		v.Set("error", "access_denied")
		v.Set("error_description", "The user denied access")
	} else {
		c := random()
		s.codes[c] = &code{client: req.client, redirect: req.redirect, challenge: req.challenge,
			scope: req.scope, issued: s.opts.Now()}
		v.Set("code", c)
		if s.opts.RealmID != "" {
			v.Set("realmId", s.opts.RealmID)
		}
	}
	http.Redirect(w, r, req.redirect+"?"+v.Encode(), http.StatusFound)
}

// clientAuth authenticates the caller by exactly one method: HTTP Basic or
// client_id (+ client_secret) in the form.
func (s *Server) clientAuth(r *http.Request) (Client, bool) {
	id, secret, basic := r.BasicAuth()
	if basic {
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
		if r.PostForm.Has("client_secret") {
			s.refuse("token: client authenticated twice")
			return Client{}, false
		}
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	c, ok := s.client(id)
	if !ok {
		s.refuse("token: unknown client %q", id)
		return Client{}, false
	}
	if c.Secret != "" && subtle.ConstantTimeCompare([]byte(c.Secret), []byte(secret)) != 1 {
		s.refuse("token: wrong client secret")
		return Client{}, false
	}
	return c, true
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, 400, "invalid_request", "bad form")
		return
	}
	time.Sleep(s.opts.TokenDelay)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failNext > 0 {
		s.failNext--
		http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
		return
	}
	c, ok := s.clientAuth(r)
	if !ok {
		s.counts.Refused++
		oauthError(w, 401, "invalid_client", "client authentication failed")
		return
	}
	var resp map[string]any
	var status int
	var errCode, desc string
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		s.counts.Exchanges++
		resp, status, errCode, desc = s.exchange(c, r.PostForm)
	case "refresh_token":
		s.counts.Refreshes++
		resp, status, errCode, desc = s.refreshGrant(c, r.PostForm.Get("refresh_token"))
	default:
		status, errCode, desc = 400, "unsupported_grant_type", r.PostForm.Get("grant_type")
	}
	if errCode != "" {
		s.counts.Refused++
		s.refuse("token: %s: %s", errCode, desc)
		oauthError(w, status, errCode, desc)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(resp)
}

func (s *Server) exchange(c Client, f url.Values) (map[string]any, int, string, string) {
	cd, ok := s.codes[f.Get("code")]
	switch {
	case !ok:
		return nil, 400, "invalid_grant", "unknown code"
	case cd.used:
		// RFC 6749 §4.1.2: a reused code revokes what it issued.
		if cd.grant != nil {
			cd.grant.revoked = true
		}
		return nil, 400, "invalid_grant", "code already used"
	case s.opts.Now().Sub(cd.issued) > s.opts.CodeLifetime:
		return nil, 400, "invalid_grant", "code expired"
	case cd.client != c.ID:
		return nil, 400, "invalid_grant", "code issued to another client"
	case f.Get("redirect_uri") != cd.redirect:
		return nil, 400, "invalid_grant", fmt.Sprintf("redirect_uri %q differs from %q", f.Get("redirect_uri"), cd.redirect)
	case cd.challenge != "" && !verifierMatches(f.Get("code_verifier"), cd.challenge):
		return nil, 400, "invalid_grant", "code_verifier does not match"
	case cd.challenge == "" && f.Has("code_verifier"):
		return nil, 400, "invalid_request", "code_verifier without a challenge"
	}
	cd.used = true
	cd.grant = &grant{client: c.ID, scope: cd.scope, access: map[string]time.Time{}}
	return s.issue(cd.grant, true), 200, "", ""
}

func verifierMatches(verifier, challenge string) bool {
	if len(verifier) < 43 || len(verifier) > 128 {
		return false
	}
	sum := sha256.Sum256([]byte(verifier))
	return subtle.ConstantTimeCompare([]byte(base64.RawURLEncoding.EncodeToString(sum[:])), []byte(challenge)) == 1
}

func (s *Server) refreshGrant(c Client, rt string) (map[string]any, int, string, string) {
	g, ok := s.refresh[rt]
	switch {
	case !ok:
		return nil, 400, "invalid_grant", "unknown refresh token"
	case g.client != c.ID:
		return nil, 400, "invalid_grant", "refresh token of another client"
	case g.revoked:
		return nil, 400, "invalid_grant", "grant revoked"
	case g.refresh != rt:
		// An old, rotated-away token: treat as theft and kill the grant.
		g.revoked = true
		return nil, 400, "invalid_grant", "old refresh token used"
	case s.opts.MinRefreshInterval > 0 && s.opts.Now().Sub(g.lastIssued) < s.opts.MinRefreshInterval:
		return nil, 400, "access_denied", "Rate limit exceeded: access_token not expired"
	}
	return s.issue(g, !s.opts.NoRotation), 200, "", ""
}

// issue makes a new access token (and, when rotate, a new refresh token)
// for g. Caller holds mu.
func (s *Server) issue(g *grant, rotate bool) map[string]any {
	now := s.opts.Now()
	at := "at-" + random()
	g.access[at] = now.Add(s.opts.AccessLifetime)
	g.lastIssued = now
	s.access[at] = g
	resp := map[string]any{"access_token": at, "token_type": "Bearer",
		"expires_in": int(s.opts.AccessLifetime / time.Second), "scope": g.scope}
	if rotate {
		g.refresh = "rt-" + random()
		s.refresh[g.refresh] = g
		resp["refresh_token"] = g.refresh
	}
	if s.opts.RefreshExpiresIn > 0 {
		resp["x_refresh_token_expires_in"] = s.opts.RefreshExpiresIn
	}
	return resp
}

func (s *Server) revoke(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", 400)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts.Revokes++
	if _, ok := s.clientAuth(r); !ok {
		oauthError(w, 401, "invalid_client", "client authentication failed")
		return
	}
	if g, ok := s.refresh[r.PostForm.Get("token")]; ok {
		g.revoked = true
	}
	if g, ok := s.access[r.PostForm.Get("token")]; ok {
		g.revoked = true
	}
	w.WriteHeader(http.StatusOK) // RFC 7009: unknown tokens too
}

// me is a protected resource: 200 for a live access token, 401 otherwise.
func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	at, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	defer s.mu.Unlock()
	g, known := s.access[at]
	if !ok || !known || g.revoked || !s.opts.Now().Before(g.access[at]) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	fmt.Fprintf(w, `{"client":%q}`, g.client)
}

func mustParse(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
