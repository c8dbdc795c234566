package procure

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/store"
)

// Engine bills one profile's goods receipts into one ledger organisation.
type Engine struct {
	Store        *store.Store
	Autotask     *autotask.Client
	Ledger       Ledger
	ProfileID    int64
	Organisation string // "" is the profile's own organisation
	Settings     Settings
	Window       Window
	Log          *slog.Logger // default discards
}

// Summary is what a run did.
type Summary struct {
	DryRun   bool        `json:"dryRun"`
	Planned  int         `json:"planned"`
	Sent     int         `json:"sent"`
	Failed   int         `json:"failed"`
	Blocked  int         `json:"blocked"`
	Skipped  int         `json:"skipped"`
	Resolved int         `json:"resolved"` // 'sending' rows settled by lookup
	Created  int         `json:"created"`  // suppliers created
	Plan     *PlanResult `json:"plan"`
	Lines    []Line      `json:"lines"`
}

// Line is one bill's outcome, for the run log.
type Line struct {
	Reference string `json:"reference"`
	Status    string `json:"status"` // ready, blocked, skipped, sent, failed
	LedgerID  string `json:"ledgerId"`
	Message   string `json:"message"`
}

func (s Summary) String() string {
	verb := "purchases"
	if s.DryRun {
		verb = "purchases preview"
	}
	return fmt.Sprintf("%s: %d ready, %d sent, %d failed, %d blocked, %d already in the ledger, %d suppliers created",
		verb, s.Planned, s.Sent, s.Failed, s.Blocked, s.Skipped, s.Created)
}

func (e *Engine) log() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}

func (e *Engine) key(parts ...string) string {
	return key(append([]string{strconv.FormatInt(e.ProfileID, 10), e.Organisation, e.Ledger.Kind()}, parts...)...)
}

// Preview plans the window and sends nothing.
func (e *Engine) Preview(ctx context.Context) (Summary, error) {
	plan, err := e.plan(ctx)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{DryRun: true, Plan: plan}
	for _, p := range plan.Bills {
		sum.count(p)
	}
	return sum, nil
}

