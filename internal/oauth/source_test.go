package oauth_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/oauth/internal/fakeauth"
	"github.com/billbridge/billbridge/internal/secrets"
)

const profileID = 7

// recordingStore wraps a TokenStore and records what happened, in order.
type recordingStore struct {
	next     oauth.TokenStore
	mu       sync.Mutex
	events   []string
	failSave int // fail this many saves
	loads    int
}

func (r *recordingStore) record(e string) { r.mu.Lock(); r.events = append(r.events, e); r.mu.Unlock() }

func (r *recordingStore) Load(ctx context.Context) (*oauth2.Token, error) {
	r.mu.Lock()
	r.loads++
	r.mu.Unlock()
	return r.next.Load(ctx)
}

func (r *recordingStore) Loads() int { r.mu.Lock(); defer r.mu.Unlock(); return r.loads }

func (r *recordingStore) Save(ctx context.Context, tok *oauth2.Token) error {
	r.mu.Lock()
	if r.failSave > 0 {
		r.failSave--
		r.mu.Unlock()
		return errors.New("keychain locked")
	}
	r.mu.Unlock()
	if err := r.next.Save(ctx, tok); err != nil {
		return err
	}
	r.record("saved " + tok.AccessToken)
	return nil
}

func (r *recordingStore) Events() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.events)
}

type env struct {
	clk   *clock
	fake  *fakeauth.Server
	mem   *secrets.Memory
	store *recordingStore
	p     oauth.Provider
}

