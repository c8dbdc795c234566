package xerosim_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

func authURL(s *xerosim.Server, mutate func(url.Values)) (string, string) {
	verifier := strings.Repeat("v", 50)
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{"response_type": {"code"}, "client_id": {xerosim.DemoClient.ClientID}, "redirect_uri": {xerosim.DemoClient.RedirectURIs[0]},
		"scope": {strings.Join(allScopes, " ")}, "state": {"st8"}, "code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}}
	if mutate != nil {
		mutate(q)
	}
	return s.AuthorizeURL() + "?" + q.Encode(), verifier
}

func postToken(t *testing.T, s *xerosim.Server, form url.Values) (int, map[string]any) {
	t.Helper()
	r, err := http.PostForm(s.TokenURL(), form)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(r.Body).Decode(&out)
	return r.StatusCode, out
}

func TestAuthorizeValidation(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tests := []struct {
		name    string
		mutate  func(url.Values)
		wantErr string // in the redirect, or "page" when Xero shows an error page
	}{
		{"unknown client", func(q url.Values) { q.Set("client_id", "nope") }, "page"},
		{"redirect not registered", func(q url.Values) { q.Set("redirect_uri", "http://127.0.0.1:53682/callback") }, "page"},
		{"response type", func(q url.Values) { q.Set("response_type", "token") }, "unsupported_response_type"},
		{"broad scope on granular app", func(q url.Values) { q.Set("scope", "offline_access accounting.transactions") }, "invalid_scope"},
		{"unknown scope", func(q url.Values) { q.Set("scope", "accounting.everything") }, "invalid_scope"},
		{"PKCE required", func(q url.Values) { q.Del("code_challenge") }, "invalid_request"},
		{"plain PKCE", func(q url.Values) { q.Set("code_challenge_method", "plain") }, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := authURL(s, tt.mutate)
			to, err := s.Approve(u, []string{tenant})
			if tt.wantErr == "page" {
				if err == nil {
					t.Fatalf("want error page, got redirect %s", to)
				}
				return
			}
			if err != nil || !strings.Contains(to, "error="+tt.wantErr) || !strings.Contains(to, "state=st8") {
				t.Fatalf("redirect %q, err %v; want error=%s", to, err, tt.wantErr)
			}
		})
	}
}

func TestPKCEFlowThroughConsentPage(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	u, verifier := authURL(s, nil)
	page, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(page.Body)
	page.Body.Close()
	if page.StatusCode != 200 || !strings.Contains(string(html), "Demo MSP Ltd") {
		t.Fatalf("consent page %d: %s", page.StatusCode, html)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := url.Values{"request": {strings.SplitN(u, "?", 2)[1]}, "tenant": {tenant}, "decision": {"allow"}}
	r, err := noRedirect.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	loc, _ := url.Parse(r.Header.Get("Location"))
	code := loc.Query().Get("code")
	if r.StatusCode != http.StatusFound || code == "" || loc.Query().Get("state") != "st8" {
		t.Fatalf("redirect %d %s", r.StatusCode, loc)
	}
	base := url.Values{"grant_type": {"authorization_code"}, "client_id": {xerosim.DemoClient.ClientID}, "code": {code}, "redirect_uri": {xerosim.DemoClient.RedirectURIs[0]}}
	bad := url.Values{}
	for k, v := range base {
		bad[k] = v
	}
	bad.Set("code_verifier", strings.Repeat("w", 50))
	if st, body := postToken(t, s, bad); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("wrong verifier: %d %v", st, body)
	}
	// The code was burnt by the failed attempt: single use.
	base.Set("code_verifier", verifier)
	if st, body := postToken(t, s, base); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("reused code: %d %v", st, body)
	}
	to, err := s.Approve(u, []string{tenant})
	if err != nil {
		t.Fatal(err)
	}
	lu, _ := url.Parse(to)
	base.Set("code", lu.Query().Get("code"))
	st, body := postToken(t, s, base)
	if st != 200 || body["token_type"] != "Bearer" || body["expires_in"] != float64(1800) || body["refresh_token"] == "" {
		t.Fatalf("token: %d %v", st, body)
	}
	access := body["access_token"].(string)
	// The access token is a JWT carrying authentication_event_id.
	claims, _ := base64.RawURLEncoding.DecodeString(strings.Split(access, ".")[1])
	var c map[string]any
	_ = json.Unmarshal(claims, &c)
	req, _ := http.NewRequest("GET", s.ConnectionsURL(), nil)
	req.Header.Set("Authorization", "Bearer "+access)
	cr, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var conns []map[string]any
	_ = json.NewDecoder(cr.Body).Decode(&conns)
	cr.Body.Close()
	if len(conns) != 1 || conns[0]["tenantId"] != tenant || conns[0]["tenantType"] != "ORGANISATION" || conns[0]["authEventId"] != c["authentication_event_id"] {
		t.Fatalf("connections %v, claims %v", conns, c)
	}
	// Disconnecting the organisation makes API calls 403.
	del, _ := http.NewRequest("DELETE", s.ConnectionsURL()+"/"+conns[0]["id"].(string), nil)
	del.Header.Set("Authorization", "Bearer "+access)
	dr, err := http.DefaultClient.Do(del)
	if err != nil || dr.StatusCode != 204 {
		t.Fatalf("delete connection: %v %v", dr.StatusCode, err)
	}
	if r := api(t, s, access, "GET", "Contacts", nil, nil); r.status != 403 {
		t.Fatalf("after disconnect: %d", r.status)
	}
}

