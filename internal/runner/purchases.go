package runner

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	"github.com/billbridge/billbridge/internal/store"
)

// Purchases opens the procurement engine of a Xero, QuickBooks Online or
// Exact Online profile for the window, with the profile's stored purchase settings (the
// caller may change eng.Settings for one run). Its API calls are counted on
// the returned counter.
func Purchases(ctx context.Context, deps connect.Deps, p store.Profile, w procure.Window) (*procure.Engine, *httpx.Counter, error) {
	if w.From.IsZero() || w.Thru.IsZero() || w.Thru.Before(w.From) {
		return nil, nil, apperr.New(apperr.Invalid, "The purchases window needs a first and a last day, the last not before the first",
			"Choose the receive dates to bill, e.g. 2024-05-01 to 2024-05-31.")
	}
	st, err := deps.Store.PurchaseSettingsOf(ctx, p.ID)
	if err != nil {
		return nil, nil, err
	}
	counter := httpx.NewCounter()
	deps.Counter = counter
	lg, err := purchaseLedger(ctx, deps, p)
	if err != nil {
		return nil, nil, err
	}
	at, err := connect.Autotask(ctx, deps, p)
	if err != nil {
		return nil, nil, err
	}
	logger := deps.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	eng := &procure.Engine{Store: deps.Store, Autotask: at, Ledger: lg, ProfileID: p.ID, Window: w, Log: logger,
		Settings: PurchaseSettings(st)}
	return eng, counter, nil
}

// PurchaseSettings turns stored settings into the engine's.
func PurchaseSettings(s store.PurchaseSettings) procure.Settings {
	return procure.Settings{BillDate: procure.BillDate(s.BillDate), InventoryAccount: s.InventoryAccount, CostOfSalesAccount: s.CostOfSalesAccount,
		TaxCode: s.TaxCode, CreateVendors: s.CreateVendors, Approve: s.Approve}
}

