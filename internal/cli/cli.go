// Package cli is Billbridge without a window: the commands the OS scheduler and
// power users run (`billbridge version`, `billbridge sim …`, later `sync` and
// `export`). It shares every internal service with the desktop app.
//
// Run is the one place that turns errors into messages and exit codes.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/version"
)

// Env is what a command may use: where to write, where the data lives and
// where the secrets are.
type Env struct {
	Stdin   io.Reader // secrets a command reads; nil means os.Stdin
	Stdout  io.Writer
	Stderr  io.Writer
	Logger  *slog.Logger
	DataDir string
	Secrets secrets.Store
}

// connectDeps opens connections the way the app does, with the OAuth lock
// files in the data folder so the app and the CLI never refresh at once.
func (e *Env) connectDeps(st *store.Store) connect.Deps {
	return connect.Deps{Store: st, Secrets: e.Secrets, Logger: e.Logger, LockDir: e.DataDir}
}

// Exit codes, stable for scripts and schedulers.
const (
	ExitOK       = 0
	ExitFailure  = 1 // the command ran and failed
	ExitUsage    = 2 // the command line was wrong
	ExitRetry    = 3 // a remote service was unavailable or rate limited: try later
	ExitReauth   = 4 // credentials were refused: reconnect in the app
	exitInternal = 70
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, env *Env) error
}

func commands() map[string]command {
	return map[string]command{
		"version": {"print the version", runVersion},
		"help":    {"show this help", nil},
		"sim":     {"run a simulated service: sim autotask|xero|qbo|exact --listen ADDR --data FILE", runSim},
		"demo":    {"the whole month end on simulated Autotask and Xero or Exact: demo [--ledger xero|exact|both] [--invoices N] [--autotask-url URL --xero-url URL | --exact-url URL]", runDemo},
		"profile": {"manage profiles: profile list|create NAME|autotask --profile P --user EMAIL|test --profile P|map --profile P|delete NAME", runProfile},
		"sync":    {"send Autotask invoices to the ledger: sync --profile NAME [--dry-run] [--thru YYYY-MM-DD] [--max-age-days N] [--ledger-numbers]", runSync},
		"export":  {"export billing items: export --profile NAME --format csv|xlsx|sage-xml|iif|sage50-csv|xero-csv|qbo-csv|sage50us-csv --from YYYY-MM-DD --to YYYY-MM-DD -o FILE", runExport},

		"accounts": {"Autotask companies ⇄ Exact accounts: accounts --profile NAME [--direction to-ledger|to-autotask|both] [--dry-run]", runAccounts},

		"purchases": {"purchases to the ledger: purchases --profile NAME --from YYYY-MM-DD --to YYYY-MM-DD [--kind bills|orders|expenses|inventory] [--dry-run] [--bill-date po-date|vendor-invoice-date|received-date|ship-date]", runPurchases},
	}
}

// errUsage marks a command-line mistake: exit code 2 and the usage text.
var errUsage = errors.New("usage")

// Run runs the command named by args[0] and returns the process exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Logger == nil {
		env.Logger = slog.New(slog.DiscardHandler)
	}
	if env.Secrets == nil {
		env.Secrets = secrets.NewKeyring("Billbridge")
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout, cmds)
		return ExitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "billbridge: unknown command %q\n\n", args[0])
		usage(env.Stderr, cmds)
		return ExitUsage
	}
	err := cmd.run(ctx, args[1:], &env)
	return report(err, env)
}

func report(err error, env Env) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.Stderr, "billbridge: %v\n", err)
		return ExitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Stderr, "billbridge: stopped")
		return ExitFailure
	}
	env.Logger.Error("command failed", "err", err)
	pub := apperr.Public(err)
	fmt.Fprintf(env.Stderr, "billbridge: %s\n", pub.Message)
	if pub.Fix != "" {
		fmt.Fprintf(env.Stderr, "  what to do: %s\n", pub.Fix)
	}
	switch pub.Code {
	case apperr.Invalid, apperr.NotFound, apperr.Conflict:
		return ExitFailure
	case apperr.RateLimited, apperr.Unavailable:
		return ExitRetry
	case apperr.Reconnect:
		return ExitReauth
	default:
		return exitInternal
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "Billbridge: Autotask billing into your books.")
	fmt.Fprintln(w, "\nWith no arguments Billbridge opens its window. Commands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nGlobal flag (before the command): --data-dir DIR  where Billbridge keeps its database (or BILLBRIDGE_DATA_DIR)")
}

func runVersion(_ context.Context, args []string, env *Env) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: version takes no arguments, got %q", errUsage, strings.Join(args, " "))
	}
	fmt.Fprintln(env.Stdout, version.String())
	return nil
}

// usageErr builds an errUsage with a message saying what was wrong.
func usageErr(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, a...))
}
