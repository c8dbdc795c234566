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
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	"github.com/billbridge/billbridge/internal/store"
)

// What a purchases run sends: bills from goods receipts (Purchases), or
// one of the documents below. Every kind is recorded as a run of kind
// 'purchases'; the run's options name the kind (PurchaseKindOptions.What),
// its summary starts with it ("expenses: …", "inventory: …", "purchase
// orders: …") and each line's reference carries its prefix (PO-, EXP-,
// COGS-, ADJ-, TRF-), so no new run kind (and no migration) is needed.
const (
	PurchaseKindBills     = "bills"
	PurchaseKindOrders    = "orders"
	PurchaseKindExpenses  = "expenses"
	PurchaseKindInventory = "inventory"
)

// AdjustmentAccountKey is where a profile's inventory adjustment account is
// kept until purchase_settings has a column for it: a posting link of kind
// category under this key. It is not a number, so it is never read as an
// Autotask expense category (those are picklist numbers).
const AdjustmentAccountKey = "inventory-adjustment-account"

// CheckPurchaseKind says what is wrong with a kind; nil when it is known.
func CheckPurchaseKind(kind string) error {
	switch kind {
	case PurchaseKindBills, PurchaseKindOrders, PurchaseKindExpenses, PurchaseKindInventory:
		return nil
	}
	return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not something Billbridge sends", kind),
		"Choose bills, orders, expenses or inventory.")
}

// kindParts is what every engine needs: the profile's settings, its
// Autotask and ledger clients, and the counter their calls go on.
type kindParts struct {
	settings store.PurchaseSettings
	ledger   procure.Ledger
	autotask *autotask.Client
	counter  *httpx.Counter
	log      *slog.Logger
}

func openKind(ctx context.Context, deps connect.Deps, p store.Profile, w procure.Window) (kindParts, error) {
	if w.From.IsZero() || w.Thru.IsZero() || w.Thru.Before(w.From) {
		return kindParts{}, apperr.New(apperr.Invalid, "The window needs a first and a last day, the last not before the first",
			"Choose the dates to send, e.g. 2024-05-01 to 2024-05-31.")
	}
	st, err := deps.Store.PurchaseSettingsOf(ctx, p.ID)
	if err != nil {
		return kindParts{}, err
	}
	out := kindParts{settings: st, counter: httpx.NewCounter(), log: deps.Logger}
	deps.Counter = out.counter
	if out.log == nil {
		out.log = slog.New(slog.DiscardHandler)
	}
	if out.ledger, err = purchaseLedger(ctx, deps, p); err != nil {
		return kindParts{}, err
	}
	if out.autotask, err = connect.Autotask(ctx, deps, p); err != nil {
		return kindParts{}, err
	}
	return out, nil
}

// notOnExact is the answer for a kind the profile's ledger does not take.
func notOnExact(p store.Profile, what, why string) error {
	return apperr.New(apperr.Invalid, fmt.Sprintf("Profile %q sends to %s, which Billbridge does not send %s to", p.Name, ledgerName(p.LedgerKind), what), why)
}

func ledgerName(kind string) string {
	switch kind {
	case store.LedgerXero:
		return "Xero"
	case store.LedgerQBO:
		return "QuickBooks Online"
	case store.LedgerExact:
		return "Exact Online"
	}
	return kind
}

// Orders opens the purchase order engine of a Xero or QuickBooks Online
// profile: the Autotask purchase orders submitted in the window.
func Orders(ctx context.Context, deps connect.Deps, p store.Profile, w procure.Window) (*procure.OrderEngine, *httpx.Counter, error) {
	k, err := openKind(ctx, deps, p, w)
	if err != nil {
		return nil, nil, err
	}
	lg, ok := k.ledger.(procure.OrderLedger)
	if !ok {
		return nil, nil, notOnExact(p, "purchase orders",
			"In Exact Online each goods receipt already becomes its own purchase order: use Bills from goods receipts.")
	}
	return &procure.OrderEngine{Store: deps.Store, Autotask: k.autotask, Ledger: lg, ProfileID: p.ID, Window: w, Log: k.log,
		Settings: PurchaseSettings(k.settings)}, k.counter, nil
}

