package syncer

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Engine syncs one profile's Autotask database into one ledger organisation.
type Engine struct {
	Store     *store.Store
	Autotask  *autotask.Client
	Ledger    ledger.Ledger
	ProfileID int64
	// Organisation is the key of the ledger organisation this engine serves
	// when the profile feeds several ("" is the profile's own): its mappings,
	// journal rows and payments cursor. MultiEngine sets it.
	Organisation string
	Now          func() time.Time // default time.Now
	Log          *slog.Logger     // default discards
}

// org is the organisation whose mappings a run uses.
func (e *Engine) org(opts Options) string {
	if opts.Organisation != "" {
		return opts.Organisation
	}
	return e.Organisation
}

// journal returns this engine's organisation's journal rows, all or those
// in states: the rows its ledger holds or may hold.
func (e *Engine) journal(ctx context.Context, states ...string) ([]store.JournalEntry, error) {
	rows, err := e.Store.Journal(ctx, e.ProfileID, states...)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if r.Organisation == e.Organisation {
			out = append(out, r)
		}
	}
	return out, nil
}

// key derives an idempotency key; an organisation other than the profile's
// own is part of it, so two organisations never share one.
func (e *Engine) key(parts ...string) string {
	if e.Organisation != "" {
		parts = append([]string{"org:" + e.Organisation}, parts...)
	}
	return idempotencyKey(parts...)
}

func (e *Engine) now() time.Time {
	if e.Now == nil {
		return time.Now().UTC()
	}
	return e.Now().UTC()
}

func (e *Engine) log() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}

// Summary is what a run did, for the run log and the CLI's summary line.
type Summary struct {
	RunID       int64           `json:"runId"`
	DryRun      bool            `json:"dryRun"`
	Planned     int             `json:"planned"`
	Sent        int             `json:"sent"`
	Failed      int             `json:"failed"`
	Blocked     int             `json:"blocked"`
	Skipped     int             `json:"skipped"`
	Voided      int             `json:"voided"`
	WrittenBack int             `json:"writtenBack"`
	Paid        int             `json:"paid"`
	Resolved    int             `json:"resolved"` // 'sending' rows settled by lookup
	Lines       []store.RunLine `json:"lines"`
	Plan        *Plan           `json:"-"`
}

func (s Summary) String() string {
	verb := "sync"
	if s.DryRun {
		verb = "preview"
	}
	return fmt.Sprintf("%s: %d ready, %d sent, %d failed, %d blocked, %d skipped, %d voided, %d written back, %d marked paid",
		verb, s.Planned, s.Sent, s.Failed, s.Blocked, s.Skipped, s.Voided, s.WrittenBack, s.Paid)
}

// Preview plans the window and sends nothing.
func (e *Engine) Preview(ctx context.Context, opts Options) (Summary, error) {
	snap, err := PullWindow(ctx, e.Autotask, opts.Window, opts.LedgerNumbering)
	if err != nil {
		return Summary{}, err
	}
	plan, err := e.plan(ctx, snap, opts)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{DryRun: true, Plan: plan}
	for _, p := range plan.Invoices {
		sum.count(p)
	}
	return sum, e.record(ctx, "preview", opts, &sum, nil)
}

func (s *Summary) count(p Planned) {
	status := "ready"
	switch {
	case p.Blocked():
		s.Blocked++
		status = "blocked"
	case p.Action == ActionSkip:
		s.Skipped++
		status = "skipped"
	case p.Action == ActionSend:
		s.Planned++
	}
	s.Lines = append(s.Lines, store.RunLine{AutotaskInvoiceID: p.InvoiceID, InvoiceNumber: p.InvoiceNumber, Status: status, Message: message(p)})
}

func message(p Planned) string {
	msg := ""
	for _, pr := range p.Problems {
		msg += pr.Message + ". " + pr.Fix + "\n"
	}
	for _, n := range p.Notes {
		msg += n + "\n"
	}
	return msg
}

// plan reads the ledger's side and the journal and makes the plan.
func (e *Engine) plan(ctx context.Context, snap *Snapshot, opts Options) (*Plan, error) {
	settings, err := e.Ledger.Settings(ctx)
	if err != nil {
		return nil, fmt.Errorf("syncer: ledger settings: %w", err)
	}
	customers, err := e.Ledger.Customers(ctx)
	if err != nil {
		return nil, fmt.Errorf("syncer: ledger customers: %w", err)
	}
	items, err := e.Ledger.Items(ctx)
	if err != nil {
		return nil, fmt.Errorf("syncer: ledger items: %w", err)
	}
	rows, err := e.Store.MappingRules(ctx, e.ProfileID)
	if err != nil {
		return nil, err
	}
	entries, err := e.Store.Journal(ctx, e.ProfileID)
	if err != nil {
		return nil, err
	}
	journal := map[int64]store.JournalEntry{}
	for _, j := range entries {
		journal[j.AutotaskInvoiceID] = j
	}
	if opts.LineMode == "" {
		opts.LineMode = ModeStandard
	}
	levels, err := e.trackingLevels(ctx, snap, settings)
	if err != nil {
		return nil, err
	}
	return makePlan(planInput{snap: snap, rules: rulesOf(rows, e.org(opts)), settings: settings, caps: e.Ledger.Capabilities(),
		customers: customers, items: items, journal: journal, opts: opts, levels: levels}), nil
}

// record writes the run and its lines.
func (e *Engine) record(ctx context.Context, kind string, opts Options, sum *Summary, runErr error) error {
	r := &store.Run{ProfileID: e.ProfileID, Kind: kind, Options: runOptions(opts)}
	if sum.RunID != 0 {
		r.ID = sum.RunID
	} else if err := e.Store.StartRun(ctx, r); err != nil {
		return err
	}
	sum.RunID = r.ID
	r.Status, r.Sent, r.Failed, r.Blocked, r.Skipped, r.WrittenBack, r.Paid = "done", sum.Sent, sum.Failed, sum.Blocked, sum.Skipped, sum.WrittenBack, sum.Paid
	r.Summary = sum.String()
	if runErr != nil {
		r.Status, r.Error = "failed", runErr.Error()
	}
	// The run log outlives a cancelled context.
	if err := e.Store.FinishRun(context.WithoutCancel(ctx), r, sum.Lines); err != nil {
		return err
	}
	return runErr
}

// runOptions is how a run's options are kept in the run log.
func runOptions(opts Options) string {
	return fmt.Sprintf(`{"thru":%q,"maxAgeDays":%d,"ledgerNumbering":%t}`,
		opts.Thru.Format(time.DateOnly), opts.MaxAgeDays, opts.LedgerNumbering)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
