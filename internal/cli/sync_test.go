package cli

// An internal test: runSyncWith's openers are how a test reaches the
// simulators without a keychain or a browser sign-in.

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// syncOrg books in US dollars with the demo customers' tax rates, so the
// accepted suggestions map most of the month.
var syncOrg = demo.Org

// syncWorld is a data folder with a mapped profile "Acme" and the openers
// that connect it to running simulators.
type syncWorld struct {
	dir      string
	deps     syncDeps
	refusing bool // the ledger refuses every document
}

func newSyncWorld(t *testing.T) *syncWorld {
	t.Helper()
	ctx := context.Background()
	at, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 5, Invoices: 12}), HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	xs, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{syncOrg}, MinuteLimit: 100000, DayLimit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })
	access, _ := xs.IssueToken(xerosim.DemoClient.ClientID, []string{syncOrg.TenantID},
		[]string{"accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.payments"})

	w := &syncWorld{dir: t.TempDir()}
	openAT := func(ctx context.Context, _ *store.Store, _ store.Profile) (*autotask.Client, error) {
		c := autotasksim.DemoCredential
		return autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL()},
			autotask.Credentials{UserName: c.UserName, Secret: c.Secret, IntegrationCode: c.IntegrationCode})
	}
	openLedger := func(context.Context, *store.Store, store.Profile) (ledger.Ledger, error) {
		hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
		var lg ledger.Ledger = xero.NewAdapter(xero.NewClient(xs.APIBaseURL(), hc, syncOrg.TenantID), "USD")
		if w.refusing {
			lg = refusingLedger{lg}
		}
		return lg, nil
	}
	w.deps = syncDeps{openAutotask: openAT, openLedger: openLedger, now: func() time.Time { return time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC) }}

	st, err := store.Open(ctx, w.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := store.Profile{Name: "Acme", LedgerKind: store.LedgerXero, LedgerTenantID: syncOrg.TenantID}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	// Approved, not the default draft: Overwrite voids approved documents.
	draft := false
	if _, err := st.UpdateSettings(ctx, store.SettingsUpdate{InvoiceDraft: &draft}); err != nil {
		t.Fatal(err)
	}
	ac, _ := openAT(ctx, st, p)
	lg, _ := openLedger(ctx, st, p)
	if _, _, err := acceptSuggestions(ctx, st, p.ID, ac, lg, ""); err != nil {
		t.Fatal(err)
	}
	return w
}

// refusingLedger is a ledger that refuses every document it is sent.
type refusingLedger struct{ ledger.Ledger }

func (r refusingLedger) CreateDocuments(_ context.Context, docs []ledger.Document, _ string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(docs))
	for i := range out {
		out[i].Err = errors.New("Account code '200' is not a valid code for this document")
	}
	return out, nil
}

// run runs `billbridge sync ARGS` as Run would: the error through report.
func (w *syncWorld) run(t *testing.T, deps syncDeps, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, DataDir: w.dir, Logger: slog.New(slog.DiscardHandler)}
	err := runSyncWith(context.Background(), args, env, deps)
	return report(err, *env), out.String(), errOut.String()
}

func TestRunSyncWithSummaryAndExitCodes(t *testing.T) {
	w := newSyncWorld(t)
	month := []string{"--profile", "acme", "--thru", "2024-05-31", "--max-age-days", "60"}
	failing := func(err error) syncDeps {
		d := w.deps
		d.openLedger = func(context.Context, *store.Store, store.Profile) (ledger.Ledger, error) { return nil, err }
		return d
	}
	reauth := w.deps
	reauth.openAutotask = func(context.Context, *store.Store, store.Profile) (*autotask.Client, error) {
		return nil, apperr.New(apperr.Reconnect, "Autotask refused the API user", "Enter the API user's secret again in Connections.")
	}
	summary := `^(preview|sync): \d+ ready, \d+ sent, \d+ failed, \d+ blocked, \d+ skipped, \d+ voided, \d+ written back, \d+ marked paid \(run \d+\)\n$`
	tests := []struct {
		name     string
		deps     syncDeps
		args     []string
		code     int
		stdout   string // a regexp
		inStderr string
	}{
		{"no profile", w.deps, []string{"--dry-run"}, ExitUsage, "^$", "--profile NAME is required"},
		{"bad date", w.deps, []string{"--profile", "Acme", "--thru", "31/05/2024"}, ExitUsage, "^$", `--thru "31/05/2024" is not a date`},
		{"overwrite alone", w.deps, []string{"--profile", "Acme", "--overwrite"}, ExitUsage, "^$", "--overwrite goes with --invoice"},
		{"unknown profile", w.deps, []string{"--profile", "Nope"}, ExitFailure, "^$", `There is no profile named "Nope"`},
		{"autotask refused", reauth, month, ExitReauth, "^$", "what to do: Enter the API user's secret again"},
		{"ledger down", failing(apperr.New(apperr.Unavailable, "Xero is not answering", "Try again in a few minutes.")), month, ExitRetry, "^$", "Xero is not answering"},
		{"preview", w.deps, append([]string{"--dry-run"}, month...), ExitOK, summary, ""},
		{"preview says what is ready", w.deps, append([]string{"--dry-run"}, month...), ExitOK, `^preview: [1-9]\d* ready, 0 sent, 0 failed`, ""},
		{"sync", w.deps, month, ExitOK, `^sync: 0 ready, [1-9]\d* sent, 0 failed, \d+ blocked, \d+ skipped, 0 voided, [1-9]\d* written back`, ""},
		{"second sync sends nothing", w.deps, month, ExitOK, `^sync: 0 ready, 0 sent, 0 failed, \d+ blocked, \d+ skipped, 0 voided, 0 written back`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := w.run(t, tt.deps, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout %q\nstderr %q", code, tt.code, out, errOut)
			}
			if !regexp.MustCompile(tt.stdout).MatchString(out) || !strings.Contains(errOut, tt.inStderr) {
				t.Fatalf("stdout %q (want /%s/), stderr %q (want %q)", out, tt.stdout, errOut, tt.inStderr)
			}
		})
	}
}

