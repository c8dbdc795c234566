package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// LedgerOpener opens a profile's ledger connection.
type LedgerOpener func(ctx context.Context, st *store.Store, p store.Profile) (ledger.Ledger, error)

// AutotaskOpener opens a profile's Autotask client.
type AutotaskOpener func(ctx context.Context, st *store.Store, p store.Profile) (*autotask.Client, error)

// syncDeps are the openers runSync uses; tests inject their own.
type syncDeps struct {
	openLedger   LedgerOpener
	openAutotask AutotaskOpener
	now          func() time.Time
}

func defaultSyncDeps(env *Env) syncDeps {
	return syncDeps{
		openLedger: func(ctx context.Context, st *store.Store, p store.Profile) (ledger.Ledger, error) {
			return connect.Ledger(ctx, env.connectDeps(st), p)
		},
		openAutotask: func(ctx context.Context, st *store.Store, p store.Profile) (*autotask.Client, error) {
			return connect.Autotask(ctx, env.connectDeps(st), p)
		},
		now: time.Now,
	}
}

// runSync is `billbridge sync --profile NAME [--dry-run] [--thru YYYY-MM-DD] [--max-age-days N] [--ledger-numbers]`,
// or, for a manual copy of one invoice, `billbridge sync --profile NAME --invoice ID [--overwrite]`.
func runSync(ctx context.Context, args []string, env *Env) error {
	return runSyncWith(ctx, args, env, defaultSyncDeps(env))
}

func runSyncWith(ctx context.Context, args []string, env *Env, deps syncDeps) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	profile := fs.String("profile", "", "profile `name`")
	dry := fs.Bool("dry-run", false, "preview only: send nothing")
	thru := fs.String("thru", "", "last invoice date, `YYYY-MM-DD` (default today)")
	maxAge := fs.Int("max-age-days", 0, "oldest invoice, in days before --thru (default: the Settings value, 45 unless changed)")
	ledgerNumbers := fs.Bool("ledger-numbers", false, "the ledger numbers invoices; write its number back to Autotask (default: the Settings value)")
	invoice := fs.Int64("invoice", 0, "copy only the Autotask invoice with this `id`, synced or not")
	overwrite := fs.Bool("overwrite", false, "with --invoice: replace the ledger's document (void it and create a new one)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageErr("sync: %v", err)
	}
	if *profile == "" || fs.NArg() > 0 || *maxAge < 0 {
		return usageErr("sync: --profile NAME is required (and --max-age-days must not be negative)")
	}
	if *invoice < 0 || (*overwrite && *invoice == 0) || (*invoice != 0 && *dry) {
		return usageErr("sync: --overwrite goes with --invoice ID (a positive Autotask invoice id), and --invoice cannot be a dry run")
	}
	end := deps.now().UTC()
	if *thru != "" {
		t, err := time.Parse(time.DateOnly, *thru)
		if err != nil {
			return usageErr("sync: --thru %q is not a date like 2024-05-31", *thru)
		}
		end = t
	}
	st, err := store.Open(ctx, env.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := profileNamed(ctx, st, *profile)
	if err != nil {
		return err
	}
	at, err := deps.openAutotask(ctx, st, p)
	if err != nil {
		return err
	}
	lg, err := deps.openLedger(ctx, st, p)
	if err != nil {
		return err
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	// Flags given on the command line win; the rest come from Settings, as
	// in the app.
	choices := runner.Choices{Thru: end}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "max-age-days":
			choices.MaxAgeDays = maxAge
		case "ledger-numbers":
			choices.LedgerNumbering = ledgerNumbers
		}
	})
	opts, err := runner.Options(settings, choices, deps.now())
	if err != nil {
		return err
	}
	eng := &syncer.Engine{Store: st, Autotask: at, Ledger: lg, ProfileID: p.ID, Log: env.Logger}
	orgs, err := st.Organisations(ctx, p.ID)
	if err != nil {
		return err
	}
	if len(orgs) > 1 {
		// Several organisations: one engine over all of them, so each invoice
		// goes to exactly one ledger and every organisation's journal counts.
		if *invoice != 0 {
			return apperr.New(apperr.Invalid, fmt.Sprintf("Profile %q sends to %d organisations; copying one invoice is done from the app", p.Name, len(orgs)),
				"Run billbridge sync without --invoice, or use Sync → copy one invoice in the app.")
		}
		m := &syncer.MultiEngine{Store: st, Autotask: at, ProfileID: p.ID, Log: env.Logger,
			Open: func(ctx context.Context, o store.Organisation) (ledger.Ledger, error) {
				return deps.openLedger(ctx, st, o.ApplyTo(p))
			}}
		var sum syncer.MultiSummary
		if *dry {
			sum, err = m.Preview(ctx, opts)
		} else {
			sum, err = m.Sync(ctx, opts)
		}
		if err != nil {
			return err
		}
		return reportSync(env, sum.Summary)
	}
	if *invoice != 0 {
		res, err := eng.CopyOne(ctx, opts, *invoice, *overwrite)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "copy: %s: %s (run %d)\n", res.Outcome, res.Message, res.RunID)
		return res.Err()
	}
	var sum syncer.Summary
	if *dry {
		sum, err = eng.Preview(ctx, opts)
	} else {
		sum, err = eng.Sync(ctx, opts)
	}
	if err != nil {
		return err
	}
	return reportSync(env, sum)
}

// reportSync prints a run's summary; refused invoices make it fail.
func reportSync(env *Env, sum syncer.Summary) error {
	fmt.Fprintf(env.Stdout, "%s (run %d)\n", sum, sum.RunID)
	if sum.Failed > 0 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%d invoices were refused by the ledger", sum.Failed),
			"Open the run log in the app (or the run's lines) for each invoice's reason.")
	}
	return nil
}
