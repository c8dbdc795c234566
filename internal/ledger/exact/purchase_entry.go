package exact

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/money"
)

// Journal types of purchase entries and general journal entries.
const (
	JournalTypePurchase = 22
	JournalTypeGeneral  = 90
)

// Purchase entry types.
const (
	PurchaseEntryTypeEntry  = 30
	PurchaseEntryTypeCredit = 31
)

// Text lengths Billbridge keeps on purchase and general journal entries.
// Exact's reference lists none; these are the entry screens' input limits,
// and the simulator enforces the same numbers.
const (
	EntryDescriptionMax = 60 // header and line Description
	EntryYourRefMax     = 30
)

// PurchaseEntry is a booking in a purchase journal
// (purchaseentry/PurchaseEntries): a supplier's invoice booked straight to
// GL accounts, with no purchase order. Supplier is an account with
// IsSupplier, Journal a purchase journal's code (Type 22). Fields marked
// "set by Exact" are cleared before a POST.
type PurchaseEntry struct {
	EntryID            string                   `json:"EntryID,omitempty"`
	EntryNumber        int                      `json:"EntryNumber,omitempty"` // set by Exact
	Supplier           string                   `json:"Supplier"`
	Journal            string                   `json:"Journal"`
	EntryDate          Date                     `json:"EntryDate,omitzero"`
	DueDate            Date                     `json:"DueDate,omitzero"`
	Type               int                      `json:"Type,omitempty"`
	YourRef            string                   `json:"YourRef,omitempty"`
	Description        string                   `json:"Description,omitempty"`
	Currency           string                   `json:"Currency,omitempty"`
	AmountFC           money.Decimal            `json:"AmountFC,omitzero"` // set by Exact, incl. VAT
	Status             int                      `json:"Status,omitempty"`  // set by Exact
	PurchaseEntryLines Lines[PurchaseEntryLine] `json:"PurchaseEntryLines,omitempty"`
}

// PurchaseEntryLine is one cost line. AmountFC excludes VAT; Exact adds the
// VAT of VATCode (or of the GL account's default code).
type PurchaseEntryLine struct {
	GLAccount   string        `json:"GLAccount"`
	AmountFC    money.Decimal `json:"AmountFC"`
	VATCode     string        `json:"VATCode,omitempty"`
	Description string        `json:"Description,omitempty"`
	Notes       string        `json:"Notes,omitempty"`
}

var purchaseEntryFields = []string{"EntryID", "EntryNumber", "Supplier", "Journal", "EntryDate", "DueDate", "Type", "YourRef",
	"Description", "Currency", "AmountFC", "Status"}

func purchaseEntryDoc(e PurchaseEntry) string {
	if e.YourRef != "" {
		return "purchase entry " + e.YourRef
	}
	return "purchase entry"
}

// CreatePurchaseEntry validates e locally and posts it with its lines in
// one call. There is no batch endpoint and no idempotency key: callers look
// the entry up by YourRef first (PurchaseEntriesByYourRef).
func (c *Client) CreatePurchaseEntry(ctx context.Context, e PurchaseEntry) (PurchaseEntry, error) {
	if err := c.ValidatePurchaseEntry(&e); err != nil {
		return PurchaseEntry{}, err
	}
	e.EntryID, e.EntryNumber, e.Status, e.AmountFC = "", 0, 0, money.Decimal{}
	return post[PurchaseEntry](ctx, c, "purchaseentry/PurchaseEntries", "create purchase entry", purchaseEntryDoc(e), e)
}

// PurchaseEntriesByYourRef finds purchase entries by YourRef, batched into
// as few calls as the URL length allows. Lines are not read.
func (c *Client) PurchaseEntriesByYourRef(ctx context.Context, refs []string) ([]PurchaseEntry, error) {
	return getAnyOf[PurchaseEntry](ctx, c, list{op: "find purchase entries", path: "purchaseentry/PurchaseEntries",
		query: Query{Select: purchaseEntryFields}}, "YourRef", strLits(refs), "")
}

