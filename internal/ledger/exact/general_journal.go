package exact

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/money"
)

// GeneralJournalEntry is a booking in a general journal
// (generaljournalentry/GeneralJournalEntries): JournalCode names a journal
// of Type 90; each line posts AmountFC to a GL account, positive a debit
// and negative a credit, and the lines balance. The entry has no reference
// or description of its own, so callers keep theirs in each line's Notes
// and find the entry by it (GeneralJournalEntryLinesByNotes).
type GeneralJournalEntry struct {
	EntryID                  string                         `json:"EntryID,omitempty"`
	EntryNumber              int                            `json:"EntryNumber,omitempty"` // set by Exact
	JournalCode              string                         `json:"JournalCode"`
	Currency                 string                         `json:"Currency,omitempty"`
	Type                     int                            `json:"Type,omitempty"`   // 90 other (default), 10 opening balance
	Status                   int                            `json:"Status,omitempty"` // set by Exact
	GeneralJournalEntryLines Lines[GeneralJournalEntryLine] `json:"GeneralJournalEntryLines,omitempty"`
}

// GeneralJournalEntryLine is one line of a general journal entry.
type GeneralJournalEntryLine struct {
	ID          string        `json:"ID,omitempty"`      // set by Exact
	EntryID     string        `json:"EntryID,omitempty"` // set by Exact
	GLAccount   string        `json:"GLAccount"`
	AmountFC    money.Decimal `json:"AmountFC"`
	Date        Date          `json:"Date,omitzero"`
	Description string        `json:"Description,omitempty"`
	Notes       string        `json:"Notes,omitempty"`
}

func generalJournalDoc(e GeneralJournalEntry) string {
	if len(e.GeneralJournalEntryLines) > 0 && e.GeneralJournalEntryLines[0].Notes != "" {
		return "journal entry " + e.GeneralJournalEntryLines[0].Notes
	}
	return "journal entry"
}

// CreateGeneralJournalEntry validates e locally and posts it with its lines
// in one call (no batch endpoint, no idempotency key).
func (c *Client) CreateGeneralJournalEntry(ctx context.Context, e GeneralJournalEntry) (GeneralJournalEntry, error) {
	if err := c.ValidateGeneralJournalEntry(&e); err != nil {
		return GeneralJournalEntry{}, err
	}
	e.EntryID, e.EntryNumber, e.Status = "", 0, 0
	for i := range e.GeneralJournalEntryLines {
		e.GeneralJournalEntryLines[i].ID, e.GeneralJournalEntryLines[i].EntryID = "", ""
	}
	return post[GeneralJournalEntry](ctx, c, "generaljournalentry/GeneralJournalEntries", "create journal entry", generalJournalDoc(e), e)
}

// GeneralJournalEntryLinesByNotes finds the general journal entry lines
// whose Notes is one of notes, batched into as few calls as the URL length
// allows.
func (c *Client) GeneralJournalEntryLinesByNotes(ctx context.Context, notes []string) ([]GeneralJournalEntryLine, error) {
	return getAnyOf[GeneralJournalEntryLine](ctx, c, list{op: "find journal entry lines", path: "generaljournalentry/GeneralJournalEntryLines",
		query: Query{Select: []string{"ID", "EntryID", "GLAccount", "AmountFC", "Date", "Description", "Notes"}}}, "Notes", strLits(notes), "")
}

// ValidateGeneralJournalEntry checks e before it is sent: a general
// journal, at least two lines, each with a GL account, an amount and a date,
// and debits equal to credits.
func (c *Client) ValidateGeneralJournalEntry(e *GeneralJournalEntry) error {
	doc := generalJournalDoc(*e)
	if err := c.checkJournal(doc, e.JournalCode, JournalTypeGeneral, "general"); err != nil {
		return err
	}
	if e.Type != 0 && e.Type != 10 && e.Type != 90 {
		return invalid(doc, "Type", fmt.Sprintf("%d is neither 10 (opening balance) nor 90 (other)", e.Type), "This is a Billbridge bug; send a support bundle.")
	}
	if err := c.checkCurrency(doc, e.Currency); err != nil {
		return err
	}
	if len(e.GeneralJournalEntryLines) < 2 {
		return invalid(doc, "GeneralJournalEntryLines", "has fewer than two lines", "A journal needs a debit and a credit; check the accounts in the inventory settings.")
	}
	cat := c.cat()
	sum := money.Zero
	for i, l := range e.GeneralJournalEntryLines {
		field := fmt.Sprintf("line %d", i+1)
		if err := checkGL(cat, doc, field, l.GLAccount, true); err != nil {
			return err
		}
		if l.AmountFC.IsZero() {
			return invalid(doc, field+" AmountFC", "is zero", "Check the product's unit cost and the quantity in Autotask.")
		}
		if l.Date.IsZero() {
			return invalid(doc, field+" Date", "is missing", "This is a Billbridge bug; send a support bundle.")
		}
		if err := checkLength(doc, field+" Description", l.Description, EntryDescriptionMax); err != nil {
			return err
		}
		sum = sum.Add(l.AmountFC)
	}
	if !sum.IsZero() {
		return invalid(doc, "GeneralJournalEntryLines", fmt.Sprintf("do not balance: debits and credits differ by %s", sum.String()),
			"This is a Billbridge bug; send a support bundle.")
	}
	return nil
}
