package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Kinds of procurement links.
const (
	ProcureLinkVendor  = "vendor"
	ProcureLinkProduct = "product"
)

// ProcureLink ties an Autotask vendor to a ledger supplier, or an Autotask
// product to a ledger item (Target) and, optionally, the account its
// purchases post to (Target2).
type ProcureLink struct {
	Kind      string `json:"kind"`
	SourceKey string `json:"sourceKey"`
	Target    string `json:"target"`
	Target2   string `json:"target2"`
}

// SaveProcureLinks inserts or replaces links of an organisation.
func (s *Store) SaveProcureLinks(ctx context.Context, profileID int64, organisation string, links []ProcureLink) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		for _, l := range links {
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO procure_links (profile_id, organisation, kind, source_key, target, target2, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, profileID, organisation, l.Kind, l.SourceKey, l.Target, l.Target2, now)
			if err != nil {
				return fmt.Errorf("store: save %s link %s: %w", l.Kind, l.SourceKey, err)
			}
		}
		return nil
	})
}

// ProcureLinks returns an organisation's links of kind.
func (s *Store) ProcureLinks(ctx context.Context, profileID int64, organisation, kind string) ([]ProcureLink, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, source_key, target, target2 FROM procure_links
		WHERE profile_id = ? AND organisation = ? AND kind = ? ORDER BY source_key`, profileID, organisation, kind)
	if err != nil {
		return nil, fmt.Errorf("store: read %s links: %w", kind, err)
	}
	defer rows.Close()
	var out []ProcureLink
	for rows.Next() {
		var l ProcureLink
		if err := rows.Scan(&l.Kind, &l.SourceKey, &l.Target, &l.Target2); err != nil {
			return nil, fmt.Errorf("store: read %s links: %w", kind, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
