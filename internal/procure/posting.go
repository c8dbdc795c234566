package procure

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Journal is one general-ledger journal: cost of sales for an invoice, a
// stock adjustment or a transfer between tracked locations.
type Journal struct {
	Reference string        `json:"reference"` // unique: COGS-<invoice number>, ADJ-<id>, TRF-<id>
	Kind      string        `json:"kind"`      // store.PostingCOGS, PostingAdjustment, PostingTransfer
	SourceID  int64         `json:"sourceId"`  // the Autotask invoice or inventory transfer
	Date      time.Time     `json:"date"`
	Narration string        `json:"narration"`
	Currency  string        `json:"currency"` // the internal currency: product costs are kept in it
	Lines     []JournalLine `json:"lines"`
}

// JournalLine posts Amount to Account: positive debits, negative credits.
type JournalLine struct {
	Account     string        `json:"account"`
	Description string        `json:"description"`
	Amount      money.Decimal `json:"amount"`
	Tracking    Tracking      `json:"tracking"`
}

// Tracking is where a line is reported: a Xero tracking category and option
// (by name), or a QuickBooks class (by id, in Category). Zero is none.
type Tracking struct {
	Category string `json:"category"`
	Option   string `json:"option"`
}

// Total is the sum of the debits.
func (j Journal) Total() money.Decimal {
	t := money.Zero
	for _, l := range j.Lines {
		if l.Amount.Sign() > 0 {
			t = t.Add(l.Amount)
		}
	}
	return t
}

// JournalLedger is what inventory postings need of an accounting system.
// CreateJournals returns one Result per journal, in order; an error means
// the outcome is unknown and the caller resolves it with FindJournals.
type JournalLedger interface {
	Kind() string
	// TrackedItems are the ledger items whose stock and cost of sales the
	// ledger keeps itself (Xero tracked inventory items, QuickBooks
	// Inventory items).
	TrackedItems(ctx context.Context) ([]Item, error)
	CreateJournals(ctx context.Context, journals []Journal, key string) ([]Result, error)
	// FindJournals returns the ledger id of each reference it has.
	FindJournals(ctx context.Context, refs []string) (map[string]string, error)
}

// Action of a posting that needs no ledger document: a transfer between
// locations in the same tracking, or an invoice whose products the ledger
// tracks itself.
const ActionNone = "none"

// More problem codes of expenses and inventory.
const (
	ProblemUnmappedCategory = "unmapped_category"
	ProblemEmployeeMissing  = "employee_missing"
	ProblemAmountMissing    = "amount_missing"
)

// PlannedJournal is a journal with what will happen to it.
type PlannedJournal struct {
	Journal  Journal   `json:"journal"`
	Action   string    `json:"action"` // send, skip, none
	Problems []Problem `json:"problems"`
	Notes    []string  `json:"notes"`
	Hash     string    `json:"hash"`
}

// Blocked reports whether a problem keeps the journal from being sent.
func (p PlannedJournal) Blocked() bool { return len(p.Problems) > 0 }

// PostingSummary is what an expense or inventory run did.
type PostingSummary struct {
	What     string           `json:"what"` // expenses, inventory
	DryRun   bool             `json:"dryRun"`
	Planned  int              `json:"planned"`
	Sent     int              `json:"sent"`
	Failed   int              `json:"failed"`
	Blocked  int              `json:"blocked"`
	Skipped  int              `json:"skipped"` // already in the ledger
	NoOp     int              `json:"noOp"`    // nothing to post (listed with the reason)
	Resolved int              `json:"resolved"`
	Created  int              `json:"created"` // employees created as ledger contacts / vendors
	Bills    []Planned        `json:"bills"`   // expenses
	Journals []PlannedJournal `json:"journals"`
	Lines    []Line           `json:"lines"`
}

func (s PostingSummary) String() string {
	out := headline(s.What, s.DryRun, s.Planned, s.Sent, s.Failed, s.Blocked, s.Skipped) + fmt.Sprintf(", %d with nothing to post", s.NoOp)
	if s.Created > 0 {
		out += fmt.Sprintf(", %d employees created as suppliers", s.Created)
	}
	return out
}

func postingSummary(what string, t tally) PostingSummary {
	return PostingSummary{What: what, DryRun: t.dryRun, Planned: t.planned, Sent: t.sent, Failed: t.failed, Blocked: t.blocked,
		Skipped: t.skipped, NoOp: t.noOp, Resolved: t.resolved, Created: t.created, Lines: t.lines}
}

// postingLinks reads an organisation's stored posting links of a kind, by
// Autotask id.
func postingLinks[K ~int | ~int64](ctx context.Context, st *store.Store, profileID int64, organisation, kind string) (map[K]store.PostingLink, error) {
	links, err := st.PostingLinks(ctx, profileID, organisation, kind)
	if err != nil {
		return nil, err
	}
	return keyed[K](links, func(l store.PostingLink) string { return l.SourceKey }), nil
}

// postingKey is a posting's idempotency key: the same document with the
// same content sends the same key.
func postingKey(profileID int64, organisation, ledger, ref, hash string) string {
	return key(strconv.FormatInt(profileID, 10), organisation, ledger, ref, hash)
}

func payloadOf(v any) string {
	raw, _ := json.Marshal(v)
	return string(raw)
}

func hashJSON(v any) string { return hashOf(Bill{Memo: payloadOf(v)}) }
