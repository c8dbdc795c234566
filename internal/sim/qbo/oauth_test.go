package qbosim_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

func tokenCall(t *testing.T, s *qbosim.Server, form url.Values, basic bool) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", s.TokenURL(), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if basic {
		req.SetBasicAuth(qbosim.DemoApp.ClientID, qbosim.DemoApp.ClientSecret)
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(r.Body).Decode(&body)
	return r.StatusCode, body
}

func TestAuthorizationCodeFlow(t *testing.T) {
	s, clk := start(t, qbosim.Options{})
	redirect := qbosim.DemoApp.RedirectURIs[0]
	q := url.Values{"client_id": {qbosim.DemoApp.ClientID}, "response_type": {"code"}, "scope": {"com.intuit.quickbooks.accounting"},
		"redirect_uri": {redirect}, "state": {"xyz"}}
	to, err := s.Approve(s.AuthorizeURL()+"?"+q.Encode(), us)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(to)
	if u.Query().Get("state") != "xyz" || u.Query().Get("realmId") != us || u.Query().Get("code") == "" {
		t.Fatalf("redirect %s", to)
	}
	code := u.Query().Get("code")
	ex := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect}}
	if st, _ := tokenCall(t, s, ex, false); st != http.StatusUnauthorized {
		t.Fatalf("no client auth: %d, want 401", st)
	}
	st, tok := tokenCall(t, s, ex, true)
	if st != 200 || tok["token_type"] != "bearer" || tok["expires_in"].(float64) != 3600 || tok["x_refresh_token_expires_in"].(float64) != 8640000 {
		t.Fatalf("exchange: %d %v", st, tok)
	}
	if st, body := tokenCall(t, s, ex, true); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("code reuse: %d %v", st, body)
	}
	access := tok["access_token"].(string)
	if r := call(t, s, access, us, "GET", "companyinfo/1", nil); r.status != 200 {
		t.Fatalf("api: %d %s", r.status, r.raw)
	}
	if r := call(t, s, access, gb, "GET", "companyinfo/1", nil); r.status != 403 || faultCode(r) != "3100" {
		t.Fatalf("other realm: %d %s", r.status, r.raw)
	}
	clk.Add(time.Hour)
	r := call(t, s, access, us, "GET", "companyinfo/1", nil)
	if r.status != 401 || !strings.Contains(r.raw, `"code":"3200"`) || !strings.Contains(r.raw, "AuthenticationFailed") {
		t.Fatalf("expired token: %d %s", r.status, r.raw)
	}
}

func TestAuthorizeRejects(t *testing.T) {
	s, _ := start(t, qbosim.Options{})
	base := url.Values{"client_id": {qbosim.DemoApp.ClientID}, "response_type": {"code"}, "scope": {"com.intuit.quickbooks.accounting"},
		"redirect_uri": {qbosim.DemoApp.RedirectURIs[0]}, "state": {"s"}}
	with := func(k, v string) string {
		q := url.Values{}
		for kk, vv := range base {
			q[kk] = vv
		}
		q.Set(k, v)
		return s.AuthorizeURL() + "?" + q.Encode()
	}
	if _, err := s.Approve(with("redirect_uri", "http://localhost:9999/other"), us); err == nil {
		t.Fatal("unregistered redirect accepted")
	}
	if to, _ := s.Approve(with("scope", "com.intuit.quickbooks.bogus"), us); !strings.Contains(to, "error=invalid_scope") {
		t.Fatalf("bad scope: %s", to)
	}
	if to, _ := s.Approve(with("state", ""), us); !strings.Contains(to, "error=invalid_request") {
		t.Fatalf("no state: %s", to)
	}
	if to, _ := s.Approve(with("state", "s"), ""); !strings.Contains(to, "error=access_denied") {
		t.Fatalf("denied: %s", to)
	}
	_, err := qbosim.New(qbosim.Options{Apps: []qbosim.App{{ClientID: "x", ClientSecret: "y", RedirectURIs: []string{"http://127.0.0.1:5000/cb"}}}})
	if err == nil {
		t.Fatal("an IP-address redirect URI was accepted")
	}
}

func TestRefreshRotationUnderConcurrency(t *testing.T) {
	s, clk := start(t, qbosim.Options{})
	_, refresh := s.IssueToken(qbosim.DemoApp.ClientID, us)
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}}
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st, body := tokenCall(t, s, form, true); st == 200 {
				got[i] = body["refresh_token"].(string)
			}
		}()
	}
	wg.Wait()
	for _, g := range got {
		if g == "" || g == refresh || g != got[0] {
			t.Fatalf("concurrent refreshes forked the chain or failed: %v", got)
		}
	}
	clk.Add(25 * time.Hour) // past the overlap: the old token is dead, the new one works
	if st, body := tokenCall(t, s, form, true); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("old refresh token after overlap: %d %v", st, body)
	}
	if st, _ := tokenCall(t, s, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {got[0]}}, true); st != 200 {
		t.Fatalf("new refresh token: %d", st)
	}
	s.RevokeGrant(qbosim.DemoApp.ClientID)
	if st, body := tokenCall(t, s, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {got[0]}}, true); st != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("after revoke: %d %v", st, body)
	}
}