// Expenses opens the expense engine of a profile:
// the expense reports approved in the window. Employees are created as
// suppliers when the profile creates missing suppliers.
func Expenses(ctx context.Context, deps connect.Deps, p store.Profile, w procure.Window) (*procure.ExpenseEngine, *httpx.Counter, error) {
	k, err := openKind(ctx, deps, p, w)
	if err != nil {
		return nil, nil, err
	}
	if x, ok := k.ledger.(*procure.Exact); ok {
		// Exact bills are purchase orders; expenses are purchase entries in the division's first purchase journal.
		k.ledger = procure.NewExactExpenses(x, "")
	}
	return &procure.ExpenseEngine{Store: deps.Store, Autotask: k.autotask, Ledger: k.ledger, ProfileID: p.ID, Window: w, Log: k.log,
		Settings: procure.ExpenseSettings{CreateEmployees: k.settings.CreateVendors}}, k.counter, nil
}

// Inventory opens the inventory engine of a profile: cost of sales of the
// window's invoices, adjustments and transfers, with the purchase settings' inventory and cost of sales
// accounts and the stored adjustment account.
func Inventory(ctx context.Context, deps connect.Deps, p store.Profile, w procure.Window) (*procure.InventoryEngine, *httpx.Counter, error) {
	k, err := openKind(ctx, deps, p, w)
	if err != nil {
		return nil, nil, err
	}
	lg, ok := k.ledger.(procure.JournalLedger)
	if !ok {
		return nil, nil, notOnExact(p, "inventory journals", "Exact Online keeps stock and its cost in its own logistics: use a Xero or QuickBooks Online profile for inventory.")
	}
	adj, err := AdjustmentAccount(ctx, deps.Store, p.ID)
	if err != nil {
		return nil, nil, err
	}
	return &procure.InventoryEngine{Store: deps.Store, Autotask: k.autotask, Ledger: lg, ProfileID: p.ID, Window: w, Log: k.log,
		Settings: procure.InventorySettings{InventoryAccount: k.settings.InventoryAccount, CostOfSalesAccount: k.settings.CostOfSalesAccount,
			AdjustmentAccount: adj}}, k.counter, nil
}

// AdjustmentAccount reads a profile's inventory adjustment account; "" when unset.
func AdjustmentAccount(ctx context.Context, st *store.Store, profileID int64) (string, error) {
	links, err := st.PostingLinks(ctx, profileID, "", store.PostingLinkCategory)
	if err != nil {
		return "", err
	}
	for _, l := range links {
		if l.SourceKey == AdjustmentAccountKey {
			return l.Target, nil
		}
	}
	return "", nil
}

// SaveAdjustmentAccount stores a profile's inventory adjustment account.
func SaveAdjustmentAccount(ctx context.Context, st *store.Store, profileID int64, account string) error {
	return st.SavePostingLinks(ctx, profileID, "", []store.PostingLink{{Kind: store.PostingLinkCategory, SourceKey: AdjustmentAccountKey, Target: account}})
}

// PurchaseKindOptions is what a run of orders, expenses or inventory
// records as its options: PurchaseOptions' window and the kind.
type PurchaseKindOptions struct {
	What string `json:"what"`
	From string `json:"from"`
	Thru string `json:"thru"`
}

// KindResult is what a preview or run of orders, expenses or inventory did.
type KindResult struct {
	Summary  string
	Planned  int
	Sent     int
	Failed   int
	Blocked  int
	Skipped  int
	NoOp     int
	Resolved int
	Created  int
	Docs     []PurchaseBill
}