func TestRefreshRotationAndGrace(t *testing.T) {
	s, clk := start(t, xerosim.Options{})
	_, refresh := s.IssueToken(xerosim.DemoClient.ClientID, []string{tenant}, allScopes)
	form := url.Values{"grant_type": {"refresh_token"}, "client_id": {xerosim.DemoClient.ClientID}, "refresh_token": {refresh}}
	st, first := postToken(t, s, form)
	if st != 200 || first["refresh_token"] == refresh {
		t.Fatalf("refresh: %d %v", st, first)
	}
	clk.Add(10 * time.Minute)
	if st, again := postToken(t, s, form); st != 200 || again["refresh_token"] != first["refresh_token"] || again["access_token"] != first["access_token"] {
		t.Fatalf("retry within grace must return the same pair: %d %v", st, again)
	}
	clk.Add(25 * time.Minute)
	if st, body := postToken(t, s, form); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("old token after grace: %d %v", st, body)
	}
	// The new one works, and expires unused after RefreshTokenTTL.
	form.Set("refresh_token", first["refresh_token"].(string))
	clk.Add(61 * 24 * time.Hour)
	if st, body := postToken(t, s, form); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("expired refresh token: %d %v", st, body)
	}
}

func TestExpiredAndRevokedTokens(t *testing.T) {
	s, clk := start(t, xerosim.Options{})
	access, refresh := s.IssueToken(xerosim.DemoClient.ClientID, []string{tenant}, allScopes)
	if r := api(t, s, access, "GET", "Contacts", nil, map[string]string{"Xero-Tenant-Id": ""}); r.status != 403 {
		t.Fatalf("no tenant header: %d", r.status)
	}
	if r := api(t, s, access, "GET", "Contacts", nil, map[string]string{"Xero-Tenant-Id": "00000000-0000-4000-8000-000000000000"}); r.status != 403 {
		t.Fatalf("unknown tenant: %d", r.status)
	}
	clk.Add(31 * time.Minute)
	r := api(t, s, access, "GET", "Contacts", nil, nil)
	if r.status != 401 || !strings.HasPrefix(r.body["Detail"].(string), "TokenExpired") {
		t.Fatalf("expired: %d %s", r.status, r.raw)
	}
	s.RevokeGrant(xerosim.DemoClient.ClientID)
	if st, body := postToken(t, s, url.Values{"grant_type": {"refresh_token"}, "client_id": {xerosim.DemoClient.ClientID}, "refresh_token": {refresh}}); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("revoked grant: %d %v", st, body)
	}
}

func TestConfidentialClientNeedsSecret(t *testing.T) {
	web := xerosim.Client{ClientID: "WEB", ClientSecret: "s3cret", RedirectURIs: []string{"https://app.example/cb"}}
	s, _ := start(t, xerosim.Options{Clients: []xerosim.Client{web}})
	u := s.AuthorizeURL() + "?" + url.Values{"response_type": {"code"}, "client_id": {"WEB"}, "redirect_uri": {"https://app.example/cb"}, "scope": {"offline_access accounting.transactions"}}.Encode()
	to, err := s.Approve(u, []string{tenant})
	if err != nil || !strings.Contains(to, "code=") {
		t.Fatalf("approve: %s %v", to, err)
	}
	lu, _ := url.Parse(to)
	form := url.Values{"grant_type": {"authorization_code"}, "code": {lu.Query().Get("code")}, "redirect_uri": {"https://app.example/cb"}, "client_id": {"WEB"}, "client_secret": {"wrong"}}
	if st, body := postToken(t, s, form); st != 401 || body["error"] != "invalid_client" {
		t.Fatalf("wrong secret: %d %v", st, body)
	}
	form.Set("client_secret", "s3cret")
	if st, body := postToken(t, s, form); st != 200 || body["scope"] != "offline_access accounting.transactions" {
		t.Fatalf("token: %d %v", st, body)
	}
}
