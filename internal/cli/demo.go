package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// demoMonth is the month the demo generator bills (generate.Options' default).
var demoMonth = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)

// runDemo is the whole month end, headless, on simulated services:
//
//	billbridge demo [--ledger xero|exact|both] [--invoices N] [--seed N] [--paid N]
//	                [--autotask-url URL --xero-url URL | --autotask-url URL --exact-url URL]
//
// It starts the simulators (or uses standalone ones), connects the demo
// profile, accepts the mapping suggestions, previews, syncs, records a few
// customer payments in the simulated ledger, pulls them back onto Autotask,
// and (for Xero) exports the month as CSV. --data-dir keeps its state: run
// it again and nothing is sent twice; kill it and run it again and it
// resumes. --ledger exact syncs the Exact demo division instead (its own
// smaller month, see demo.ExactInvoices), both does both.
func runDemo(ctx context.Context, args []string, env *Env) error {
	fs := simFlags("demo", env)
	invoices := fs.Int("invoices", 500, "invoices in the generated Xero month (first run only)")
	seed := fs.Int64("seed", 1, "seed of the generated Xero month (first run only)")
	atURL := fs.String("autotask-url", "", "a running `billbridge sim autotask` (its base address); default: start one here")
	xeroURL := fs.String("xero-url", "", "a running `billbridge sim xero` (its base address); default: start one here")
	exactURL := fs.String("exact-url", "", "a running `billbridge sim exact` (its base address), with --autotask-url; default: start one here")
	which := fs.String("ledger", "", "xero, exact or both (default: xero, or exact when only --exact-url is given)")
	paid := fs.Int("paid", 10, "invoices the simulated customers pay in the ledger before payments are pulled back")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ledgers, err := demoLedgers(*which, *atURL, *xeroURL, *exactURL)
	if err != nil {
		return err
	}
	if env.DataDir == "" {
		return usageErr("demo needs a data folder (--data-dir)")
	}
	st, err := store.Open(ctx, env.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()

	var sims *demo.Sims
	if *atURL == "" {
		sims, err = demo.Start(env.DataDir, demo.Options{Seed: *seed, Invoices: *invoices, Logger: env.Logger})
		if err != nil {
			return err
		}
		defer sims.Close()
	}
	for _, l := range ledgers {
		if l == store.LedgerExact {
			ep := demo.ExactEndpoints{AutotaskLookupURL: strings.TrimSuffix(*atURL, "/") + "/atservicesrest/", ExactURL: *exactURL}
			if sims != nil {
				ep = sims.ExactEndpoints()
				fmt.Fprintf(env.Stdout, "Simulated Autotask at %s and Exact Online at %s for the Exact demo (state in %s)\n", sims.ExactAutotask.URL(), sims.Exact.URL(), filepath.Join(env.DataDir, "demo"))
			}
			err = demoExact(ctx, env, st, sims, ep, *paid)
		} else {
			ep := demo.Endpoints{AutotaskLookupURL: strings.TrimSuffix(*atURL, "/") + "/atservicesrest/", XeroURL: *xeroURL}
			if sims != nil {
				ep = sims.Endpoints()
				fmt.Fprintf(env.Stdout, "Simulated Autotask at %s and Xero at %s (state in %s)\n", sims.Autotask.URL(), sims.Xero.URL(), filepath.Join(env.DataDir, "demo"))
			}
			err = demoXero(ctx, env, st, sims, ep, *paid)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// demoLedgers reads --ledger and checks the standalone addresses match it.
func demoLedgers(which, atURL, xeroURL, exactURL string) ([]string, error) {
	if which == "" {
		which = "xero"
		if exactURL != "" && xeroURL == "" {
			which = "exact"
		}
	}
	var ledgers []string
	switch which {
	case "xero":
		ledgers = []string{store.LedgerXero}
	case "exact":
		ledgers = []string{store.LedgerExact}
	case "both":
		ledgers = []string{store.LedgerXero, store.LedgerExact}
	default:
		return nil, usageErr("demo: --ledger %q: use xero, exact or both", which)
	}
	standalone := atURL != ""
	for _, l := range ledgers {
		if l == store.LedgerXero && standalone != (xeroURL != "") {
			return nil, usageErr("demo: give both --autotask-url and --xero-url, or neither")
		}
		if l == store.LedgerExact && standalone != (exactURL != "") {
			return nil, usageErr("demo: give both --autotask-url and --exact-url, or neither")
		}
	}
	if !standalone && (xeroURL != "" || exactURL != "") {
		return nil, usageErr("demo: give --autotask-url with --xero-url or --exact-url, or none of them")
	}
	if (xeroURL != "" && len(ledgers) == 1 && ledgers[0] != store.LedgerXero) || (exactURL != "" && len(ledgers) == 1 && ledgers[0] != store.LedgerExact) {
		return nil, usageErr("demo: --xero-url goes with --ledger xero, --exact-url with --ledger exact")
	}
	return ledgers, nil
}

// demoXero is the month end on the Xero demo profile.
func demoXero(ctx context.Context, env *Env, st *store.Store, sims *demo.Sims, ep demo.Endpoints, paid int) error {
	// Separate counters, so the summary can say what each service was asked.
	deps, atDeps := env.connectDeps(st), env.connectDeps(st)
	deps.Counter, atDeps.Counter = httpx.NewCounter(), httpx.NewCounter()
	p, err := demo.EnsureProfile(ctx, deps, ep)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Profile %q: Autotask connected, Xero organisation %s\n", p.Name, p.LedgerTenantName)
	at, err := connect.Autotask(ctx, atDeps, p)
	if err != nil {
		return err
	}
	lg, err := connect.Ledger(ctx, deps, p)
	if err != nil {
		return err
	}

	eng, err := demoMonthEnd(ctx, env, st, p, at, lg)
	if err != nil {
		return err
	}

	if sims != nil {
		n, err := payInXero(ctx, sims, paid)
		if err != nil {
			return err
		}
		back := syncer.Summary{}
		if err := eng.PaymentsBack(ctx, &back); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Payments: %d invoices paid in Xero; %d Autotask invoices marked paid with their payment date\n", n, back.Paid)
	}

	out := filepath.Join(env.DataDir, "exports", "demo-"+demoMonth.Format("2006-01")+"-"+time.Now().UTC().Format("20060102-150405")+".csv")
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	svc := &export.Service{Store: st}
	res, err := svc.Export(ctx, export.Request{ProfileID: p.ID, Actor: "cli", Format: export.FormatCSV,
		Filter: export.Filter{From: demoMonth, To: demoMonth.AddDate(0, 1, -1), By: export.ByInvoiceDate}, Path: out}, export.AutotaskSource{Client: at})
	switch {
	case err == nil:
		fmt.Fprintf(env.Stdout, "Export: %d billing items to %s\n", res.Batch.RowCount, res.Batch.FilePath)
		// The same month as Xero's own import file, with the mappings the
		// sync just used, for an accountant who imports instead.
		m, _, err := runner.LedgerMap(ctx, deps, p, at, export.FormatXeroCSV)
		if err != nil {
			return err
		}
		xf := strings.TrimSuffix(out, ".csv") + "-xero-import.csv"
		xres, err := svc.Export(ctx, export.Request{ProfileID: p.ID, Actor: "cli", Format: export.FormatXeroCSV, Ledger: &m,
			Filter: export.Filter{From: demoMonth, To: demoMonth.AddDate(0, 1, -1), By: export.ByInvoiceDate, IncludeExported: true}, Path: xf}, export.AutotaskSource{Client: at})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Xero import file: %d documents to %s (%d invoices left out until fixed)\n", xres.Ledger.Documents, xres.Batch.FilePath, leftOutInvoices(xres.LeftOut))
	case isNothingToExport(err):
		fmt.Fprintln(env.Stdout, "Export: nothing new to export (every item of the month was exported by an earlier run)")
	default:
		return err
	}
	fmt.Fprintf(env.Stdout, "API calls: Autotask %d, Xero %d\n", atDeps.Counter.Total(), deps.Counter.Total())
	return nil
}

// acceptSuggestions reads both sides, stores every suggestion and accepts
// them, as "Accept all suggestions" does in the Mappings screen, and says how
// much is mapped.
func acceptSuggestions(ctx context.Context, st *store.Store, profileID int64, at *autotask.Client, lg ledger.Ledger, kind string) (int, string, error) {
	src, err := mapping.LoadSources(ctx, at, lg)
	if err != nil {
		return 0, "", err
	}
	rows, err := st.MappingRules(ctx, profileID)
	if err != nil {
		return 0, "", err
	}
	if err := st.SaveMappingRules(ctx, profileID, src.Suggestions(mapping.FromStore(rows, ""), kind)); err != nil {
		return 0, "", err
	}
	n, err := st.AcceptSuggestions(ctx, profileID, kind)
	if err != nil {
		return 0, "", err
	}
	if rows, err = st.MappingRules(ctx, profileID); err != nil {
		return 0, "", err
	}
	rules := mapping.FromStore(rows, "")
	codeIDs := make([]int64, 0, len(src.Codes))
	for _, c := range src.Codes {
		codeIDs = append(codeIDs, c.ID)
	}
	var keys []mapping.TaxKey
	for _, r := range src.Regions {
		for _, c := range src.Categories {
			keys = append(keys, mapping.TaxKey{Region: r.ID, Category: c.ID})
		}
	}
	var parts []string
	for _, c := range mapping.Coverages(rules, codeIDs, keys) {
		parts = append(parts, c.String())
	}
	return n, strings.Join(parts, ", "), nil
}

// isNothingToExport: every item in the range was exported by an earlier run.
func isNothingToExport(err error) bool {
	return apperr.CodeOf(err) == apperr.NotFound
}

// payInXero plays the bookkeeper: it records full payments for up to n
// unpaid invoices in the simulated Xero, dated each invoice's due date.
// Billbridge itself only reads payments (its Xero scopes say so), so this
// uses a bookkeeper's own token from the simulator.
func payInXero(ctx context.Context, sims *demo.Sims, n int) (int, error) {
	if n <= 0 {
		return 0, nil
	}
	c := sims.Bookkeeper()
	invs, err := c.Invoices(ctx, xero.InvoiceFilter{Statuses: []string{"AUTHORISED"}})
	if err != nil {
		return 0, err
	}
	var pays []xero.Payment
	for _, inv := range invs {
		if len(pays) == n {
			break
		}
		if inv.Type != "ACCREC" || inv.AmountDue.Sign() <= 0 {
			continue
		}
		pays = append(pays, xero.Payment{Invoice: &xero.Invoice{InvoiceID: inv.InvoiceID}, Account: &xero.Account{Code: "090"},
			Date: inv.DueDate, Amount: inv.AmountDue, Reference: "Demo customer payment"})
	}
	if len(pays) == 0 {
		return 0, nil
	}
	res, err := c.CreatePayments(ctx, pays, xero.IdempotencyKey("demo-payments", pays[0].Invoice.InvoiceID, fmt.Sprint(len(pays))))
	if err != nil {
		return 0, err
	}
	return len(res.Saved), nil
}

// leftOutInvoices counts the invoices a ledger file's problems left out.
func leftOutInvoices(ps []export.LedgerProblem) int {
	ids := map[int64]bool{}
	for _, p := range ps {
		ids[p.InvoiceID] = true
	}
	return len(ids)
}

// demoMonthEnd accepts every mapping suggestion, then previews and sends the
// demo month approved (not draft: the simulated customers pay some of these
// invoices), printing each step, and returns the engine for payments back.
func demoMonthEnd(ctx context.Context, env *Env, st *store.Store, p store.Profile, at *autotask.Client, lg ledger.Ledger) (*syncer.Engine, error) {
	accepted, cov, err := acceptSuggestions(ctx, st, p.ID, at, lg, "")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(env.Stdout, "Mappings: accepted %d suggestions; %s\n", accepted, cov)
	eng := &syncer.Engine{Store: st, Autotask: at, Ledger: lg, ProfileID: p.ID, Log: env.Logger}
	settings, err := st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	sixty, approved := 60, ledger.StatusApproved
	opts, err := runner.Options(settings, runner.Choices{Thru: demoMonth.AddDate(0, 1, -1), MaxAgeDays: &sixty, Status: &approved}, time.Now())
	if err != nil {
		return nil, err
	}
	pre, err := eng.Preview(ctx, opts)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(env.Stdout, pre)
	sum, err := eng.Sync(ctx, opts)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(env.Stdout, sum)
	return eng, nil
}
