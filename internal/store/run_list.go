package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// RunFilter narrows the run log. Zero values match everything.
type RunFilter struct {
	ProfileID int64
	Kinds     []string // preview, sync, copy
	Limit     int      // default 500
}

const runColumns = `id, COALESCE(profile_id, 0), kind, status, started_at, finished_at, options, sent, failed, blocked, skipped,
	written_back, paid, api_calls, summary, error`

// Runs lists runs newest first.
func (s *Store) Runs(ctx context.Context, f RunFilter) ([]Run, error) {
	q := `SELECT ` + runColumns + ` FROM sync_runs WHERE (? = 0 OR profile_id = ?)`
	args := []any{f.ProfileID, f.ProfileID}
	if len(f.Kinds) > 0 {
		q += ` AND kind IN (?` + strings.Repeat(`, ?`, len(f.Kinds)-1) + `)`
		for _, k := range f.Kinds {
			args = append(args, k)
		}
	}
	if f.Limit <= 0 {
		f.Limit = 500
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id DESC LIMIT ?`, append(args, f.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: read runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Run reads one run; a missing one is NotFound.
func (s *Store) Run(ctx context.Context, id int64) (Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, `SELECT `+runColumns+` FROM sync_runs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, apperr.Wrap(err, apperr.NotFound, fmt.Sprintf("Run %d is not in the run log", id), "Reload the History screen; the run may belong to a deleted profile.")
	}
	return r, err
}

func scanRun(row interface{ Scan(...any) error }) (Run, error) {
	var r Run
	err := row.Scan(&r.ID, &r.ProfileID, &r.Kind, &r.Status, &r.StartedAt, &r.FinishedAt, &r.Options, &r.Sent, &r.Failed, &r.Blocked,
		&r.Skipped, &r.WrittenBack, &r.Paid, &r.APICalls, &r.Summary, &r.Error)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Run{}, fmt.Errorf("store: read run: %w", err)
	}
	return r, err
}