// The default --thru is today, from the injected clock: June 3rd with 2
// days back reaches none of May's invoices.
func TestRunSyncWithDefaultThruIsToday(t *testing.T) {
	w := newSyncWorld(t)
	code, out, errOut := w.run(t, w.deps, "--profile", "Acme", "--dry-run", "--max-age-days", "2")
	if code != ExitOK || !strings.HasPrefix(out, "preview: 0 ready, 0 sent") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestRunSyncWithRefusedInvoicesExitsFailure(t *testing.T) {
	w := newSyncWorld(t)
	w.refusing = true
	code, out, errOut := w.run(t, w.deps, "--profile", "Acme", "--thru", "2024-05-31", "--max-age-days", "60")
	if code != ExitFailure {
		t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, ExitFailure, out, errOut)
	}
	if !regexp.MustCompile(`^sync: 0 ready, 0 sent, [1-9]\d* failed`).MatchString(out) ||
		!regexp.MustCompile(`billbridge: [1-9]\d* invoices were refused by the ledger\n  what to do: Open the run log`).MatchString(errOut) {
		t.Fatalf("stdout %q, stderr %q", out, errOut)
	}
}

func TestRunSyncWithCopiesOneInvoice(t *testing.T) {
	w := newSyncWorld(t)
	ctx := context.Background()
	st, err := store.Open(ctx, w.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := profileNamed(ctx, st, "Acme")
	if err != nil {
		t.Fatal(err)
	}
	ac, _ := w.deps.openAutotask(ctx, st, p)
	lg, _ := w.deps.openLedger(ctx, st, p)
	eng := &syncer.Engine{Store: st, Autotask: ac, Ledger: lg, ProfileID: p.ID}
	pre, err := eng.Preview(ctx, syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 60},
		CreateItems: true, AdjustmentCap: money.MustParse("0.05")})
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, pl := range pre.Plan.Invoices {
		if !pl.Blocked() && pl.Action == syncer.ActionSend && pl.Doc.Kind == ledger.KindInvoice && pl.InvoiceNumber != "" {
			id = strconv.FormatInt(pl.InvoiceID, 10)
			break
		}
	}
	if id == "" {
		t.Fatalf("no invoice is ready: %s", pre)
	}
	steps := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"--invoice", id}, ExitOK, `^copy: created: Invoice \S+ created in the ledger as \S+\. \(run \d+\)\n$`},
		{[]string{"--invoice", id}, ExitOK, `^copy: exists: Invoice \S+ is already in the ledger as \S+; it was not created again\. To replace it, copy it with Overwrite`},
		{[]string{"--invoice", id, "--overwrite"}, ExitOK, `^copy: replaced: Invoice \S+ replaced: the old ledger document was voided and \S+-R2 created\. \(run \d+\)\n$`},
		{[]string{"--invoice", "999999999"}, ExitFailure, `^$`},
		{[]string{"--invoice", id, "--dry-run"}, ExitUsage, `^$`},
	}
	for i, s := range steps {
		code, out, errOut := w.run(t, w.deps, append([]string{"--profile", "Acme"}, s.args...)...)
		if code != s.code || !regexp.MustCompile(s.out).MatchString(out) {
			t.Fatalf("step %d %v: exit %d (want %d), stdout %q (want /%s/), stderr %q", i+1, s.args, code, s.code, out, s.out, errOut)
		}
	}
}
