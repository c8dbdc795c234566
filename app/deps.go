// Package app is the thin layer bound to the frontend: one service per screen
// area. Each method validates its input, calls internal/, and maps the result
// to a DTO with camelCase JSON so the generated TypeScript models are real
// types. Money crosses as decimal strings. Services never call each other;
// shared work belongs in internal/.
package app

import (
	"context"
	"log/slog"
	"sync"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// Deps is everything the services need, built once in main.
type Deps struct {
	Store   *store.Store
	Secrets secrets.Store
	Logger  *slog.Logger
	DataDir string
	// Lifecycle carries the window's context so calls stop when the app quits.
	Lifecycle *Lifecycle
	// OpenBrowser shows an address in the system browser (OAuth sign-in).
	OpenBrowser browserOpener
}

// Lifecycle holds the context Wails hands to OnStartup. It is not bound.
type Lifecycle struct {
	mu  sync.RWMutex
	ctx context.Context
}

// Startup records the app's context; main calls it from OnStartup.
func (l *Lifecycle) Startup(ctx context.Context) {
	l.mu.Lock()
	l.ctx = ctx
	l.mu.Unlock()
}

// Context is the app's context, or Background before startup (tests, CLI).
func (l *Lifecycle) Context() context.Context {
	if l == nil {
		return context.Background()
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.ctx == nil {
		return context.Background()
	}
	return l.ctx
}

// connectDeps is what opening a profile's connections needs; lock files for
// OAuth refreshes live in the data folder.
func (d Deps) connectDeps() connect.Deps {
	return connect.Deps{Store: d.Store, Secrets: d.Secrets, Logger: d.Logger, LockDir: d.DataDir}
}

// browserOpener opens an address in the user's browser (Wails' runtime in the
// app; absent in tests and headless runs).
type browserOpener func(ctx context.Context, url string)

// opener is how the OAuth sign-ins show their page: the system browser, or,
// where there is none, an error that gives the address to open by hand.
func (d Deps) opener(ctx context.Context) func(string) error {
	return func(u string) error {
		if d.OpenBrowser == nil {
			return apperr.New(apperr.Unavailable, "Billbridge cannot open a browser here", "Open this address in your browser: "+u)
		}
		d.OpenBrowser(ctx, u)
		return nil
	}
}