// KindEngine is an opened engine of orders, expenses or inventory for one
// profile and window; RunKind previews or runs it.
type KindEngine struct {
	Kind      string
	ProfileID int64
	Window    procure.Window
	Calls     *httpx.Counter // the engine's API calls
	once      func(ctx context.Context, dryRun bool) (KindResult, error)
}

// OpenKind opens the engine of kind (orders, expenses or inventory) for a
// profile and window; bills have their own, Purchases.
func OpenKind(ctx context.Context, deps connect.Deps, p store.Profile, kind string, w procure.Window) (*KindEngine, error) {
	k := &KindEngine{Kind: kind, ProfileID: p.ID, Window: w}
	var err error
	switch kind {
	case PurchaseKindOrders:
		var e *procure.OrderEngine
		if e, k.Calls, err = Orders(ctx, deps, p, w); err != nil {
			return nil, err
		}
		k.once = func(ctx context.Context, dryRun bool) (KindResult, error) {
			run := e.Run
			if dryRun {
				run = e.Preview
			}
			sum, err := run(ctx)
			res := KindResult{Summary: sum.String(), Planned: sum.Planned, Sent: sum.Sent, Failed: sum.Failed, Blocked: sum.Blocked,
				Skipped: sum.Skipped, Resolved: sum.Resolved, Created: sum.Created}
			docs, derr := orderDocs(ctx, deps.Store, e, sum)
			res.Docs = docs
			return res, firstErr(err, derr)
		}
	case PurchaseKindExpenses:
		var e *procure.ExpenseEngine
		if e, k.Calls, err = Expenses(ctx, deps, p, w); err != nil {
			return nil, err
		}
		k.once = func(ctx context.Context, dryRun bool) (KindResult, error) {
			run := e.Run
			if dryRun {
				run = e.Preview
			}
			sum, err := run(ctx)
			res := postingResult(sum)
			docs, derr := expenseDocs(ctx, deps.Store, e.ProfileID, e.Organisation, sum)
			res.Docs = docs
			return res, firstErr(err, derr)
		}
	case PurchaseKindInventory:
		var e *procure.InventoryEngine
		if e, k.Calls, err = Inventory(ctx, deps, p, w); err != nil {
			return nil, err
		}
		k.once = func(ctx context.Context, dryRun bool) (KindResult, error) {
			run := e.Run
			if dryRun {
				run = e.Preview
			}
			sum, err := run(ctx)
			res := postingResult(sum)
			docs, derr := journalDocs(ctx, deps.Store, e.ProfileID, e.Organisation, sum)
			res.Docs = docs
			return res, firstErr(err, derr)
		}
	default:
		if err := CheckPurchaseKind(kind); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("runner: %s have their own engine (Purchases)", kind)
	}
	return k, nil
}

