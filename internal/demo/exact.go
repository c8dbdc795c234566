package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/sim/generate"
	"github.com/billbridge/billbridge/internal/store"
)

// ExactProfileName is the Exact demo profile's name. It sorts after
// ProfileName (profiles are listed by name), so screens that pick the
// first profile keep picking the Xero demo.
const ExactProfileName = "Demo NL MSP → Exact (simulated)"

// The Exact demo's month: its own MSP (its own Autotask database) and a
// small month, because Exact allows 60 calls a minute per division.
const (
	ExactInvoices = 40
	ExactSeed     = 2
)

// ExactTimeScale makes the embedded Exact simulator's minutes last a
// second, so its 60 calls a minute are enforced (with Exact's headers and
// 429s) without the demo waiting real minutes. Token lifetimes and the
// 570-second refresh rule are given in real time (see exactSimOptions):
// the app's token source keeps Exact's real rule.
const ExactTimeScale = 60

// ExactDivision is the demo's Exact administration: a Dutch B.V. booking in
// euros, with the invoicing module, and besides the Dutch VAT codes the
// rates of the demo month's foreign customers set up (as the Xero demo
// organisation has them), so most of the month maps and sends.
var ExactDivision = exactsim.Division{Code: 3112840, Description: "Demo MSP B.V.", Country: "NL", Currency: "EUR", InvoicingModule: true,
	VATCodes: []exactsim.VATCode{
		{Code: "10", Description: "UK VAT 20%", Percentage: "20"}, {Code: "11", Description: "UK VAT 5%", Percentage: "5"},
		{Code: "12", Description: "DE MwSt 19%", Percentage: "19"}, {Code: "13", Description: "DE MwSt 7%", Percentage: "7"},
		{Code: "14", Description: "GST/consumption tax 10%", Percentage: "10"}, {Code: "15", Description: "ON HST 13%", Percentage: "13"},
		{Code: "16", Description: "JP consumption tax 8%", Percentage: "8"}, {Code: "20", Description: "NYC sales tax 8.875%", Percentage: "8.875"},
		{Code: "21", Description: "Los Angeles sales tax 9.5%", Percentage: "9.5"}, {Code: "22", Description: "Texas sales tax 8.25%", Percentage: "8.25"},
	}}

// exactSimOptions are the embedded Exact simulator's: time-scaled limits,
// with token lifetimes multiplied back so they last as long as at Exact.
func exactSimOptions(dataFile string, opts Options) exactsim.Options {
	s := time.Duration(ExactTimeScale)
	return exactsim.Options{DataFile: dataFile, Divisions: []exactsim.Division{ExactDivision}, TimeScale: ExactTimeScale,
		AccessTokenTTL: 600 * time.Second * s, MinRefreshAge: connect.ExactMinRefreshInterval * s,
		RefreshTokenTTL: 30 * 24 * time.Hour * s, CodeTTL: 3 * time.Minute * s, Logger: opts.Logger}
}

// startExact runs the Exact demo's Autotask and Exact simulators with their
// state under root, generating its month on first use.
func startExact(root string, opts Options) (*autotasksim.Server, *exactsim.Server, error) {
	atFile := filepath.Join(root, "autotask-exact.json")
	if _, err := os.Stat(atFile); errors.Is(err, os.ErrNotExist) {
		if err := generate.Month(generate.Options{Seed: opts.ExactSeed, Invoices: opts.ExactInvoices}).Save(atFile); err != nil {
			return nil, nil, fmt.Errorf("demo: create the Exact demo month: %w", err)
		}
	}
	at, err := autotasksim.New(autotasksim.Options{DataFile: atFile, Logger: opts.Logger})
	if err == nil {
		err = at.Start("127.0.0.1:0")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("demo: start the Exact demo's Autotask simulator: %w", err)
	}
	xs, err := exactsim.New(exactSimOptions(filepath.Join(root, "exact.json"), opts))
	if err == nil {
		err = xs.Start("127.0.0.1:0")
	}
	if err != nil {
		at.Close()
		return nil, nil, fmt.Errorf("demo: start the Exact simulator: %w", err)
	}
	return at, xs, nil
}

