package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// Account directions: which way the accounts flow copies and updates.
const (
	AccountsToLedger   = "to-ledger"   // Autotask → ledger
	AccountsToAutotask = "to-autotask" // ledger → Autotask
	AccountsBoth       = "both"        // both ways; the side changed most recently wins a conflict
)

// RunKindAccounts is the sync_runs kind of an accounts run.
const RunKindAccounts = "accounts"

// AccountSettings are a profile's accounts-flow settings (migration 0006).
type AccountSettings struct {
	Direction       string `json:"direction"`
	OwnerResourceID int64  `json:"ownerResourceId"` // 0: the API user's own resource
}

// AccountSettingsOf reads the settings of a profile; a profile without
// any gets Autotask → ledger.
func (s *Store) AccountSettingsOf(ctx context.Context, profileID int64) (AccountSettings, error) {
	out := AccountSettings{Direction: AccountsToLedger}
	err := s.db.QueryRowContext(ctx, `SELECT direction, owner_resource_id FROM account_settings WHERE profile_id = ?`, profileID).
		Scan(&out.Direction, &out.OwnerResourceID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("store: read account settings: %w", err)
	}
	return out, nil
}

// SaveAccountSettings stores the settings of a profile.
func (s *Store) SaveAccountSettings(ctx context.Context, profileID int64, a AccountSettings) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO account_settings (profile_id, direction, owner_resource_id, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (profile_id) DO UPDATE SET direction = excluded.direction, owner_resource_id = excluded.owner_resource_id,
			updated_at = excluded.updated_at`, profileID, a.Direction, a.OwnerResourceID, s.nowText())
		if err != nil {
			return fmt.Errorf("store: save account settings: %w", err)
		}
		return nil
	})
}

// AccountPair is a linked company and ledger account with the shared
// fields as both held them after the last run (Base, JSON).
type AccountPair struct {
	Organisation string `json:"organisation"`
	CompanyID    int64  `json:"companyId"`
	AccountID    string `json:"accountId"`
	Base         string `json:"base"`
	SyncedAt     string `json:"syncedAt"`
}

// AccountPairs returns the pairs of a profile's organisation.
func (s *Store) AccountPairs(ctx context.Context, profileID int64, organisation string) ([]AccountPair, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT organisation, autotask_company_id, ledger_account_id, base, synced_at
		FROM account_pairs WHERE profile_id = ? AND organisation = ? ORDER BY autotask_company_id`, profileID, organisation)
	if err != nil {
		return nil, fmt.Errorf("store: read account pairs: %w", err)
	}
	defer rows.Close()
	var out []AccountPair
	for rows.Next() {
		var p AccountPair
		if err := rows.Scan(&p.Organisation, &p.CompanyID, &p.AccountID, &p.Base, &p.SyncedAt); err != nil {
			return nil, fmt.Errorf("store: read account pairs: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SaveAccountPair stores a pair's base and, in the same transaction, the
// accepted customer mapping rule that links them, so the invoice sync
// uses the link; note says how the pair was linked.
func (s *Store) SaveAccountPair(ctx context.Context, profileID int64, p AccountPair, note string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		_, err := tx.ExecContext(ctx, `INSERT INTO account_pairs (profile_id, organisation, autotask_company_id, ledger_account_id, base, synced_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, organisation, autotask_company_id) DO UPDATE SET
			ledger_account_id = excluded.ledger_account_id, base = excluded.base, synced_at = excluded.synced_at`,
			profileID, p.Organisation, p.CompanyID, p.AccountID, p.Base, now)
		if err != nil {
			return fmt.Errorf("store: save account pair %d: %w", p.CompanyID, err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO mapping_rules (profile_id, organisation, kind, source_key, target, target2, state, note, updated_at)
			VALUES (?, ?, ?, ?, ?, '', 'accepted', ?, ?)
			ON CONFLICT (profile_id, organisation, kind, source_key) DO UPDATE SET
			target = excluded.target, state = 'accepted', note = excluded.note, updated_at = excluded.updated_at
			WHERE mapping_rules.target <> excluded.target OR mapping_rules.state <> 'accepted'`,
			profileID, p.Organisation, MapCustomer, strconv.FormatInt(p.CompanyID, 10), p.AccountID, note, now)
		if err != nil {
			return fmt.Errorf("store: link company %d: %w", p.CompanyID, err)
		}
		return nil
	})
}

// AccountRunLine is one action of an accounts run.
type AccountRunLine struct {
	Action    string `json:"action"` // link, create-ledger, create-autotask, update-ledger, update-autotask, conflict, suggestion, problem
	Status    string `json:"status"` // planned, done, failed, skipped
	CompanyID int64  `json:"companyId"`
	AccountID string `json:"accountId"`
	Name      string `json:"name"`
	Message   string `json:"message"`
	Fix       string `json:"fix"`
	Detail    string `json:"detail"` // JSON
}

// FinishAccountRun stores the run's counts and status and its lines.
func (s *Store) FinishAccountRun(ctx context.Context, r *Run, lines []AccountRunLine) error {
	if err := s.FinishRun(ctx, r, nil); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i, l := range lines {
			_, err := tx.ExecContext(ctx, `INSERT INTO account_run_lines (run_id, seq, action, status, autotask_company_id, ledger_account_id, name, message, fix, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, i+1, l.Action, l.Status, l.CompanyID, l.AccountID, l.Name, l.Message, l.Fix, l.Detail)
			if err != nil {
				return fmt.Errorf("store: run %d account line %d: %w", r.ID, i+1, err)
			}
		}
		return nil
	})
}

// AccountRunLines returns the lines of an accounts run in order.
func (s *Store) AccountRunLines(ctx context.Context, runID int64) ([]AccountRunLine, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT action, status, autotask_company_id, ledger_account_id, name, message, fix, detail
		FROM account_run_lines WHERE run_id = ? ORDER BY seq`, runID)
	if err != nil {
		return nil, fmt.Errorf("store: read account run lines: %w", err)
	}
	defer rows.Close()
	var out []AccountRunLine
	for rows.Next() {
		var l AccountRunLine
		if err := rows.Scan(&l.Action, &l.Status, &l.CompanyID, &l.AccountID, &l.Name, &l.Message, &l.Fix, &l.Detail); err != nil {
			return nil, fmt.Errorf("store: read account run lines: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
