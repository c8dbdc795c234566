// Package demo is the embedded demo: the Autotask and Xero simulators running
// on loopback inside the app, with their state in the data folder, and a demo
// profile connected to both the way a user's profile is connected to the real
// services. Everything the app does works against it offline.
package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// ProfileName is the demo profile's name.
const ProfileName = "Demo MSP → Xero (simulated)"

// Org is the demo's Xero organisation: books in US dollars like the demo
// Autotask, with the customers' currencies enabled except the yen, so the
// preview shows what "currency not enabled" looks like.
var Org = xerosim.Org{TenantID: "9d7e3c1a-5b2f-4e8d-a6c4-1f0b2e3d4c5a", Name: "Demo MSP Inc", CountryCode: "US", BaseCurrency: "USD",
	Currencies: []string{"EUR", "GBP", "AUD", "CAD"}}

// Options size the demo month the first time it is generated.
type Options struct {
	Seed     int64
	Invoices int
	Logger   *slog.Logger
}

// Sims are the running simulators.
type Sims struct {
	Autotask *autotasksim.Server
	Xero     *xerosim.Server
}

// Close stops both simulators; their state stays in the data folder.
func (s *Sims) Close() error {
	return errors.Join(s.Autotask.Close(), s.Xero.Close())
}

// Start runs the simulators on loopback with their state under dir/demo,
// generating the demo month on first use.
func Start(dir string, opts Options) (*Sims, error) {
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Invoices == 0 {
		opts.Invoices = 120
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	root := filepath.Join(dir, "demo")
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fmt.Errorf("demo: create %s: %w", root, err)
	}
	atFile := filepath.Join(root, "autotask.json")
	if _, err := os.Stat(atFile); errors.Is(err, os.ErrNotExist) {
		if err := generate.Month(generate.Options{Seed: opts.Seed, Invoices: opts.Invoices}).Save(atFile); err != nil {
			return nil, fmt.Errorf("demo: create the demo month: %w", err)
		}
	}
	at, err := autotasksim.New(autotasksim.Options{DataFile: atFile, Logger: opts.Logger})
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		return nil, fmt.Errorf("demo: start the Autotask simulator: %w", err)
	}
	xs, err := xerosim.New(xerosim.Options{DataFile: filepath.Join(root, "xero.json"), Orgs: []xerosim.Org{Org}, Logger: opts.Logger})
	if err == nil {
		err = xs.Start("127.0.0.1:0")
	}
	if err != nil {
		at.Close()
		return nil, fmt.Errorf("demo: start the Xero simulator: %w", err)
	}
	return &Sims{Autotask: at, Xero: xs}, nil
}

// EnsureProfile creates the demo profile, or points the existing one at the
// simulators' current addresses, and connects it to both: Autotask
// credentials in the keychain, and a Xero sign-in approved on the
// simulator's consent page as a user would in the browser.
func EnsureProfile(ctx context.Context, deps connect.Deps, sims *Sims) (store.Profile, error) {
	p, err := findOrCreate(ctx, deps.Store, sims)
	if err != nil {
		return store.Profile{}, err
	}
	cred := autotasksim.DemoCredential
	for name, value := range map[string]string{
		secrets.AutotaskSecret:          cred.Secret,
		secrets.AutotaskIntegrationCode: cred.IntegrationCode,
		secrets.XeroClientID:            xerosim.DemoClient.ClientID,
	} {
		if err := deps.Secrets.Set(p.ID, name, value); err != nil {
			return store.Profile{}, fmt.Errorf("demo: keep demo credentials: %w", err)
		}
	}
	conns, err := connect.ConnectXero(ctx, deps, p, func(authURL string) error {
		go approve(sims.Xero, authURL, deps.Logger)
		return nil
	})
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: connect the Xero simulator: %w", err)
	}
	return connect.ChooseXeroOrganisation(ctx, deps, p, conns[0])
}

func findOrCreate(ctx context.Context, st *store.Store, sims *Sims) (store.Profile, error) {
	lookup, ledger, empty := sims.Autotask.ZoneLookupURL(), sims.Xero.URL(), ""
	user := autotasksim.DemoCredential.UserName
	ps, err := st.Profiles(ctx)
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: %w", err)
	}
	for _, p := range ps {
		if p.IsDemo && p.Name == ProfileName {
			// The simulators listen on new ports each time: forget the old
			// zone so it is looked up again.
			return st.UpdateProfile(ctx, p.ID, store.ProfileUpdate{
				AutotaskLookupURL: &lookup, LedgerEndpoint: &ledger, AutotaskZoneURL: &empty, AutotaskUsername: &user,
			})
		}
	}
	p := store.Profile{Name: ProfileName, IsDemo: true, AutotaskUsername: user, AutotaskLookupURL: lookup, LedgerEndpoint: ledger}
	if err := st.CreateProfile(ctx, &p); err != nil {
		return store.Profile{}, fmt.Errorf("demo: create the demo profile: %w", err)
	}
	return p, nil
}

// approve is the demo's browser: it consents on the simulator's page for
// every demo organisation and follows the redirect back to Billbridge.
func approve(xs *xerosim.Server, authURL string, logger *slog.Logger) {
	to, err := xs.Approve(authURL, tenantIDs(xs))
	if err == nil {
		var resp *http.Response
		if resp, err = http.Get(to); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	if err != nil && logger != nil {
		logger.Error("demo: approve the Xero sign-in", "err", err)
	}
}

func tenantIDs(xs *xerosim.Server) []string {
	var ids []string
	for _, o := range xs.Orgs() {
		ids = append(ids, o.TenantID)
	}
	return ids
}
