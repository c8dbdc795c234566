package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Run is one preview, sync or manual copy, with its counts.
type Run struct {
	ID          int64  `json:"id"`
	ProfileID   int64  `json:"profileId"`
	Kind        string `json:"kind"`   // preview, sync, copy
	Status      string `json:"status"` // running, done, failed
	StartedAt   string `json:"startedAt"`
	FinishedAt  string `json:"finishedAt"`
	Options     string `json:"options"`
	Sent        int    `json:"sent"`
	Failed      int    `json:"failed"`
	Blocked     int    `json:"blocked"`
	Skipped     int    `json:"skipped"`
	WrittenBack int    `json:"writtenBack"`
	Paid        int    `json:"paid"`
	APICalls    int    `json:"apiCalls"`
	Summary     string `json:"summary"`
	Error       string `json:"error"`
}

// RunLine is what happened to one invoice in a run.
type RunLine struct {
	AutotaskInvoiceID int64  `json:"autotaskInvoiceId"`
	InvoiceNumber     string `json:"invoiceNumber"`
	Status            string `json:"status"`
	LedgerID          string `json:"ledgerId"`
	LedgerNumber      string `json:"ledgerNumber"`
	Message           string `json:"message"`
	Payload           string `json:"payload"`
}

// StartRun records a running run and sets its ID and StartedAt.
func (s *Store) StartRun(ctx context.Context, r *Run) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		r.Status, r.StartedAt = "running", s.nowText()
		res, err := tx.ExecContext(ctx, `INSERT INTO sync_runs (profile_id, kind, status, started_at, options) VALUES (?, ?, ?, ?, ?)`,
			r.ProfileID, r.Kind, r.Status, r.StartedAt, r.Options)
		if err != nil {
			return fmt.Errorf("store: start run: %w", err)
		}
		r.ID, err = res.LastInsertId()
		return err
	})
}

// FinishRun stores the run's counts, status, summary and lines.
func (s *Store) FinishRun(ctx context.Context, r *Run, lines []RunLine) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		r.FinishedAt = s.nowText()
		_, err := tx.ExecContext(ctx, `UPDATE sync_runs SET status = ?, finished_at = ?, sent = ?, failed = ?, blocked = ?, skipped = ?,
			written_back = ?, paid = ?, api_calls = ?, summary = ?, error = ? WHERE id = ?`,
			r.Status, r.FinishedAt, r.Sent, r.Failed, r.Blocked, r.Skipped, r.WrittenBack, r.Paid, r.APICalls, r.Summary, r.Error, r.ID)
		if err != nil {
			return fmt.Errorf("store: finish run %d: %w", r.ID, err)
		}
		for _, l := range lines {
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sync_run_lines (run_id, autotask_invoice_id, invoice_number, status, ledger_id, ledger_number, message, payload)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, l.AutotaskInvoiceID, l.InvoiceNumber, l.Status, l.LedgerID, l.LedgerNumber, l.Message, l.Payload)
			if err != nil {
				return fmt.Errorf("store: run %d line %d: %w", r.ID, l.AutotaskInvoiceID, err)
			}
		}
		return nil
	})
}

// RunLines returns the lines of a run.
func (s *Store) RunLines(ctx context.Context, runID int64) ([]RunLine, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT autotask_invoice_id, invoice_number, status, ledger_id, ledger_number, message, payload
		FROM sync_run_lines WHERE run_id = ? ORDER BY autotask_invoice_id`, runID)
	if err != nil {
		return nil, fmt.Errorf("store: read run lines: %w", err)
	}
	defer rows.Close()
	var out []RunLine
	for rows.Next() {
		var l RunLine
		if err := rows.Scan(&l.AutotaskInvoiceID, &l.InvoiceNumber, &l.Status, &l.LedgerID, &l.LedgerNumber, &l.Message, &l.Payload); err != nil {
			return nil, fmt.Errorf("store: read run lines: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Cursor reads a named value of a profile ("" when unset), e.g. when
// payments were last read.
func (s *Store) Cursor(ctx context.Context, profileID int64, name string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM sync_cursors WHERE profile_id = ? AND name = ?`, profileID, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: read cursor %s: %w", name, err)
	}
	return v, nil
}

// SetCursor writes a named value of a profile.
func (s *Store) SetCursor(ctx context.Context, profileID int64, name, value string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_cursors (profile_id, name, value) VALUES (?, ?, ?)
			ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value`, profileID, name, value)
		if err != nil {
			return fmt.Errorf("store: write cursor %s: %w", name, err)
		}
		return nil
	})
}
