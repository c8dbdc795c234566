package cli

import (
	"context"
	"fmt"
	"path/filepath"

	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

// runSimQBO runs the QuickBooks Online simulator until ctx ends:
// billbridge sim qbo --listen 127.0.0.1:PORT --data FILE [--time-scale N]
func runSimQBO(ctx context.Context, args []string, env *Env) error {
	fs := simFlags("sim qbo", env)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on")
	data := fs.String("data", filepath.Join(env.DataDir, "sim-qbo.json"), "state file (created when missing)")
	scale := fs.Float64("time-scale", 1, "make minutes and token lifetimes pass N times faster")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *scale <= 0 {
		return usageErr("--time-scale must be above 0")
	}
	srv, err := qbosim.New(qbosim.Options{DataFile: *data, TimeScale: *scale, Logger: env.Logger})
	if err != nil {
		return fmt.Errorf("sim qbo: %w", err)
	}
	if err := srv.Start(*listen); err != nil {
		return fmt.Errorf("sim qbo: %w", err)
	}
	fmt.Fprintf(env.Stdout, "QuickBooks Online simulator on %s\n  authorize %s\n  token     %s\n  api       %s\n  client id %s, secret %s\n  companies %s (US), %s (GB)\n",
		srv.URL(), srv.AuthorizeURL(), srv.TokenURL(), srv.APIBaseURL(), qbosim.DemoApp.ClientID, qbosim.DemoApp.ClientSecret,
		qbosim.DemoUS.RealmID, qbosim.DemoGB.RealmID)
	<-ctx.Done()
	return srv.Close()
}
