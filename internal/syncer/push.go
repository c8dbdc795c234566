package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// Sync resolves what an earlier run left 'sending', then pulls, plans,
// pushes, writes back and reads payments back.
func (e *Engine) Sync(ctx context.Context, opts Options) (Summary, error) {
	sum := Summary{}
	r := &store.Run{ProfileID: e.ProfileID, Kind: "sync", Options: runOptions(opts)}
	if err := e.Store.StartRun(ctx, r); err != nil {
		return sum, err
	}
	sum.RunID = r.ID
	err := e.sync(ctx, opts, &sum)
	return sum, e.record(ctx, "sync", opts, &sum, err)
}

func (e *Engine) sync(ctx context.Context, opts Options, sum *Summary) error {
	n, err := e.Resolve(ctx)
	sum.Resolved = n
	if err != nil {
		return err
	}
	snap, err := PullWindow(ctx, e.Autotask, opts.Window, opts.LedgerNumbering)
	if err != nil {
		return err
	}
	plan, err := e.plan(ctx, snap, opts)
	if err != nil {
		return err
	}
	sum.Plan = plan
	return e.push(ctx, plan, opts, sum)
}

func (e *Engine) push(ctx context.Context, plan *Plan, opts Options, sum *Summary) error {
	var send []*Planned
	var voids []Planned
	for i := range plan.Invoices {
		p := &plan.Invoices[i]
		switch {
		case p.Blocked():
			sum.count(*p)
		case p.Action == ActionSend:
			send = append(send, p)
		case p.Action == ActionVoid:
			voids = append(voids, *p)
		case p.Action == ActionSkip:
			sum.count(*p)
		}
	}
	if err := e.saveCustomers(ctx, send, plan); err != nil {
		return err
	}
	if opts.CreateItems {
		if err := e.createItems(ctx, send, plan.NewItems); err != nil {
			return err
		}
	}
	size := max(e.Ledger.Capabilities().BatchSize, 1)
	for start := 0; start < len(send); start += size {
		batch := send[start:min(start+size, len(send))]
		if err := e.sendBatch(ctx, batch, sum); err != nil {
			return err
		}
	}
	if err := e.voidAll(ctx, voids, sum); err != nil {
		return err
	}
	if err := e.WriteBack(ctx, opts.LedgerNumbering, sum); err != nil {
		return err
	}
	return e.PaymentsBack(ctx, sum)
}

// saveCustomers creates the customers of sendable invoices that have no
// ledger customer yet, updates linked ones whose details changed, and
// stores every link made.
func (e *Engine) saveCustomers(ctx context.Context, send []*Planned, plan *Plan) error {
	existing, err := e.Ledger.Customers(ctx)
	if err != nil {
		return fmt.Errorf("syncer: ledger customers: %w", err)
	}
	have := map[string]ledger.Customer{}
	for _, c := range existing {
		have[c.ID] = c
	}
	var batch []ledger.Customer
	var companies []int64
	seen := map[int64]bool{}
	for _, p := range send {
		if seen[p.CompanyID] {
			continue
		}
		seen[p.CompanyID] = true
		c := p.Customer
		if cur, ok := have[c.ID]; ok && sameCustomer(cur, c) {
			continue
		}
		batch, companies = append(batch, c), append(companies, p.CompanyID)
	}
	ids := map[int64]string{}
	var links []store.MappingRule
	if len(batch) > 0 {
		res, err := e.Ledger.SaveCustomers(ctx, batch, e.key(itoa(e.ProfileID), "customers", fmt.Sprint(companies)))
		if err != nil {
			return fmt.Errorf("syncer: save customers: %w", err)
		}
		for i, r := range res {
			if r.Err != nil {
				e.log().Warn("customer not saved", "company", companies[i], "err", r.Err)
				continue
			}
			ids[companies[i]] = r.ID
			links = append(links, mapping.CustomerRule(companies[i], r.ID))
		}
	}
	for _, p := range send {
		if id, ok := ids[p.CompanyID]; ok {
			p.Customer.ID = id
		}
		if p.Customer.ID == "" {
			p.Problems = append(p.Problems, Problem{"customer_not_saved",
				fmt.Sprintf("%s: the ledger did not accept customer %q", labelOf(p), p.CompanyName),
				"Read the run log for the ledger's reason, correct the company in Autotask or the ledger, and sync again."})
			continue
		}
		p.Doc.CustomerID = p.Customer.ID
		if l, ok := plan.Links[p.CompanyID]; ok && l.By != "link" {
			links = append(links, mapping.CustomerRule(p.CompanyID, l.CustomerID))
		}
	}
	if len(links) == 0 {
		return nil
	}
	for i := range links {
		links[i].Organisation = e.Organisation
	}
	return e.Store.SaveMappingRules(ctx, e.ProfileID, links)
}

func labelOf(p *Planned) string {
	if p.InvoiceNumber != "" {
		return "Invoice " + p.InvoiceNumber
	}
	return "Autotask invoice id " + itoa(p.InvoiceID)
}

func sameCustomer(a, b ledger.Customer) bool {
	return a.Name == b.Name && a.AccountNumber == b.AccountNumber && a.Email == b.Email && a.Phone == b.Phone &&
		a.ContactFirst == b.ContactFirst && a.ContactLast == b.ContactLast && strings.Join(a.Address.Lines, "|") == strings.Join(b.Address.Lines, "|") &&
		a.Address.City == b.Address.City && a.Address.PostalCode == b.Address.PostalCode
}

