package syncer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Outcomes of a manual copy.
const (
	CopyCreated  = "created"  // the invoice was not in the ledger; it is now
	CopyExists   = "exists"   // it is in the ledger already and was not created again
	CopyReplaced = "replaced" // Overwrite: the old document was voided and a new one created
	CopyBlocked  = "blocked"  // a problem stops it; nothing was sent or voided
	CopyFailed   = "failed"   // the ledger refused it, or Overwrite was not safe
)

// CopyResult is what a manual copy of one invoice did, in words for the person.
type CopyResult struct {
	RunID         int64  `json:"runId"`
	InvoiceID     int64  `json:"invoiceId"`
	InvoiceNumber string `json:"invoiceNumber"`
	Outcome       string `json:"outcome"`
	LedgerID      string `json:"ledgerId"`
	LedgerNumber  string `json:"ledgerNumber"`
	ReplacedID    string `json:"replacedId"` // the voided document, when replaced
	Message       string `json:"message"`
}

// CopyOne copies one Autotask invoice by id to the ledger, synced or not.
//
// Without overwrite an invoice the journal or the ledger already holds is
// never created again: the result says where it is (and a journal row and
// the Autotask mark are added when only the ledger knew it, as after a
// second install). With overwrite the old document is voided first and the
// new one created after, so a failure between the two leaves the invoice
// missing (the result and the journal say so) but never in the ledger
// twice. Ledgers keep a voided document's number, so the new document gets
// a revision suffix ("-R2", "-R3" …) on the number and on our reference;
// with ledger numbering the ledger numbers it and that number is written
// back. A document with payments is not overwritten: voiding it would
// unpick them.
func (e *Engine) CopyOne(ctx context.Context, opts Options, invoiceID int64, overwrite bool) (CopyResult, error) {
	res := CopyResult{InvoiceID: invoiceID}
	sum := Summary{}
	r := &store.Run{ProfileID: e.ProfileID, Kind: "copy", Options: fmt.Sprintf(`{"invoiceId":%d,"overwrite":%t,"ledgerNumbering":%t}`,
		invoiceID, overwrite, opts.LedgerNumbering)}
	if err := e.Store.StartRun(ctx, r); err != nil {
		return res, err
	}
	sum.RunID, res.RunID = r.ID, r.ID
	err := e.copyOne(ctx, opts, invoiceID, overwrite, &res, &sum)
	line := store.RunLine{AutotaskInvoiceID: invoiceID, InvoiceNumber: res.InvoiceNumber, Status: res.Outcome,
		LedgerID: res.LedgerID, LedgerNumber: res.LedgerNumber, Message: res.Message}
	if res.Outcome != "" {
		sum.Lines = append(sum.Lines, line)
	}
	return res, e.record(ctx, "copy", opts, &sum, err)
}

func (e *Engine) copyOne(ctx context.Context, opts Options, invoiceID int64, overwrite bool, res *CopyResult, sum *Summary) error {
	if _, err := e.Resolve(ctx); err != nil {
		return err
	}
	snap, err := PullOne(ctx, e.Autotask, invoiceID)
	if autotask.IsNotFound(err) {
		return apperr.Wrap(err, apperr.NotFound, fmt.Sprintf("There is no Autotask invoice with id %d", invoiceID),
			"Use the invoice's id (as in Autotask's invoice address, InvoiceID=…), not its invoice number.")
	}
	if err != nil {
		return err
	}
	inv := snap.Invoices[0]
	res.InvoiceNumber = inv.InvoiceNumber
	if inv.IsVoided {
		res.Outcome, res.Message = CopyBlocked, fmt.Sprintf("%s is voided in Autotask; it is not copied.", invoiceLabel(inv))
		sum.Blocked++
		return nil
	}
	plan, err := e.planFresh(ctx, snap, opts)
	if err != nil {
		return err
	}
	p := &plan.Invoices[0]
	old, live, err := e.existing(ctx, inv, p)
	if err != nil {
		return err
	}
	switch {
	case live && !overwrite:
		return e.keepExisting(ctx, opts, inv, p, old, res, sum)
	case p.Blocked():
		res.Outcome, res.Message = CopyBlocked, strings.TrimSpace(message(*p))
		sum.Blocked++
		return nil
	case live && (old.Status == ledger.StatusPaid || old.Paid):
		res.Outcome, res.LedgerID, res.LedgerNumber = CopyFailed, old.ID, old.Number
		res.Message = fmt.Sprintf("%s is in the ledger as %s with payments recorded; Overwrite would void it and unpick them, so nothing was changed. "+
			"Remove the payments in the ledger (or credit the invoice there), then copy it again.", labelOf(p), old.Number)
		sum.Failed++
		return nil
	}
	if old.ID != "" {
		// The old document (live or voided) keeps its number and reference:
		// the new one is a revision of both.
		rev := "-R" + strconv.Itoa(revisionOf(old.OurRef)+1)
		p.Doc.OurRef = OurRef(inv.ID) + rev
		if !opts.LedgerNumbering && inv.InvoiceNumber != "" {
			p.Doc.Number = inv.InvoiceNumber + rev
		}
	}
	if live {
		if err := e.voidOld(ctx, p, old, res, sum); err != nil || res.Outcome != "" {
			return err
		}
	}
	return e.createOne(ctx, opts, plan, p, old.ID, live, res, sum)
}

