// Package connect opens a profile's connections to the outside world: it
// reads the profile from the store and its secrets from the keychain, and
// builds the API clients on the shared HTTP layer (internal/httpx). The app,
// the CLI and the sync engine all open connections here, so a profile works
// the same way in the window and in a scheduled run.
package connect

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"golang.org/x/time/rate"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// Deps are what opening a connection needs.
type Deps struct {
	Store   *store.Store
	Secrets secrets.Store
	Logger  *slog.Logger
	// Counter, when set, counts every API call (benchmarks, run summaries).
	Counter *httpx.Counter
	// LockDir holds the lock files that keep the window and the CLI from
	// refreshing the same OAuth token at once (the data folder).
	LockDir string
}

func (d Deps) logger() *slog.Logger {
	if d.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Logger
}

// Autotask's documented limit is 10,000 requests an hour per database, shared
// by every integration of the tenant, and 3 at once per entity. A month end
// takes a few hundred calls (reads are batched; write-back is one call per
// invoice), so 10 a second keeps a run short and far from the hourly budget;
// the client slows further as ThresholdInformation reports use
// (autotask.Client.Threshold).
const (
	autotaskRate  = 10
	autotaskBurst = 10
)

// AutotaskCredentials reads the profile's Autotask credentials: the user name
// from the profile, the secret and the integration code from the keychain.
func AutotaskCredentials(deps Deps, p store.Profile) (autotask.Credentials, error) {
	if p.AutotaskUsername == "" {
		return autotask.Credentials{}, apperr.New(apperr.Reconnect,
			fmt.Sprintf("Profile %q has no Autotask API user", p.Name),
			"Enter the Autotask API user, its secret and the integration code in Connections.")
	}
	secret, err := deps.Secrets.Get(p.ID, secrets.AutotaskSecret)
	if err != nil {
		return autotask.Credentials{}, missingSecret(p, "secret", err)
	}
	code, err := deps.Secrets.Get(p.ID, secrets.AutotaskIntegrationCode)
	if err != nil {
		return autotask.Credentials{}, missingSecret(p, "integration code", err)
	}
	c := autotask.Credentials{UserName: p.AutotaskUsername, Secret: secret, IntegrationCode: code}
	if p.AutotaskImpersonationResourceID != nil {
		c.ImpersonationResourceID = *p.AutotaskImpersonationResourceID
	}
	return c, nil
}

func missingSecret(p store.Profile, what string, err error) error {
	if errors.Is(err, secrets.ErrNotFound) {
		return apperr.Wrap(err, apperr.Reconnect,
			fmt.Sprintf("The Autotask %s of profile %q is not in the keychain", what, p.Name),
			"Enter the Autotask credentials again in Connections.")
	}
	return fmt.Errorf("connect: read autotask %s: %w", what, err)
}

// Autotask returns a client for the profile's Autotask database. The first
// time it looks up the API user's zone and keeps it on the profile, so later
// runs skip the lookup.
func Autotask(ctx context.Context, deps Deps, p store.Profile) (*autotask.Client, error) {
	creds, err := AutotaskCredentials(deps, p)
	if err != nil {
		return nil, err
	}
	logger := deps.logger()
	limiter := rate.NewLimiter(autotaskRate, autotaskBurst)
	cfg := autotask.Config{
		ZoneLookupURL: p.AutotaskLookupURL,
		HTTP: httpx.NewClient(httpx.Options{
			Name:     "autotask",
			Limiter:  limiter,
			MaxDelay: 30 * time.Second,
			Logger:   logger,
			Counter:  deps.Counter,
		}),
		Logger:  logger,
		Limiter: limiter,
	}
	if p.AutotaskZoneURL != "" {
		return autotask.New(p.AutotaskZoneURL, cfg, creds), nil
	}
	c, err := autotask.Connect(ctx, cfg, creds)
	if err != nil {
		return nil, err
	}
	zone := c.ZoneURL()
	if _, err := deps.Store.UpdateProfile(ctx, p.ID, store.ProfileUpdate{AutotaskZoneURL: &zone}); err != nil {
		return nil, fmt.Errorf("connect: remember autotask zone: %w", err)
	}
	return c, nil
}
