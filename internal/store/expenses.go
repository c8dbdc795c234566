package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// Kinds of posting-journal rows: expense bills and inventory journals.
const (
	PostingExpense    = "expense"
	PostingCOGS       = "cogs"
	PostingAdjustment = "adjustment"
	PostingTransfer   = "transfer"
)

// PostingEntry is where one expense bill or inventory journal stands with
// the ledger. States are the procurement journal's: ProcureSending,
// ProcureSent, ProcureFailed.
type PostingEntry struct {
	ProfileID      int64         `json:"profileId"`
	Organisation   string        `json:"organisation"`
	Reference      string        `json:"reference"`
	Kind           string        `json:"kind"`
	SourceID       int64         `json:"sourceId"`
	State          string        `json:"state"`
	PartyID        string        `json:"partyId"`
	Number         string        `json:"number"`
	IdempotencyKey string        `json:"idempotencyKey"`
	ContentHash    string        `json:"contentHash"`
	LedgerID       string        `json:"ledgerId"`
	Currency       string        `json:"currency"`
	Total          money.Decimal `json:"total"`
	Error          string        `json:"error"`
	Payload        string        `json:"payload"`
	UpdatedAt      string        `json:"updatedAt"`
}

const postingColumns = `profile_id, organisation, reference, kind, source_id, state, party_id, number,
	idempotency_key, content_hash, ledger_id, currency, total, error, payload, updated_at`

// SavePostingJournal writes entries (insert or replace) in one transaction:
// the commit before or after a ledger call.
func (s *Store) SavePostingJournal(ctx context.Context, entries []PostingEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		for _, e := range entries {
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO posting_journal (`+postingColumns+`)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.ProfileID, e.Organisation, e.Reference, e.Kind, e.SourceID, e.State, e.PartyID, e.Number,
				e.IdempotencyKey, e.ContentHash, e.LedgerID, e.Currency, e.Total, e.Error, e.Payload, now)
			if err != nil {
				return fmt.Errorf("store: posting journal %s: %w", e.Reference, err)
			}
		}
		return nil
	})
}

// PostingJournal returns an organisation's rows of the kinds given (all
// kinds when none), in any of states (all when none).
func (s *Store) PostingJournal(ctx context.Context, profileID int64, organisation string, kinds []string, states ...string) ([]PostingEntry, error) {
	q := `SELECT ` + postingColumns + ` FROM posting_journal WHERE profile_id = ? AND organisation = ?`
	args := []any{profileID, organisation}
	if len(kinds) > 0 {
		q += ` AND kind IN (?` + strings.Repeat(`, ?`, len(kinds)-1) + `)`
		for _, k := range kinds {
			args = append(args, k)
		}
	}
	if len(states) > 0 {
		q += ` AND state IN (?` + strings.Repeat(`, ?`, len(states)-1) + `)`
		for _, st := range states {
			args = append(args, st)
		}
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY reference`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: read posting journal: %w", err)
	}
	defer rows.Close()
	var out []PostingEntry
	for rows.Next() {
		var e PostingEntry
		if err := rows.Scan(&e.ProfileID, &e.Organisation, &e.Reference, &e.Kind, &e.SourceID, &e.State, &e.PartyID, &e.Number,
			&e.IdempotencyKey, &e.ContentHash, &e.LedgerID, &e.Currency, &e.Total, &e.Error, &e.Payload, &e.UpdatedAt); err != nil {
			return nil, fmt.Errorf("store: read posting journal: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
