package oauth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/oauth/internal/fakeauth"
)

func TestExchangePasted(t *testing.T) {
	const relayURL = "https://billbridge.example/oauth/relay"
	tests := []struct {
		name     string
		deny     bool
		edit     func(landed string) string // what the user pastes
		age      time.Duration              // fake clock advance before pasting
		twice    bool                       // paste the same address again
		wantCode apperr.Code                // "" = success
		wantMsg  string
	}{
		{name: "whole address", edit: func(s string) string { return s }},
		{name: "with spaces and quotes", edit: func(s string) string { return "  \"" + s + "\"\n" }},
		{name: "query only", edit: func(s string) string { return s[strings.Index(s, "?")+1:] }},
		{name: "code is single use", edit: func(s string) string { return s }, twice: true,
			wantCode: apperr.Reconnect, wantMsg: "already used"},
		{name: "code expired after 5 minutes", edit: func(s string) string { return s }, age: 6 * time.Minute,
			wantCode: apperr.Reconnect, wantMsg: "expired"},
		{name: "state of another sign-in", edit: func(s string) string { return strings.Replace(s, "state=", "state=x", 1) },
			wantCode: apperr.Invalid, wantMsg: "does not belong"},
		{name: "not an address", edit: func(string) string { return "hello" }, wantCode: apperr.Invalid, wantMsg: "not the one"},
		{name: "address without query", edit: func(string) string { return relayURL }, wantCode: apperr.Invalid, wantMsg: "not the one"},
		{name: "denied", deny: true, edit: func(s string) string { return s }, wantCode: apperr.Reconnect, wantMsg: "not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock()
			fake := fakeauth.New(fakeauth.Options{Now: clk.Now, RealmID: "123",
				Clients: []fakeauth.Client{{ID: "qbo", Secret: "qs", RedirectURIs: []string{relayURL}}}})
			defer fake.Close()
			p := oauth.QuickBooks("qbo", "qs", relayURL, nil)
			p.AuthURL, p.TokenURL = fake.AuthURL(), fake.TokenURL()

			authURL, pending, err := oauth.BeginPaste(p)
			if err != nil {
				t.Fatal(err)
			}
			// No relay is running: the browser stops on the relay address.
			browser := &fakeauth.Browser{Stay: true, Deny: tt.deny}
			if err := browser.Open(authURL); err != nil {
				t.Fatal(err)
			}
			landed := browser.LandedOn()
			if !strings.HasPrefix(landed, relayURL+"?") {
				t.Fatalf("landed on %q, want the relay address", landed)
			}
			clk.Advance(tt.age)
			ctx := context.Background()
			pasted := tt.edit(landed)
			g, err := oauth.ExchangePasted(ctx, p, pasted, pending, nil)
			if tt.twice {
				if err != nil {
					t.Fatalf("first paste: %v", err)
				}
				g, err = oauth.ExchangePasted(ctx, p, pasted, pending, nil)
			}
			if tt.wantCode == "" {
				if err != nil {
					t.Fatalf("ExchangePasted: %v; refusals %v", err, fake.Refusals())
				}
				if g.RealmID != "123" {
					t.Fatalf("RealmID = %q, want 123", g.RealmID)
				}
				checkToken(t, fake, g.Token)
				return
			}
			if apperr.CodeOf(err) != tt.wantCode || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v, want %s mentioning %q", err, tt.wantCode, tt.wantMsg)
			}
		})
	}
}

func TestBeginPasteNeedsRelay(t *testing.T) {
	p := oauth.Xero("id", "", oauth.XeroScopes(true, false))
	if _, _, err := oauth.BeginPaste(p); err == nil {
		t.Fatal("BeginPaste without a relay URL succeeded")
	}
}