// RunKind previews (dryRun) or sends an opened engine's window. A run that
// sends is recorded in the run log like RunPurchases' runs, whether it
// finished or failed part way; a preview is not.
func RunKind(ctx context.Context, st *store.Store, k *KindEngine, dryRun bool) (KindResult, store.Run, error) {
	if dryRun {
		res, err := k.once(ctx, true)
		return res, store.Run{}, err
	}
	opts, _ := json.Marshal(PurchaseKindOptions{What: k.Kind, From: k.Window.From.Format(time.DateOnly), Thru: k.Window.Thru.Format(time.DateOnly)})
	run := store.Run{ProfileID: k.ProfileID, Kind: store.RunKindPurchases, Options: string(opts)}
	if err := st.StartRun(ctx, &run); err != nil {
		return KindResult{}, run, err
	}
	res, runErr := k.once(ctx, false)
	run.Status, run.Sent, run.Failed, run.Blocked, run.Skipped, run.Summary = "done", res.Sent, res.Failed, res.Blocked, res.Skipped, res.Summary
	if k.Calls != nil {
		run.APICalls = int(k.Calls.Total())
	}
	if runErr != nil {
		run.Status, run.Error = "failed", runErr.Error()
	}
	// A cancelled run is still written down: the log says how far it got.
	if err := st.FinishPurchaseRun(context.WithoutCancel(ctx), &run, kindRunLines(res.Docs)); err != nil && runErr == nil {
		runErr = err
	}
	return res, run, runErr
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func postingResult(sum procure.PostingSummary) KindResult {
	return KindResult{Summary: sum.String(), Planned: sum.Planned, Sent: sum.Sent, Failed: sum.Failed, Blocked: sum.Blocked,
		Skipped: sum.Skipped, NoOp: sum.NoOp, Resolved: sum.Resolved, Created: sum.Created}
}

// doc starts a document from its outcome line.
func doc(l procure.Line) PurchaseBill {
	d := PurchaseBill{Reference: l.Reference, Status: l.Status, LedgerID: l.LedgerID}
	if l.Status == "failed" {
		d.Message = l.Message
	}
	return d
}

func sortDocs(out []PurchaseBill) []PurchaseBill {
	sort.SliceStable(out, func(i, j int) bool { return out[i].Reference < out[j].Reference })
	return out
}

// orderDocs lists an order summary's purchase orders as documents; an order
// already in the ledger is shown as the journal holds it.
func orderDocs(ctx context.Context, st *store.Store, e *procure.OrderEngine, sum procure.OrderSummary) ([]PurchaseBill, error) {
	planned := map[string]procure.PlannedOrder{}
	if sum.Plan != nil {
		for _, p := range sum.Plan.Orders {
			planned[p.Order.Reference] = p
		}
	}
	journal, err := st.ProcureJournal(ctx, e.ProfileID, procure.OrderJournal(e.Organisation))
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
		o := p.Order
		if j, ok := sent[l.Reference]; ok && (p.Action == procure.ActionSkip || p.Order.Reference == "") {
			_ = json.Unmarshal([]byte(j.Payload), &o) // written by the engine; a bad one leaves the row sparse
			if l.LedgerID == "" {
				l.LedgerID = j.LedgerID
			}
		}
		d := doc(l)
		d.Vendor, d.NewVendor, d.PurchaseOrder, d.Number, d.Currency = o.VendorName, p.CreateVendor && l.Status != "skipped", o.Number, o.Number, o.Currency
		d.Amount, d.Problems, d.Notes = o.Total(), p.Problems, p.Notes
		if !o.Date.IsZero() {
			d.Date = o.Date.Format(time.DateOnly)
		}
		if !o.DeliveryDate.IsZero() {
			d.DueDate = o.DeliveryDate.Format(time.DateOnly)
		}
		for _, ln := range o.Lines {
			d.Lines = append(d.Lines, procure.BillLine{ProductID: ln.ProductID, ItemCode: ln.ItemCode, ItemID: ln.ItemID, Description: ln.Description,
				Quantity: ln.Quantity, UnitCost: ln.UnitCost, Amount: ln.Amount, Stocked: ln.Stocked, Account: ln.Account, TaxCode: ln.TaxCode})
		}
		out = append(out, d)
	}
	return sortDocs(out), nil
}

// postingSent is an organisation's posting journal by reference.
func postingSent(ctx context.Context, st *store.Store, profileID int64, organisation string, kinds ...string) (map[string]store.PostingEntry, error) {
	rows, err := st.PostingJournal(ctx, profileID, organisation, kinds)
	if err != nil {
		return nil, err
	}
	out := make(map[string]store.PostingEntry, len(rows))
	for _, r := range rows {
		out[r.Reference] = r
	}
	return out, nil
}

