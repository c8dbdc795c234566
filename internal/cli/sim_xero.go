package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/billbridge/billbridge/internal/demo"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

// runSimXero runs the Xero simulator until ctx ends:
// billbridge sim xero --listen 127.0.0.1:PORT --data FILE [--time-scale N]
func runSimXero(ctx context.Context, args []string, env *Env) error {
	fs := simFlags("sim xero", env)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on")
	data := fs.String("data", filepath.Join(env.DataDir, "sim-xero.json"), "state file (created when missing)")
	scale := fs.Float64("time-scale", 1, "make minutes, days and token lifetimes pass N times faster")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *scale <= 0 {
		return usageErr("--time-scale must be above 0")
	}
	srv, err := xerosim.New(xerosim.Options{DataFile: *data, TimeScale: *scale, Logger: env.Logger, Orgs: []xerosim.Org{demo.Org}})
	if err != nil {
		return fmt.Errorf("sim xero: %w", err)
	}
	if err := srv.Start(*listen); err != nil {
		return fmt.Errorf("sim xero: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Xero simulator on %s\n  authorize %s\n  token     %s\n  api       %s\n  client id %s (PKCE)\n",
		srv.URL(), srv.AuthorizeURL(), srv.TokenURL(), srv.APIBaseURL(), xerosim.DemoClient.ClientID)
	<-ctx.Done()
	return srv.Close()
}
