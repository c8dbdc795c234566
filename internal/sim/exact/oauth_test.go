package exactsim_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

func authURL(s *exactsim.Server, redirect, responseType string) string {
	return s.AuthURL() + "?" + url.Values{"client_id": {exactsim.DemoApp.ClientID}, "redirect_uri": {redirect},
		"response_type": {responseType}, "state": {"port=53682&n=1"}}.Encode()
}

func TestNewRefusesHTTPRedirect(t *testing.T) {
	_, err := exactsim.New(exactsim.Options{Apps: []exactsim.App{{ClientID: "x", ClientSecret: "y", RedirectURIs: []string{"http://127.0.0.1:5000/callback"}}}})
	if err == nil || !strings.Contains(err.Error(), "https") {
		t.Fatalf("want an https error, got %v", err)
	}
}

func TestAuthorizationCodeFlow(t *testing.T) {
	s, _ := newServer(t, nil)
	relay := exactsim.DemoApp.RedirectURIs[0]
	for _, bad := range []string{authURL(s, "http://127.0.0.1:53682/callback", "code"), authURL(s, relay+"/x", "code"), authURL(s, relay, "token")} {
		if _, err := s.Approve(bad); err == nil {
			t.Errorf("Approve(%s) should fail", bad)
		}
	}
	to, err := s.Approve(authURL(s, relay, "code"))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(to)
	if !strings.HasPrefix(to, relay+"?") || u.Query().Get("state") != "port=53682&n=1" || u.Query().Get("code") == "" {
		t.Fatalf("redirect %s", to)
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {u.Query().Get("code")}, "redirect_uri": {relay}, "client_id": {exactsim.DemoApp.ClientID}}
	if r := tokenForm(t, s, form); r.status != http.StatusBadRequest || r.body["error"] != "invalid_client" {
		t.Fatalf("no secret: %d %s", r.status, r.raw)
	}
	form.Set("client_secret", exactsim.DemoApp.ClientSecret)
	r := tokenForm(t, s, form)
	if r.status != 200 || r.body["expires_in"] != "600" || r.body["refresh_token"] == "" {
		t.Fatalf("token: %d %s", r.status, r.raw)
	}
	if r2 := tokenForm(t, s, form); r2.status != http.StatusBadRequest {
		t.Fatalf("code reused: %d", r2.status)
	}
	me := do(t, s, r.body["access_token"].(string), "GET", "current/Me?$select=CurrentDivision", nil)
	if got := results(t, me)[0]["CurrentDivision"]; got != float64(div) {
		t.Fatalf("CurrentDivision %v", got)
	}
}

func TestRefreshRules(t *testing.T) {
	s, clk := newServer(t, nil)
	access, rt := s.IssueToken(exactsim.DemoApp.ClientID)
	r := tokenForm(t, s, refreshForm(rt))
	if r.status != 400 || r.body["error"] != "access_denied" || r.body["error_description"] != "Rate limit exceeded: access_token not expired" {
		t.Fatalf("early refresh: %d %s", r.status, r.raw)
	}
	clk.Add(570 * time.Second)
	r = tokenForm(t, s, refreshForm(rt))
	if r.status != 200 {
		t.Fatalf("refresh at 570 s: %d %s", r.status, r.raw)
	}
	clk.Add(31 * time.Second) // the first access token is now 601 s old
	if got := do(t, s, access, "GET", "current/Me", nil); got.status != 401 {
		t.Fatalf("expired access token: %d", got.status)
	}
	if got := do(t, s, r.body["access_token"].(string), "GET", "current/Me", nil); got.status != 200 {
		t.Fatalf("new access token: %d", got.status)
	}
	clk.Add(10 * time.Minute)
	old := tokenForm(t, s, refreshForm(rt))
	if old.status != 401 || old.body["error"] != "unauthorized_client" || old.body["error_description"] != "Old refresh token used." {
		t.Fatalf("old refresh token: %d %s", old.status, old.raw)
	}
	// the grant is dead: the newest refresh token and its access token stop working too
	if again := tokenForm(t, s, refreshForm(r.body["refresh_token"].(string))); again.status != 401 {
		t.Fatalf("refresh after reuse: %d %s", again.status, again.raw)
	}
	if got := do(t, s, r.body["access_token"].(string), "GET", "current/Me", nil); got.status != 401 {
		t.Fatalf("access after reuse: %d", got.status)
	}
}

func TestRefreshTokenExpiresUnused(t *testing.T) {
	s, clk := newServer(t, nil)
	_, rt := s.IssueToken(exactsim.DemoApp.ClientID)
	clk.Add(30*24*time.Hour + time.Second)
	if r := tokenForm(t, s, refreshForm(rt)); r.status != 400 || r.body["error"] == "" {
		t.Fatalf("expired refresh token: %d %s", r.status, r.raw)
	}
}

// Two refreshes racing with the same token: one wins, the other is an old
// token, and the grant dies — which is why clients refresh single-flight.
func TestConcurrentRefreshKillsGrant(t *testing.T) {
	s, clk := newServer(t, nil)
	_, rt := s.IssueToken(exactsim.DemoApp.ClientID)
	clk.Add(10 * time.Minute)
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	for i := range statuses {
		wg.Add(1)
		go func() { defer wg.Done(); statuses[i] = tokenForm(t, s, refreshForm(rt)).status }()
	}
	wg.Wait()
	if !(statuses[0] == 200 && statuses[1] == 401 || statuses[0] == 401 && statuses[1] == 200) {
		t.Fatalf("statuses %v", statuses)
	}
}

func TestRevokeGrant(t *testing.T) {
	s, _ := newServer(t, nil)
	access, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	s.RevokeGrant(exactsim.DemoApp.ClientID)
	if r := do(t, s, access, "GET", "current/Me", nil); r.status != 401 {
		t.Fatalf("after revoke: %d", r.status)
	}
}
