package syncer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Opener opens the ledger of one of a profile's organisations; the caller
// supplies it (e.g. connect.Ledger on org.ApplyTo(profile)).
type Opener func(ctx context.Context, org store.Organisation) (ledger.Ledger, error)

// MultiEngine syncs a profile whose Autotask database feeds several ledger
// organisations. It reads Autotask once, routes every invoice to exactly one
// organisation (Router), and plans and pushes each organisation with its own
// ledger, mappings, journal rows and payments cursor: an Engine per
// organisation. An invoice the journal places in an organisation stays
// there, whatever the routes say now, so it is never sent to a second one.
// For a profile with one organisation it does what Engine does.
type MultiEngine struct {
	Store     *store.Store
	Autotask  *autotask.Client
	ProfileID int64
	Open      Opener
	Now       func() time.Time // default time.Now
	Log       *slog.Logger     // default discards
}

// OrgSummary is what a run did in one organisation.
type OrgSummary struct {
	Key     string  `json:"key"`
	Name    string  `json:"name"`
	Error   string  `json:"error"` // why its ledger could not be used, if so
	Summary Summary `json:"summary"`
}

// MultiSummary is a run over every organisation: the embedded Summary adds
// them up and holds every run line.
type MultiSummary struct {
	Summary
	Organisations []OrgSummary          `json:"organisations"`
	Routes        map[int64]Destination `json:"routes"` // by Autotask invoice id
	Unrouted      []Planned             `json:"unrouted"`
}

// orgRun is one organisation in a run.
type orgRun struct {
	org     store.Organisation
	engine  *Engine // nil when its ledger could not be opened
	openErr error
	snap    *Snapshot
	plan    *Plan
	sum     Summary
}

// Preview routes and plans the window and sends nothing.
func (m *MultiEngine) Preview(ctx context.Context, opts Options) (MultiSummary, error) {
	out := MultiSummary{Summary: Summary{DryRun: true}}
	runs, err := m.open(ctx)
	if err != nil {
		return out, err
	}
	if err := m.prepare(ctx, runs, opts, &out); err != nil {
		return out, err
	}
	for _, r := range runs {
		if r.plan != nil {
			for _, p := range r.plan.Invoices {
				r.sum.count(p)
			}
		}
	}
	m.total(runs, &out)
	return out, m.recorder().record(ctx, "preview", opts, &out.Summary, nil)
}

// Sync resolves what earlier runs left 'sending' in each organisation, then
// pulls once, routes, and pushes, writes back and reads payments per
// organisation. One organisation failing does not stop the others; the run
// then ends failed with every organisation's error.
func (m *MultiEngine) Sync(ctx context.Context, opts Options) (MultiSummary, error) {
	return m.SyncSelected(ctx, opts, nil, nil)
}

// SyncSelected is Sync for the invoices ticked in the preview (all ready
// ones when ids is empty). Progress may be nil; its counts run over every
// organisation.
func (m *MultiEngine) SyncSelected(ctx context.Context, opts Options, ids []int64, progress Progress) (MultiSummary, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	out := MultiSummary{}
	rec := m.recorder()
	r := &store.Run{ProfileID: m.ProfileID, Kind: "sync", Options: runOptions(opts)}
	if err := m.Store.StartRun(ctx, r); err != nil {
		return out, err
	}
	out.RunID = r.ID
	err := m.sync(ctx, opts, ids, progress, &out)
	return out, rec.record(ctx, "sync", opts, &out.Summary, err)
}