// newEnv starts a fake server with one granted token set, saved in a
// memory keychain as the Xero token of profileID.
func newEnv(t *testing.T, opts fakeauth.Options) *env {
	t.Helper()
	e := &env{clk: newClock(), mem: secrets.NewMemory()}
	opts.Now = e.clk.Now
	opts.Clients = []fakeauth.Client{{ID: "app", Secret: "app-secret"}}
	e.fake = fakeauth.New(opts)
	t.Cleanup(e.fake.Close)
	e.p = oauth.Xero("app", "app-secret", oauth.XeroScopes(true, false))
	e.p.TokenURL = e.fake.TokenURL()
	e.store = &recordingStore{next: oauth.NewSecretsStore(e.mem, profileID, secrets.XeroToken)}
	at, rt, in := e.fake.Mint("app", "accounting.invoices")
	tok := &oauth2.Token{AccessToken: at, RefreshToken: rt, TokenType: "Bearer",
		Expiry: e.clk.Now().Add(time.Duration(in) * time.Second), ExpiresIn: int64(in)}
	if err := e.store.next.Save(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) source(mod func(*oauth.TokenSourceConfig)) *oauth.TokenSource {
	cfg := oauth.TokenSourceConfig{Provider: e.p, Store: e.store, Now: e.clk.Now, Org: "Acme Ltd"}
	if mod != nil {
		mod(&cfg)
	}
	return oauth.NewTokenSource(cfg)
}

// refreshDirectly spends a refresh token at the server, bypassing the source.
func (e *env) refreshDirectly(rt string) error {
	cfg := &oauth2.Config{ClientID: "app", ClientSecret: "app-secret",
		Endpoint: oauth2.Endpoint{TokenURL: e.fake.TokenURL(), AuthStyle: oauth2.AuthStyleInHeader}}
	_, err := cfg.TokenSource(context.Background(), &oauth2.Token{RefreshToken: rt}).Token()
	return err
}

func (e *env) stored(t *testing.T) *oauth2.Token {
	t.Helper()
	tok, err := e.store.next.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestTokenSourceRefreshesWithinMargin(t *testing.T) {
	e := newEnv(t, fakeauth.Options{AccessLifetime: 30 * time.Minute})
	src := e.source(nil)
	first, err := src.Token()
	if err != nil {
		t.Fatal(err)
	}
	e.clk.Advance(27*time.Minute + 59*time.Second) // 2 min 1 s left: still served
	if tok, err := src.Token(); err != nil || tok.AccessToken != first.AccessToken {
		t.Fatalf("Token() = %v, %v; want the stored token", tok, err)
	}
	if n := e.fake.Counts().Refreshes; n != 0 {
		t.Fatalf("%d refreshes before the margin, want 0", n)
	}
	e.clk.Advance(2 * time.Second) // 1 min 59 s left: refresh
	tok, err := src.Token()
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken == first.AccessToken || e.fake.Counts().Refreshes != 1 {
		t.Fatalf("want one refresh giving a new token; refreshes %d", e.fake.Counts().Refreshes)
	}
	stored := e.stored(t)
	if stored.AccessToken != tok.AccessToken || stored.RefreshToken == first.RefreshToken {
		t.Fatal("the store does not hold the new, rotated token set")
	}
	if cur := e.fake.CurrentRefreshTokens(); len(cur) != 1 || cur[0] != stored.RefreshToken {
		t.Fatalf("server accepts %v, store holds another refresh token", cur)
	}
	if want := e.clk.Now().Add(30 * time.Minute); !tok.Expiry.Equal(want) {
		t.Fatalf("Expiry = %v, want %v on the source's clock", tok.Expiry, want)
	}
	checkToken(t, e.fake, tok)
}

func TestTokenSourceConcurrentCallersShareOneRefresh(t *testing.T) {
	e := newEnv(t, fakeauth.Options{})
	src := e.source(nil)
	old := e.stored(t)
	e.clk.Advance(29 * time.Minute)

	const callers = 50
	var wg sync.WaitGroup
	got := make([]string, callers)
	errs := make(chan error, callers)
	for i := range callers {
		wg.Go(func() {
			tok, err := src.TokenContext(context.Background())
			if err != nil {
				errs <- err
				return
			}
			// Whoever holds the access token must find its set in the store.
			if s, err := e.store.next.Load(context.Background()); err != nil || s.AccessToken != tok.AccessToken {
				errs <- fmt.Errorf("caller %d got a token the store does not hold", i)
				return
			}
			e.store.record("used " + tok.AccessToken)
			got[i] = tok.AccessToken
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := e.fake.Counts().Refreshes; n != 1 {
		t.Fatalf("token endpoint saw %d refreshes, want exactly 1", n)
	}
	for _, a := range got {
		if a != got[0] || a == old.AccessToken {
			t.Fatal("callers did not all get the one new access token")
		}
	}
	ev := e.store.Events()
	if len(ev) != callers+1 || ev[0] != "saved "+got[0] {
		t.Fatalf("events %v: want the save before every use", ev[:min(3, len(ev))])
	}
	// The old refresh token is dead at the server after rotation.
	if err := e.refreshDirectly(old.RefreshToken); err == nil || !strings.Contains(err.Error(), "invalid_grant") {
		t.Fatalf("old refresh token: err = %v, want invalid_grant", err)
	}
}

func TestTokenSourceKeepsRefreshTokenWhenNotRotated(t *testing.T) {
	e := newEnv(t, fakeauth.Options{NoRotation: true, RefreshExpiresIn: 8726400})
	src := e.source(nil)
	old := e.stored(t)
	for range 2 {
		e.clk.Advance(29 * time.Minute)
		if _, err := src.Token(); err != nil {
			t.Fatal(err)
		}
	}
	stored := e.stored(t)
	if stored.RefreshToken != old.RefreshToken || e.fake.Counts().Refreshes != 2 {
		t.Fatalf("refresh token changed or refreshes = %d, want the old one kept over 2 refreshes", e.fake.Counts().Refreshes)
	}
	if v := stored.Extra("x_refresh_token_expires_in"); v != float64(8726400) {
		t.Fatalf("x_refresh_token_expires_in = %v, want it kept in the store", v)
	}
}

func TestTokenSourceRevokedGrant(t *testing.T) {
	e := newEnv(t, fakeauth.Options{})
	src := e.source(nil)
	e.fake.RevokeAll()
	e.clk.Advance(29 * time.Minute)
	for i := range 3 {
		_, err := src.Token()
		ae, ok := apperr.As(err)
		if !ok || ae.Code != apperr.Reconnect {
			t.Fatalf("call %d: err = %v, want Reconnect", i, err)
		}
		if ae.Message != "Xero has disconnected Billbridge from Acme Ltd" || ae.Fix != "Reconnect Xero in Connections." {
			t.Fatalf("message %q fix %q", ae.Message, ae.Fix)
		}
	}
	if n := e.fake.Counts().Refreshes; n != 1 {
		t.Fatalf("%d refresh attempts, want 1 (no retry loop)", n)
	}
	// The user reconnects: a new grant lands in the store; Reset picks it up.
	at, rt, in := e.fake.Mint("app", "accounting.invoices")
	e.store.next.Save(context.Background(), &oauth2.Token{AccessToken: at, RefreshToken: rt,
		Expiry: e.clk.Now().Add(time.Duration(in) * time.Second), ExpiresIn: int64(in)})
	if _, err := src.Token(); apperr.CodeOf(err) != apperr.Reconnect {
		t.Fatalf("before Reset: err = %v, want the sticky Reconnect", err)
	}
	src.Reset()
	if tok, err := src.Token(); err != nil || tok.AccessToken != at {
		t.Fatalf("after Reset: %v, %v", tok, err)
	}
}

func TestTokenSourceTransientFailures(t *testing.T) {
	tests := []struct {
		name       string
		setup      func(e *env)
		advance    time.Duration // from issue (30-minute tokens)
		wantCode   apperr.Code   // "" = the current token is served
		wantBefore int           // refreshes at the server before the retry
	}{
		{"server error, token still valid: served", func(e *env) { e.fake.FailNext(1) }, 29 * time.Minute, "", 0},
		{"server error, token expired", func(e *env) { e.fake.FailNext(1) }, 31 * time.Minute, apperr.Unavailable, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, fakeauth.Options{})
			src := e.source(nil)
			old := e.stored(t)
			e.clk.Advance(tt.advance)
			tt.setup(e)
			for i := range 3 { // the backoff keeps these off the token endpoint
				tok, err := src.Token()
				if apperr.CodeOf(err) != tt.wantCode && !(tt.wantCode == "" && err == nil) {
					t.Fatalf("call %d: err = %v, want %q", i, err, tt.wantCode)
				}
				if tt.wantCode == "" && tok.AccessToken != old.AccessToken {
					t.Fatalf("call %d: want the current token while the refresh fails", i)
				}
				if c := e.fake.Counts(); c.Refreshes != tt.wantBefore {
					t.Fatalf("call %d: %d refreshes reached the server, want %d", i, c.Refreshes, tt.wantBefore)
				}
			}
			e.clk.Advance(10 * time.Second)
			tok, err := src.Token()
			if err != nil {
				t.Fatalf("after the backoff: %v; refusals %v", err, e.fake.Refusals())
			}
			if tok.AccessToken == old.AccessToken || e.stored(t).AccessToken != tok.AccessToken {
				t.Fatal("want a new token, held in the store")
			}
			if n := e.fake.Counts().Refreshes; n != 1 {
				t.Fatalf("%d refreshes at the server in all, want 1", n)
			}
			checkToken(t, e.fake, tok)
		})
	}
}

// A refreshed set that cannot be saved is not handed out; it is kept and
// saved on the next call, without spending its refresh token again.
func TestTokenSourceSaveFailure(t *testing.T) {
	e := newEnv(t, fakeauth.Options{})
	src := e.source(nil)
	old := e.stored(t)
	e.clk.Advance(29 * time.Minute)
	e.store.failSave = 1
	if _, err := src.Token(); apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("err = %v, want Unavailable", err)
	}
	if e.stored(t).AccessToken != old.AccessToken {
		t.Fatal("store changed although the save failed")
	}
	tok, err := src.Token()
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken == old.AccessToken || e.stored(t).AccessToken != tok.AccessToken || e.fake.Counts().Refreshes != 1 {
		t.Fatalf("want the refreshed set saved and served after one refresh; refreshes %d", e.fake.Counts().Refreshes)
	}
}

// Exact Online: 10-minute tokens, no token request within 570 s of the
// last one.
func TestTokenSourceMinRefreshInterval(t *testing.T) {
	exact := fakeauth.Options{AccessLifetime: 600 * time.Second, MinRefreshInterval: 570 * time.Second}
	t.Run("served until the interval has passed", func(t *testing.T) {
		e := newEnv(t, exact)
		src := e.source(func(c *oauth.TokenSourceConfig) { c.MinRefreshInterval = 570 * time.Second })
		first, _ := src.Token()
		e.clk.Advance(500 * time.Second) // inside the 2-min margin, before 570 s
		if tok, err := src.Token(); err != nil || tok.AccessToken != first.AccessToken {
			t.Fatalf("at 500 s: %v, %v; want the current token", tok, err)
		}
		loads := e.store.Loads()
		for range 10 {
			e.clk.Advance(time.Second)
			if _, err := src.Token(); err != nil {
				t.Fatal(err)
			}
		}
		if n := e.fake.Counts().Refreshes; n != 0 {
			t.Fatalf("%d refreshes before 570 s", n)
		}
		if e.store.Loads() != loads {
			t.Fatal("the held token was re-read from the keychain on every call")
		}
		e.clk.Advance(61 * time.Second)
		if tok, err := src.Token(); err != nil || tok.AccessToken == first.AccessToken {
			t.Fatalf("at 571 s: %v, %v; want a refreshed token", tok, err)
		}
		if c := e.fake.Counts(); c.Refreshes != 1 || c.Refused != 0 {
			t.Fatalf("counts %+v, want one accepted refresh", c)
		}
	})
	t.Run("without the option the provider refuses; not final", func(t *testing.T) {
		e := newEnv(t, exact)
		src := e.source(nil)
		old := e.stored(t)
		e.clk.Advance(500 * time.Second)
		if tok, err := src.Token(); err != nil || tok.AccessToken != old.AccessToken {
			t.Fatalf("refused refresh: %v, %v; want the still valid token", tok, err)
		}
		if c := e.fake.Counts(); c.Refreshes != 1 || c.Refused != 1 {
			t.Fatalf("counts %+v, want one refused refresh", c)
		}
		e.clk.Advance(71 * time.Second)
		if _, err := src.Token(); err != nil {
			t.Fatalf("after 570 s: %v", err)
		}
	})
}

func TestTokenSourceMissingToken(t *testing.T) {
	src := oauth.NewTokenSource(oauth.TokenSourceConfig{
		Provider: oauth.Xero("app", "", nil),
		Store:    oauth.NewSecretsStore(secrets.NewMemory(), profileID, secrets.XeroToken),
	})
	_, err := src.Token()
	if !errors.Is(err, secrets.ErrNotFound) || apperr.CodeOf(err) != apperr.Reconnect {
		t.Fatalf("err = %v, want Reconnect wrapping secrets.ErrNotFound", err)
	}
}

func TestTokenSourceWaitIsCancellable(t *testing.T) {
	e := newEnv(t, fakeauth.Options{})
	block := make(chan struct{})
	src := e.source(nil)
	e.clk.Advance(29 * time.Minute)
	e.store.next = &blockingStore{TokenStore: e.store.next, block: block}
	go src.Token() // holds the source while its Load blocks
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := src.TokenContext(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's deadline", err)
	}
	close(block)
}

type blockingStore struct {
	oauth.TokenStore
	block chan struct{}
}

func (b *blockingStore) Load(ctx context.Context) (*oauth2.Token, error) {
	<-b.block
	return b.TokenStore.Load(ctx)
}
