package oauth_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/oauth/internal/fakeauth"
)

// Nothing secret reaches the log: not through the source's own messages on
// success and failure, nor through the package's types logged by callers.
func TestNoSecretsInLogs(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	e := newEnv(t, fakeauth.Options{})
	old := e.stored(t)
	src := e.source(func(c *oauth.TokenSourceConfig) { c.Logger = logger })
	secretsSeen := []string{"app-secret", old.AccessToken, old.RefreshToken}

	e.clk.Advance(29 * time.Minute)
	tok, err := src.Token() // refresh: logged at info
	if err != nil {
		t.Fatal(err)
	}
	secretsSeen = append(secretsSeen, tok.AccessToken, tok.RefreshToken)
	e.fake.RevokeAll()
	e.clk.Advance(29 * time.Minute)
	if _, err := src.Token(); err == nil { // refused: logged at warn with the error
		t.Fatal("refresh of a revoked grant succeeded")
	}

	xp := oauth.Xero("xero", "xero-secret", nil)
	xp.RelayURL = "https://relay.example/cb"
	_, pending, err := oauth.BeginPaste(xp)
	if err != nil {
		t.Fatal(err)
	}
	secretsSeen = append(secretsSeen, "qbo-secret", "xero-secret", pending.Verifier, pending.State)
	grant := oauth.Grant{Token: tok, RealmID: "123", Scope: "s"}
	cb := oauth.Callback{Code: "the-auth-code", State: pending.State, RealmID: "123"}
	secretsSeen = append(secretsSeen, cb.Code)
	logger.Info("caller logs package values", "provider", e.p, "grant", grant, "pending", pending, "callback", cb,
		"qbo", oauth.QuickBooks("qbo", "qbo-secret", "", nil), "xero", xp)

	out := buf.String()
	if !strings.Contains(out, "token refreshed") || !strings.Contains(out, "token refresh failed") || !strings.Contains(out, `"realm_id":"123"`) {
		t.Fatalf("log lacks the expected records:\n%s", out)
	}
	for _, s := range secretsSeen {
		if s == "" {
			t.Fatal("empty secret in the list")
		}
		if strings.Contains(out, s) {
			t.Fatalf("log contains a secret (%.6s…):\n%s", s, out)
		}
	}
}

func TestSecretsStoreRoundTrip(t *testing.T) {
	e := newEnv(t, fakeauth.Options{})
	exp := time.Date(2026, 11, 23, 10, 30, 0, 0, time.UTC)
	in := (&oauth2.Token{AccessToken: "a", RefreshToken: "r", TokenType: "Bearer", Expiry: exp, ExpiresIn: 3600}).
		WithExtra(map[string]any{"x_refresh_token_expires_in": 8726400, "scope": "com.intuit.quickbooks.accounting", "unlisted": "x"})
	if err := e.store.next.Save(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	out := e.stored(t)
	if out.AccessToken != "a" || out.RefreshToken != "r" || out.TokenType != "Bearer" || !out.Expiry.Equal(exp) || out.ExpiresIn != 3600 {
		t.Fatalf("round trip lost fields: %+v", out)
	}
	if out.Extra("x_refresh_token_expires_in") != float64(8726400) || out.Extra("scope") != "com.intuit.quickbooks.accounting" {
		t.Fatal("round trip lost the provider's extra fields")
	}
}