func (e *Engine) createItems(ctx context.Context, send []*Planned, items []ledger.Item) error {
	used := map[string]bool{}
	for _, p := range send {
		for _, l := range p.Doc.Lines {
			used[strings.ToLower(l.ItemCode)] = true
		}
	}
	var create []ledger.Item
	for _, it := range items {
		if used[strings.ToLower(it.Code)] {
			create = append(create, it)
		}
	}
	if len(create) == 0 {
		return nil
	}
	res, err := e.Ledger.CreateItems(ctx, create, e.key(itoa(e.ProfileID), "items", fmt.Sprint(len(create), create[0].Code)))
	if err != nil {
		return fmt.Errorf("syncer: create items: %w", err)
	}
	for i, r := range res {
		if r.Err != nil {
			e.log().Warn("item not created", "code", create[i].Code, "err", r.Err)
		}
	}
	return nil
}

// sendBatch journals the batch as sending, sends it, and journals each
// result. When the call itself fails the outcome is unknown: the rows are
// resolved by lookup at once, and left 'sending' for the next run when the
// lookup fails too.
func (e *Engine) sendBatch(ctx context.Context, batch []*Planned, sum *Summary) error {
	var docs []ledger.Document
	var entries []store.JournalEntry
	var idx []*Planned
	kind := e.Ledger.Capabilities().Kind
	for _, p := range batch {
		if p.Blocked() {
			sum.count(*p)
			continue
		}
		payload, _ := json.Marshal(p.Doc)
		key := e.key(itoa(e.ProfileID), kind, itoa(p.InvoiceID), p.Hash)
		entries = append(entries, store.JournalEntry{ProfileID: e.ProfileID, AutotaskInvoiceID: p.InvoiceID, Organisation: e.Organisation, State: store.JournalSending,
			DocKind: string(p.Doc.Kind), OurRef: p.Doc.OurRef, Number: p.Doc.Number, IdempotencyKey: key, ContentHash: p.Hash,
			Total: p.Doc.Total(), RunID: sum.RunID, Payload: string(payload)})
		docs, idx = append(docs, p.Doc), append(idx, p)
	}
	if len(docs) == 0 {
		return nil
	}
	if err := e.Store.SaveJournal(ctx, entries); err != nil {
		return err
	}
	keys := make([]string, len(entries))
	for i, en := range entries {
		keys[i] = en.IdempotencyKey
	}
	res, err := e.Ledger.CreateDocuments(ctx, docs, idempotencyKey(keys...))
	if err != nil {
		e.log().Warn("create documents failed; resolving by lookup", "err", err)
		if _, rerr := e.Resolve(ctx); rerr != nil {
			return fmt.Errorf("syncer: send documents: %w (and the lookup failed: %v)", err, rerr)
		}
		return e.countResolved(ctx, idx, sum)
	}
	for i, r := range res {
		en := &entries[i]
		line := store.RunLine{AutotaskInvoiceID: en.AutotaskInvoiceID, InvoiceNumber: idx[i].InvoiceNumber, Payload: en.Payload, Message: message(*idx[i])}
		if r.Err != nil {
			en.State, en.Error = store.JournalFailed, r.Err.Error()
			line.Status, line.Message = "failed", fmt.Sprintf("%s: the ledger refused it: %s", labelOf(idx[i]), r.Err)
			sum.Failed++
		} else {
			en.State, en.LedgerID, en.LedgerNumber, en.Error = store.JournalSent, r.ID, r.Number, ""
			line.Status, line.LedgerID, line.LedgerNumber = "sent", r.ID, r.Number
			sum.Sent++
		}
		sum.Lines = append(sum.Lines, line)
	}
	return e.Store.SaveJournal(ctx, entries)
}

// countResolved adds run lines for a batch settled by lookup.
func (e *Engine) countResolved(ctx context.Context, batch []*Planned, sum *Summary) error {
	rows, err := e.journal(ctx)
	if err != nil {
		return err
	}
	byID := map[int64]store.JournalEntry{}
	for _, r := range rows {
		byID[r.AutotaskInvoiceID] = r
	}
	for _, p := range batch {
		j := byID[p.InvoiceID]
		line := store.RunLine{AutotaskInvoiceID: p.InvoiceID, InvoiceNumber: p.InvoiceNumber, LedgerID: j.LedgerID, LedgerNumber: j.LedgerNumber}
		if j.State == store.JournalSent {
			line.Status = "sent"
			sum.Sent++
		} else {
			line.Status, line.Message = "failed", "the ledger did not answer and does not have it; it is sent again next run"
			sum.Failed++
		}
		sum.Lines = append(sum.Lines, line)
	}
	return nil
}

func (e *Engine) voidAll(ctx context.Context, voids []Planned, sum *Summary) error {
	if len(voids) == 0 {
		return nil
	}
	rows, err := e.journal(ctx, store.JournalSent, store.JournalWrittenBack)
	if err != nil {
		return err
	}
	byID := map[int64]store.JournalEntry{}
	for _, r := range rows {
		byID[r.AutotaskInvoiceID] = r
	}
	for _, p := range voids {
		j, ok := byID[p.InvoiceID]
		if !ok {
			continue
		}
		line := store.RunLine{AutotaskInvoiceID: p.InvoiceID, InvoiceNumber: p.InvoiceNumber, LedgerID: j.LedgerID, LedgerNumber: j.LedgerNumber}
		if err := e.Ledger.VoidDocument(ctx, ledger.DocKind(j.DocKind), j.LedgerID, idempotencyKey(j.IdempotencyKey, "void")); err != nil {
			line.Status, line.Message = "failed", fmt.Sprintf("voided in Autotask but not in the ledger: %v", err)
			sum.Failed++
		} else {
			j.State = store.JournalVoided
			if err := e.Store.SaveJournal(ctx, []store.JournalEntry{j}); err != nil {
				return err
			}
			line.Status = "voided"
			sum.Voided++
		}
		sum.Lines = append(sum.Lines, line)
	}
	return nil
}
