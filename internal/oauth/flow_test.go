package oauth_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/oauth/internal/fakeauth"
)

// relay is the https relay page of DESIGN.md, as a test server: it reads
// the port from state and forwards the query to the loopback listener.
func relay(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		port, err := oauth.ParseRelayState(r.URL.Query().Get("state"))
		if err != nil {
			http.Error(w, "Copy this address into Billbridge.", http.StatusOK)
			return
		}
		http.Redirect(w, r, "http://127.0.0.1:"+strconv.Itoa(port)+"/callback?"+r.URL.RawQuery, http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func localhostURIs(ports []int) []string {
	var out []string
	for _, p := range ports {
		out = append(out, "http://localhost:"+strconv.Itoa(p)+"/callback")
	}
	return out
}

// checkToken proves the access token works at the fake's protected resource.
func checkToken(t *testing.T, fake *fakeauth.Server, tok *oauth2.Token) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, fake.APIURL(), nil)
	tok.SetAuthHeader(req)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("protected resource: HTTP %d with the new access token", resp.StatusCode)
	}
}

func TestAuthorize(t *testing.T) {
	ports := freePorts(t, 3)
	relaySrv := relay(t)
	tests := []struct {
		name      string
		client    fakeauth.Client
		provider  func(fake *fakeauth.Server) oauth.Provider
		realm     string
		deny      bool
		wantCode  apperr.Code // "" = success
		wantPage  string
		wantRealm string
	}{
		{
			name:   "xero public client with PKCE",
			client: fakeauth.Client{ID: "xero-app", RedirectURIs: localhostURIs(ports)},
			provider: func(f *fakeauth.Server) oauth.Provider {
				p := oauth.Xero("xero-app", "", oauth.XeroScopes(true, false))
				p.AuthURL, p.TokenURL, p.RedirectPorts = f.AuthURL(), f.TokenURL(), ports
				return p
			},
			wantPage: "received the answer",
		},
		{
			name:   "confidential client with PKCE and basic auth",
			client: fakeauth.Client{ID: "xero-web", Secret: "s3cret", RedirectURIs: localhostURIs(ports)},
			provider: func(f *fakeauth.Server) oauth.Provider {
				p := oauth.Xero("xero-web", "s3cret", oauth.XeroScopes(false, false))
				p.AuthURL, p.TokenURL, p.RedirectPorts = f.AuthURL(), f.TokenURL(), ports
				return p
			},
			wantPage: "received the answer",
		},
		{
			name:   "quickbooks via relay with realm",
			client: fakeauth.Client{ID: "qbo-app", Secret: "qbo-secret", RedirectURIs: []string{relaySrv.URL + "/relay"}},
			provider: func(f *fakeauth.Server) oauth.Provider {
				p := oauth.QuickBooks("qbo-app", "qbo-secret", relaySrv.URL+"/relay", nil)
				p.AuthURL, p.TokenURL = f.AuthURL(), f.TokenURL()
				return p
			},
			realm: "4620816365", wantRealm: "4620816365", wantPage: "received the answer",
		},
		{
			name:   "exact via relay with secret in form",
			client: fakeauth.Client{ID: "exact-app", Secret: "exact-secret", RedirectURIs: []string{relaySrv.URL + "/relay"}},
			provider: func(f *fakeauth.Server) oauth.Provider {
				p := oauth.Exact(f.URL(), "exact-app", "exact-secret", relaySrv.URL+"/relay", nil)
				p.AuthURL, p.TokenURL = f.AuthURL(), f.TokenURL()
				return p
			},
			wantPage: "received the answer",
		},
		{
			name:   "user denies",
			client: fakeauth.Client{ID: "xero-app", RedirectURIs: localhostURIs(ports)},
			provider: func(f *fakeauth.Server) oauth.Provider {
				p := oauth.Xero("xero-app", "", oauth.XeroScopes(true, false))
				p.AuthURL, p.TokenURL, p.RedirectPorts = f.AuthURL(), f.TokenURL(), ports
				return p
			},
			deny: true, wantCode: apperr.Reconnect, wantPage: "was not allowed",
		},
		{
			name:   "wrong client secret",
			client: fakeauth.Client{ID: "qbo-app", Secret: "right", RedirectURIs: localhostURIs(ports)},
			provider: func(f *fakeauth.Server) oauth.Provider {
				p := oauth.QuickBooks("qbo-app", "wrong", "", ports)
				p.AuthURL, p.TokenURL = f.AuthURL(), f.TokenURL()
				return p
			},
			wantCode: apperr.Invalid, wantPage: "received the answer",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakeauth.New(fakeauth.Options{Clients: []fakeauth.Client{tt.client}, RealmID: tt.realm})
			defer fake.Close()
			p := tt.provider(fake)
			browser := &fakeauth.Browser{Deny: tt.deny}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			g, err := oauth.Authorize(ctx, p, browser.Open, nil)
			if tt.wantCode != "" {
				if apperr.CodeOf(err) != tt.wantCode {
					t.Fatalf("Authorize err = %v, want %s; refusals %v", err, tt.wantCode, fake.Refusals())
				}
			} else {
				if err != nil {
					t.Fatalf("Authorize: %v; refusals %v", err, fake.Refusals())
				}
				if g.Token.AccessToken == "" || g.Token.RefreshToken == "" || g.RealmID != tt.wantRealm {
					t.Fatalf("grant %+v lacks tokens or realm %q", g, tt.wantRealm)
				}
				if g.Scope != strings.Join(p.Scopes, " ") {
					t.Fatalf("Scope = %q, want %q", g.Scope, strings.Join(p.Scopes, " "))
				}
				checkToken(t, fake, g.Token)
			}
			if status, page := browser.Page(); status != 200 || !strings.Contains(page, tt.wantPage) {
				t.Fatalf("browser page HTTP %d %q, want %q", status, page, tt.wantPage)
			}
		})
	}
}

