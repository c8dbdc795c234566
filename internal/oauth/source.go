package oauth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
)

// TokenSourceConfig configures NewTokenSource.
type TokenSourceConfig struct {
	Provider   Provider     // TokenURL, client id/secret and Name are used
	Store      TokenStore   // where the token set lives
	HTTPClient *http.Client // nil = http.DefaultClient; must not retry POSTs

	// Margin is how long before expiry a token is refreshed; default 2 min.
	Margin time.Duration
	// MinRefreshInterval is the least time between two token requests
	// (Exact Online: 570 s). Until it has passed, a still valid token is
	// served even inside Margin.
	MinRefreshInterval time.Duration
	// RefreshTimeout bounds one token request; default 30 s. The request
	// is not cancelled with the caller's context: an answer lost halfway
	// may carry the only copy of a rotated refresh token.
	RefreshTimeout time.Duration
	// RetryBackoff is how long after a failed refresh (network, server,
	// throttling) the next attempt waits; default 10 s. Meanwhile a still
	// valid token is served, and an expired one gives the same error.
	RetryBackoff time.Duration

	// LockDir holds the lock file that keeps two processes (the desktop
	// app and the CLI) from refreshing the same token set at once; ""
	// means this process is the only user. LockName names the file
	// (default: derived from the provider's name); give each token set its
	// own, e.g. "profile-3-xero.lock".
	LockDir, LockName string

	Org    string       // organisation name for messages; may be empty
	Logger *slog.Logger // nil = discard
	Now    func() time.Time
}

// TokenSource serves a stored token set, refreshing it when due. It is
// safe for concurrent use and implements oauth2.TokenSource.
type TokenSource struct {
	cfg TokenSourceConfig
	log *slog.Logger
	now func() time.Time

	sem         chan struct{} // a mutex that waiters can give up on
	cur         *oauth2.Token // last token read or obtained
	unsaved     *oauth2.Token // obtained but not yet in the store
	failed      error         // a refused grant; sticky until Reset
	lastRequest time.Time     // our last token request
	holdUntil   time.Time     // do not ask for a token before then (MinRefreshInterval, backoff)
	lastErr     error         // why, when it was a failed refresh
}

// NewTokenSource returns a TokenSource over cfg.Store.
func NewTokenSource(cfg TokenSourceConfig) *TokenSource {
	if cfg.Margin <= 0 {
		cfg.Margin = 2 * time.Minute
	}
	if cfg.RefreshTimeout <= 0 {
		cfg.RefreshTimeout = 30 * time.Second
	}
	if cfg.RetryBackoff <= 0 {
		cfg.RetryBackoff = 10 * time.Second
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = http.DefaultClient
	}
	if cfg.LockName == "" {
		cfg.LockName = lockName(cfg.Provider.Name)
	}
	s := &TokenSource{cfg: cfg, log: cfg.Logger, now: cfg.Now, sem: make(chan struct{}, 1)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

func lockName(provider string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(provider) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		b.WriteString("token")
	}
	return b.String() + ".lock"
}

// Token implements oauth2.TokenSource.
func (s *TokenSource) Token() (*oauth2.Token, error) {
	return s.TokenContext(context.Background())
}

// TokenContext returns a token valid for at least Margin (or, within
// MinRefreshInterval, one still valid), refreshing it if due. Concurrent
// callers wait for one refresh and share its result.
func (s *TokenSource) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("oauth: %s: wait for token: %w", s.cfg.Provider.Name, ctx.Err())
	}
	defer func() { <-s.sem }()

	if s.failed != nil {
		return nil, s.failed
	}
	if s.unsaved != nil {
		if err := s.save(ctx, s.unsaved); err != nil {
			return nil, err
		}
		s.unsaved = nil
	}
	if s.cur == nil {
		tok, err := s.cfg.Store.Load(ctx)
		if err != nil {
			return nil, fmt.Errorf("oauth: %s: %w", s.cfg.Provider.Name, err)
		}
		s.cur = tok
	}
	now := s.now()
	switch held := now.Before(s.holdUntil); {
	case s.fresh(s.cur, now), held && now.Before(s.cur.Expiry):
		return clone(s.cur), nil
	case held && s.lastErr != nil:
		return nil, s.lastErr
	}
	tok, err := s.refreshShared(ctx)
	if err != nil {
		return nil, err
	}
	return clone(tok), nil
}

