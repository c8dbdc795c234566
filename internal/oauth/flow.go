package oauth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Grant is the result of a completed authorisation.
type Grant struct {
	Token   *oauth2.Token
	RealmID string // QuickBooks Online company id from the redirect
	Scope   string // the scopes granted, when the provider says
}

// LogValue keeps the tokens out of logs.
func (g Grant) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("realm_id", g.RealmID), slog.String("scope", g.Scope)}
	if g.Token != nil {
		attrs = append(attrs, slog.Time("expiry", g.Token.Expiry), slog.Bool("has_refresh", g.Token.RefreshToken != ""))
	}
	return slog.GroupValue(attrs...)
}

// Authorize runs the authorisation-code flow through the system browser:
// it binds the loopback listener, builds the authorisation URL (random
// state; PKCE S256 when p.PKCE), calls open with it, waits for the
// redirect and exchanges the code. When p.RelayURL is set, the redirect URI
// is the relay page and the port travels in state (RelayState). httpClient
// (nil = http.DefaultClient) makes the token request; it must not retry
// POSTs. Bound the wait with ctx.
func Authorize(ctx context.Context, p Provider, open func(url string) error, httpClient *http.Client) (Grant, error) {
	if err := p.check(); err != nil {
		return Grant{}, err
	}
	ports := p.RedirectPorts
	if p.RelayURL != "" {
		ports = nil // the relay reads the port from state; any free one will do
	}
	ln, err := ListenLoopback(p.Name, ports, p.redirectPath())
	if err != nil {
		return Grant{}, err
	}
	defer ln.Close()

	redirect := ln.RedirectURL(p.redirectHost())
	var prefix string
	if p.RelayURL != "" {
		redirect, prefix = p.RelayURL, strconv.Itoa(ln.Port())+"."
	}
	pending, authURL, err := begin(p, redirect, prefix)
	if err != nil {
		return Grant{}, err
	}
	ln.Start(pending.State)
	if err := open(authURL); err != nil {
		return Grant{}, apperr.Wrap(fmt.Errorf("oauth: %s: open browser: %w", p.Name, err), apperr.Unavailable,
			"Billbridge could not open your web browser",
			"Use “paste the address” in the connection wizard instead, or set a default browser and try again.")
	}
	cb, err := ln.Wait(ctx)
	if err != nil {
		return Grant{}, err
	}
	return exchange(ctx, p, pending, cb, httpClient)
}

// Pending is what an authorisation in progress must remember until the
// redirect comes back: the state to check, the PKCE verifier and the exact
// redirect URI to repeat at the token endpoint. The app keeps it (in
// memory) between BeginPaste and ExchangePasted.
type Pending struct {
	State       string    `json:"state"`
	Verifier    string    `json:"verifier,omitempty"`
	RedirectURI string    `json:"redirectUri"`
	Created     time.Time `json:"created"`
}

// LogValue keeps the verifier and state out of logs.
func (p Pending) LogValue() slog.Value {
	return slog.GroupValue(slog.String("redirect_uri", p.RedirectURI), slog.Time("created", p.Created))
}

// begin makes the state (prefixed for the relay), the verifier and the
// authorisation URL.
func begin(p Provider, redirect, statePrefix string) (Pending, string, error) {
	nonce, err := randomString(32)
	if err != nil {
		return Pending{}, "", err
	}
	pending := Pending{State: statePrefix + nonce, RedirectURI: redirect, Created: time.Now()}
	var opts []oauth2.AuthCodeOption
	if p.PKCE {
		if pending.Verifier, err = NewVerifier(); err != nil {
			return Pending{}, "", err
		}
		opts = append(opts,
			oauth2.SetAuthURLParam("code_challenge", S256Challenge(pending.Verifier)),
			oauth2.SetAuthURLParam("code_challenge_method", "S256"))
	}
	for k, v := range p.AuthParams {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	return pending, p.config(redirect).AuthCodeURL(pending.State, opts...), nil
}

func randomString(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("oauth: random state: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// RelayState is the state format the https relay page understands:
// "<port>.<nonce>". The relay forwards the whole query unchanged to
// http://127.0.0.1:<port>/callback; the loopback listener still compares
// the whole state, so a forged port gains nothing.
func RelayState(port int, nonce string) string { return strconv.Itoa(port) + "." + nonce }

// ParseRelayState returns the loopback port carried in a relay state. It
// is what the relay page does (in JavaScript) before forwarding.
func ParseRelayState(state string) (int, error) {
	head, _, ok := strings.Cut(state, ".")
	port, err := strconv.Atoi(head)
	if !ok || err != nil || port < 1024 || port > 65535 {
		return 0, fmt.Errorf("oauth: relay state has no valid loopback port")
	}
	return port, nil
}

// exchange trades the code for tokens, repeating the redirect URI and the
// verifier of the authorisation request.
func exchange(ctx context.Context, p Provider, pending Pending, cb Callback, httpClient *http.Client) (Grant, error) {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	ctx = context.WithValue(ctx, oauth2.HTTPClient, httpClient)
	var opts []oauth2.AuthCodeOption
	if p.PKCE {
		opts = append(opts, oauth2.VerifierOption(pending.Verifier))
	}
	if p.ClientSecret == "" && p.authStyle() == oauth2.AuthStyleInHeader {
		return Grant{}, fmt.Errorf("oauth: %s: header client auth needs a client secret", p.Name)
	}
	tok, err := p.config(pending.RedirectURI).Exchange(ctx, cb.Code, opts...)
	if err != nil {
		return Grant{}, exchangeError(p.Name, err)
	}
	g := Grant{Token: tok, RealmID: cb.RealmID}
	if s, ok := tok.Extra("scope").(string); ok {
		g.Scope = s
	}
	return g, nil
}

func exchangeError(name string, err error) error {
	wrapped := fmt.Errorf("oauth: %s: exchange code: %w", name, err)
	re, ok := err.(*oauth2.RetrieveError)
	if !ok {
		return apperr.Wrap(wrapped, apperr.Unavailable,
			fmt.Sprintf("%s could not be reached to finish the sign-in", name),
			"Check your internet connection and connect again.")
	}
	switch re.ErrorCode {
	case "invalid_client", "unauthorized_client":
		return apperr.Wrap(wrapped, apperr.Invalid,
			fmt.Sprintf("%s refused Billbridge's client id or secret", name),
			fmt.Sprintf("Check the client id and secret of your %s app in the connection settings.", name))
	case "invalid_grant":
		return apperr.Wrap(wrapped, apperr.Reconnect,
			fmt.Sprintf("%s refused the sign-in code (it expired or was already used)", name),
			"Connect again and finish within a few minutes.")
	}
	if re.Response != nil && re.Response.StatusCode >= 500 {
		return apperr.Wrap(wrapped, apperr.Unavailable,
			fmt.Sprintf("%s had a problem finishing the sign-in", name), "Try connecting again in a few minutes.")
	}
	return apperr.Wrap(wrapped, apperr.Invalid,
		fmt.Sprintf("%s refused to finish the sign-in (%s)", name, re.ErrorCode),
		fmt.Sprintf("Check the redirect URIs and keys of your %s app, then connect again.", name))
}
