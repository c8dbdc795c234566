package app

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
)

// Purchases is the Purchases screen's service: goods received in Autotask
// become supplier bills in the ledger — previewed, sent exactly once, and
// listed in the run log.
type Purchases struct {
	deps Deps

	mu      sync.Mutex
	running bool
}

func NewPurchases(deps Deps) *Purchases { return &Purchases{deps: deps} }

// PurchaseDefaultsDTO fills the form: the month just ended (the demo's
// month for the demo profile).
type PurchaseDefaultsDTO struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// PurchaseSettingsDTO is a profile's purchase settings. BillDate is
// po-date, vendor-invoice-date, received-date or ship-date; accounts and
// the tax code are the ledger's keys ("" for none).
type PurchaseSettingsDTO struct {
	ProfileID          int64  `json:"profileId"`
	BillDate           string `json:"billDate"`
	InventoryAccount   string `json:"inventoryAccount"`
	CostOfSalesAccount string `json:"costOfSalesAccount"`
	TaxCode            string `json:"taxCode"`
	CreateVendors      bool   `json:"createVendors"`
	Approve            bool   `json:"approve"`
}

// LedgerAccountDTO is one account of the ledger's chart, for the pickers.
type LedgerAccountDTO struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// PurchaseInput is the form: the receive dates to bill (YYYY-MM-DD) and,
// optionally, a bill date for this run only.
type PurchaseInput struct {
	ProfileID int64  `json:"profileId"`
	From      string `json:"from"`
	To        string `json:"to"`
	BillDate  string `json:"billDate"`
}

// PurchaseLineDTO is one line of a bill; money as decimal strings.
type PurchaseLineDTO struct {
	ItemCode    string `json:"itemCode"`
	Description string `json:"description"`
	Quantity    string `json:"quantity"`
	UnitCost    string `json:"unitCost"`
	Amount      string `json:"amount"`
	Account     string `json:"account"`
	TaxCode     string `json:"taxCode"`
	Stocked     bool   `json:"stocked"`
}

// PurchaseBillDTO is one goods receipt and the bill it becomes.
type PurchaseBillDTO struct {
	Reference     string            `json:"reference"`
	Status        string            `json:"status"` // ready, blocked, skipped (already in the ledger), sent, failed
	Vendor        string            `json:"vendor"`
	NewVendor     bool              `json:"newVendor"`
	PurchaseOrder string            `json:"purchaseOrder"`
	Number        string            `json:"number"`
	Date          string            `json:"date"`
	DueDate       string            `json:"dueDate"`
	Currency      string            `json:"currency"`
	Amount        string            `json:"amount"`
	LedgerID      string            `json:"ledgerId"`
	Message       string            `json:"message"`
	Problems      []ProblemDTO      `json:"problems"`
	Notes         []string          `json:"notes"`
	Lines         []PurchaseLineDTO `json:"lines"`
}

// PurchaseTotalDTO adds up one currency's bills.
type PurchaseTotalDTO struct {
	Currency string `json:"currency"`
	Bills    int    `json:"bills"`
	Ready    string `json:"ready"`   // ready (preview) or sent (run)
	Blocked  string `json:"blocked"` // held back by a problem
}

// PurchasePreviewDTO is the whole preview with its counts.
type PurchasePreviewDTO struct {
	Bills       []PurchaseBillDTO  `json:"bills"`
	Ready       int                `json:"ready"`
	Blocked     int                `json:"blocked"`
	AlreadySent int                `json:"alreadySent"`
	NewVendors  int                `json:"newVendors"`
	Totals      []PurchaseTotalDTO `json:"totals"`
	Summary     string             `json:"summary"`
}

// PurchaseResultDTO is what a run did.
type PurchaseResultDTO struct {
	RunID    int64              `json:"runId"`
	Sent     int                `json:"sent"`
	Failed   int                `json:"failed"`
	Blocked  int                `json:"blocked"`
	Skipped  int                `json:"skipped"`
	Created  int                `json:"created"`  // suppliers created
	Resolved int                `json:"resolved"` // bills an interrupted run left, settled by lookup
	Calls    int64              `json:"calls"`
	Summary  string             `json:"summary"`
	Bills    []PurchaseBillDTO  `json:"bills"`
	Totals   []PurchaseTotalDTO `json:"totals"`
}

