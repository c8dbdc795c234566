// Package runner opens a profile's sync engine the same way for the window,
// the command line, the schedule and the demo: connections through
// internal/connect, options from the stored settings unless the caller
// chooses otherwise.
package runner

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// Choices override the settings for one run; nil means "as in Settings".
type Choices struct {
	Thru            time.Time // zero: today
	MaxAgeDays      *int
	LedgerNumbering *bool
	LineMode        *syncer.LineMode
	Status          *ledger.DocStatus
}

// Options are the engine options for settings st and choices c.
func Options(st store.Settings, c Choices, now time.Time) (syncer.Options, error) {
	capAmount, err := money.Parse(st.AdjustmentCap)
	if err != nil {
		return syncer.Options{}, fmt.Errorf("runner: adjustment cap: %w", err)
	}
	opts := syncer.Options{
		Window:          syncer.Window{Thru: c.Thru, MaxAgeDays: st.MaxAgeDays},
		LedgerNumbering: st.LedgerNumbering,
		LineMode:        syncer.LineMode(st.LineMode),
		Status:          ledger.StatusApproved,
		CreateItems:     true,
		AdjustmentCap:   capAmount,
	}
	if st.InvoiceDraft {
		opts.Status = ledger.StatusDraft
	}
	if opts.Window.Thru.IsZero() {
		opts.Window.Thru = now.UTC()
	}
	if c.MaxAgeDays != nil {
		opts.Window.MaxAgeDays = *c.MaxAgeDays
	}
	if c.LedgerNumbering != nil {
		opts.LedgerNumbering = *c.LedgerNumbering
	}
	if c.LineMode != nil {
		opts.LineMode = *c.LineMode
	}
	if c.Status != nil {
		opts.Status = *c.Status
	}
	return opts, nil
}

// Open connects the profile's Autotask and ledger and returns its engine
// with the options to run it with.
func Open(ctx context.Context, deps connect.Deps, profileID int64, c Choices) (*syncer.Engine, syncer.Options, store.Profile, error) {
	p, err := deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, syncer.Options{}, store.Profile{}, err
	}
	st, err := deps.Store.Settings(ctx)
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	opts, err := Options(st, c, time.Now())
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	at, err := connect.Autotask(ctx, deps, p)
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	lg, err := connect.Ledger(ctx, deps, p)
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	logger := deps.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &syncer.Engine{Store: deps.Store, Autotask: at, Ledger: lg, ProfileID: p.ID, Log: logger}, opts, p, nil
}
