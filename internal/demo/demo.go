// Package demo is the embedded demo: the Autotask, Xero and Exact Online
// simulators running on loopback inside the app, with their state in the
// data folder, and two demo profiles connected to them the way a user's
// profile is connected to the real services: a US MSP's month to Xero, and
// a smaller month of a second MSP (its own Autotask) to an Exact division.
// Everything the app does works against it offline.
package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/sim/generate"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// ProfileName is the demo profile's name.
const ProfileName = "Demo MSP → Xero (simulated)"

// Org is the demo's Xero organisation: books in US dollars like the demo
// Autotask, with the tax rates of the demo customers' regions set up, and
// their currencies enabled except the yen — so the preview shows what
// "currency not enabled" looks like, with its fix.
var Org = xerosim.Org{TenantID: "9d7e3c1a-5b2f-4e8d-a6c4-1f0b2e3d4c5a", Name: "Demo MSP Inc", CountryCode: "US", BaseCurrency: "USD",
	Currencies: []string{"EUR", "GBP", "AUD", "CAD"},
	TaxRates: []xerosim.OrgTaxRate{
		{Name: "New York City Sales Tax", Rate: "8.8750"}, {Name: "Los Angeles Sales Tax", Rate: "9.5000"},
		{Name: "California Sales Tax", Rate: "7.2500"}, {Name: "Texas State Sales Tax", Rate: "6.2500"},
		{Name: "UK VAT 20%", Rate: "20.0000"}, {Name: "UK VAT 5%", Rate: "5.0000"},
		{Name: "NL BTW 21%", Rate: "21.0000"}, {Name: "NL BTW 9%", Rate: "9.0000"},
		{Name: "DE MwSt 19%", Rate: "19.0000"}, {Name: "DE MwSt 7%", Rate: "7.0000"},
		{Name: "AU GST 10%", Rate: "10.0000"}, {Name: "ON HST 13%", Rate: "13.0000"}, {Name: "JP Consumption Tax 8%", Rate: "8.0000"},
	}}

// Options size the demo month the first time it is generated.
type Options struct {
	Seed     int64
	Invoices int
	// ExactSeed and ExactInvoices size the Exact demo's month; default
	// ExactSeed and ExactInvoices.
	ExactSeed     int64
	ExactInvoices int
	Logger        *slog.Logger
}

// Sims are the running simulators.
type Sims struct {
	Autotask *autotasksim.Server
	Xero     *xerosim.Server
	// The Exact demo's own Autotask database and Exact Online.
	ExactAutotask *autotasksim.Server
	Exact         *exactsim.Server
}

// Close stops the simulators; their state stays in the data folder.
func (s *Sims) Close() error {
	return errors.Join(s.Autotask.Close(), s.Xero.Close(), s.ExactAutotask.Close(), s.Exact.Close())
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
	if opts.ExactSeed == 0 {
		opts.ExactSeed = ExactSeed
	}
	if opts.ExactInvoices == 0 {
		opts.ExactInvoices = ExactInvoices
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
	eat, exs, err := startExact(root, opts)
	if err != nil {
		at.Close()
		xs.Close()
		return nil, err
	}
	return &Sims{Autotask: at, Xero: xs, ExactAutotask: eat, Exact: exs}, nil
}

// Endpoints are where the demo's simulators listen: in this process
// (Sims.Endpoints) or standalone (`billbridge sim autotask|xero`).
type Endpoints struct {
	AutotaskLookupURL string   // the Autotask simulator's zone lookup address
	XeroURL           string   // the Xero simulator's base address
	XeroTenants       []string // the organisations to grant on its consent page
}

// Endpoints of the running simulators.
func (s *Sims) Endpoints() Endpoints {
	return Endpoints{AutotaskLookupURL: s.Autotask.ZoneLookupURL(), XeroURL: s.Xero.URL(), XeroTenants: tenantIDs(s.Xero)}
}

// EnsureProfile creates the demo profile, or points the existing one at the
// simulators' current addresses, and connects it to both: Autotask
// credentials in the keychain, and a Xero sign-in allowed on the
// simulator's consent page the way a user's browser does it.
func EnsureProfile(ctx context.Context, deps connect.Deps, ep Endpoints) (store.Profile, error) {
	p, err := findOrCreateNamed(ctx, deps.Store, ProfileName, ep.AutotaskLookupURL, ep.XeroURL)
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
	// A consent that never comes back must not hang the demo.
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	conns, err := connect.ConnectXero(cctx, deps, p, func(authURL string) error {
		go allow(authURL, ep.XeroTenants, deps.Logger)
		return nil
	})
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: connect the Xero simulator: %w", err)
	}
	return connect.ChooseXeroOrganisation(ctx, deps, p, conns[0])
}

