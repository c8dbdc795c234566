package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"github.com/billbridge/billbridge/internal/apperr"
)

// ExportBatch is one file export: who made it, when, with which filters and
// format, how many rows and what totals, where the file went and its
// SHA-256. Filters and Totals are JSON the export package defines.
type ExportBatch struct {
	ID        int64     `json:"id"`
	ProfileID int64     `json:"profileId"`
	Actor     string    `json:"actor"`
	CreatedAt time.Time `json:"createdAt"`
	Format    string    `json:"format"`
	Filters   string    `json:"filters"`
	RowCount  int       `json:"rowCount"`
	Totals    string    `json:"totals"`
	FilePath  string    `json:"filePath"`
	SHA256    string    `json:"sha256"`
}

// CreateExportBatch records b and the billing item ids it wrote, in one
// transaction, and sets b's ID and CreatedAt. The row count must match the
// ids given.
func (s *Store) CreateExportBatch(ctx context.Context, b *ExportBatch, itemIDs []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createExportBatch(ctx, tx, b, itemIDs) })
}

// ExportBatches returns a profile's batches, newest first.
func (s *Store) ExportBatches(ctx context.Context, profileID int64) ([]ExportBatch, error) {
	var out []ExportBatch
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+exportBatchColumns+` FROM export_batches
			WHERE profile_id = ? ORDER BY created_at DESC, id DESC`, profileID)
		if err != nil {
			return fmt.Errorf("store: export batches: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			b, err := scanExportBatch(rows)
			if err != nil {
				return err
			}
			out = append(out, b)
		}
		return rows.Err()
	})
	return out, err
}

// ExportBatch returns one batch; a missing one is a NotFound wrapping ErrNotFound.
func (s *Store) ExportBatch(ctx context.Context, id int64) (ExportBatch, error) {
	var b ExportBatch
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		b, err = findExportBatch(ctx, tx, id)
		return err
	})
	return b, err
}

// DeleteExportBatch forgets a batch, which makes its items exportable again
// (unless another batch also holds them). The exported file is not touched,
// and nothing else changes.
func (s *Store) DeleteExportBatch(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM export_batches WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("store: delete export batch %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return exportBatchNotFound(id)
		}
		return nil
	})
}

// ExportBatchItems returns the billing item ids a batch wrote, ascending.
func (s *Store) ExportBatchItems(ctx context.Context, id int64) ([]int64, error) {
	var out []int64
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if _, err := findExportBatch(ctx, tx, id); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT billing_item_id FROM export_batch_items
			WHERE batch_id = ? ORDER BY billing_item_id`, id)
		if err != nil {
			return fmt.Errorf("store: export batch %d items: %w", id, err)
		}
		defer rows.Close()
		for rows.Next() {
			var v int64
			if err := rows.Scan(&v); err != nil {
				return fmt.Errorf("store: export batch %d items: %w", id, err)
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// ExportedItems returns which of itemIDs are in any export batch of the
// profile.
func (s *Store) ExportedItems(ctx context.Context, profileID int64, itemIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		for chunk := range slices.Chunk(itemIDs, 500) {
			args := make([]any, 0, len(chunk)+1)
			args = append(args, profileID)
			for _, id := range chunk {
				args = append(args, id)
			}
			rows, err := tx.QueryContext(ctx, `SELECT DISTINCT billing_item_id FROM export_batch_items
				WHERE profile_id = ? AND billing_item_id IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args...)
			if err != nil {
				return fmt.Errorf("store: exported items: %w", err)
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return fmt.Errorf("store: exported items: %w", err)
				}
				out[id] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("store: exported items: %w", err)
			}
		}
		return nil
	})
	return out, err
}

const exportBatchColumns = `id, profile_id, actor, created_at, format, filters, row_count, totals, file_path, sha256`

func (s *Store) createExportBatch(ctx context.Context, tx *sql.Tx, b *ExportBatch, itemIDs []int64) error {
	if strings.TrimSpace(b.Actor) == "" || b.FilePath == "" || b.SHA256 == "" {
		return fmt.Errorf("store: create export batch: actor, file path and checksum are required")
	}
	if b.RowCount != len(itemIDs) {
		return fmt.Errorf("store: create export batch: row count %d but %d item ids", b.RowCount, len(itemIDs))
	}
	if b.Filters == "" {
		b.Filters = "{}"
	}
	if b.Totals == "" {
		b.Totals = "{}"
	}
	if _, err := findProfile(ctx, tx, b.ProfileID); err != nil {
		return err
	}
	now := s.nowText()
	res, err := tx.ExecContext(ctx, `INSERT INTO export_batches (profile_id, actor, created_at, format, filters,
		row_count, totals, file_path, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		b.ProfileID, b.Actor, now, b.Format, b.Filters, b.RowCount, b.Totals, b.FilePath, b.SHA256)
	if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_CHECK { // the format
		return apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not an export format", b.Format),
			"Choose csv, xlsx, sage-xml, iif, sage50-csv, xero-csv, qbo-csv or sage50us-csv.")
	}
	if err != nil {
		return fmt.Errorf("store: create export batch: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("store: create export batch: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO export_batch_items (batch_id, profile_id, billing_item_id) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store: create export batch: %w", err)
	}
	defer stmt.Close()
	for _, item := range itemIDs {
		if _, err := stmt.ExecContext(ctx, id, b.ProfileID, item); err != nil {
			return fmt.Errorf("store: create export batch: item %d: %w", item, err)
		}
	}
	b.ID = id
	b.CreatedAt, _ = parseTime(now)
	return nil
}

func findExportBatch(ctx context.Context, tx *sql.Tx, id int64) (ExportBatch, error) {
	b, err := scanExportBatch(tx.QueryRowContext(ctx, `SELECT `+exportBatchColumns+` FROM export_batches WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return ExportBatch{}, exportBatchNotFound(id)
	}
	return b, err
}

func scanExportBatch(row interface{ Scan(...any) error }) (ExportBatch, error) {
	var b ExportBatch
	var created string
	err := row.Scan(&b.ID, &b.ProfileID, &b.Actor, &created, &b.Format, &b.Filters, &b.RowCount, &b.Totals, &b.FilePath, &b.SHA256)
	if errors.Is(err, sql.ErrNoRows) {
		return b, err
	}
	if err != nil {
		return b, fmt.Errorf("store: export batch: %w", err)
	}
	if b.CreatedAt, err = parseTime(created); err != nil {
		return b, err
	}
	return b, nil
}

func exportBatchNotFound(id int64) *apperr.Error {
	return apperr.Wrap(fmt.Errorf("store: export batch %d: %w", id, ErrNotFound), apperr.NotFound,
		"This export is no longer in the history",
		"It may have been deleted in another window; reload the export history.")
}