func (m *MultiEngine) sync(ctx context.Context, opts Options, ids []int64, progress Progress, out *MultiSummary) error {
	runs, err := m.open(ctx)
	if err != nil {
		return err
	}
	progress(PhaseResolve, 0, 0)
	var errs []error
	for _, r := range runs {
		if r.engine == nil {
			continue
		}
		// Before routing: a row settled here may move an invoice from
		// "may be in this ledger" to "to be sent".
		n, err := r.engine.Resolve(ctx)
		r.sum.Resolved += n
		if err != nil {
			return fmt.Errorf("syncer: organisation %s: %w", r.org.Name, err)
		}
	}
	progress(PhaseRead, 0, 0)
	if err := m.prepare(ctx, runs, opts, out); err != nil {
		return err
	}
	total := 0
	counts := make([]int, len(runs))
	for i, r := range runs {
		if r.plan != nil {
			counts[i] = selectInvoices(r.plan, ids)
			total += counts[i]
		}
	}
	base := 0
	for i, r := range runs {
		if r.engine == nil {
			if r.plan != nil {
				for _, p := range r.plan.Invoices {
					r.sum.count(p)
				}
			}
			continue
		}
		offset := base
		e := *r.engine
		e.Ledger = &progressLedger{Ledger: r.engine.Ledger, total: counts[i], progress: func(phase string, done, _ int) {
			progress(phase, offset+done, total)
		}}
		r.sum.RunID = out.RunID
		if err := m.pushOrg(ctx, &e, r, opts); err != nil {
			errs = append(errs, fmt.Errorf("syncer: organisation %s: %w", r.org.Name, err))
		}
		base += counts[i]
	}
	m.total(runs, out)
	return errors.Join(errs...)
}

// pushOrg sends an organisation's plan, or with nothing routed to it only
// writes back and reads payments.
func (m *MultiEngine) pushOrg(ctx context.Context, e *Engine, r *orgRun, opts Options) error {
	if r.plan != nil {
		return e.push(ctx, r.plan, opts, &r.sum)
	}
	if err := e.WriteBack(ctx, opts.LedgerNumbering, &r.sum); err != nil {
		return err
	}
	return e.PaymentsBack(ctx, &r.sum)
}

// open reads the profile's organisations and opens the ledger of each that
// has one. A ledger that cannot be opened blocks that organisation's
// invoices, not the run.
func (m *MultiEngine) open(ctx context.Context) ([]*orgRun, error) {
	orgs, err := m.Store.Organisations(ctx, m.ProfileID)
	if err != nil {
		return nil, err
	}
	var runs []*orgRun
	for _, o := range orgs {
		r := &orgRun{org: o}
		runs = append(runs, r)
		if o.LedgerKind == store.LedgerNone {
			r.openErr = fmt.Errorf("no accounting system is connected")
			continue
		}
		lg, err := m.Open(ctx, o)
		if err != nil {
			r.openErr = err
			m.log().Warn("organisation ledger not opened", "organisation", o.Key, "err", err)
			continue
		}
		r.engine = &Engine{Store: m.Store, Autotask: m.Autotask, Ledger: lg, ProfileID: m.ProfileID, Organisation: o.Key, Now: m.Now, Log: m.Log}
	}
	return runs, nil
}

// prepare pulls the window once, routes each invoice and plans each
// organisation that received invoices.
func (m *MultiEngine) prepare(ctx context.Context, runs []*orgRun, opts Options, out *MultiSummary) error {
	snap, err := PullWindow(ctx, m.Autotask, opts.Window, opts.LedgerNumbering)
	if err != nil {
		return err
	}
	routing, err := m.Store.Routing(ctx, m.ProfileID)
	if err != nil {
		return err
	}
	var levels OrgLevels
	if len(routing.Routes) > 0 {
		if levels, err = PullOrgLevels(ctx, m.Autotask); err != nil {
			return err
		}
	}
	entries, err := m.Store.Journal(ctx, m.ProfileID)
	if err != nil {
		return err
	}
	journal := make(map[int64]store.JournalEntry, len(entries))
	for _, j := range entries {
		journal[j.AutotaskInvoiceID] = j
	}
	orgs := make([]store.Organisation, len(runs))
	byKey := map[string]*orgRun{}
	for i, r := range runs {
		orgs[i], byKey[r.org.Key] = r.org, r
	}
	router := NewRouter(orgs, routing, levels)
	out.Routes = map[int64]Destination{}
	for _, inv := range snap.Invoices {
		d, prob := routeInvoice(router, inv, snap.Items[inv.ID], journal)
		r := byKey[d.Organisation]
		if prob == nil && r == nil {
			p := orgGone(inv, d.Organisation)
			prob = &p
		}
		if prob != nil {
			pl := Planned{InvoiceID: inv.ID, InvoiceNumber: inv.InvoiceNumber, CompanyID: deref(inv.CompanyID), Action: ActionSend, Problems: []Problem{*prob}}
			pl.CompanyName = snap.Companies[pl.CompanyID].CompanyName
			if inv.IsVoided {
				// Never sent (or the journal would have placed it): nothing to do.
				pl.Action, pl.Problems, pl.Notes = ActionSkip, nil, []string{"voided in Autotask and never sent"}
			}
			out.Unrouted = append(out.Unrouted, pl)
			out.count(pl)
			continue
		}
		out.Routes[inv.ID] = d
		if r.snap == nil {
			r.snap = subSnapshot(snap)
		}
		r.snap.add(snap, inv)
	}
	for _, r := range runs {
		if r.snap == nil {
			continue
		}
		if r.engine == nil {
			r.plan = &Plan{}
			for _, inv := range r.snap.Invoices {
				r.plan.Invoices = append(r.plan.Invoices, Planned{InvoiceID: inv.ID, InvoiceNumber: inv.InvoiceNumber, CompanyID: deref(inv.CompanyID),
					CompanyName: r.snap.Companies[deref(inv.CompanyID)].CompanyName, Action: ActionSend,
					Problems: []Problem{orgUnavailable(inv, r.org.Name, r.openErr)}})
			}
			continue
		}
		o := opts
		o.Organisation = r.org.Key
		if r.plan, err = r.engine.plan(ctx, r.snap, o); err != nil {
			return fmt.Errorf("syncer: organisation %s: %w", r.org.Name, err)
		}
		for i := range r.plan.Invoices {
			p := &r.plan.Invoices[i]
			p.Notes = append(p.Notes, fmt.Sprintf("organisation %s, by %s", r.org.Name, out.Routes[p.InvoiceID].By))
		}
	}
	return nil
}