// oldDoc is what the journal and the ledger know of an earlier copy.
type oldDoc struct {
	Kind       ledger.DocKind
	ID, Number string
	OurRef     string
	Status     ledger.DocStatus
	Paid       bool
	Journal    *store.JournalEntry
}

// existing finds the invoice's document: by the journal, and in the ledger
// by number or our reference. live is false for a voided document.
func (e *Engine) existing(ctx context.Context, inv autotask.Invoice, p *Planned) (oldDoc, bool, error) {
	var old oldDoc
	kind := ledger.KindInvoice
	if inv.InvoiceTotal.IsNegative() {
		kind = ledger.KindCreditNote
	}
	ref := ledger.DocRef{Kind: kind, Number: inv.InvoiceNumber, OurRef: OurRef(inv.ID)}
	rows, err := e.Store.Journal(ctx, e.ProfileID)
	if err != nil {
		return old, false, err
	}
	for i, j := range rows {
		if j.AutotaskInvoiceID != inv.ID {
			continue
		}
		old.Journal = &rows[i]
		if j.State == store.JournalSent || j.State == store.JournalWrittenBack || j.State == store.JournalVoided {
			ref = ledger.DocRef{Kind: ledger.DocKind(j.DocKind), Number: j.LedgerNumber, OurRef: j.OurRef}
			old.Paid = j.PaidDate != "" || j.AmountPaid.Sign() > 0
		}
	}
	found, err := e.Ledger.FindDocuments(ctx, []ledger.DocRef{ref})
	if err != nil {
		return old, false, fmt.Errorf("syncer: look up invoice %d in the ledger: %w", inv.ID, err)
	}
	if len(found) == 0 {
		return old, false, nil
	}
	f := found[0]
	old.Kind, old.ID, old.Number, old.OurRef, old.Status = ref.Kind, f.ID, f.Number, ref.OurRef, f.Status
	return old, f.Status != ledger.StatusVoided, nil
}

// keepExisting records a document found in the ledger and leaves it alone.
func (e *Engine) keepExisting(ctx context.Context, opts Options, inv autotask.Invoice, p *Planned, old oldDoc, res *CopyResult, sum *Summary) error {
	res.Outcome, res.LedgerID, res.LedgerNumber = CopyExists, old.ID, old.Number
	res.Message = fmt.Sprintf("%s is already in the ledger as %s; it was not created again. To replace it, copy it with Overwrite: "+
		"the ledger document is voided and a new one created.", labelOf(p), numberOr(old))
	sum.Skipped++
	j := old.Journal
	if j != nil && (j.State == store.JournalSent || j.State == store.JournalWrittenBack) && j.LedgerID == old.ID {
		if j.State == store.JournalSent {
			return e.writeBackOne(ctx, opts, *j, sum)
		}
		return nil
	}
	// Only the ledger knew it (a second install, a lost journal): remember
	// it and mark Autotask, so no later run sends it either.
	en := store.JournalEntry{ProfileID: e.ProfileID, AutotaskInvoiceID: inv.ID, Organisation: e.Organisation, State: store.JournalSent, DocKind: string(old.Kind),
		OurRef: old.OurRef, Number: old.Number, LedgerID: old.ID, LedgerNumber: old.Number, Total: p.Doc.Total(), RunID: sum.RunID}
	if err := e.Store.SaveJournal(ctx, []store.JournalEntry{en}); err != nil {
		return err
	}
	return e.writeBackOne(ctx, opts, en, sum)
}

// DraftDeleter is a ledger that deletes drafts, which ledgers such as Xero
// cannot void. Overwrite deletes a draft through it when the ledger has it.
type DraftDeleter interface {
	DeleteDraft(ctx context.Context, kind ledger.DocKind, id, key string) error
}

