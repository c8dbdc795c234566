package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// Procurement journal states of a supplier bill.
const (
	ProcureSending = "sending"
	ProcureSent    = "sent"
	ProcureFailed  = "failed"
)

// ProcureEntry is where one supplier bill stands with the ledger.
type ProcureEntry struct {
	ProfileID       int64         `json:"profileId"`
	Organisation    string        `json:"organisation"`
	Reference       string        `json:"reference"`
	PurchaseOrderID int64         `json:"purchaseOrderId"`
	ReceivingIDs    []int64       `json:"receivingIds"`
	State           string        `json:"state"`
	VendorID        string        `json:"vendorId"`
	Number          string        `json:"number"`
	IdempotencyKey  string        `json:"idempotencyKey"`
	ContentHash     string        `json:"contentHash"`
	LedgerID        string        `json:"ledgerId"`
	Currency        string        `json:"currency"`
	Total           money.Decimal `json:"total"`
	Error           string        `json:"error"`
	Payload         string        `json:"payload"`
	UpdatedAt       string        `json:"updatedAt"`
}

const procureColumns = `profile_id, organisation, reference, purchase_order_id, receiving_ids, state, vendor_id, number,
	idempotency_key, content_hash, ledger_id, currency, total, error, payload, updated_at`

// SaveProcureJournal writes entries (insert or replace) in one transaction:
// the commit before or after a ledger call.
func (s *Store) SaveProcureJournal(ctx context.Context, entries []ProcureEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		for _, e := range entries {
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO procure_journal (`+procureColumns+`)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.ProfileID, e.Organisation, e.Reference, e.PurchaseOrderID, joinIDs(e.ReceivingIDs), e.State, e.VendorID, e.Number,
				e.IdempotencyKey, e.ContentHash, e.LedgerID, e.Currency, e.Total, e.Error, e.Payload, now)
			if err != nil {
				return fmt.Errorf("store: procurement journal %s: %w", e.Reference, err)
			}
		}
		return nil
	})
}

// ProcureJournal returns an organisation's bills, all or those in states.
func (s *Store) ProcureJournal(ctx context.Context, profileID int64, organisation string, states ...string) ([]ProcureEntry, error) {
	q := `SELECT ` + procureColumns + ` FROM procure_journal WHERE profile_id = ? AND organisation = ?`
	args := []any{profileID, organisation}
	if len(states) > 0 {
		q += ` AND state IN (?` + strings.Repeat(`, ?`, len(states)-1) + `)`
		for _, st := range states {
			args = append(args, st)
		}
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY reference`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: read procurement journal: %w", err)
	}
	defer rows.Close()
	var out []ProcureEntry
	for rows.Next() {
		var e ProcureEntry
		var ids string
		if err := rows.Scan(&e.ProfileID, &e.Organisation, &e.Reference, &e.PurchaseOrderID, &ids, &e.State, &e.VendorID, &e.Number,
			&e.IdempotencyKey, &e.ContentHash, &e.LedgerID, &e.Currency, &e.Total, &e.Error, &e.Payload, &e.UpdatedAt); err != nil {
			return nil, fmt.Errorf("store: read procurement journal: %w", err)
		}
		if e.ReceivingIDs, err = splitIDs(ids); err != nil {
			return nil, fmt.Errorf("store: read procurement journal %s: %w", e.Reference, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}

func splitIDs(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	var out []int64
	for _, p := range strings.Split(s, ",") {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("receiving id %q: %w", p, err)
		}
		out = append(out, id)
	}
	return out, nil
}