// PurchaseRunLineDTO is one bill of a recorded run (History).
type PurchaseRunLineDTO struct {
	Reference     string `json:"reference"`
	Status        string `json:"status"`
	Vendor        string `json:"vendor"`
	PurchaseOrder string `json:"purchaseOrder"`
	BillNumber    string `json:"billNumber"`
	BillDate      string `json:"billDate"`
	Currency      string `json:"currency"`
	Amount        string `json:"amount"`
	LedgerID      string `json:"ledgerId"`
	Message       string `json:"message"`
	Fix           string `json:"fix"`
}

// Defaults proposes the window: the month before this one, or the demo month.
func (s *Purchases) Defaults(profileID int64) (PurchaseDefaultsDTO, error) {
	p, err := s.deps.Store.Profile(s.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return PurchaseDefaultsDTO{}, fmt.Errorf("app: purchases defaults: %w", err)
	}
	end := monthEndFor(p, time.Now())
	start := time.Date(end.Year(), end.Month(), 1, 0, 0, 0, 0, time.UTC)
	return PurchaseDefaultsDTO{From: start.Format(time.DateOnly), To: end.Format(time.DateOnly)}, nil
}

// Settings returns a profile's purchase settings.
func (s *Purchases) Settings(profileID int64) (PurchaseSettingsDTO, error) {
	st, err := s.deps.Store.PurchaseSettingsOf(s.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return PurchaseSettingsDTO{}, fmt.Errorf("app: purchase settings: %w", err)
	}
	return PurchaseSettingsDTO{ProfileID: profileID, BillDate: st.BillDate, InventoryAccount: st.InventoryAccount,
		CostOfSalesAccount: st.CostOfSalesAccount, TaxCode: st.TaxCode, CreateVendors: st.CreateVendors, Approve: st.Approve}, nil
}

// SaveSettings checks the settings — the accounts must be in the ledger's
// chart — and stores them.
func (s *Purchases) SaveSettings(in PurchaseSettingsDTO) (PurchaseSettingsDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	if err := checkBillDate(in.BillDate); err != nil {
		return PurchaseSettingsDTO{}, err
	}
	if in.InventoryAccount != "" || in.CostOfSalesAccount != "" {
		chart, err := s.chart(ctx, in.ProfileID)
		if err != nil {
			return PurchaseSettingsDTO{}, err
		}
		for _, a := range []struct{ what, code string }{{"inventory asset", in.InventoryAccount}, {"cost of sales", in.CostOfSalesAccount}} {
			if a.code == "" {
				continue
			}
			if _, ok := chart[a.code]; !ok {
				return PurchaseSettingsDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("The ledger has no account %q for %s", a.code, a.what),
					"Pick the "+a.what+" account from the list of your ledger's accounts.")
			}
		}
	}
	st := store.PurchaseSettings{BillDate: in.BillDate, InventoryAccount: in.InventoryAccount, CostOfSalesAccount: in.CostOfSalesAccount,
		TaxCode: in.TaxCode, CreateVendors: in.CreateVendors, Approve: in.Approve}
	if err := s.deps.Store.SavePurchaseSettings(ctx, in.ProfileID, st); err != nil {
		return PurchaseSettingsDTO{}, fmt.Errorf("app: save purchase settings: %w", err)
	}
	audit(s.deps, in.ProfileID, "purchases.settings", fmt.Sprintf("Purchases: bills dated by %s, inventory account %q, cost of sales account %q, tax code %q, create suppliers %t, approved %t",
		st.BillDate, st.InventoryAccount, st.CostOfSalesAccount, st.TaxCode, st.CreateVendors, st.Approve))
	return s.Settings(in.ProfileID)
}

