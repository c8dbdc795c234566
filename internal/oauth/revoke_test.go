package oauth_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/oauth/internal/fakeauth"
)

func TestRevokeEndsTheGrant(t *testing.T) {
	tests := []struct {
		name   string
		client fakeauth.Client
		secret string
	}{
		{"public client, client_id in the form", fakeauth.Client{ID: "app"}, ""},
		{"confidential client, basic auth", fakeauth.Client{ID: "app", Secret: "s"}, "s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakeauth.New(fakeauth.Options{Clients: []fakeauth.Client{tt.client}})
			defer fake.Close()
			_, rt, _ := fake.Mint("app", "")
			p := oauth.Xero("app", tt.secret, nil)
			p.TokenURL, p.RevokeURL = fake.TokenURL(), fake.RevokeURL()
			if err := oauth.Revoke(context.Background(), p, rt, nil); err != nil {
				t.Fatalf("Revoke: %v; refusals %v", err, fake.Refusals())
			}
			if cur := fake.CurrentRefreshTokens(); len(cur) != 0 {
				t.Fatalf("server still accepts %d refresh tokens", len(cur))
			}
		})
	}
}

func TestRevokeIntuitJSON(t *testing.T) {
	var got struct {
		user, pass, contentType string
		body                    map[string]string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.user, got.pass, _ = r.BasicAuth()
		got.contentType = r.Header.Get("Content-Type")
		json.NewDecoder(r.Body).Decode(&got.body)
	}))
	defer srv.Close()
	p := oauth.QuickBooks("qbo-id", "qbo-secret", "", nil)
	p.RevokeURL = srv.URL
	if err := oauth.Revoke(context.Background(), p, "rt-1", nil); err != nil {
		t.Fatal(err)
	}
	if got.user != "qbo-id" || got.pass != "qbo-secret" || got.contentType != "application/json" || got.body["token"] != "rt-1" {
		t.Fatalf("request = %+v, want basic auth and {\"token\":…} JSON", got)
	}
}

func TestRevokeFailures(t *testing.T) {
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	}))
	defer down.Close()
	p := oauth.Xero("app", "", nil)
	p.RevokeURL = down.URL
	if err := oauth.Revoke(context.Background(), p, "rt", nil); apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("server error: err = %v, want Unavailable", err)
	}
	exact := oauth.Exact("https://start.exactonline.nl", "id", "secret", "https://relay.example", nil)
	if err := oauth.Revoke(context.Background(), exact, "rt", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("no endpoint: err = %v, want Invalid telling where to disconnect", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	time.Sleep(2 * time.Millisecond)
	if err := oauth.Revoke(ctx, p, "rt", nil); apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("timeout: err = %v, want Unavailable", err)
	}
}

func TestExactHost(t *testing.T) {
	tests := []struct {
		country, want string
		ok            bool
	}{
		{"nl", "https://start.exactonline.nl", true},
		{"BE", "https://start.exactonline.be", true},
		{"uk", "https://start.exactonline.co.uk", true},
		{"us", "https://start.exactonline.com", true},
		{"xx", "", false},
	}
	for _, tt := range tests {
		got, err := oauth.ExactHost(tt.country)
		if got != tt.want || (err == nil) != tt.ok {
			t.Fatalf("ExactHost(%q) = %q, %v", tt.country, got, err)
		}
	}
	p := oauth.Exact("https://start.exactonline.be/", "id", "secret", "https://relay.example", nil)
	if p.AuthURL != "https://start.exactonline.be/api/oauth2/auth" || p.TokenURL != "https://start.exactonline.be/api/oauth2/token" {
		t.Fatalf("Exact endpoints %s %s", p.AuthURL, p.TokenURL)
	}
}

func TestXeroScopes(t *testing.T) {
	tests := []struct {
		granular, readOnly bool
		want, notWant      string
	}{
		{true, false, "accounting.invoices", "accounting.transactions"},
		{true, true, "accounting.invoices.read", "accounting.contacts "},
		{false, false, "accounting.transactions", "accounting.invoices"},
		{false, true, "accounting.transactions.read", "accounting.settings "},
	}
	for _, tt := range tests {
		got := oauth.XeroScopes(tt.granular, tt.readOnly)
		joined := " " + strings.Join(got, " ") + " "
		if got[0] != "offline_access" || !strings.Contains(joined, " "+tt.want+" ") || strings.Contains(joined, " "+tt.notWant) {
			t.Fatalf("XeroScopes(%v, %v) = %v", tt.granular, tt.readOnly, got)
		}
	}
}
