package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ExactOptions are an Exact division's choices that are not mapping rules
// (migration 0011).
type ExactOptions struct {
	Division     string `json:"division"`     // the division code they belong to
	SalesJournal string `json:"salesJournal"` // "" lets Billbridge take the first sales journal
	// RoundingAccount is the GL account code rounding adjustment lines go
	// to; "" refuses an invoice that needs one.
	RoundingAccount string `json:"roundingAccount"`
}

// ExactOptionsOf reads the options of a profile's organisation ("" for the
// profile's own) for division. Options kept for another division do not
// apply: the result is then empty, as for a profile without any.
func (s *Store) ExactOptionsOf(ctx context.Context, profileID int64, organisation, division string) (ExactOptions, error) {
	out := ExactOptions{Division: division}
	var kept ExactOptions
	err := s.db.QueryRowContext(ctx, `SELECT division, sales_journal, rounding_account FROM exact_options WHERE profile_id = ? AND organisation = ?`,
		profileID, organisation).Scan(&kept.Division, &kept.SalesJournal, &kept.RoundingAccount)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return out, nil
	case err != nil:
		return out, fmt.Errorf("store: read exact options: %w", err)
	case kept.Division != division:
		return out, nil
	}
	return kept, nil
}

// SaveExactOptions stores the options of a profile's organisation for
// o.Division, replacing those of any other division.
func (s *Store) SaveExactOptions(ctx context.Context, profileID int64, organisation string, o ExactOptions) error {
	o.Division, o.SalesJournal, o.RoundingAccount = strings.TrimSpace(o.Division), strings.TrimSpace(o.SalesJournal), strings.TrimSpace(o.RoundingAccount)
	if o.Division == "" {
		return fmt.Errorf("store: save exact options: no division")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO exact_options (profile_id, organisation, division, sales_journal, rounding_account, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (profile_id, organisation) DO UPDATE SET division = excluded.division, sales_journal = excluded.sales_journal,
			rounding_account = excluded.rounding_account, updated_at = excluded.updated_at`,
			profileID, organisation, o.Division, o.SalesJournal, o.RoundingAccount, s.nowText())
		if err != nil {
			return fmt.Errorf("store: save exact options: %w", err)
		}
		return nil
	})
}
