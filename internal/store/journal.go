package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// Journal states of an Autotask invoice.
const (
	JournalPlanned     = "planned"
	JournalSending     = "sending"
	JournalSent        = "sent"
	JournalWrittenBack = "written_back"
	JournalFailed      = "failed"
	JournalVoided      = "voided"
)

// JournalEntry is where one Autotask invoice stands with the ledger.
type JournalEntry struct {
	ProfileID         int64         `json:"profileId"`
	AutotaskInvoiceID int64         `json:"autotaskInvoiceId"`
	Organisation      string        `json:"organisation"`
	State             string        `json:"state"`
	DocKind           string        `json:"docKind"`
	OurRef            string        `json:"ourRef"`
	Number            string        `json:"number"`
	IdempotencyKey    string        `json:"idempotencyKey"`
	ContentHash       string        `json:"contentHash"`
	LedgerID          string        `json:"ledgerId"`
	LedgerNumber      string        `json:"ledgerNumber"`
	Total             money.Decimal `json:"total"`
	AmountPaid        money.Decimal `json:"amountPaid"`
	PaidDate          string        `json:"paidDate"` // YYYY-MM-DD written to Autotask; '' while unpaid
	RunID             int64         `json:"runId"`
	Error             string        `json:"error"`
	Payload           string        `json:"payload"`
	UpdatedAt         string        `json:"updatedAt"`
}

const journalColumns = `profile_id, autotask_invoice_id, organisation, state, doc_kind, our_ref, number, idempotency_key,
	content_hash, ledger_id, ledger_number, total, amount_paid, paid_date, run_id, error, payload, updated_at`

// SaveJournal writes entries (insert or replace) in one transaction: the
// commit before or after a network call.
func (s *Store) SaveJournal(ctx context.Context, entries []JournalEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		for _, e := range entries {
			var run any
			if e.RunID != 0 {
				run = e.RunID
			}
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sync_journal (`+journalColumns+`)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.ProfileID, e.AutotaskInvoiceID, e.Organisation, e.State, e.DocKind, e.OurRef, e.Number, e.IdempotencyKey,
				e.ContentHash, e.LedgerID, e.LedgerNumber, e.Total, e.AmountPaid, e.PaidDate, run, e.Error, e.Payload, now)
			if err != nil {
				return fmt.Errorf("store: journal invoice %d: %w", e.AutotaskInvoiceID, err)
			}
		}
		return nil
	})
}

// Journal returns the entries of a profile, all of them or those in states.
func (s *Store) Journal(ctx context.Context, profileID int64, states ...string) ([]JournalEntry, error) {
	q := `SELECT ` + journalColumns + ` FROM sync_journal WHERE profile_id = ?`
	args := []any{profileID}
	if len(states) > 0 {
		q += ` AND state IN (?` + strings.Repeat(`, ?`, len(states)-1) + `)`
		for _, st := range states {
			args = append(args, st)
		}
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY autotask_invoice_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: read journal: %w", err)
	}
	defer rows.Close()
	var out []JournalEntry
	for rows.Next() {
		var e JournalEntry
		var run sql.NullInt64
		if err := rows.Scan(&e.ProfileID, &e.AutotaskInvoiceID, &e.Organisation, &e.State, &e.DocKind, &e.OurRef, &e.Number,
			&e.IdempotencyKey, &e.ContentHash, &e.LedgerID, &e.LedgerNumber, &e.Total, &e.AmountPaid, &e.PaidDate, &run,
			&e.Error, &e.Payload, &e.UpdatedAt); err != nil {
			return nil, fmt.Errorf("store: read journal: %w", err)
		}
		e.RunID = run.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}
