package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
)

// runSim runs a simulated service:
//
//	billbridge sim autotask --listen 127.0.0.1:PORT --data FILE [--time-scale N]
//	billbridge sim autotask generate --seed N --invoices N [--companies N] -o FILE
//	billbridge sim xero --listen 127.0.0.1:PORT --data FILE [--time-scale N]
//	billbridge sim qbo --listen 127.0.0.1:PORT --data FILE [--time-scale N]
//	billbridge sim exact --listen 127.0.0.1:PORT --data FILE [--time-scale N]
func runSim(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 {
		return usageErr("sim needs a service: sim autotask --listen ADDR --data FILE")
	}
	switch args[0] {
	case "autotask":
		if len(args) > 1 && args[1] == "generate" {
			return runSimAutotaskGenerate(args[2:], env)
		}
		return runSimAutotask(ctx, args[1:], env)
	case "xero":
		return runSimXero(ctx, args[1:], env)
	case "qbo":
		return runSimQBO(ctx, args[1:], env)
	case "exact":
		return runSimExact(ctx, args[1:], env)
	}
	return usageErr("unknown simulated service %q (known: autotask, xero, qbo, exact)", args[0])
}

func simFlags(name string, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("%v", err)
	}
	if fs.NArg() > 0 {
		return usageErr("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

func runSimAutotask(ctx context.Context, args []string, env *Env) error {
	fs := simFlags("sim autotask", env)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on (loopback only is wise)")
	data := fs.String("data", "", "data file (JSON); created from the demo generator (seed 1) when missing")
	scale := fs.Float64("time-scale", 1, "speed of the simulated clock for the hourly request window (3600 = one hour per second)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		if env.DataDir == "" {
			return usageErr("sim autotask needs --data FILE")
		}
		*data = filepath.Join(env.DataDir, "sim-autotask.json")
	}
	if *scale <= 0 {
		return usageErr("--time-scale must be above 0")
	}
	if _, err := os.Stat(*data); errors.Is(err, os.ErrNotExist) {
		if err := generate.Month(generate.Options{Seed: 1}).Save(*data); err != nil {
			return fmt.Errorf("sim autotask: create demo data: %w", err)
		}
		fmt.Fprintf(env.Stdout, "Created demo data in %s (seed 1)\n", *data)
	}
	srv, err := autotasksim.New(autotasksim.Options{DataFile: *data, TimeScale: *scale, Logger: env.Logger})
	if err != nil {
		return fmt.Errorf("sim autotask: %w", err)
	}
	if err := srv.Start(*listen); err != nil {
		return fmt.Errorf("sim autotask: %w", err)
	}
	printSimAutotask(env.Stdout, srv, *data)
	<-ctx.Done()
	if err := srv.Close(); err != nil {
		return fmt.Errorf("sim autotask: stop: %w", err)
	}
	return nil
}

func printSimAutotask(w io.Writer, srv *autotasksim.Server, data string) {
	c := autotasksim.DemoCredential
	fmt.Fprintf(w, "Autotask simulator running; data in %s\n", data)
	fmt.Fprintf(w, "  zone lookup URL:  %s\n", srv.ZoneLookupURL())
	fmt.Fprintf(w, "  API user:         %s\n", c.UserName)
	fmt.Fprintf(w, "  secret:           %s\n", c.Secret)
	fmt.Fprintf(w, "  integration code: %s\n", c.IntegrationCode)
	fmt.Fprintln(w, "Stop with Ctrl+C.")
}

func runSimAutotaskGenerate(args []string, env *Env) error {
	fs := simFlags("sim autotask generate", env)
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same file")
	invoices := fs.Int("invoices", 120, "number of invoices")
	companies := fs.Int("companies", 40, "number of customers")
	items := fs.Int("items-per-invoice", 12, "average billing items per invoice")
	month := fs.String("month", "2024-05", "billing month, YYYY-MM")
	out := fs.String("o", "", "output file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageErr("sim autotask generate needs -o FILE")
	}
	if *invoices < 1 || *companies < 1 || *items < 1 {
		return usageErr("--invoices, --companies and --items-per-invoice must be at least 1")
	}
	m, err := time.Parse("2006-01", *month)
	if err != nil {
		return usageErr("--month %q is not YYYY-MM", *month)
	}
	d := generate.Month(generate.Options{Seed: *seed, Invoices: *invoices, Companies: *companies, ItemsPerInvoice: *items, Month: m})
	if err := d.Save(*out); err != nil {
		return fmt.Errorf("sim autotask generate: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Wrote %d invoices and %d billing items to %s\n", len(d["Invoices"]), len(d["BillingItems"]), *out)
	return nil
}
