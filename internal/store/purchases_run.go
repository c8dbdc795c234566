package store

import (
	"context"
	"database/sql"
	"fmt"
)

// PurchaseRunLine is one bill of a purchases run.
type PurchaseRunLine struct {
	Reference     string `json:"reference"` // the receiving batch, e.g. RCV-123
	Status        string `json:"status"`    // ready, blocked, skipped (already in the ledger), sent, failed
	Vendor        string `json:"vendor"`
	PurchaseOrder string `json:"purchaseOrder"`
	BillNumber    string `json:"billNumber"`
	BillDate      string `json:"billDate"` // YYYY-MM-DD
	Currency      string `json:"currency"`
	Amount        string `json:"amount"` // decimal string
	LedgerID      string `json:"ledgerId"`
	Message       string `json:"message"` // the problem, the ledger's refusal, or a note
	Fix           string `json:"fix"`
}

// FinishPurchaseRun stores a purchases run's lines, then its counts and
// status, so a finished run always has its lines.
func (s *Store) FinishPurchaseRun(ctx context.Context, r *Run, lines []PurchaseRunLine) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, l := range lines {
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO purchase_run_lines (run_id, seq, reference, status, vendor, purchase_order,
				bill_number, bill_date, currency, amount, ledger_id, message, fix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.ID, i+1, l.Reference, l.Status, l.Vendor, l.PurchaseOrder, l.BillNumber, l.BillDate, l.Currency, l.Amount, l.LedgerID, l.Message, l.Fix)
			if err != nil {
				return fmt.Errorf("store: run %d purchase line %s: %w", r.ID, l.Reference, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.FinishRun(ctx, r, nil)
}

// PurchaseRunLines returns the lines of a purchases run in order.
func (s *Store) PurchaseRunLines(ctx context.Context, runID int64) ([]PurchaseRunLine, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT reference, status, vendor, purchase_order, bill_number, bill_date, currency, amount, ledger_id,
		message, fix FROM purchase_run_lines WHERE run_id = ? ORDER BY seq`, runID)
	if err != nil {
		return nil, fmt.Errorf("store: read purchase run lines: %w", err)
	}
	defer rows.Close()
	var out []PurchaseRunLine
	for rows.Next() {
		var l PurchaseRunLine
		if err := rows.Scan(&l.Reference, &l.Status, &l.Vendor, &l.PurchaseOrder, &l.BillNumber, &l.BillDate, &l.Currency, &l.Amount,
			&l.LedgerID, &l.Message, &l.Fix); err != nil {
			return nil, fmt.Errorf("store: read purchase run lines: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