// LedgerAccounts lists the ledger's chart of accounts for the pickers.
func (s *Purchases) LedgerAccounts(profileID int64) ([]LedgerAccountDTO, error) {
	chart, err := s.chart(s.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return nil, err
	}
	out := make([]LedgerAccountDTO, 0, len(chart))
	for code, name := range chart {
		out = append(out, LedgerAccountDTO{Code: code, Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// chart reads the ledger's accounts: code → name.
func (s *Purchases) chart(ctx context.Context, profileID int64) (map[string]string, error) {
	p, err := s.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: ledger accounts: %w", err)
	}
	lg, err := connect.Ledger(ctx, s.deps.connectDeps(), p)
	if err != nil {
		return nil, err
	}
	ls, err := lg.Settings(ctx)
	if err != nil {
		return nil, fmt.Errorf("app: ledger accounts: %w", err)
	}
	out := make(map[string]string, len(ls.Accounts))
	for _, a := range ls.Accounts {
		out[a.Code] = a.Name
	}
	return out, nil
}

// Preview lists every goods receipt of the window and the bill it becomes,
// what blocks it, or that the ledger already has it. It sends nothing.
func (s *Purchases) Preview(in PurchaseInput) (PurchasePreviewDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	eng, counter, err := s.open(ctx, in)
	if err != nil {
		return PurchasePreviewDTO{}, err
	}
	sum, bills, _, err := runner.RunPurchases(ctx, s.deps.Store, eng, counter, true)
	if err != nil {
		return PurchasePreviewDTO{}, fmt.Errorf("app: purchases preview: %w", err)
	}
	out := PurchasePreviewDTO{Bills: billDTOs(bills), Ready: sum.Planned, Blocked: sum.Blocked, AlreadySent: sum.Skipped,
		Totals: currencyTotals(bills, "ready"), Summary: sum.String()}
	seen := map[string]bool{}
	for _, b := range bills {
		if b.NewVendor && b.Status == "ready" && !seen[b.Vendor] {
			seen[b.Vendor] = true
			out.NewVendors++
		}
	}
	return out, nil
}

// Run sends the ready bills of the window and records the run. One run goes
// at a time.
func (s *Purchases) Run(in PurchaseInput) (PurchaseResultDTO, error) {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return PurchaseResultDTO{}, apperr.New(apperr.Conflict, "Purchases are already being sent", "Wait for that run to finish, then preview again.")
	}
	s.running = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.running = false
		s.mu.Unlock()
	}()
	ctx := s.deps.Lifecycle.Context()
	eng, counter, err := s.open(ctx, in)
	if err != nil {
		return PurchaseResultDTO{}, err
	}
	sum, bills, run, err := runner.RunPurchases(ctx, s.deps.Store, eng, counter, false)
	if err != nil {
		return PurchaseResultDTO{}, fmt.Errorf("app: purchases: %w", err)
	}
	audit(s.deps, in.ProfileID, "purchases.run", fmt.Sprintf("Run %d: %s", run.ID, sum))
	return PurchaseResultDTO{RunID: run.ID, Sent: sum.Sent, Failed: sum.Failed, Blocked: sum.Blocked, Skipped: sum.Skipped, Created: sum.Created,
		Resolved: sum.Resolved, Calls: counter.Total(), Summary: sum.String(), Bills: billDTOs(bills), Totals: currencyTotals(bills, "sent")}, nil
}

// Runs lists the purchases runs of every profile, newest first, as the
// run log shows runs.
func (s *Purchases) Runs(limit int) ([]RunDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	runs, err := s.deps.Store.Runs(ctx, store.RunFilter{Kinds: []string{store.RunKindPurchases}, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("app: purchases runs: %w", err)
	}
	profiles, err := s.deps.Store.Profiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("app: purchases runs: %w", err)
	}
	names := make(map[int64]string, len(profiles))
	for _, p := range profiles {
		names[p.ID] = p.Name
	}
	out := make([]RunDTO, 0, len(runs))
	for _, r := range runs {
		var opts runner.PurchaseOptions
		_ = json.Unmarshal([]byte(r.Options), &opts) // written by the runner; an odd value shows blank
		out = append(out, RunDTO{ID: r.ID, ProfileID: r.ProfileID, ProfileName: names[r.ProfileID], Kind: r.Kind, Status: r.Status,
			StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, Thru: opts.Thru, Sent: r.Sent, Failed: r.Failed, Blocked: r.Blocked,
			Skipped: r.Skipped, Summary: r.Summary, Error: r.Error})
	}
	return out, nil
}

// RunLines returns the bills of a recorded purchases run.
func (s *Purchases) RunLines(runID int64) ([]PurchaseRunLineDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	if _, err := s.deps.Store.Run(ctx, runID); err != nil {
		return nil, fmt.Errorf("app: purchases run lines: %w", err)
	}
	lines, err := s.deps.Store.PurchaseRunLines(ctx, runID)
	if err != nil {
		return nil, fmt.Errorf("app: purchases run lines: %w", err)
	}
	out := make([]PurchaseRunLineDTO, 0, len(lines))
	for _, l := range lines {
		out = append(out, PurchaseRunLineDTO{Reference: l.Reference, Status: l.Status, Vendor: l.Vendor, PurchaseOrder: l.PurchaseOrder,
			BillNumber: l.BillNumber, BillDate: l.BillDate, Currency: l.Currency, Amount: l.Amount, LedgerID: l.LedgerID, Message: l.Message, Fix: l.Fix})
	}
	return out, nil
}

// open validates the form and opens the profile's procurement engine.
func (s *Purchases) open(ctx context.Context, in PurchaseInput) (*procure.Engine, *httpx.Counter, error) {
	from, err := time.Parse(time.DateOnly, in.From)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not a date", in.From), "Pick the first receive date from the calendar (YYYY-MM-DD).")
	}
	to, err := time.Parse(time.DateOnly, in.To)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not a date", in.To), "Pick the last receive date from the calendar (YYYY-MM-DD).")
	}
	if to.Before(from) {
		return nil, nil, apperr.New(apperr.Invalid, fmt.Sprintf("The window ends (%s) before it starts (%s)", in.To, in.From), "Choose a last receive date on or after the first.")
	}
	if in.BillDate != "" {
		if err := checkBillDate(in.BillDate); err != nil {
			return nil, nil, err
		}
	}
	p, err := s.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return nil, nil, fmt.Errorf("app: purchases: %w", err)
	}
	eng, counter, err := runner.Purchases(ctx, s.deps.connectDeps(), p, procure.Window{From: from, Thru: to})
	if err != nil {
		return nil, nil, err
	}
	if in.BillDate != "" {
		eng.Settings.BillDate = procure.BillDate(in.BillDate)
	}
	return eng, counter, nil
}