// Reset forgets a failed grant and the cached token, so the next call
// reads the store again: after the user reconnected, or when the API
// refused an access token this source thought valid (another process may
// have replaced it).
func (s *TokenSource) Reset() {
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	s.failed, s.holdUntil, s.lastErr = nil, time.Time{}, nil
	if s.unsaved == nil { // an unsaved set holds the only live refresh token: keep it
		s.cur = nil
	}
}

func clone(t *oauth2.Token) *oauth2.Token { c := *t; return &c }

func (s *TokenSource) fresh(t *oauth2.Token, now time.Time) bool {
	return t.AccessToken != "" && (t.Expiry.IsZero() || now.Before(t.Expiry.Add(-s.cfg.Margin)))
}

// refreshShared refreshes under the cross-process lock, after reading the
// store again: another process may have refreshed while we waited.
func (s *TokenSource) refreshShared(ctx context.Context) (*oauth2.Token, error) {
	name := s.cfg.Provider.Name
	if s.cfg.LockDir != "" {
		lk, err := acquireFileLock(ctx, s.cfg.LockDir, s.cfg.LockName)
		if err != nil {
			return nil, fmt.Errorf("oauth: %s: refresh: %w", name, err)
		}
		defer func() {
			if err := lk.release(); err != nil {
				s.log.Warn("oauth: release token lock", "provider", name, "err", err)
			}
		}()
	}
	tok, err := s.cfg.Store.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("oauth: %s: reload before refresh: %w", name, err)
	}
	s.cur = tok
	now := s.now()
	if s.fresh(tok, now) {
		s.log.Debug("oauth: token already refreshed by another process", "provider", name, "expiry", tok.Expiry)
		return tok, nil
	}
	if tok.RefreshToken == "" {
		s.failed = s.reconnect(fmt.Errorf("oauth: %s: no refresh token stored", name))
		return nil, s.failed
	}
	if wait := s.tooEarly(tok, now); wait > 0 {
		if now.Before(tok.Expiry) {
			// Still valid, and the provider would refuse a refresh now.
			s.holdUntil, s.lastErr = now.Add(wait), nil
			return tok, nil
		}
		return nil, apperr.New(apperr.RateLimited,
			fmt.Sprintf("%s does not allow renewing the sign-in yet", name),
			fmt.Sprintf("Try again in %d seconds.", int(wait.Seconds())+1))
	}

	newTok, err := s.refresh(ctx, tok.RefreshToken)
	s.lastRequest = now
	if err != nil {
		err = s.classify(err)
		s.log.Warn("oauth: token refresh failed", "provider", name, "code", apperr.CodeOf(err), "err", err)
		if apperr.CodeOf(err) == apperr.Reconnect {
			s.failed = err
			return nil, err
		}
		// It may pass; until the backoff is over, serve the current token
		// while it lasts (Margin is a preference, not a need).
		s.holdUntil, s.lastErr = now.Add(s.cfg.RetryBackoff), err
		if now.Before(tok.Expiry) {
			return tok, nil
		}
		return nil, err
	}
	s.holdUntil, s.lastErr = time.Time{}, nil
	if newTok.RefreshToken == "" {
		newTok.RefreshToken = tok.RefreshToken // the provider did not rotate it
	}
	if newTok.ExpiresIn > 0 {
		// Count from when we asked, on our clock, so the expiry errs early.
		newTok.Expiry = now.Add(time.Duration(newTok.ExpiresIn) * time.Second)
	}
	// Save before anyone uses it: the old refresh token is dead now.
	s.cur = newTok
	if err := s.save(ctx, newTok); err != nil {
		s.unsaved = newTok
		return nil, err
	}
	s.log.Info("oauth: token refreshed", "provider", name, "expiry", newTok.Expiry,
		"rotated", newTok.RefreshToken != tok.RefreshToken)
	return newTok, nil
}

