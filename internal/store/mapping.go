package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Mapping rule kinds.
const (
	MapBillingCode = "billing_code"
	MapTax         = "tax"
	MapCustomer    = "customer"
	MapTerm        = "payment_term"
	// MapLineMode overrides the profile's line detail for one customer
	// (source: Autotask company id; target: standard, summary or detail).
	MapLineMode = "line_mode"
)

// MappingRule maps one Autotask thing to the ledger's (see migration 0003).
type MappingRule struct {
	Organisation string `json:"organisation"`
	Kind         string `json:"kind"`
	SourceKey    string `json:"sourceKey"`
	Target       string `json:"target"`
	Target2      string `json:"target2"`
	Suggested    bool   `json:"suggested"` // not yet accepted by the user
	Note         string `json:"note"`
}

// SaveMappingRules inserts or replaces rules of a profile in one transaction.
func (s *Store) SaveMappingRules(ctx context.Context, profileID int64, rules []MappingRule) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		for _, r := range rules {
			state := "accepted"
			if r.Suggested {
				state = "suggested"
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO mapping_rules (profile_id, organisation, kind, source_key, target, target2, state, note, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (profile_id, organisation, kind, source_key) DO UPDATE SET
				target = excluded.target, target2 = excluded.target2, state = excluded.state, note = excluded.note, updated_at = excluded.updated_at`,
				profileID, r.Organisation, r.Kind, r.SourceKey, r.Target, r.Target2, state, r.Note, now)
			if err != nil {
				return fmt.Errorf("store: save mapping %s %s: %w", r.Kind, r.SourceKey, err)
			}
		}
		return nil
	})
}

// AcceptSuggestions turns every suggested rule of kind (all kinds when
// empty) into an accepted one and returns how many.
func (s *Store) AcceptSuggestions(ctx context.Context, profileID int64, kind string) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE mapping_rules SET state = 'accepted', updated_at = ?
			WHERE profile_id = ? AND state = 'suggested' AND (? = '' OR kind = ?)`, s.nowText(), profileID, kind, kind)
		if err != nil {
			return fmt.Errorf("store: accept suggestions: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// DeleteMappingRule removes one rule.
func (s *Store) DeleteMappingRule(ctx context.Context, profileID int64, organisation, kind, sourceKey string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM mapping_rules WHERE profile_id = ? AND organisation = ? AND kind = ? AND source_key = ?`,
			profileID, organisation, kind, sourceKey)
		if err != nil {
			return fmt.Errorf("store: delete mapping %s %s: %w", kind, sourceKey, err)
		}
		return nil
	})
}

// MappingRules returns the rules of a profile, accepted and suggested.
func (s *Store) MappingRules(ctx context.Context, profileID int64) ([]MappingRule, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT organisation, kind, source_key, target, target2, state, note
		FROM mapping_rules WHERE profile_id = ? ORDER BY organisation, kind, source_key`, profileID)
	if err != nil {
		return nil, fmt.Errorf("store: read mappings: %w", err)
	}
	defer rows.Close()
	var out []MappingRule
	for rows.Next() {
		var r MappingRule
		var state string
		if err := rows.Scan(&r.Organisation, &r.Kind, &r.SourceKey, &r.Target, &r.Target2, &state, &r.Note); err != nil {
			return nil, fmt.Errorf("store: read mappings: %w", err)
		}
		r.Suggested = state == "suggested"
		out = append(out, r)
	}
	return out, rows.Err()
}