func checkBillDate(d string) error {
	switch d {
	case store.BillDatePO, store.BillDateVendorInvoice, store.BillDateReceived, store.BillDateShip:
		return nil
	}
	return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a bill date", d),
		"Choose the purchase order date, the vendor invoice date, the received date or the ship date.")
}

func billDTOs(bills []runner.PurchaseBill) []PurchaseBillDTO {
	out := make([]PurchaseBillDTO, 0, len(bills))
	for _, b := range bills {
		d := PurchaseBillDTO{Reference: b.Reference, Status: b.Status, Vendor: b.Vendor, NewVendor: b.NewVendor, PurchaseOrder: b.PurchaseOrder,
			Number: b.Number, Date: b.Date, DueDate: b.DueDate, Currency: b.Currency, LedgerID: b.LedgerID, Message: b.Message,
			Problems: []ProblemDTO{}, Notes: []string{}, Lines: []PurchaseLineDTO{}}
		if len(b.Lines) > 0 {
			d.Amount = runner.AmountText(b.Amount, b.Currency)
		}
		for _, p := range b.Problems {
			d.Problems = append(d.Problems, ProblemDTO{Code: p.Code, Message: p.Message, Fix: p.Fix})
		}
		d.Notes = append(d.Notes, b.Notes...)
		for _, l := range b.Lines {
			d.Lines = append(d.Lines, PurchaseLineDTO{ItemCode: l.ItemCode, Description: l.Description, Quantity: l.Quantity.String(),
				UnitCost: l.UnitCost.String(), Amount: runner.AmountText(l.Amount, b.Currency), Account: l.Account, TaxCode: l.TaxCode, Stocked: l.Stocked})
		}
		out = append(out, d)
	}
	return out
}

// currencyTotals adds up the bills per currency: those with status done
// (ready in a preview, sent in a run) and those blocked.
func currencyTotals(bills []runner.PurchaseBill, done string) []PurchaseTotalDTO {
	type sums struct {
		n              int
		ready, blocked money.Decimal
	}
	by := map[string]*sums{}
	for _, b := range bills {
		if len(b.Lines) == 0 || (b.Status != done && b.Status != "blocked") {
			continue
		}
		t, ok := by[b.Currency]
		if !ok {
			t = &sums{ready: money.Zero, blocked: money.Zero}
			by[b.Currency] = t
		}
		t.n++
		if b.Status == done {
			t.ready = t.ready.Add(b.Amount)
		} else {
			t.blocked = t.blocked.Add(b.Amount)
		}
	}
	out := make([]PurchaseTotalDTO, 0, len(by))
	for c, t := range by {
		out = append(out, PurchaseTotalDTO{Currency: c, Bills: t.n, Ready: runner.AmountText(t.ready, c), Blocked: runner.AmountText(t.blocked, c)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}