// The fake refuses an unregistered redirect URI outright, as Xero does; the
// app then sees no answer and times out cleanly.
func TestAuthorizeUnregisteredRedirect(t *testing.T) {
	ports := freePorts(t, 2)
	fake := fakeauth.New(fakeauth.Options{Clients: []fakeauth.Client{{ID: "xero-app", RedirectURIs: localhostURIs(ports[:1])}}})
	defer fake.Close()
	p := oauth.Xero("xero-app", "", oauth.XeroScopes(true, false))
	p.AuthURL, p.TokenURL, p.RedirectPorts = fake.AuthURL(), fake.TokenURL(), ports[1:]
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	browser := &fakeauth.Browser{}
	_, err := oauth.Authorize(ctx, p, func(u string) error { browser.Open(u); return nil }, nil)
	if apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("err = %v, want a clean Unavailable timeout", err)
	}
	if r := fake.Refusals(); len(r) != 1 || !strings.Contains(r[0], "not registered") {
		t.Fatalf("refusals = %v, want the redirect_uri refused", r)
	}
}

func TestAuthorizeURL(t *testing.T) {
	// The authorisation URL carries what each provider needs and nothing secret.
	fake := fakeauth.New(fakeauth.Options{})
	defer fake.Close()
	var got *url.URL
	p := oauth.Exact(fake.URL(), "exact-app", "exact-secret", "https://relay.example/cb", nil)
	p.PKCE = true
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	oauth.Authorize(ctx, p, func(u string) error { got, _ = url.Parse(u); return nil }, nil)
	q := got.Query()
	if got.Path != oauth.ExactAuthPath || q.Get("client_id") != "exact-app" || q.Get("redirect_uri") != "https://relay.example/cb" ||
		q.Get("response_type") != "code" || q.Get("force_login") != "0" || q.Get("code_challenge_method") != "S256" ||
		len(q.Get("code_challenge")) != 43 {
		t.Fatalf("auth URL %s lacks a required parameter", got)
	}
	if _, err := oauth.ParseRelayState(q.Get("state")); err != nil || len(q.Get("state")) < 40 {
		t.Fatalf("state %q: want port-prefixed and long (%v)", q.Get("state"), err)
	}
	if strings.Contains(got.String(), "exact-secret") || q.Has("code_verifier") {
		t.Fatal("auth URL carries the secret or the verifier")
	}
}