// ExactEndpoints are where the Exact demo's simulators listen: in this
// process (Sims.ExactEndpoints) or standalone (`billbridge sim autotask|exact`).
type ExactEndpoints struct {
	AutotaskLookupURL string // the Exact demo's Autotask zone lookup address
	ExactURL          string // the Exact simulator's base address (its "country site")
	Division          int    // the division to choose; 0: ExactDivision when offered, else the user's current one
}

// ExactEndpoints of the running simulators.
func (s *Sims) ExactEndpoints() ExactEndpoints {
	return ExactEndpoints{AutotaskLookupURL: s.ExactAutotask.ZoneLookupURL(), ExactURL: s.Exact.URL(), Division: ExactDivision.Code}
}

// EnsureExactProfile creates the Exact demo profile, or points the existing
// one at the simulators' current addresses, and connects it the way a user
// does: Autotask credentials and the Exact app's keys in the keychain, an
// Exact sign-in allowed on the simulator's page with the address landed on
// pasted back (the sign-in that needs no listener), and the division chosen.
func EnsureExactProfile(ctx context.Context, deps connect.Deps, ep ExactEndpoints) (store.Profile, error) {
	site := strings.TrimSuffix(ep.ExactURL, "/")
	p, err := findOrCreateNamed(ctx, deps.Store, ExactProfileName, ep.AutotaskLookupURL, site)
	if err != nil {
		return store.Profile{}, err
	}
	cred := autotasksim.DemoCredential
	for name, value := range map[string]string{
		secrets.AutotaskSecret:          cred.Secret,
		secrets.AutotaskIntegrationCode: cred.IntegrationCode,
		secrets.ExactClientID:           exactsim.DemoApp.ClientID,
		secrets.ExactClientSecret:       exactsim.DemoApp.ClientSecret,
	} {
		if err := deps.Secrets.Set(p.ID, name, value); err != nil {
			return store.Profile{}, fmt.Errorf("demo: keep demo credentials: %w", err)
		}
	}
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	pending, err := connect.BeginExactPaste(deps, p, "nl", exactsim.DemoApp.RedirectURIs[0])
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: sign in to the Exact simulator: %w", err)
	}
	landed, err := allowExact(cctx, pending.AuthURL)
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: sign in to the Exact simulator: %w", err)
	}
	if p, err = connect.FinishExactPaste(cctx, deps, p, landed, pending); err != nil {
		return store.Profile{}, fmt.Errorf("demo: sign in to the Exact simulator: %w", err)
	}
	divs, err := connect.ExactDivisions(cctx, deps, p)
	if err != nil {
		return store.Profile{}, fmt.Errorf("demo: list the Exact divisions: %w", err)
	}
	return connect.ChooseExactDivision(ctx, deps, p, pickDivision(divs, ep.Division))
}

// pickDivision is the division code asked for, else the demo division,
// else the user's current one.
func pickDivision(divs []exact.Division, code int) exact.Division {
	for _, want := range []int{code, ExactDivision.Code} {
		for _, d := range divs {
			if d.Code == want {
				return d
			}
		}
	}
	for _, d := range divs {
		if d.Current {
			return d
		}
	}
	return divs[0]
}

// allowExact is the demo's browser on Exact's sign-in page: it allows
// access and returns the address Exact sends the browser to (the https
// relay page, which does not exist here, so it is not followed).
func allowExact(ctx context.Context, authURL string) (string, error) {
	u, err := url.Parse(authURL)
	if err != nil {
		return "", err
	}
	form := url.Values{"request": {u.RawQuery}, "decision": {"allow"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, authURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") == "" {
		return "", fmt.Errorf("the sign-in page answered %s: %s", resp.Status, strings.TrimSpace(string(body)))
	}
	return resp.Header.Get("Location"), nil
}