// routeInvoice places an invoice the journal knows in the organisation
// that holds it, and routes the others.
func routeInvoice(router *Router, inv autotask.Invoice, items []autotask.BillingItem, journal map[int64]store.JournalEntry) (Destination, *Problem) {
	if j, ok := journal[inv.ID]; ok {
		switch j.State {
		case store.JournalSending, store.JournalSent, store.JournalWrittenBack, store.JournalVoided:
			return Destination{j.Organisation, fmt.Sprintf("the journal: already in %s, which keeps it", router.orgName(j.Organisation))}, nil
		}
	}
	return router.Route(inv, items)
}

// subSnapshot starts an organisation's share of snap: reference data is
// shared, invoices, their items and companies are added one by one.
func subSnapshot(snap *Snapshot) *Snapshot {
	s := *snap
	s.Invoices, s.Items, s.Companies = nil, map[int64][]autotask.BillingItem{}, map[int64]autotask.Company{}
	return &s
}

func (s *Snapshot) add(from *Snapshot, inv autotask.Invoice) {
	s.Invoices = append(s.Invoices, inv)
	s.Items[inv.ID] = from.Items[inv.ID]
	if inv.CompanyID != nil {
		if c, ok := from.Companies[*inv.CompanyID]; ok {
			s.Companies[c.ID] = c
		}
	}
}

// total adds every organisation's summary into out, in organisation order.
func (m *MultiEngine) total(runs []*orgRun, out *MultiSummary) {
	merged := &Plan{Invoices: append([]Planned(nil), out.Unrouted...)}
	for _, r := range runs {
		os := OrgSummary{Key: r.org.Key, Name: r.org.Name, Summary: r.sum}
		if r.openErr != nil {
			os.Error = r.openErr.Error()
		}
		if r.plan != nil {
			os.Summary.Plan = r.plan
			merged.Invoices = append(merged.Invoices, r.plan.Invoices...)
		}
		out.Organisations = append(out.Organisations, os)
		s := r.sum
		out.Planned += s.Planned
		out.Sent += s.Sent
		out.Failed += s.Failed
		out.Blocked += s.Blocked
		out.Skipped += s.Skipped
		out.Voided += s.Voided
		out.WrittenBack += s.WrittenBack
		out.Paid += s.Paid
		out.Resolved += s.Resolved
		out.Lines = append(out.Lines, s.Lines...)
	}
	out.Plan = merged
}

// recorder writes the run log for the whole profile.
func (m *MultiEngine) recorder() *Engine {
	return &Engine{Store: m.Store, ProfileID: m.ProfileID, Now: m.Now, Log: m.Log}
}

func (m *MultiEngine) log() *slog.Logger {
	if m.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return m.Log
}
