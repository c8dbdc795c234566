package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
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
	if generatingBindings {
		// `wails build` and `wails generate` run this binary only to read
		// the bound methods: touch no data folder, keychain or network.
		return wails.Run(&options.App{Title: "Billbridge", Bind: services(app.Deps{Logger: slog.New(slog.DiscardHandler)}).bind})
	}
	if err := os.MkdirAll(g.dataDir, 0o700); err != nil {
		return fmt.Errorf("create data folder %s: %w", g.dataDir, err)
	}
	logFile, err := os.OpenFile(filepath.Join(g.dataDir, app.LogFileName), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("open log file: %w", err)
	}
	defer logFile.Close()
	logger := newLogger(io.MultiWriter(logFile, os.Stderr), g.logLevel)

	st, err := store.Open(context.Background(), g.dataDir)
	if err != nil {
		return err
	}
	defer st.Close()

	lc := &app.Lifecycle{}
	svc := services(app.Deps{Store: st, Secrets: g.secrets(), Logger: logger, DataDir: g.dataDir, Lifecycle: lc,
		OpenBrowser: runtime.BrowserOpenURL})
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
			go svc.schedule.Loop(ctx)
			if g.demo {
				// Start the simulators before the window asks for profiles.
				if _, err := svc.demo.Start(); err != nil {
					logger.Error("start the demo", "err", err)
				}
				// The window may have asked for profiles before the demo's
				// credentials were in the keychain: tell it to ask again.
				runtime.EventsEmit(ctx, "profiles:changed")
			}
		},
		OnShutdown: func(context.Context) {
			if err := svc.demo.Stop(); err != nil {
				logger.Error("stop the demo simulators", "err", err)
			}
		},
		ErrorFormatter: app.ErrorFormatter(logger),
		Bind:           svc.bind,
	})
}

// boundServices are the services the window calls, and the two main drives.
type boundServices struct {
	bind     []any
	demo     *app.Demo
	schedule *app.Schedule
}

func services(deps app.Deps) boundServices {
	demo, schedule := app.NewDemo(deps), app.NewSchedule(deps)
	return boundServices{demo: demo, schedule: schedule, bind: []any{
		app.NewSystem(deps),
		app.NewSettings(deps),
		app.NewProfiles(deps),
		app.NewLedgers(deps),
		app.NewHistory(deps),
		app.NewMappings(deps),
		app.NewSync(deps, runtime.EventsEmit),
		app.NewRuns(deps),
		app.NewExports(deps),
		app.NewAccounts(deps),
		app.NewPurchases(deps),
		app.NewLists(deps),
		app.NewDashboard(deps),
		app.NewOrganisations(deps),
		demo,
		schedule,
	}}
}