// voidOld voids the document being replaced (deletes it, when it is a
// draft and the ledger deletes drafts) and journals that it was.
func (e *Engine) voidOld(ctx context.Context, p *Planned, old oldDoc, res *CopyResult, sum *Summary) error {
	remove, op := e.Ledger.VoidDocument, "void"
	if d, ok := e.Ledger.(DraftDeleter); ok && old.Status == ledger.StatusDraft {
		remove, op = d.DeleteDraft, "delete"
	}
	// Each copy is its own request: a retry after the user fixed what
	// stopped the last one must not get that answer back.
	key := idempotencyKey(itoa(e.ProfileID), "overwrite", op, old.ID, itoa(sum.RunID))
	if err := remove(ctx, old.Kind, old.ID, key); err != nil {
		if _, ok := apperr.As(err); !ok {
			return fmt.Errorf("syncer: void %s before overwriting it: %w", old.Number, err)
		}
		res.Outcome, res.LedgerID, res.LedgerNumber = CopyFailed, old.ID, old.Number
		res.Message = fmt.Sprintf("%s: the ledger would not void %s, so nothing was replaced: %s", labelOf(p), numberOr(old), apperr.Public(err).Message)
		switch {
		case old.Status == ledger.StatusDraft:
			res.Message += " It is a draft, which this ledger deletes rather than voids: approve it in the ledger, then copy again with Overwrite."
		case old.Status == ledger.StatusApproved:
			res.Message += " If it has payments or credits, remove them in the ledger first, then copy again with Overwrite."
		}
		sum.Failed++
		return nil
	}
	res.ReplacedID = old.ID
	en := store.JournalEntry{ProfileID: e.ProfileID, AutotaskInvoiceID: p.InvoiceID, Organisation: e.Organisation, State: store.JournalVoided, DocKind: string(old.Kind),
		OurRef: old.OurRef, Number: old.Number, LedgerID: old.ID, LedgerNumber: old.Number, RunID: sum.RunID,
		Error: "voided to be replaced by a manual copy; if no newer document follows, copy the invoice again"}
	if old.Journal != nil {
		en.IdempotencyKey, en.ContentHash, en.Total, en.Payload = old.Journal.IdempotencyKey, old.Journal.ContentHash, old.Journal.Total, old.Journal.Payload
	}
	sum.Voided++
	return e.Store.SaveJournal(ctx, []store.JournalEntry{en})
}

// createOne sends the document under the journal and writes it back.
func (e *Engine) createOne(ctx context.Context, opts Options, plan *Plan, p *Planned, replaces string, replacing bool, res *CopyResult, sum *Summary) error {
	if err := e.saveCustomers(ctx, []*Planned{p}, plan); err != nil {
		return err
	}
	if p.Blocked() { // the customer was refused
		res.Outcome, res.Message = CopyFailed, strings.TrimSpace(message(*p))
		sum.Failed++
		return nil
	}
	if opts.CreateItems {
		if err := e.createItems(ctx, []*Planned{p}, plan.NewItems); err != nil {
			return err
		}
	}
	payload, _ := json.Marshal(p.Doc)
	// The key names what it replaces and the run: a replacement with
	// unchanged content must not get the replaced document's answer back,
	// nor a new copy the refusal of an earlier one. A crash is settled by
	// Resolve's lookup at the next start, not by the key.
	key := idempotencyKey(itoa(e.ProfileID), e.Ledger.Capabilities().Kind, itoa(p.InvoiceID), p.Hash, "replaces", replaces, itoa(sum.RunID))
	en := store.JournalEntry{ProfileID: e.ProfileID, AutotaskInvoiceID: p.InvoiceID, Organisation: e.Organisation, State: store.JournalSending, DocKind: string(p.Doc.Kind),
		OurRef: p.Doc.OurRef, Number: p.Doc.Number, IdempotencyKey: key, ContentHash: p.Hash, Total: p.Doc.Total(), RunID: sum.RunID, Payload: string(payload)}
	if err := e.Store.SaveJournal(ctx, []store.JournalEntry{en}); err != nil {
		return err
	}
	out, err := e.Ledger.CreateDocuments(ctx, []ledger.Document{p.Doc}, key)
	switch {
	case err != nil:
		// The answer is lost: settle by lookup, never by sending again.
		if _, rerr := e.Resolve(ctx); rerr != nil {
			return fmt.Errorf("syncer: copy invoice %d: %w (and the lookup failed: %v)", p.InvoiceID, err, rerr)
		}
		rows, jerr := e.Store.Journal(ctx, e.ProfileID, store.JournalSent)
		if jerr != nil {
			return jerr
		}
		en.State = store.JournalFailed
		for _, r := range rows {
			if r.AutotaskInvoiceID == p.InvoiceID {
				en = r
			}
		}
		if en.State != store.JournalSent {
			return fmt.Errorf("syncer: copy invoice %d: %w", p.InvoiceID, err)
		}
	case out[0].Err != nil:
		en.State, en.Error = store.JournalFailed, out[0].Err.Error()
		res.Outcome, res.Message = CopyFailed, fmt.Sprintf("%s: the ledger refused it: %s", labelOf(p), out[0].Err)
		if replacing {
			res.Message += " The old document was voided already; copy the invoice again once this is fixed."
		}
		sum.Failed++
		return e.Store.SaveJournal(ctx, []store.JournalEntry{en})
	default:
		en.State, en.LedgerID, en.LedgerNumber = store.JournalSent, out[0].ID, out[0].Number
		if err := e.Store.SaveJournal(ctx, []store.JournalEntry{en}); err != nil {
			return err
		}
	}
	sum.Sent++
	res.LedgerID, res.LedgerNumber = en.LedgerID, en.LedgerNumber
	if replacing {
		res.Outcome = CopyReplaced
		res.Message = fmt.Sprintf("%s replaced: the old ledger document was voided and %s created.", labelOf(p), orID(en.LedgerNumber, en.LedgerID))
	} else {
		res.Outcome = CopyCreated
		res.Message = fmt.Sprintf("%s created in the ledger as %s.", labelOf(p), orID(en.LedgerNumber, en.LedgerID))
	}
	return e.writeBackOne(ctx, opts, en, sum)
}

