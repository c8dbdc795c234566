package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/billbridge/billbridge/internal/accounts"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
)

// runAccounts is `billbridge accounts --profile NAME [--direction to-ledger|to-autotask|both]
// [--owner-resource ID] [--dry-run]`: Autotask companies ⇄ Exact accounts.
// --direction and --owner-resource are stored on the profile for later runs.
func runAccounts(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("accounts", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	profile := fs.String("profile", "", "profile `name`")
	direction := fs.String("direction", "", "to-ledger (Autotask → Exact), to-autotask (Exact → Autotask) or both; stored on the profile")
	owner := fs.Int64("owner-resource", -1, "Autotask resource `id` that owns companies created in Autotask (0: the API user); stored on the profile")
	dry := fs.Bool("dry-run", false, "show what would happen: change nothing")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageErr("accounts: %v", err)
	}
	if *profile == "" || fs.NArg() > 0 {
		return usageErr("accounts: --profile NAME is required")
	}
	switch *direction {
	case "", store.AccountsToLedger, store.AccountsToAutotask, store.AccountsBoth:
	default:
		return usageErr("accounts: --direction is to-ledger, to-autotask or both, not %q", *direction)
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
	settings, err := st.AccountSettingsOf(ctx, p.ID)
	if err != nil {
		return err
	}
	ownerID := settings.OwnerResourceID
	if *owner >= 0 {
		ownerID = *owner
	}
	r, counter, err := runner.Accounts(ctx, env.connectDeps(st), p, ownerID)
	if err != nil {
		return err
	}
	if !*dry && (*direction != "" || *owner >= 0) {
		if *direction != "" {
			settings.Direction = *direction
		}
		settings.OwnerResourceID = ownerID
		if err := st.SaveAccountSettings(ctx, p.ID, settings); err != nil {
			return err
		}
	}
	res, err := r.Run(ctx, accounts.Options{Direction: *direction, DryRun: *dry})
	for _, l := range res.Lines {
		fmt.Fprintf(env.Stdout, "%-16s %-8s %s: %s\n", l.Action, l.Status, l.Name, l.Message)
		if l.Fix != "" && l.Status != "done" {
			fmt.Fprintf(env.Stdout, "%27s what to do: %s\n", "", l.Fix)
		}
	}
	if err != nil {
		return err
	}
	if *dry {
		fmt.Fprintf(env.Stdout, "%s (dry run: nothing changed)\n", res)
	} else {
		fmt.Fprintf(env.Stdout, "%s (run %d, %d API calls)\n", res, res.RunID, counter.Total())
	}
	if res.Failed > 0 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%d account changes were refused", res.Failed),
			"Each refused change is listed above with what to do; fix them and run the accounts sync again.")
	}
	return nil
}
