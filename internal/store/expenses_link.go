package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Kinds of posting links.
const (
	PostingLinkEmployee = "employee" // Autotask resource id → ledger contact / vendor id
	PostingLinkCategory = "category" // Autotask expense category → expense account, tax code
	PostingLinkLocation = "location" // Autotask inventory location id → tracking
)

// PostingLink ties an Autotask key to a ledger key (Target) and, for some
// kinds, a second one (Target2); see the kinds.
type PostingLink struct {
	Kind      string `json:"kind"`
	SourceKey string `json:"sourceKey"`
	Target    string `json:"target"`
	Target2   string `json:"target2"`
}

// SavePostingLinks inserts or replaces links of an organisation.
func (s *Store) SavePostingLinks(ctx context.Context, profileID int64, organisation string, links []PostingLink) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		for _, l := range links {
			_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO posting_links (profile_id, organisation, kind, source_key, target, target2, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, profileID, organisation, l.Kind, l.SourceKey, l.Target, l.Target2, now)
			if err != nil {
				return fmt.Errorf("store: save %s link %s: %w", l.Kind, l.SourceKey, err)
			}
		}
		return nil
	})
}

// PostingLinks returns an organisation's links of kind.
func (s *Store) PostingLinks(ctx context.Context, profileID int64, organisation, kind string) ([]PostingLink, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, source_key, target, target2 FROM posting_links
		WHERE profile_id = ? AND organisation = ? AND kind = ? ORDER BY source_key`, profileID, organisation, kind)
	if err != nil {
		return nil, fmt.Errorf("store: read %s links: %w", kind, err)
	}
	defer rows.Close()
	var out []PostingLink
	for rows.Next() {
		var l PostingLink
		if err := rows.Scan(&l.Kind, &l.SourceKey, &l.Target, &l.Target2); err != nil {
			return nil, fmt.Errorf("store: read %s links: %w", kind, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