// ValidatePurchaseEntry checks e before it is sent — supplier, purchase
// journal, date, at least one line, GL accounts, VAT codes, currency and
// text lengths — and writes VAT codes as Exact spells them.
func (c *Client) ValidatePurchaseEntry(e *PurchaseEntry) error {
	doc := purchaseEntryDoc(*e)
	if err := c.checkAccount(doc, "Supplier", e.Supplier); err != nil {
		return err
	}
	if err := c.checkJournal(doc, e.Journal, JournalTypePurchase, "purchase"); err != nil {
		return err
	}
	if e.EntryDate.IsZero() {
		return invalid(doc, "EntryDate", "is missing", "Give the document a date in Autotask.")
	}
	if e.Type != 0 && e.Type != PurchaseEntryTypeEntry && e.Type != PurchaseEntryTypeCredit {
		return invalid(doc, "Type", fmt.Sprintf("%d is neither 30 (entry) nor 31 (credit note)", e.Type), "This is a Billbridge bug; send a support bundle.")
	}
	if err := checkLength(doc, "Description", e.Description, EntryDescriptionMax); err != nil {
		return err
	}
	if err := checkLength(doc, "YourRef", e.YourRef, EntryYourRefMax); err != nil {
		return err
	}
	if err := c.checkCurrency(doc, e.Currency); err != nil {
		return err
	}
	if len(e.PurchaseEntryLines) == 0 {
		return invalid(doc, "PurchaseEntryLines", "has no lines", "Exact needs at least one line; check the document in Autotask.")
	}
	cat := c.cat()
	for i := range e.PurchaseEntryLines {
		l := &e.PurchaseEntryLines[i]
		field := fmt.Sprintf("line %d", i+1)
		if err := checkGL(cat, doc, field, l.GLAccount, true); err != nil {
			return err
		}
		if err := checkLength(doc, field+" Description", l.Description, EntryDescriptionMax); err != nil {
			return err
		}
		code, err := checkVAT(cat, doc, field, l.VATCode)
		if err != nil {
			return err
		}
		l.VATCode = code
	}
	return nil
}

// checkJournal checks a journal code against the catalog: present, of the
// type wanted and not blocked.
func (c *Client) checkJournal(doc, code string, typ int, kind string) error {
	if strings.TrimSpace(code) == "" {
		return invalid(doc, "Journal", "is missing", fmt.Sprintf("Create a %s journal in Exact (Master data → Journals), then run again.", kind))
	}
	cat := c.cat()
	if cat.Journals == nil {
		return nil
	}
	j, ok := cat.Journals[strings.TrimSpace(code)]
	switch {
	case !ok:
		return invalid(doc, "Journal", fmt.Sprintf("%q is not a journal in Exact", code), fmt.Sprintf("Choose an existing %s journal.", kind))
	case j.Type != typ:
		return invalid(doc, "Journal", fmt.Sprintf("%q is not a %s journal", code, kind), fmt.Sprintf("Choose a %s journal (type %d).", kind, typ))
	case j.IsBlocked:
		return invalid(doc, "Journal", fmt.Sprintf("%q is blocked in Exact", code), "Unblock the journal in Exact or choose another.")
	}
	return nil
}

func (c *Client) checkCurrency(doc, currency string) error {
	if currency == "" {
		return nil
	}
	if len(currency) != 3 {
		return invalid(doc, "Currency", fmt.Sprintf("%q is not a currency code", currency), "Check the document's currency in Autotask.")
	}
	if cat := c.cat(); cat.Currencies != nil {
		if _, ok := cat.Currencies[currency]; !ok {
			return invalid(doc, "Currency", fmt.Sprintf("%s is not set up in this division", currency), "Add the currency in Exact (Master data → Currencies), then sync again.")
		}
	}
	return nil
}

func checkLength(doc, field, s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return invalid(doc, field, fmt.Sprintf("is %d characters long; Exact keeps at most %d", n, max), "This is a Billbridge bug; send a support bundle.")
	}
	return nil
}