// expenseDocs lists an expense summary's bills, each payable to its employee.
func expenseDocs(ctx context.Context, st *store.Store, profileID int64, organisation string, sum procure.PostingSummary) ([]PurchaseBill, error) {
	planned := map[string]procure.Planned{}
	for _, p := range sum.Bills {
		planned[p.Bill.Reference] = p
	}
	sent, err := postingSent(ctx, st, profileID, organisation, store.PostingExpense)
	if err != nil {
		return nil, err
	}
	out := make([]PurchaseBill, 0, len(sum.Lines))
	for _, l := range sum.Lines {
		p := planned[l.Reference]
		b := p.Bill
		if j, ok := sent[l.Reference]; ok && (p.Action == procure.ActionSkip || b.Reference == "") {
			_ = json.Unmarshal([]byte(j.Payload), &b) // written by the engine; a bad one leaves the row sparse
			if l.LedgerID == "" {
				l.LedgerID = j.LedgerID
			}
		}
		d := doc(l)
		d.Vendor, d.NewVendor, d.Number, d.Currency, d.Amount, d.Lines = b.VendorName, p.CreateVendor && l.Status != "skipped", b.Number, b.Currency, b.Total(), b.Lines
		d.Problems, d.Notes = p.Problems, p.Notes
		if !b.Date.IsZero() {
			d.Date, d.DueDate = b.Date.Format(time.DateOnly), b.DueDate.Format(time.DateOnly)
		}
		out = append(out, d)
	}
	return sortDocs(out), nil
}

// journalDocs lists an inventory summary's journals: the amount is the
// journal's debits, each line one debit (positive) or credit (negative).
func journalDocs(ctx context.Context, st *store.Store, profileID int64, organisation string, sum procure.PostingSummary) ([]PurchaseBill, error) {
	planned := map[string]procure.PlannedJournal{}
	for _, p := range sum.Journals {
		planned[p.Journal.Reference] = p
	}
	sent, err := postingSent(ctx, st, profileID, organisation, store.PostingCOGS, store.PostingAdjustment, store.PostingTransfer)
	if err != nil {
		return nil, err
	}
	out := make([]PurchaseBill, 0, len(sum.Lines))
	for _, l := range sum.Lines {
		p := planned[l.Reference]
		j := p.Journal
		if e, ok := sent[l.Reference]; ok && (p.Action == procure.ActionSkip || j.Reference == "") {
			_ = json.Unmarshal([]byte(e.Payload), &j) // written by the engine; a bad one leaves the row sparse
			if l.LedgerID == "" {
				l.LedgerID = e.LedgerID
			}
		}
		d := doc(l)
		d.Vendor, d.Number, d.Currency, d.Amount = journalKind(j.Kind), j.Reference, j.Currency, j.Total()
		d.Problems, d.Notes = p.Problems, p.Notes
		if j.Narration != "" {
			d.Notes = append([]string{j.Narration}, d.Notes...)
		}
		if !j.Date.IsZero() {
			d.Date = j.Date.Format(time.DateOnly)
		}
		for _, ln := range j.Lines {
			desc := ln.Description
			if ln.Tracking.Category != "" {
				desc += " [" + strings.TrimSpace(ln.Tracking.Category+" "+ln.Tracking.Option) + "]"
			}
			d.Lines = append(d.Lines, procure.BillLine{Description: desc, Quantity: money.FromInt(1), UnitCost: ln.Amount, Amount: ln.Amount, Account: ln.Account})
		}
		out = append(out, d)
	}
	return sortDocs(out), nil
}

// journalKind names a journal's kind for the party column.
func journalKind(kind string) string {
	switch kind {
	case store.PostingCOGS:
		return "Cost of sales"
	case store.PostingAdjustment:
		return "Stock adjustment"
	case store.PostingTransfer:
		return "Transfer between locations"
	}
	return kind
}

// kindRunLines are runLines for the run log, whose lines know no 'none':
// a document with nothing to post is recorded as skipped, saying so.
func kindRunLines(docs []PurchaseBill) []store.PurchaseRunLine {
	lines := runLines(docs)
	for i, d := range docs {
		if d.Status == "none" {
			lines[i].Status = "skipped"
			lines[i].Message = strings.TrimSpace("Nothing to post. " + lines[i].Message)
		}
	}
	return lines
}
