package exact_test

import (
	"net/http"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

const simDivision = 3112840

// simEnv is a running simulator and a client wired as the app wires it: an
// oauth2 bearer transport over the httpx transport (retries, counter).
type simEnv struct {
	srv     *exactsim.Server
	client  *exact.Client
	counter *httpx.Counter
	http    *http.Client
}

// startSim starts a simulator with opts (the demo divisions unless set) and
// a client for simDivision. Access tokens outlive the test even when the
// simulator's time runs faster.
func startSim(tb testing.TB, opts exactsim.Options, clientOpts ...exact.Option) *simEnv {
	tb.Helper()
	if opts.AccessTokenTTL == 0 {
		opts.AccessTokenTTL = 10000 * time.Hour
	}
	srv, err := exactsim.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { srv.Close() })
	access, _ := srv.IssueToken(exactsim.DemoApp.ClientID)
	e := &simEnv{srv: srv, counter: httpx.NewCounter()}
	hc := &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base:   httpx.NewTransport(httpx.Options{Name: "exact", Counter: e.counter}),
	}}
	e.http = hc
	e.client = exact.NewClient(srv.APIBaseURL(), hc, simDivision, clientOpts...)
	return e
}

// statuses counts the simulator's answers by status.
func (e *simEnv) statuses() map[int]int {
	out := map[int]int{}
	for _, r := range e.srv.Requests() {
		out[r.Status]++
	}
	return out
}
