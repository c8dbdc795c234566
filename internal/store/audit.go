package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Audit limits: how many entries Audit returns by default and at most.
const (
	DefaultAuditLimit = 100
	MaxAuditLimit     = 1000
)

// AuditEntry is one user-visible event. Detail is shown to people and kept
// in support bundles, so it must never hold a secret.
type AuditEntry struct {
	ID        int64     `json:"id"`
	ProfileID *int64    `json:"profileId"` // nil for app-wide events and deleted profiles
	At        time.Time `json:"at"`        // set from the store's clock when zero
	Actor     string    `json:"actor"`     // who: "user", "scheduler", "cli", …
	Action    string    `json:"action"`    // what, as a stable dotted name: "profile.create"
	Detail    string    `json:"detail"`
}

// AuditFilter selects entries for Audit.
type AuditFilter struct {
	ProfileID *int64 // only this profile's entries; nil for all
	Limit     int    // 0 for DefaultAuditLimit; capped at MaxAuditLimit
}

// AppendAudit adds e to the audit log. Entries are never changed or
// removed (the schema enforces it).
func (s *Store) AppendAudit(ctx context.Context, e AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.appendAudit(ctx, tx, e) })
}

// Audit returns entries matching f, newest first.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	var es []AuditEntry
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		es, err = findAudit(ctx, tx, f)
		return err
	})
	return es, err
}

func (s *Store) appendAudit(ctx context.Context, tx *sql.Tx, e AuditEntry) error {
	if strings.TrimSpace(e.Actor) == "" || strings.TrimSpace(e.Action) == "" {
		return fmt.Errorf("store: append audit: actor and action are required (got %q, %q)", e.Actor, e.Action)
	}
	at := s.nowText()
	if !e.At.IsZero() {
		at = formatTime(e.At)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (profile_id, at, actor, action, detail)
		VALUES (?, ?, ?, ?, ?)`, e.ProfileID, at, e.Actor, e.Action, e.Detail)
	if isForeignKeyViolation(err) {
		return profileNotFound(*e.ProfileID)
	}
	if err != nil {
		return fmt.Errorf("store: append audit %s: %w", e.Action, err)
	}
	return nil
}

func findAudit(ctx context.Context, tx *sql.Tx, f AuditFilter) ([]AuditEntry, error) {
	limit := f.Limit
	switch {
	case limit < 0:
		return nil, apperr.New(apperr.Invalid, "The number of activity entries to show cannot be negative",
			"Ask for 0 (the default) or more.")
	case limit == 0:
		limit = DefaultAuditLimit
	case limit > MaxAuditLimit:
		limit = MaxAuditLimit
	}
	// Time first, then id, so entries with the same second (or a clock set
	// back) still come out in a stable order.
	query, args := "SELECT id, profile_id, at, actor, action, detail FROM audit_log", []any{}
	if f.ProfileID != nil {
		query, args = query+" WHERE profile_id = ?", append(args, *f.ProfileID)
	}
	rows, err := tx.QueryContext(ctx, query+" ORDER BY at DESC, id DESC LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	defer rows.Close()
	es := []AuditEntry{}
	for rows.Next() {
		var (
			e         AuditEntry
			profileID sql.NullInt64
			at        string
		)
		if err := rows.Scan(&e.ID, &profileID, &at, &e.Actor, &e.Action, &e.Detail); err != nil {
			return nil, fmt.Errorf("store: audit: %w", err)
		}
		if profileID.Valid {
			e.ProfileID = &profileID.Int64
		}
		if e.At, err = parseTime(at); err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	return es, nil
}
