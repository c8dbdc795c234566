// Billbridge: Autotask PSA billing into QuickBooks Online, Xero and Exact
// Online, and into files for the accountant.
//
// With no command it opens the desktop window; with a command
// (`billbridge version`, `billbridge sim …`) it runs headless, which is what
// the OS scheduler calls. Both share the same internal services.
package main

import (
	"context"
	"embed"
	"fmt"
	"os"
	"os/signal"

	"github.com/billbridge/billbridge/internal/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	g, rest, err := parseGlobal(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "billbridge: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	if len(rest) == 0 {
		if err := runDesktop(g); err != nil {
			fmt.Fprintf(os.Stderr, "billbridge: %v\n", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, rest, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Logger: newLogger(os.Stderr, g.logLevel), DataDir: g.dataDir, Secrets: g.secrets()})
	stop()
	os.Exit(code)
}
