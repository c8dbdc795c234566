package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
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

// runSync is `billbridge sync --profile NAME [--dry-run] [--thru YYYY-MM-DD] [--max-age-days N]`.
func runSync(ctx context.Context, args []string, env *Env) error {
	return runSyncWith(ctx, args, env, defaultSyncDeps(env))
}

func runSyncWith(ctx context.Context, args []string, env *Env, deps syncDeps) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	profile := fs.String("profile", "", "profile `name`")
	dry := fs.Bool("dry-run", false, "preview only: send nothing")
	thru := fs.String("thru", "", "last invoice date, `YYYY-MM-DD` (default today)")
	maxAge := fs.Int("max-age-days", 45, "oldest invoice, in days before --thru")
	ledgerNumbers := fs.Bool("ledger-numbers", false, "the ledger numbers invoices; write its number back to Autotask")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageErr("sync: %v", err)
	}
	if *profile == "" || fs.NArg() > 0 || *maxAge < 0 {
		return usageErr("sync: --profile NAME is required (and --max-age-days must not be negative)")
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
	p, err := profileByName(ctx, st, *profile)
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
	status := ledger.StatusApproved
	if settings.InvoiceDraft {
		status = ledger.StatusDraft
	}
	eng := &syncer.Engine{Store: st, Autotask: at, Ledger: lg, ProfileID: p.ID, Log: env.Logger}
	opts := syncer.Options{Window: syncer.Window{Thru: end, MaxAgeDays: *maxAge}, LedgerNumbering: *ledgerNumbers,
		Status: status, CreateItems: true, AdjustmentCap: money.MustParse("0.05")}
	var sum syncer.Summary
	if *dry {
		sum, err = eng.Preview(ctx, opts)
	} else {
		sum, err = eng.Sync(ctx, opts)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s (run %d)\n", sum, sum.RunID)
	if sum.Failed > 0 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%d invoices were refused by the ledger", sum.Failed),
			"Open the run log in the app (or the run's lines) for each invoice's reason.")
	}
	return nil
}

func profileByName(ctx context.Context, st *store.Store, name string) (store.Profile, error) {
	ps, err := st.Profiles(ctx)
	if err != nil {
		return store.Profile{}, err
	}
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p, nil
		}
	}
	return store.Profile{}, apperr.New(apperr.NotFound, fmt.Sprintf("There is no profile named %q", name), "Check the name in the app's Profiles list.")
}
