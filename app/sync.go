package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// ProgressEvent is the Wails event a running sync emits, at most ten a second.
const ProgressEvent = "sync:progress"

// Emitter sends an event to the window (Wails' runtime.EventsEmit); nil in
// tests and headless runs.
type Emitter func(ctx context.Context, name string, data ...interface{})

// Sync is the Sync screen's service: preview, then send.
type Sync struct {
	deps Deps
	emit Emitter

	mu     sync.Mutex
	cancel context.CancelFunc // of the running send; nil when idle
}

func NewSync(deps Deps, emit Emitter) *Sync { return &Sync{deps: deps, emit: emit} }

// demoMonthEnd is the last day of the demo's generated month
// (internal/sim/generate's default, May 2024).
var demoMonthEnd = time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)

// SyncInput is the Sync form. Thru is YYYY-MM-DD; LineMode standard,
// summary or detail.
type SyncInput struct {
	ProfileID       int64  `json:"profileId"`
	Thru            string `json:"thru"`
	MaxAgeDays      int    `json:"maxAgeDays"`
	LedgerNumbering bool   `json:"ledgerNumbering"`
	LineMode        string `json:"lineMode"`
}

// SendInput is a send: the form, and the ticked invoices (none: all ready).
type SendInput struct {
	Options    SyncInput `json:"options"`
	InvoiceIDs []int64   `json:"invoiceIds"`
}

// SyncDefaultsDTO fills the form: the month just ended (the demo's month for
// the demo profile) and whether invoices arrive as drafts.
type SyncDefaultsDTO struct {
	Thru       string `json:"thru"`
	MaxAgeDays int    `json:"maxAgeDays"`
	LineMode   string `json:"lineMode"`
	Draft      bool   `json:"draft"`
}

// ProblemDTO blocks an invoice, with its fix.
type ProblemDTO struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
}

// DocLineDTO is one line of the ledger document; money as decimal strings.
type DocLineDTO struct {
	ItemCode    string `json:"itemCode"`
	Description string `json:"description"`
	Quantity    string `json:"quantity"`
	UnitPrice   string `json:"unitPrice"`
	Amount      string `json:"amount"`
	Account     string `json:"account"`
	TaxCode     string `json:"taxCode"`
	TaxAmount   string `json:"taxAmount"`
	Adjustment  bool   `json:"adjustment"`
}

// PreviewInvoiceDTO is one Autotask invoice and what it becomes.
type PreviewInvoiceDTO struct {
	InvoiceID     int64        `json:"invoiceId"`
	InvoiceNumber string       `json:"invoiceNumber"`
	CompanyName   string       `json:"companyName"`
	Status        string       `json:"status"` // ready, blocked, skipped, void, writeBack
	Kind          string       `json:"kind"`   // invoice, credit_note
	Date          string       `json:"date"`
	DueDate       string       `json:"dueDate"`
	Currency      string       `json:"currency"`
	LedgerNumber  string       `json:"ledgerNumber"` // empty: the ledger numbers it
	CustomerName  string       `json:"customerName"`
	NewCustomer   bool         `json:"newCustomer"`
	DocStatus     string       `json:"docStatus"` // draft, approved
	Subtotal      string       `json:"subtotal"`
	Tax           string       `json:"tax"`
	Total         string       `json:"total"`
	Lines         []DocLineDTO `json:"lines"`
	Problems      []ProblemDTO `json:"problems"`
	Notes         []string     `json:"notes"`
	// Organisation is the ledger organisation the invoice goes to, for a
	// profile that feeds several; empty otherwise, or when it is unrouted.
	Organisation string `json:"organisation"`
}

// PreviewDTO is the whole preview with its counts.
type PreviewDTO struct {
	RunID       int64               `json:"runId"`
	Invoices    []PreviewInvoiceDTO `json:"invoices"`
	Ready       int                 `json:"ready"`
	Blocked     int                 `json:"blocked"`
	Skipped     int                 `json:"skipped"`
	Voids       int                 `json:"voids"`
	WriteBacks  int                 `json:"writeBacks"`
	AlreadySent int                 `json:"alreadySent"` // in the journal as sent by earlier runs
	NewItems    int                 `json:"newItems"`    // ledger items the send creates
}

// ResultLineDTO is one invoice of a finished send.
type ResultLineDTO struct {
	InvoiceID     int64  `json:"invoiceId"`
	InvoiceNumber string `json:"invoiceNumber"`
	CompanyName   string `json:"companyName"`
	Status        string `json:"status"`
	LedgerNumber  string `json:"ledgerNumber"`
	Message       string `json:"message"`
}

// SyncResultDTO is what a send did.
type SyncResultDTO struct {
	RunID       int64           `json:"runId"`
	Sent        int             `json:"sent"`
	Failed      int             `json:"failed"`
	Blocked     int             `json:"blocked"`
	Skipped     int             `json:"skipped"`
	Voided      int             `json:"voided"`
	WrittenBack int             `json:"writtenBack"`
	Paid        int             `json:"paid"`
	Resolved    int             `json:"resolved"`
	Summary     string          `json:"summary"`
	Lines       []ResultLineDTO `json:"lines"`
}

