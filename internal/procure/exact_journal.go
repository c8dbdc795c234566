package procure

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// Exact journals are general journal entries
// (generaljournalentry/GeneralJournalEntries) in the division's first
// general journal (Type 90): AmountFC positive debits, negative credits.
// An entry has no reference of its own, so every line carries ours in
// Notes (and at the start of its Description, for people), and a journal
// is found by its lines' Notes — before every create and after a crash.
// Accounts are GL account codes, as the inventory settings keep them.
// Exact tracks no locations for Billbridge: a line with a tracking (a
// transfer between locations mapped to different trackings) is refused
// locally.

// TrackedItems is empty: Billbridge's Exact invoices are sales entries,
// which book no stock, so every stocked product's cost of sales is journaled.
func (x *Exact) TrackedItems(context.Context) ([]Item, error) { return []Item{}, nil }

// CreateJournals looks the batch up (one call), then posts each journal
// not yet in Exact, one call each. A journal the local check or Exact
// refuses gets its Err; an error means the outcome is unknown.
func (x *Exact) CreateJournals(ctx context.Context, js []Journal, _ string) ([]Result, error) {
	refs := make([]string, len(js))
	for i, j := range js {
		refs[i] = j.Reference
	}
	have, err := x.FindJournals(ctx, refs)
	if err != nil {
		return nil, err
	}
	// The journals and GL accounts are read once per batch: two calls.
	books := &exactBooks{c: x.c}
	if err := books.load(ctx); err != nil {
		return nil, err
	}
	return exactEach(js, func(_ int, j Journal) (string, error) {
		if id, ok := have[j.Reference]; ok {
			return id, nil
		}
		e, err := journalEntryOf(books, j)
		if err != nil {
			return "", err
		}
		saved, err := x.c.CreateGeneralJournalEntry(ctx, e)
		return saved.EntryID, err
	})
}

// journalEntryOf turns a journal into a general journal entry, refusing
// locally what Exact would refuse.
func journalEntryOf(books *exactBooks, j Journal) (exact.GeneralJournalEntry, error) {
	code, err := books.journal("", exact.JournalTypeGeneral, "general")
	if err != nil {
		return exact.GeneralJournalEntry{}, err
	}
	e := exact.GeneralJournalEntry{JournalCode: code, Type: 90}
	for i, l := range j.Lines {
		doc := fmt.Sprintf("Journal %s line %d", j.Reference, i+1)
		if l.Tracking.Category != "" {
			return e, apperr.New(apperr.Invalid, doc+": Exact Online journals from Billbridge carry no location tracking",
				"Unmap the inventory locations in Mappings (transfers then post nothing), or book the transfer in Exact itself.")
		}
		if l.Amount.IsZero() {
			continue
		}
		gl, err := books.glAccount(l.Account, doc, "Choose the account in the inventory settings (Exact GL account codes).")
		if err != nil {
			return e, err
		}
		e.GeneralJournalEntryLines = append(e.GeneralJournalEntryLines, exact.GeneralJournalEntryLine{GLAccount: gl, AmountFC: l.Amount,
			Date: exact.DateOf(j.Date), Description: truncateRunes(j.Reference+": "+l.Description, exact.EntryDescriptionMax), Notes: j.Reference})
	}
	return e, nil
}

// FindJournals reads the general journal entry lines whose Notes is one of
// the references (batched) and returns each reference's entry.
func (x *Exact) FindJournals(ctx context.Context, refs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(refs) == 0 {
		return out, nil
	}
	ls, err := x.c.GeneralJournalEntryLinesByNotes(ctx, refs)
	if err != nil {
		return nil, fmt.Errorf("find journal entries: %w", err)
	}
	for _, l := range ls {
		if ref := strings.TrimSpace(l.Notes); ref != "" && l.EntryID != "" {
			out[ref] = l.EntryID
		}
	}
	return out, nil
}