// purchaseLedger opens the profile's ledger for procurement.
func purchaseLedger(ctx context.Context, deps connect.Deps, p store.Profile) (procure.Ledger, error) {
	switch p.LedgerKind {
	case store.LedgerXero:
		c, err := connect.Xero(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		org, err := c.Organisation(ctx)
		if err != nil {
			return nil, fmt.Errorf("runner: read the xero organisation: %w", err)
		}
		return procure.NewXero(c, org.BaseCurrency), nil
	case store.LedgerQBO:
		c, err := connect.QBO(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		co, _, err := qbo.ReadCompany(ctx, c)
		if err != nil {
			return nil, fmt.Errorf("runner: read the quickbooks company: %w", err)
		}
		return procure.NewQBO(c, string(co.HomeCurrency)), nil
	case store.LedgerExact:
		// Exact gets one purchase order per goods receipt (procure.Exact).
		c, err := connect.Exact(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		return procure.NewExact(c), nil
	default:
		return nil, apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q is not connected to a ledger", p.Name),
			"Connect Xero, QuickBooks Online or Exact Online in Connections.")
	}
}

// PurchaseOptions is what a purchases run records as its options (JSON):
// thru as in sync runs, so the run log shows the window's end.
type PurchaseOptions struct {
	From     string `json:"from"`
	Thru     string `json:"thru"`
	BillDate string `json:"billDate"`
}

// RunPurchases previews the engine's window (dryRun) or sends its bills.
// A run that sends is recorded in the run log, with one line per bill,
// whether it finished or failed part way; a preview is not.
func RunPurchases(ctx context.Context, st *store.Store, eng *procure.Engine, calls *httpx.Counter, dryRun bool) (procure.Summary, []PurchaseBill, store.Run, error) {
	if dryRun {
		sum, err := eng.Preview(ctx)
		if err != nil {
			return sum, nil, store.Run{}, err
		}
		bills, err := PurchaseBills(ctx, st, eng, sum)
		return sum, bills, store.Run{}, err
	}
	opts, _ := json.Marshal(PurchaseOptions{From: eng.Window.From.Format(time.DateOnly), Thru: eng.Window.Thru.Format(time.DateOnly),
		BillDate: string(eng.Settings.BillDate)})
	run := store.Run{ProfileID: eng.ProfileID, Kind: store.RunKindPurchases, Options: string(opts)}
	if err := st.StartRun(ctx, &run); err != nil {
		return procure.Summary{}, nil, run, err
	}
	sum, runErr := eng.Run(ctx)
	bills, err := PurchaseBills(ctx, st, eng, sum)
	if err != nil && runErr == nil {
		runErr = err
	}
	run.Status, run.Sent, run.Failed, run.Blocked, run.Skipped, run.Summary = "done", sum.Sent, sum.Failed, sum.Blocked, sum.Skipped, sum.String()
	if calls != nil {
		run.APICalls = int(calls.Total())
	}
	if runErr != nil {
		run.Status, run.Error = "failed", runErr.Error()
	}
	// A cancelled run is still written down: the log says how far it got.
	if err := st.FinishPurchaseRun(context.WithoutCancel(ctx), &run, runLines(bills)); err != nil && runErr == nil {
		runErr = err
	}
	return sum, bills, run, runErr
}

// PurchaseBill is one bill of a preview or run as the screens, the command
// line and the run log show it.
type PurchaseBill struct {
	Reference     string
	Status        string // ready, blocked, skipped (already in the ledger), sent, failed
	Vendor        string
	NewVendor     bool // the run creates the supplier
	PurchaseOrder string
	Number        string
	Date          string // YYYY-MM-DD
	DueDate       string
	Currency      string
	Amount        money.Decimal
	LedgerID      string
	Message       string // the ledger's refusal, for failed bills
	Problems      []procure.Problem
	Notes         []string
	Lines         []procure.BillLine
}

// PurchaseBills lists a summary's bills by reference, each with its plan
// and, for bills already in the ledger, what the journal holds of them.
func PurchaseBills(ctx context.Context, st *store.Store, eng *procure.Engine, sum procure.Summary) ([]PurchaseBill, error) {
	planned := map[string]procure.Planned{}
	if sum.Plan != nil {
		for _, p := range sum.Plan.Bills {
			planned[p.Bill.Reference] = p
		}
	}
	journal, err := st.ProcureJournal(ctx, eng.ProfileID, eng.Organisation)
	if err != nil {
		return nil, err
	}
	sent := map[string]store.ProcureEntry{}
	for _, j := range journal {
		sent[j.Reference] = j
	}
	out := make([]PurchaseBill, 0, len(sum.Lines))
	for _, l := range sum.Lines {
		p := planned[l.Reference]
		b := p.Bill
		if j, ok := sent[l.Reference]; ok && p.Action == procure.ActionSkip {
			_ = json.Unmarshal([]byte(j.Payload), &b) // written by the engine; a bad one leaves the row sparse
			if l.LedgerID == "" {
				l.LedgerID = j.LedgerID
			}
		}
		pb := PurchaseBill{Reference: l.Reference, Status: l.Status, Vendor: b.VendorName, NewVendor: p.CreateVendor && l.Status != "skipped",
			PurchaseOrder: b.PurchaseOrderNumber, Number: b.Number, Currency: b.Currency, Amount: b.Total(), LedgerID: l.LedgerID,
			Problems: p.Problems, Notes: p.Notes, Lines: b.Lines}
		if !b.Date.IsZero() {
			pb.Date, pb.DueDate = b.Date.Format(time.DateOnly), b.DueDate.Format(time.DateOnly)
		}
		if l.Status == "failed" {
			pb.Message = l.Message
		}
		out = append(out, pb)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Reference < out[j].Reference })
	return out, nil
}

// AmountText writes an amount with its currency's minor units (two when
// the currency is unknown).
func AmountText(d money.Decimal, currency string) string {
	minor := int32(2)
	if c, err := money.ParseCurrency(currency); err == nil {
		minor = c.MinorUnits()
	}
	return d.StringFixed(minor)
}

func runLines(bills []PurchaseBill) []store.PurchaseRunLine {
	out := make([]store.PurchaseRunLine, 0, len(bills))
	for _, b := range bills {
		l := store.PurchaseRunLine{Reference: b.Reference, Status: b.Status, Vendor: b.Vendor, PurchaseOrder: b.PurchaseOrder, BillNumber: b.Number,
			BillDate: b.Date, Currency: b.Currency, LedgerID: b.LedgerID, Message: b.Message}
		if len(b.Lines) > 0 {
			l.Amount = AmountText(b.Amount, b.Currency)
		}
		var msgs, fixes []string
		for _, p := range b.Problems {
			msgs, fixes = append(msgs, p.Message), append(fixes, p.Fix)
		}
		if len(msgs) > 0 {
			l.Message, l.Fix = strings.Join(msgs, "\n"), strings.Join(fixes, "\n")
		}
		if l.Message == "" {
			l.Message = strings.Join(b.Notes, "\n")
		}
		out = append(out, l)
	}
	return out
}