// tooEarly returns how long until MinRefreshInterval has passed since the
// last token request, ours or (from the stored token's issue time) any
// process's.
func (s *TokenSource) tooEarly(t *oauth2.Token, now time.Time) time.Duration {
	if s.cfg.MinRefreshInterval <= 0 {
		return 0
	}
	last := s.lastRequest
	if t.ExpiresIn > 0 && !t.Expiry.IsZero() {
		if issued := t.Expiry.Add(-time.Duration(t.ExpiresIn) * time.Second); issued.After(last) {
			last = issued
		}
	}
	if last.IsZero() {
		return 0
	}
	return last.Add(s.cfg.MinRefreshInterval).Sub(now)
}

func (s *TokenSource) refresh(ctx context.Context, refreshToken string) (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.RefreshTimeout)
	defer cancel()
	ctx = context.WithValue(ctx, oauth2.HTTPClient, s.cfg.HTTPClient)
	// A fresh oauth2 refresher each time: it holds no state we rely on.
	return s.cfg.Provider.config("").TokenSource(ctx, &oauth2.Token{RefreshToken: refreshToken}).Token()
}

func (s *TokenSource) save(ctx context.Context, tok *oauth2.Token) error {
	if err := s.cfg.Store.Save(context.WithoutCancel(ctx), tok); err != nil {
		return apperr.Wrap(fmt.Errorf("oauth: %s: save refreshed token: %w", s.cfg.Provider.Name, err),
			apperr.Unavailable,
			fmt.Sprintf("Billbridge could not save the renewed %s sign-in to the keychain", s.cfg.Provider.Name),
			"Make sure the keychain is unlocked; Billbridge will try again on the next request.")
	}
	return nil
}

// classify sorts a failed refresh: a refused grant or client means only a
// new consent helps (and asking again would count against the provider's
// error limits); a throttle or a server or network failure may pass.
func (s *TokenSource) classify(err error) error {
	name := s.cfg.Provider.Name
	wrapped := fmt.Errorf("oauth: %s: refresh: %w", name, err)
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return apperr.Wrap(wrapped, apperr.Unavailable,
			fmt.Sprintf("%s could not be reached to renew the sign-in", name),
			"Check your internet connection; Billbridge will try again.")
	}
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	switch {
	case status == http.StatusTooManyRequests ||
		re.ErrorCode == "access_denied" && strings.Contains(strings.ToLower(re.ErrorDescription), "rate limit"):
		return apperr.Wrap(wrapped, apperr.RateLimited,
			fmt.Sprintf("%s asked Billbridge to wait before renewing the sign-in", name),
			"Wait a few minutes; Billbridge will try again.")
	case status >= 500:
		return apperr.Wrap(wrapped, apperr.Unavailable,
			fmt.Sprintf("%s had a problem renewing the sign-in", name),
			"Billbridge will try again; if it keeps failing, check the provider's status page.")
	case re.ErrorCode == "invalid_client":
		return apperr.Wrap(wrapped, apperr.Reconnect,
			fmt.Sprintf("%s refused Billbridge's client id or secret", name),
			fmt.Sprintf("Enter your %s app's client secret again in Connections, then reconnect.", name))
	default:
		return s.reconnect(wrapped)
	}
}

func (s *TokenSource) reconnect(cause error) error {
	name := s.cfg.Provider.Name
	msg := fmt.Sprintf("%s has disconnected Billbridge", name)
	if s.cfg.Org != "" {
		msg += " from " + s.cfg.Org
	}
	return apperr.Wrap(cause, apperr.Reconnect, msg, fmt.Sprintf("Reconnect %s in Connections.", name))
}