// ProgressDTO is the payload of ProgressEvent.
type ProgressDTO struct {
	Phase string `json:"phase"`
	Label string `json:"label"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// Defaults proposes the form's values for a profile.
func (s *Sync) Defaults(profileID int64) (SyncDefaultsDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	p, err := s.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return SyncDefaultsDTO{}, fmt.Errorf("app: sync defaults: %w", err)
	}
	st, err := s.deps.Store.Settings(ctx)
	if err != nil {
		return SyncDefaultsDTO{}, fmt.Errorf("app: sync defaults: %w", err)
	}
	return SyncDefaultsDTO{Thru: monthEndFor(p, time.Now()).Format(time.DateOnly), MaxAgeDays: 60, LineMode: string(syncer.ModeStandard), Draft: st.InvoiceDraft}, nil
}

// monthEndFor is the last day of the month before now, or the demo month.
func monthEndFor(p store.Profile, now time.Time) time.Time {
	if p.IsDemo {
		return demoMonthEnd
	}
	y, m, _ := now.UTC().Date()
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// Preview lists every invoice of the window, what it becomes and what blocks it.
func (s *Sync) Preview(in SyncInput) (PreviewDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	eng, opts, err := s.prepare(ctx, in)
	if err != nil {
		return PreviewDTO{}, err
	}
	sum, err := eng.Preview(ctx, opts)
	if err != nil {
		return PreviewDTO{}, fmt.Errorf("app: preview: %w", err)
	}
	sent, err := s.deps.Store.Journal(ctx, in.ProfileID, store.JournalSent, store.JournalWrittenBack)
	if err != nil {
		return PreviewDTO{}, fmt.Errorf("app: preview: %w", err)
	}
	out := PreviewDTO{RunID: sum.RunID, Invoices: []PreviewInvoiceDTO{}, AlreadySent: len(sent), NewItems: len(sum.Plan.NewItems)}
	orgNames := organisationNames(sum)
	for _, p := range sum.Plan.Invoices {
		d := previewInvoice(p)
		if r, ok := sum.Routes[p.InvoiceID]; ok && orgNames != nil {
			d.Organisation = orgNames[r.Organisation]
		}
		switch d.Status {
		case "ready":
			out.Ready++
		case "blocked":
			out.Blocked++
		case "void":
			out.Voids++
		case "writeBack":
			out.WriteBacks++
		default:
			out.Skipped++
		}
		out.Invoices = append(out.Invoices, d)
	}
	return out, nil
}

// Send syncs the ticked invoices (all ready ones when none are ticked),
// emitting ProgressEvent as it goes. One send runs at a time.
func (s *Sync) Send(in SendInput) (SyncResultDTO, error) {
	ctx, cancel := context.WithCancel(s.deps.Lifecycle.Context())
	defer cancel()
	s.mu.Lock()
	if s.cancel != nil {
		s.mu.Unlock()
		return SyncResultDTO{}, apperr.New(apperr.Conflict, "A sync is already running", "Wait for it to finish (or cancel it), then send again.")
	}
	s.cancel = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}()
	eng, opts, err := s.prepare(ctx, in.Options)
	if err != nil {
		return SyncResultDTO{}, err
	}
	sum, err := eng.SyncSelected(ctx, opts, in.InvoiceIDs, s.progress(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return SyncResultDTO{}, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("The sync was cancelled after %d invoices were sent", sum.Sent),
				"Nothing was sent twice. Preview again to see what is left, then send the rest.")
		}
		return SyncResultDTO{}, fmt.Errorf("app: sync: %w", err)
	}
	audit(s.deps, in.Options.ProfileID, "sync.run", fmt.Sprintf("Run %d: %s", sum.RunID, sum))
	return resultDTO(sum.Summary), nil
}

// Cancel stops the running send after the call in flight; it reports
// whether one was running.
func (s *Sync) Cancel() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel == nil {
		return false
	}
	s.cancel()
	return true
}

// prepare validates the form and opens the profile's connections.
func (s *Sync) prepare(ctx context.Context, in SyncInput) (runner.Engine, syncer.Options, error) {
	thru, err := time.Parse(time.DateOnly, in.Thru)
	if err != nil {
		return nil, syncer.Options{}, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not a date", in.Thru), "Pick the last invoice date from the calendar (YYYY-MM-DD).")
	}
	if in.MaxAgeDays < 0 || in.MaxAgeDays > 3660 {
		return nil, syncer.Options{}, apperr.New(apperr.Invalid, fmt.Sprintf("A maximum age of %d days is out of range", in.MaxAgeDays), "Enter a number of days from 0 to 3660 (60 covers the last two months).")
	}
	mode := syncer.LineMode(in.LineMode)
	switch mode {
	case "":
		mode = syncer.ModeStandard
	case syncer.ModeStandard, syncer.ModeSummary, syncer.ModeDetail:
	default:
		return nil, syncer.Options{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a line mode", in.LineMode), "Choose standard, summary or detail.")
	}
	eng, opts, _, err := runner.Open(ctx, s.deps.connectDeps(), in.ProfileID, runner.Choices{
		Thru: thru, MaxAgeDays: &in.MaxAgeDays, LedgerNumbering: &in.LedgerNumbering, LineMode: &mode})
	if err != nil {
		return nil, syncer.Options{}, fmt.Errorf("app: sync: %w", err)
	}
	return eng, opts, nil
}

var phaseLabels = map[string]string{
	syncer.PhaseResolve:   "Checking what an earlier run left unfinished",
	syncer.PhaseRead:      "Reading invoices from Autotask and your ledger",
	syncer.PhaseCustomers: "Creating and updating customers in the ledger",
	syncer.PhaseSend:      "Sending invoices to the ledger",
	syncer.PhaseWriteBack: "Marking the invoices as sent in Autotask",
	syncer.PhasePayments:  "Reading payments back from the ledger",
}

// progress emits ProgressEvent: every phase change, and counts at most ten
// times a second.
func (s *Sync) progress(ctx context.Context) syncer.Progress {
	if s.emit == nil {
		return nil
	}
	var mu sync.Mutex
	last, lastPhase := time.Time{}, ""
	return func(phase string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if phase == lastPhase && now.Sub(last) < 100*time.Millisecond && done < total {
			return
		}
		last, lastPhase = now, phase
		s.emit(ctx, ProgressEvent, ProgressDTO{Phase: phase, Label: phaseLabels[phase], Done: done, Total: total})
	}
}

// organisationNames names each organisation of a run over several by key;
// nil for a profile with one.
func organisationNames(sum syncer.MultiSummary) map[string]string {
	if len(sum.Organisations) < 2 {
		return nil
	}
	names := map[string]string{}
	for _, o := range sum.Organisations {
		names[o.Key] = o.Name
	}
	return names
}

func previewInvoice(p syncer.Planned) PreviewInvoiceDTO {
	d := PreviewInvoiceDTO{InvoiceID: p.InvoiceID, InvoiceNumber: p.InvoiceNumber, CompanyName: p.CompanyName, Kind: string(p.Doc.Kind),
		Currency: string(p.Doc.Currency), LedgerNumber: p.Doc.Number, CustomerName: p.Customer.Name, NewCustomer: p.Customer.ID == "",
		DocStatus: string(p.Doc.Status), Lines: []DocLineDTO{}, Problems: []ProblemDTO{}, Notes: []string{}}
	switch {
	case p.Blocked():
		d.Status = "blocked"
	case p.Action == syncer.ActionSend:
		d.Status = "ready"
	case p.Action == syncer.ActionVoid:
		d.Status = "void"
	case p.Action == syncer.ActionWriteBack:
		d.Status = "writeBack"
	default:
		d.Status = "skipped"
	}
	if !p.Doc.Date.IsZero() {
		d.Date = p.Doc.Date.Format(time.DateOnly)
	}
	if !p.Doc.DueDate.IsZero() {
		d.DueDate = p.Doc.DueDate.Format(time.DateOnly)
	}
	sub, tax := money.Zero, money.Zero
	for _, l := range p.Doc.Lines {
		sub, tax = sub.Add(l.Amount), tax.Add(l.TaxAmount)
		d.Lines = append(d.Lines, DocLineDTO{ItemCode: l.ItemCode, Description: l.Description, Quantity: l.Quantity.String(),
			UnitPrice: l.UnitPrice.String(), Amount: l.Amount.StringFixed(2), Account: l.AccountCode, TaxCode: l.TaxCode,
			TaxAmount: l.TaxAmount.StringFixed(2), Adjustment: l.Adjustment})
	}
	d.Subtotal, d.Tax, d.Total = sub.StringFixed(2), tax.StringFixed(2), p.Doc.Total().StringFixed(2)
	for _, pr := range p.Problems {
		d.Problems = append(d.Problems, ProblemDTO{Code: pr.Code, Message: pr.Message, Fix: pr.Fix})
	}
	d.Notes = append(d.Notes, p.Notes...)
	return d
}

func resultDTO(sum syncer.Summary) SyncResultDTO {
	out := SyncResultDTO{RunID: sum.RunID, Sent: sum.Sent, Failed: sum.Failed, Blocked: sum.Blocked, Skipped: sum.Skipped, Voided: sum.Voided,
		WrittenBack: sum.WrittenBack, Paid: sum.Paid, Resolved: sum.Resolved, Summary: sum.String(), Lines: []ResultLineDTO{}}
	names := map[int64]string{}
	if sum.Plan != nil {
		for _, p := range sum.Plan.Invoices {
			names[p.InvoiceID] = p.CompanyName
		}
	}
	for _, l := range sum.Lines {
		out.Lines = append(out.Lines, ResultLineDTO{InvoiceID: l.AutotaskInvoiceID, InvoiceNumber: l.InvoiceNumber, CompanyName: names[l.AutotaskInvoiceID],
			Status: l.Status, LedgerNumber: l.LedgerNumber, Message: l.Message})
	}
	return out
}
