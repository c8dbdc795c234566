package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/store"
)

// runDesktop builds the services once, binds them and opens the window.
func runDesktop(g globals) error {
	if err := os.MkdirAll(g.dataDir, 0o700); err != nil {
		return fmt.Errorf("create data folder %s: %w", g.dataDir, err)
	}
	logFile, err := os.OpenFile(filepath.Join(g.dataDir, app.LogFileName), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("open log file: %w", err)
	}
	defer logFile.Close()
	logger := newLogger(io.MultiWriter(logFile, os.Stderr), g.logLevel)

	ctx := context.Background()
	st, err := store.Open(ctx, g.dataDir)
	if err != nil {
		return err
	}
	defer st.Close()

	lc := &app.Lifecycle{}
	deps := app.Deps{Store: st, Secrets: g.secrets(), Logger: logger, DataDir: g.dataDir, Lifecycle: lc,
		OpenBrowser: runtime.BrowserOpenURL}
	demo := app.NewDemo(deps)
	schedule := app.NewSchedule(deps)
	return wails.Run(&options.App{
		Title:            "Billbridge",
		Width:            1200,
		Height:           800,
		MinWidth:         900,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		OnStartup: func(ctx context.Context) {
			lc.Startup(ctx)
			go schedule.Loop(ctx)
			if g.demo {
				// Start the simulators before the window asks for profiles.
				if _, err := demo.Start(); err != nil {
					logger.Error("start the demo", "err", err)
				}
			}
		},
		OnShutdown: func(context.Context) {
			if err := demo.Stop(); err != nil {
				logger.Error("stop the demo simulators", "err", err)
			}
		},
		ErrorFormatter: app.ErrorFormatter(logger),
		Bind: []any{
			app.NewSystem(deps),
			app.NewSettings(deps),
			app.NewProfiles(deps),
			app.NewLedgers(deps),
			app.NewHistory(deps),
			app.NewMappings(deps),
			app.NewSync(deps, runtime.EventsEmit),
			app.NewRuns(deps),
			app.NewExports(deps),
			demo,
			schedule,
		},
	})
}
