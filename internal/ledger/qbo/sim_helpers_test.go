package qbo_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

var (
	companyUS = qbosim.Company{RealmID: "9341452519127101", Name: "Acme MSP Inc", Country: "US", HomeCurrency: "USD"}
	companyGB = qbosim.Company{RealmID: "9341452519127102", Name: "Acme MSP Ltd", Country: "GB", HomeCurrency: "GBP", MultiCurrency: true}
)

// simEnv is a running simulator and a client wired as the app wires it:
// oauth2 bearer transport over the httpx transport (retry, limits, counter).
type simEnv struct {
	srv     *qbosim.Server
	client  *qbo.Client
	counter *httpx.Counter

	mu      sync.Mutex
	sleeps  []time.Duration
	onSleep func() // called at each backoff, e.g. to clear injected faults
}

func (e *simEnv) slept() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Duration(nil), e.sleeps...)
}

// startSim starts a simulator for companyUS and companyGB with opts and a
// client for company. httpx does not rate-limit here (the simulator's own
// limits are what the tests exercise), and backoff sleeps are recorded, not
// waited.
func startSim(tb testing.TB, opts qbosim.Options, company qbosim.Company) *simEnv {
	tb.Helper()
	if opts.Companies == nil {
		opts.Companies = []qbosim.Company{companyUS, companyGB}
	}
	srv, err := qbosim.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { srv.Close() })
	access, _ := srv.IssueToken(qbosim.DemoApp.ClientID, company.RealmID)

	e := &simEnv{srv: srv, counter: httpx.NewCounter()}
	hopts := qbo.HTTPOptions()
	hopts.RatePerSecond = 0
	hopts.Counter = e.counter
	hopts.Jitter = func(d time.Duration) time.Duration { return d }
	hopts.Sleep = func(ctx context.Context, d time.Duration) error {
		e.mu.Lock()
		e.sleeps = append(e.sleeps, d)
		hook := e.onSleep
		e.mu.Unlock()
		if hook != nil {
			hook()
		}
		return ctx.Err()
	}
	httpClient := &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base:   httpx.NewTransport(hopts),
	}}
	e.client = qbo.NewClient(srv.APIBaseURL(), httpClient, company.RealmID,
		qbo.WithCompanyName(company.Name), qbo.WithBatchLimit(0))
	tb.Cleanup(func() {
		if len(srv.Requests()) == 0 {
			tb.Errorf("the simulator logged no requests")
		}
	})
	return e
}

// setup is what a company needs before invoices: a customer and the ids of
// the seeded service item and income account.
type setup struct {
	customer qbo.Customer
	item     qbo.Item
	income   qbo.Account
}

func prepare(tb testing.TB, e *simEnv, customerName string) setup {
	tb.Helper()
	ctx := context.Background()
	var s setup
	items, err := qbo.Query[qbo.Item](ctx, e.client, "Item", "Name = ?", "Services")
	if err != nil || len(items) != 1 {
		tb.Fatalf("seeded item: %+v %v", items, err)
	}
	s.item = items[0]
	accts, err := qbo.Query[qbo.Account](ctx, e.client, "Account", "AccountType = ?", qbo.AccountIncome)
	if err != nil || len(accts) == 0 {
		tb.Fatalf("income accounts: %+v %v", accts, err)
	}
	s.income = accts[0]
	s.customer, err = qbo.Create(ctx, e.client, qbo.Customer{DisplayName: customerName, CompanyName: customerName}, "customer/"+customerName)
	if err != nil {
		tb.Fatalf("create customer: %v", err)
	}
	return s
}