// writeBackOne marks one sent invoice in Autotask, as WriteBack does for all.
func (e *Engine) writeBackOne(ctx context.Context, opts Options, en store.JournalEntry, sum *Summary) error {
	var err error
	if opts.LedgerNumbering {
		err = e.Autotask.SetInvoiceNumber(ctx, en.AutotaskInvoiceID, en.LedgerNumber)
	} else {
		err = e.Autotask.SetInvoiceWebServiceDate(ctx, en.AutotaskInvoiceID, autotask.Time{Time: e.now().Truncate(time.Second)})
	}
	if err != nil {
		return fmt.Errorf("syncer: write back invoice %d: %w", en.AutotaskInvoiceID, err)
	}
	en.State = store.JournalWrittenBack
	sum.WrittenBack++
	return e.Store.SaveJournal(ctx, []store.JournalEntry{en})
}

// planFresh plans a snapshot as if nothing had been sent: a manual copy
// decides about earlier copies itself.
func (e *Engine) planFresh(ctx context.Context, snap *Snapshot, opts Options) (*Plan, error) {
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
	if opts.LineMode == "" {
		opts.LineMode = ModeStandard
	}
	levels, err := e.trackingLevels(ctx, snap, settings)
	if err != nil {
		return nil, err
	}
	return makePlan(planInput{snap: snap, rules: rulesOf(rows, opts.Organisation), settings: settings, caps: e.Ledger.Capabilities(),
		customers: customers, items: items, journal: map[int64]store.JournalEntry{}, opts: opts, levels: levels}), nil
}

// revisionOf reads the revision from our reference: "AT-7" is 1,
// "AT-7-R2" is 2.
func revisionOf(ourRef string) int {
	if i := strings.LastIndex(ourRef, "-R"); i >= 0 {
		if n, err := strconv.Atoi(ourRef[i+2:]); err == nil && n >= 2 {
			return n
		}
	}
	return 1
}

func invoiceLabel(inv autotask.Invoice) string {
	if inv.InvoiceNumber != "" {
		return "Invoice " + inv.InvoiceNumber
	}
	return "Autotask invoice id " + itoa(inv.ID)
}

func numberOr(d oldDoc) string { return orID(d.Number, d.ID) }

func orID(number, id string) string {
	if number != "" {
		return number
	}
	return "document " + id
}

// errCopyRefused marks a copy that did not happen, for callers that want an error.
var errCopyRefused = errors.New("syncer: copy refused")

// Err is nil when the copy created, replaced or found the invoice, and an
// *apperr.Error with the result's message otherwise.
func (r CopyResult) Err() error {
	switch r.Outcome {
	case CopyBlocked:
		return apperr.Wrap(errCopyRefused, apperr.Invalid, r.Message, "Fix what the message names, then copy the invoice again.")
	case CopyFailed:
		return apperr.Wrap(errCopyRefused, apperr.Conflict, r.Message, "Read the message for what to change, then copy the invoice again.")
	}
	return nil
}
