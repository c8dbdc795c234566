package cli

import (
	"context"
	"fmt"
	"path/filepath"

	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// runSimExact runs the Exact Online simulator until ctx ends:
// billbridge sim exact --listen 127.0.0.1:PORT --data FILE [--time-scale N]
func runSimExact(ctx context.Context, args []string, env *Env) error {
	fs := simFlags("sim exact", env)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on")
	data := fs.String("data", filepath.Join(env.DataDir, "sim-exact.json"), "state file (created when missing)")
	scale := fs.Float64("time-scale", 1, "make minutes, hours, days and token lifetimes pass N times faster")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *scale <= 0 {
		return usageErr("--time-scale must be above 0")
	}
	srv, err := exactsim.New(exactsim.Options{DataFile: *data, TimeScale: *scale, Logger: env.Logger})
	if err != nil {
		return fmt.Errorf("sim exact: %w", err)
	}
	if err := srv.Start(*listen); err != nil {
		return fmt.Errorf("sim exact: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Exact Online simulator on %s; state in %s\n  authorize %s\n  token     %s\n  api       %s\n  client id %s, secret %s\n  redirect  %s\n",
		srv.URL(), *data, srv.AuthURL(), srv.TokenURL(), srv.APIBaseURL(), exactsim.DemoApp.ClientID, exactsim.DemoApp.ClientSecret, exactsim.DemoApp.RedirectURIs[0])
	for _, d := range srv.Divisions() {
		fmt.Fprintf(env.Stdout, "  division  %d %s (%s, invoicing module: %t)\n", d.Code, d.Description, d.Country, d.InvoicingModule)
	}
	<-ctx.Done()
	return srv.Close()
}