// Run resolves bills an earlier run left 'sending', then plans the window,
// creates missing suppliers when allowed, and sends the bills.
func (e *Engine) Run(ctx context.Context) (Summary, error) {
	sum := Summary{}
	n, err := e.Resolve(ctx)
	sum.Resolved = n
	if err != nil {
		return sum, err
	}
	plan, err := e.plan(ctx)
	if err != nil {
		return sum, err
	}
	sum.Plan = plan
	var send []*Planned
	for i := range plan.Bills {
		p := &plan.Bills[i]
		if p.Blocked() || p.Action != ActionSend {
			sum.count(*p)
			continue
		}
		send = append(send, p)
	}
	if err := e.saveVendors(ctx, send, plan, &sum); err != nil {
		return sum, err
	}
	size := max(e.Ledger.BatchSize(), 1)
	for start := 0; start < len(send); start += size {
		if err := e.sendBatch(ctx, send[start:min(start+size, len(send))], &sum); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

func (s *Summary) count(p Planned) {
	l := Line{Reference: p.Bill.Reference, Status: "ready", Message: message(p)}
	switch {
	case p.Action == ActionSkip:
		s.Skipped++
		l.Status = "skipped"
	case p.Blocked():
		s.Blocked++
		l.Status = "blocked"
	default:
		s.Planned++
	}
	s.Lines = append(s.Lines, l)
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

// plan pulls the window and reads the ledger's suppliers and items, the
// stored links and the journal.
func (e *Engine) plan(ctx context.Context) (*PlanResult, error) {
	snap, err := Pull(ctx, e.Autotask, e.Window)
	if err != nil {
		return nil, err
	}
	vendors, err := e.Ledger.Vendors(ctx)
	if err != nil {
		return nil, fmt.Errorf("procure: ledger suppliers: %w", err)
	}
	items, err := e.Ledger.Items(ctx)
	if err != nil {
		return nil, fmt.Errorf("procure: ledger items: %w", err)
	}
	vl, err := e.Store.ProcureLinks(ctx, e.ProfileID, e.Organisation, store.ProcureLinkVendor)
	if err != nil {
		return nil, err
	}
	pl, err := e.Store.ProcureLinks(ctx, e.ProfileID, e.Organisation, store.ProcureLinkProduct)
	if err != nil {
		return nil, err
	}
	journal, err := e.Store.ProcureJournal(ctx, e.ProfileID, e.Organisation)
	if err != nil {
		return nil, err
	}
	in := PlanInput{Snapshot: snap, Settings: e.Settings, Vendors: vendors, Items: items, Journal: journal,
		VendorLinks: map[int64]string{}, ProductLinks: map[int64]store.ProcureLink{}, MaxNumberLen: e.Ledger.MaxNumberLen()}
	for _, l := range vl {
		if id, err := strconv.ParseInt(l.SourceKey, 10, 64); err == nil {
			in.VendorLinks[id] = l.Target
		}
	}
	for _, l := range pl {
		if id, err := strconv.ParseInt(l.SourceKey, 10, 64); err == nil {
			in.ProductLinks[id] = l
		}
	}
	return Plan(in), nil
}

// saveVendors creates the suppliers of sendable bills that have none yet
// (when allowed) and stores every link made, so the next run finds them by
// link even if the name changes.
func (e *Engine) saveVendors(ctx context.Context, send []*Planned, plan *PlanResult, sum *Summary) error {
	var create []Vendor
	var companies []int64
	seen := map[int64]bool{}
	for _, p := range send {
		if !p.CreateVendor || seen[p.Bill.VendorCompanyID] {
			continue
		}
		seen[p.Bill.VendorCompanyID] = true
		create = append(create, Vendor{Name: p.Bill.VendorName, AccountNumber: p.Bill.VendorNumber, Currency: p.Bill.Currency})
		companies = append(companies, p.Bill.VendorCompanyID)
	}
	ids := map[int64]string{}
	var links []store.ProcureLink
	if len(create) > 0 {
		res, err := e.Ledger.CreateVendors(ctx, create, e.key("vendors", fmt.Sprint(companies)))
		if err != nil {
			return fmt.Errorf("procure: create suppliers: %w", err)
		}
		for i, r := range res {
			if r.Err != nil {
				e.log().Warn("supplier not created", "company", companies[i], "err", r.Err)
				continue
			}
			ids[companies[i]] = r.ID
			sum.Created++
		}
	}
	for id, l := range plan.VendorLinks {
		if l.By != "link" {
			ids[id] = l.CustomerID
		}
	}
	for id, v := range ids {
		links = append(links, store.ProcureLink{Kind: store.ProcureLinkVendor, SourceKey: strconv.FormatInt(id, 10), Target: v})
	}
	for _, p := range send {
		if id, ok := ids[p.Bill.VendorCompanyID]; ok {
			p.Bill.VendorID = id
		}
		if p.Bill.VendorID == "" {
			p.Problems = append(p.Problems, Problem{ProblemVendorMissing,
				fmt.Sprintf("Receipt %s: the ledger did not accept supplier %q", p.Bill.Reference, p.Bill.VendorName),
				"Read the log for the ledger's reason, create or link the supplier, and run again."})
		}
	}
	if len(links) == 0 {
		return nil
	}
	return e.Store.SaveProcureLinks(ctx, e.ProfileID, e.Organisation, links)
}

// sendBatch journals the bills as sending, sends them, and journals each
// result. When the call fails the outcome is unknown: the rows are resolved
// by lookup at once, and stay 'sending' for the next run if that fails too.
func (e *Engine) sendBatch(ctx context.Context, batch []*Planned, sum *Summary) error {
	var bills []Bill
	var entries []store.ProcureEntry
	var idx []*Planned
	for _, p := range batch {
		if p.Blocked() {
			sum.count(*p)
			continue
		}
		payload, _ := json.Marshal(p.Bill)
		entries = append(entries, store.ProcureEntry{ProfileID: e.ProfileID, Organisation: e.Organisation, Reference: p.Bill.Reference,
			PurchaseOrderID: p.Bill.PurchaseOrderID, ReceivingIDs: p.Bill.ReceivingIDs, State: store.ProcureSending, VendorID: p.Bill.VendorID,
			Number: p.Bill.Number, IdempotencyKey: e.key(p.Bill.Reference, p.Hash), ContentHash: p.Hash, Currency: p.Bill.Currency,
			Total: p.Bill.Total(), Payload: string(payload)})
		bills, idx = append(bills, p.Bill), append(idx, p)
	}
	if len(bills) == 0 {
		return nil
	}
	if err := e.Store.SaveProcureJournal(ctx, entries); err != nil {
		return err
	}
	keys := make([]string, len(entries))
	for i, en := range entries {
		keys[i] = en.IdempotencyKey
	}
	res, err := e.Ledger.CreateBills(ctx, bills, key(keys...))
	if err != nil {
		e.log().Warn("create bills failed; resolving by lookup", "err", err)
		if _, rerr := e.Resolve(ctx); rerr != nil {
			return fmt.Errorf("procure: send bills: %w (and the lookup failed: %v)", err, rerr)
		}
		return e.countResolved(ctx, idx, sum)
	}
	for i, r := range res {
		en := &entries[i]
		l := Line{Reference: en.Reference, Message: message(*idx[i])}
		if r.Err != nil {
			en.State, en.Error = store.ProcureFailed, r.Err.Error()
			l.Status, l.Message = "failed", fmt.Sprintf("Receipt %s: the ledger refused the bill: %s", en.Reference, r.Err)
			sum.Failed++
		} else {
			en.State, en.LedgerID, en.Error = store.ProcureSent, r.ID, ""
			l.Status, l.LedgerID = "sent", r.ID
			sum.Sent++
		}
		sum.Lines = append(sum.Lines, l)
	}
	return e.Store.SaveProcureJournal(ctx, entries)
}

func (e *Engine) countResolved(ctx context.Context, batch []*Planned, sum *Summary) error {
	rows, err := e.Store.ProcureJournal(ctx, e.ProfileID, e.Organisation)
	if err != nil {
		return err
	}
	byRef := map[string]store.ProcureEntry{}
	for _, r := range rows {
		byRef[r.Reference] = r
	}
	for _, p := range batch {
		j := byRef[p.Bill.Reference]
		l := Line{Reference: j.Reference, LedgerID: j.LedgerID}
		if j.State == store.ProcureSent {
			l.Status = "sent"
			sum.Sent++
		} else {
			l.Status, l.Message = "failed", "the ledger did not answer and does not have it; it is sent again next run"
			sum.Failed++
		}
		sum.Lines = append(sum.Lines, l)
	}
	return nil
}

// Resolve settles every bill left 'sending' by looking it up in the ledger
// by supplier and number: found → sent; not found → failed, to be sent
// again. It never resends.
func (e *Engine) Resolve(ctx context.Context) (int, error) {
	rows, err := e.Store.ProcureJournal(ctx, e.ProfileID, e.Organisation, store.ProcureSending)
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	refs := make([]BillRef, len(rows))
	for i, r := range rows {
		refs[i] = BillRef{VendorID: r.VendorID, Number: r.Number}
	}
	found, err := e.Ledger.FindBills(ctx, refs)
	if err != nil {
		return 0, fmt.Errorf("procure: look up bills left sending: %w", err)
	}
	byRef := map[BillRef]string{}
	for _, f := range found {
		byRef[f.Ref] = f.ID
	}
	for i := range rows {
		if id, ok := byRef[refs[i]]; ok {
			rows[i].State, rows[i].LedgerID, rows[i].Error = store.ProcureSent, id, ""
		} else {
			rows[i].State, rows[i].Error = store.ProcureFailed, "not in the ledger after an interrupted send; sent again next run"
		}
	}
	return len(rows), e.Store.SaveProcureJournal(ctx, rows)
}