// findOrCreateNamed finds the demo profile called name, or creates it, with
// the simulators' current addresses.
func findOrCreateNamed(ctx context.Context, st *store.Store, name, lookup, ledger string) (store.Profile, error) {
	empty := ""
	user := autotasksim.DemoCredential.UserName
	ps, err := st.Profiles(ctx)
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: %w", err)
	}
	for _, p := range ps {
		if p.IsDemo && p.Name == name {
			// The simulators listen on new ports each time: forget the old
			// zone so it is looked up again.
			return st.UpdateProfile(ctx, p.ID, store.ProfileUpdate{
				AutotaskLookupURL: &lookup, LedgerEndpoint: &ledger, AutotaskZoneURL: &empty, AutotaskUsername: &user,
			})
		}
	}
	p := store.Profile{Name: name, IsDemo: true, AutotaskUsername: user, AutotaskLookupURL: lookup, LedgerEndpoint: ledger}
	if err := st.CreateProfile(ctx, &p); err != nil {
		return store.Profile{}, fmt.Errorf("demo: create the demo profile: %w", err)
	}
	return p, nil
}

// allow is the demo's browser: it submits the simulator's consent page with
// the given organisations ticked and follows the redirect back to
// Billbridge's loopback listener.
func allow(authURL string, tenants []string, logger *slog.Logger) {
	if len(tenants) == 0 {
		// A standalone simulator: tick whatever organisations its page offers.
		tenants = offeredTenants(authURL)
	}
	form := url.Values{"request": {queryOf(authURL)}, "decision": {"allow"}, "tenant": tenants}
	resp, err := http.PostForm(authURL, form)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("consent page answered %s", resp.Status)
		}
	}
	if err != nil && logger != nil {
		logger.Error("demo: allow the Xero sign-in", "err", err)
	}
}

var tenantBox = regexp.MustCompile(`name="tenant" value="([^"]+)"`)

// offeredTenants reads the organisations the consent page offers.
func offeredTenants(authURL string) []string {
	resp, err := http.Get(authURL)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	page, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil
	}
	var ids []string
	for _, m := range tenantBox.FindAllSubmatch(page, -1) {
		ids = append(ids, string(m[1]))
	}
	return ids
}

func queryOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.RawQuery
}

func tenantIDs(xs *xerosim.Server) []string {
	var ids []string
	for _, o := range xs.Orgs() {
		ids = append(ids, o.TenantID)
	}
	return ids
}

// Bookkeeper is a Xero client with the bookkeeper's own access (payments
// included), for playing the other side of the demo: recording what
// customers paid. Billbridge's own sign-in only reads payments.
func (s *Sims) Bookkeeper() *xero.Client {
	access, _ := s.Xero.IssueToken(xerosim.DemoClient.ClientID, []string{Org.TenantID},
		[]string{"accounting.invoices", "accounting.payments", "accounting.contacts", "accounting.settings"})
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
	return xero.NewClient(s.Xero.APIBaseURL(), hc, Org.TenantID)
}
