package xero_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

var (
	orgGB = xerosim.Org{TenantID: "11111111-1111-4111-8111-111111111111", Name: "Acme IT Ltd", CountryCode: "GB", BaseCurrency: "GBP"}
	orgNZ = xerosim.Org{TenantID: "22222222-2222-4222-8222-222222222222", Name: "Kiwi IT Ltd", CountryCode: "NZ", BaseCurrency: "NZD"}
)

var allScopes = []string{"offline_access", "accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.payments"}

// simEnv is a running simulator and a client wired as the app wires it:
// oauth2 bearer transport over the httpx transport (retry, limits, counter).
type simEnv struct {
	srv     *xerosim.Server
	client  *xero.Client
	counter *httpx.Counter
	http    *http.Client

	mu     sync.Mutex
	sleeps []time.Duration
}

func (e *simEnv) slept() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Duration(nil), e.sleeps...)
}

// startSim starts a simulator for orgGB and orgNZ with opts, and a client
// for tenant holding a token granted for the tenants in granted. After the
// test it checks every body sent against Xero's OpenAPI spec.
func startSim(tb testing.TB, opts xerosim.Options, tenant string, granted ...string) *simEnv {
	tb.Helper()
	if opts.Orgs == nil {
		opts.Orgs = []xerosim.Org{orgGB, orgNZ}
	}
	srv, err := xerosim.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { srv.Close() })
	if len(granted) == 0 {
		granted = []string{tenant}
	}
	access, _ := srv.IssueToken(xerosim.DemoClient.ClientID, granted, allScopes)

	e := &simEnv{srv: srv, counter: httpx.NewCounter()}
	base := httpx.NewTransport(httpx.Options{
		Name: "xero", MaxConcurrent: xero.ConcurrentLimit, Counter: e.counter,
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			e.sleeps = append(e.sleeps, d)
			e.mu.Unlock()
			return ctx.Err()
		},
	})
	e.http = &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base:   base,
	}}
	e.client = xero.NewClient(srv.APIBaseURL(), e.http, tenant, xero.WithTenantName(orgName(tenant)))
	tb.Cleanup(func() {
		if len(srv.Requests()) == 0 {
			tb.Errorf("the simulator logged no requests")
		}
		for _, err := range xerosim.ValidateLog(srv.Requests()) {
			tb.Errorf("spec: %v", err)
		}
	})
	return e
}

func orgName(tenant string) string {
	for _, o := range []xerosim.Org{orgGB, orgNZ} {
		if o.TenantID == tenant {
			return o.Name
		}
	}
	return tenant
}
