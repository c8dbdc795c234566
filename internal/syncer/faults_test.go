package syncer_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// accessTTL is the simulated Xero's access-token lifetime in this test:
// with the source refreshing 1 s before expiry, a token is renewed every
// ~0.5 s, many times during one run, and some calls reach Xero with a
// token that expired on the way.
const accessTTL = 1500 * time.Millisecond

// maxFaultRuns bounds the runs the faults test allows for one month.
const maxFaultRuns = 40

// TestFaultsOnBothSidesAndTokenExpiryNoDuplicates runs the month with 10 %
// of requests failing on both simulators (a 429 burst at the start of each
// run, 5xx answers, and connections dropped after the work was done) and
// the Xero access token expiring all through the run. Runs stopped by a
// fault are run again, as the scheduler would; in the end every planned
// invoice is in Xero exactly once and marked in Autotask.
func TestFaultsOnBothSidesAndTokenExpiryNoDuplicates(t *testing.T) {
	if testing.Short() {
		t.Skip("a 150-invoice month under faults")
	}
	ctx := context.Background()
	e := newEnv(t, 150) // for its store and mappings of the month
	// The same month on simulators that fail.
	at, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 7, Invoices: 150}), HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	org := orgUS
	org.Currencies = []string{"EUR", "GBP", "AUD", "CAD"} // more of the month is ready to send
	xs, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{org}, MinuteLimit: 100000, DayLimit: 100000, AccessTokenTTL: accessTTL})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })

	atCalls, xCalls := httpx.NewCounter(), httpx.NewCounter()
	atHTTP := httpx.NewClient(httpx.Options{Name: "autotask", Counter: atCalls, MaxRetries: 4, Sleep: noSleep})
	ac, err := autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(), HTTP: atHTTP}, autotask.Credentials{
		UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	xc := rotatingXero(ctx, t, xs, xCalls)

	eng := *e.engine
	eng.Autotask, eng.Ledger = ac, xero.NewAdapter(xc, "USD")
	pre, err := eng.Preview(ctx, e.opts) // before the faults: what a clean run would send
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]int{}
	for _, p := range pre.Plan.Invoices {
		for _, pr := range p.Problems {
			why[pr.Code]++
		}
	}
	t.Logf("%s; blocked by %v", pre, why)
	faults := func(seed int64) {
		at.SetFaults(autotasksim.Faults{Status429Burst: 2, ErrorRate: 0.05, Status5xx: 503, ResetRate: 0.05, Seed: seed})
		xs.SetFaults(xerosim.Faults{Status429Burst: 2, ErrorRate: 0.05, Status5xx: 503, ResetRate: 0.05, Latency: 40 * time.Millisecond, Seed: seed})
	}
	sent, runs, completed := 0, 0, false
	// Autotask's write-back PATCHes are not retried (httpx cannot know that
	// setting a field is safe to repeat) and a failed one stops the run, so
	// at 10 % faults a month takes several runs; each resumes where the
	// last stopped.
	for seed := int64(1); seed <= maxFaultRuns && !completed; seed++ {
		faults(seed)
		runs++
		sum, err := eng.Sync(ctx, e.opts)
		sent += sum.Sent
		if err != nil {
			t.Logf("run %d stopped after %d sent, %d written back: %.120s", runs, sum.Sent, sum.WrittenBack, err)
			continue
		}
		t.Logf("run %d completed: %s", runs, sum)
		completed = sum.Failed == 0
	}
	if !completed {
		t.Fatalf("no run completed cleanly in %d runs under 10 %% faults", runs)
	}
	at.SetFaults(autotasksim.Faults{})
	xs.SetFaults(xerosim.Faults{})
	refreshes, expired := 0, 0
	for _, r := range xs.Requests() {
		switch {
		case r.Path == "/identity/connect/token" && r.Status == http.StatusOK:
			refreshes++
		case r.Status == http.StatusUnauthorized:
			expired++
		}
	}
	t.Logf("%d runs; API calls under faults: Autotask %d, Xero %d; %d token refreshes, %d calls refused as unauthorised",
		runs, atCalls.Total(), xCalls.Total(), refreshes, expired)
	if refreshes < 3 {
		t.Errorf("the access token was refreshed %d times; the test means it to expire all through the runs", refreshes)
	}

	inXero := docsByRef(ctx, t, xc)
	want := 0
	for _, p := range pre.Plan.Invoices {
		if p.Blocked() || p.Doc.OurRef == "" {
			continue
		}
		want++
		if inXero[p.Doc.OurRef] != 1 {
			t.Errorf("%s is in Xero %d times, want exactly once", p.Doc.OurRef, inXero[p.Doc.OurRef])
		}
	}
	if len(inXero) != want || sent != want {
		t.Errorf("Xero holds %d documents and the runs sent %d; %d were planned", len(inXero), sent, want)
	}
	rows, err := eng.Store.Journal(ctx, eng.ProfileID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.State != store.JournalWrittenBack {
			t.Errorf("journal: invoice %d left %q", r.AutotaskInvoiceID, r.State)
		}
	}
	marked := 0
	for _, r := range at.Dataset()["Invoices"] {
		if r["webServiceDate"] != nil {
			marked++
		}
	}
	if marked < want {
		t.Errorf("%d Autotask invoices marked, %d sent", marked, want)
	}
}

// rotatingXero is a Xero client on the app's token source: stored tokens,
// refreshed before expiry with Xero's rotating refresh tokens.
func rotatingXero(ctx context.Context, t *testing.T, xs *xerosim.Server, counter *httpx.Counter) *xero.Client {
	t.Helper()
	access, refresh := xs.IssueToken(xerosim.DemoClient.ClientID, []string{orgUS.TenantID},
		[]string{"offline_access", "accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.payments"})
	tokens := oauth.NewSecretsStore(secrets.NewMemory(), 1, secrets.XeroToken)
	if err := tokens.Save(ctx, &oauth2.Token{AccessToken: access, RefreshToken: refresh, TokenType: "Bearer", Expiry: time.Now().Add(accessTTL)}); err != nil {
		t.Fatal(err)
	}
	prov := oauth.Xero(xerosim.DemoClient.ClientID, "", nil)
	prov.TokenURL = xs.TokenURL()
	ts := oauth.NewTokenSource(oauth.TokenSourceConfig{Provider: prov, Store: tokens, Margin: time.Second,
		RetryBackoff: 50 * time.Millisecond, HTTPClient: &http.Client{Timeout: 5 * time.Second}})
	base := httpx.NewTransport(httpx.Options{Name: "xero", MaxConcurrent: xero.ConcurrentLimit, Counter: counter, MaxRetries: 4, Sleep: noSleep})
	return xero.NewClient(xs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{Source: ts, Base: base}}, orgUS.TenantID)
}

// docsByRef counts the live documents in Xero per our reference.
func docsByRef(ctx context.Context, t *testing.T, xc *xero.Client) map[string]int {
	t.Helper()
	out := map[string]int{}
	invs, err := xc.Invoices(ctx, xero.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range invs {
		if inv.Status != xero.StatusDeleted && inv.Status != xero.StatusVoided {
			out[refOf(inv.Reference)]++
		}
	}
	notes, err := xc.CreditNotes(ctx, xero.CreditNoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		if n.Status != xero.StatusDeleted && n.Status != xero.StatusVoided {
			out[refOf(n.Reference)]++
		}
	}
	return out
}
