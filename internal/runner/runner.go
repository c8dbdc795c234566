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

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
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

// Engine is a profile's sync engine: a syncer.Engine for a profile with one
// ledger organisation, a syncer.MultiEngine for one that feeds several, so
// each invoice goes to exactly one of them. Summaries come back as
// MultiSummary either way; with one organisation only its Summary is filled.
type Engine interface {
	Preview(ctx context.Context, opts syncer.Options) (syncer.MultiSummary, error)
	Sync(ctx context.Context, opts syncer.Options) (syncer.MultiSummary, error)
	SyncSelected(ctx context.Context, opts syncer.Options, ids []int64, progress syncer.Progress) (syncer.MultiSummary, error)
	CopyOne(ctx context.Context, opts syncer.Options, invoiceID int64, overwrite bool) (syncer.CopyResult, error)
}

// Open connects the profile's Autotask and ledger (every organisation's,
// when it has several) and returns its engine with the options to run it
// with.
func Open(ctx context.Context, deps connect.Deps, profileID int64, c Choices) (Engine, syncer.Options, store.Profile, error) {
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
	orgs, err := deps.Store.Organisations(ctx, p.ID)
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	at, err := connect.Autotask(ctx, deps, p)
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	logger := deps.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if len(orgs) > 1 {
		m := &syncer.MultiEngine{Store: deps.Store, Autotask: at, ProfileID: p.ID, Log: logger,
			Open: func(ctx context.Context, o store.Organisation) (ledger.Ledger, error) {
				return connect.Ledger(ctx, deps, o.ApplyTo(p))
			}}
		return multi{m}, opts, p, nil
	}
	lg, err := connect.Ledger(ctx, deps, p)
	if err != nil {
		return nil, syncer.Options{}, p, err
	}
	return single{&syncer.Engine{Store: deps.Store, Autotask: at, Ledger: lg, ProfileID: p.ID, Log: logger}}, opts, p, nil
}

// single is a profile with one organisation: the Engine as it always was.
type single struct{ e *syncer.Engine }

func (s single) Preview(ctx context.Context, opts syncer.Options) (syncer.MultiSummary, error) {
	sum, err := s.e.Preview(ctx, opts)
	return syncer.MultiSummary{Summary: sum}, err
}

func (s single) Sync(ctx context.Context, opts syncer.Options) (syncer.MultiSummary, error) {
	sum, err := s.e.Sync(ctx, opts)
	return syncer.MultiSummary{Summary: sum}, err
}

func (s single) SyncSelected(ctx context.Context, opts syncer.Options, ids []int64, progress syncer.Progress) (syncer.MultiSummary, error) {
	sum, err := s.e.SyncSelected(ctx, opts, ids, progress)
	return syncer.MultiSummary{Summary: sum}, err
}

func (s single) CopyOne(ctx context.Context, opts syncer.Options, invoiceID int64, overwrite bool) (syncer.CopyResult, error) {
	return s.e.CopyOne(ctx, opts, invoiceID, overwrite)
}

// multi is a profile with several organisations.
type multi struct{ m *syncer.MultiEngine }

func (m multi) Preview(ctx context.Context, opts syncer.Options) (syncer.MultiSummary, error) {
	return m.m.Preview(ctx, opts)
}

func (m multi) Sync(ctx context.Context, opts syncer.Options) (syncer.MultiSummary, error) {
	return m.m.Sync(ctx, opts)
}

func (m multi) SyncSelected(ctx context.Context, opts syncer.Options, ids []int64, progress syncer.Progress) (syncer.MultiSummary, error) {
	return m.m.SyncSelected(ctx, opts, ids, progress)
}

// CopyOne copies one invoice into the organisation it belongs to: the one
// the journal places it in, else the one its routes give. Only the
// profile's own organisation is supported for now: a copy's journal rows do
// not yet carry their organisation, and a row placed in the wrong one would
// send later voids and payments to the wrong ledger.
func (m multi) CopyOne(ctx context.Context, opts syncer.Options, invoiceID int64, overwrite bool) (syncer.CopyResult, error) {
	key, err := m.organisationOf(ctx, invoiceID)
	if err != nil {
		return syncer.CopyResult{InvoiceID: invoiceID}, err
	}
	orgs, err := m.m.Store.Organisations(ctx, m.m.ProfileID)
	if err != nil {
		return syncer.CopyResult{InvoiceID: invoiceID}, err
	}
	if key != "" {
		name := key
		for _, o := range orgs {
			if o.Key == key {
				name = o.Name
			}
		}
		return syncer.CopyResult{InvoiceID: invoiceID}, apperr.New(apperr.Invalid,
			fmt.Sprintf("Invoice id %d belongs to organisation %s; copying one invoice works only for the profile's own organisation so far", invoiceID, name),
			"Run Sync instead: it sends the invoice to its organisation, and never twice.")
	}
	lg, err := m.m.Open(ctx, orgs[0])
	if err != nil {
		return syncer.CopyResult{InvoiceID: invoiceID}, err
	}
	e := &syncer.Engine{Store: m.m.Store, Autotask: m.m.Autotask, Ledger: lg, ProfileID: m.m.ProfileID, Log: m.m.Log}
	return e.CopyOne(ctx, opts, invoiceID, overwrite)
}

// organisationOf is where an invoice goes: the organisation whose ledger
// the journal says holds it (or may), else where its routes send it.
func (m multi) organisationOf(ctx context.Context, invoiceID int64) (string, error) {
	rows, err := m.m.Store.Journal(ctx, m.m.ProfileID, store.JournalSending, store.JournalSent, store.JournalWrittenBack, store.JournalVoided)
	if err != nil {
		return "", err
	}
	for _, j := range rows {
		if j.AutotaskInvoiceID == invoiceID {
			return j.Organisation, nil
		}
	}
	snap, err := syncer.PullOne(ctx, m.m.Autotask, invoiceID)
	if autotask.IsNotFound(err) {
		// The own engine's CopyOne says what a missing invoice means.
		return "", nil
	}
	if err != nil {
		return "", err
	}
	orgs, err := m.m.Store.Organisations(ctx, m.m.ProfileID)
	if err != nil {
		return "", err
	}
	routing, err := m.m.Store.Routing(ctx, m.m.ProfileID)
	if err != nil {
		return "", err
	}
	var levels syncer.OrgLevels
	if len(routing.Routes) > 0 {
		if levels, err = syncer.PullOrgLevels(ctx, m.m.Autotask); err != nil {
			return "", err
		}
	}
	inv := snap.Invoices[0]
	d, prob := syncer.NewRouter(orgs, routing, levels).Route(inv, snap.Items[inv.ID])
	if prob != nil {
		return "", apperr.New(apperr.Invalid, prob.Message, prob.Fix)
	}
	return d.Organisation, nil
}
