package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/money"
)

// Themes the UI can use.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// Settings are the app-wide preferences. Each field is stored under its JSON
// name, and only once the user has chosen it, so a default changed in a later
// release reaches everyone who never changed it.
type Settings struct {
	// Theme is "system", "light" or "dark".
	Theme string `json:"theme"`
	// InvoiceDraft sends invoices to the ledger as drafts for review instead
	// of approved; on by default so nothing is posted unseen.
	InvoiceDraft bool `json:"invoiceDraft"`
	// LastProfileID is the profile opened at start; 0 for none.
	LastProfileID int64 `json:"lastProfileId"`
	// AutoSync runs the sync of every connected profile every
	// SyncIntervalMinutes while the app is open; off until the user turns it
	// on (pause/resume).
	AutoSync            bool `json:"autoSync"`
	SyncIntervalMinutes int  `json:"syncIntervalMinutes"`
	// MaxAgeDays is how far back before the through date a sync looks.
	MaxAgeDays int `json:"maxAgeDays"`
	// LineMode is standard, summary or detail (see syncer.LineMode).
	LineMode string `json:"lineMode"`
	// AdjustmentCap is the largest rounding adjustment line, a decimal
	// amount such as "0.05"; beyond it an invoice is blocked and explained.
	AdjustmentCap string `json:"adjustmentCap"`
	// LedgerNumbering lets the ledger number invoices and writes its number
	// back to Autotask; off keeps Autotask's numbers.
	LedgerNumbering bool `json:"ledgerNumbering"`
	// SalesTaxAccount is the G/L account Sage 50 US import files post sales
	// tax to; empty until the user sets it (files with tax are then blocked).
	SalesTaxAccount string `json:"salesTaxAccount"`
}

// Limits of the schedule: Xero allows 60 calls a minute and Autotask's
// thresholds are hourly, so more often than every 15 minutes buys nothing.
const (
	MinSyncIntervalMinutes = 15
	MaxSyncIntervalMinutes = 24 * 60
)

// SettingsUpdate changes the fields that are not nil.
type SettingsUpdate struct {
	Theme         *string `json:"theme,omitempty"`
	InvoiceDraft  *bool   `json:"invoiceDraft,omitempty"`
	LastProfileID *int64  `json:"lastProfileId,omitempty"`

	AutoSync            *bool   `json:"autoSync,omitempty"`
	SyncIntervalMinutes *int    `json:"syncIntervalMinutes,omitempty"`
	MaxAgeDays          *int    `json:"maxAgeDays,omitempty"`
	LineMode            *string `json:"lineMode,omitempty"`
	AdjustmentCap       *string `json:"adjustmentCap,omitempty"`
	LedgerNumbering     *bool   `json:"ledgerNumbering,omitempty"`
	SalesTaxAccount     *string `json:"salesTaxAccount,omitempty"`
}

// DefaultSettings returns the settings of a new installation.
func DefaultSettings() Settings {
	return Settings{Theme: ThemeSystem, InvoiceDraft: true, SyncIntervalMinutes: 60, MaxAgeDays: 45,
		LineMode: "standard", AdjustmentCap: "0.05"}
}

// Settings returns the stored settings, with defaults for those never set.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	var st Settings
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		st, err = loadSettings(ctx, tx)
		return err
	})
	return st, err
}

// UpdateSettings validates and stores the fields set in u and returns the
// settings that result.
func (s *Store) UpdateSettings(ctx context.Context, u SettingsUpdate) (Settings, error) {
	var st Settings
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		st, err = updateSettings(ctx, tx, u)
		return err
	})
	return st, err
}

func loadSettings(ctx context.Context, tx *sql.Tx) (Settings, error) {
	rows, err := tx.QueryContext(ctx, "SELECT key, value FROM settings ORDER BY key")
	if err != nil {
		return Settings{}, fmt.Errorf("store: settings: %w", err)
	}
	defer rows.Close()
	st := DefaultSettings()
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return Settings{}, fmt.Errorf("store: settings: %w", err)
		}
		// One field at a time, so a value this build cannot read (written by
		// a newer release, or edited by hand) falls back to its default
		// instead of making the app unable to start. Unknown keys are ignored.
		obj, err := json.Marshal(map[string]json.RawMessage{key: json.RawMessage(value)})
		if err != nil {
			continue
		}
		next := st
		if json.Unmarshal(obj, &next) != nil || next.validate() != nil {
			continue
		}
		st = next
	}
	if err := rows.Err(); err != nil {
		return Settings{}, fmt.Errorf("store: settings: %w", err)
	}
	return st, nil
}

func updateSettings(ctx context.Context, tx *sql.Tx, u SettingsUpdate) (Settings, error) {
	st, err := loadSettings(ctx, tx)
	if err != nil {
		return Settings{}, err
	}
	if u.Theme != nil {
		st.Theme = *u.Theme
	}
	if u.InvoiceDraft != nil {
		st.InvoiceDraft = *u.InvoiceDraft
	}
	if u.LastProfileID != nil {
		st.LastProfileID = *u.LastProfileID
	}
	set(&st.AutoSync, u.AutoSync)
	set(&st.SyncIntervalMinutes, u.SyncIntervalMinutes)
	set(&st.MaxAgeDays, u.MaxAgeDays)
	set(&st.LineMode, u.LineMode)
	set(&st.AdjustmentCap, u.AdjustmentCap)
	set(&st.LedgerNumbering, u.LedgerNumbering)
	if u.SalesTaxAccount != nil {
		v := strings.TrimSpace(*u.SalesTaxAccount)
		u.SalesTaxAccount, st.SalesTaxAccount = &v, v
	}
	if err := st.validate(); err != nil {
		return Settings{}, err
	}

	// The update's JSON holds exactly the fields that were set.
	b, err := json.Marshal(u)
	if err != nil {
		return Settings{}, fmt.Errorf("store: update settings: %w", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return Settings{}, fmt.Errorf("store: update settings: %w", err)
	}
	for key, value := range fields {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, string(value))
		if err != nil {
			return Settings{}, fmt.Errorf("store: update setting %s: %w", key, err)
		}
	}
	return st, nil
}

func (st Settings) validate() error {
	switch st.Theme {
	case ThemeSystem, ThemeLight, ThemeDark:
	default:
		return apperr.New(apperr.Invalid, fmt.Sprintf("Unknown theme %q", st.Theme),
			`Choose "system", "light" or "dark".`)
	}
	if st.LastProfileID < 0 {
		return apperr.New(apperr.Invalid, "The last profile ID cannot be negative", "Use 0 for none.")
	}
	if st.SyncIntervalMinutes < MinSyncIntervalMinutes || st.SyncIntervalMinutes > MaxSyncIntervalMinutes {
		return apperr.New(apperr.Invalid, fmt.Sprintf("A sync every %d minutes is out of range", st.SyncIntervalMinutes),
			fmt.Sprintf("Choose from %d minutes to %d hours.", MinSyncIntervalMinutes, MaxSyncIntervalMinutes/60))
	}
	if st.MaxAgeDays < 0 || st.MaxAgeDays > 3660 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("A maximum age of %d days is out of range", st.MaxAgeDays),
			"Enter a number of days from 0 to 3660 (45 covers last month and this one).")
	}
	switch st.LineMode {
	case "standard", "summary", "detail":
	default:
		return apperr.New(apperr.Invalid, fmt.Sprintf("Unknown line mode %q", st.LineMode), `Choose "standard", "summary" or "detail".`)
	}
	if c, err := money.Parse(st.AdjustmentCap); err != nil || c.IsNegative() || c.Cmp(money.FromInt(10)) > 0 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a rounding adjustment limit", st.AdjustmentCap),
			"Enter an amount from 0 to 10, such as 0.05; 0 allows no adjustment line.")
	}
	if n := utf8.RuneCountInString(st.SalesTaxAccount); n > 15 || strings.ContainsAny(st.SalesTaxAccount, ",\"\r\n") {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a Sage 50 G/L account", st.SalesTaxAccount),
			"Enter the sales tax account as Sage 50 shows it: up to 15 characters, no commas or quotes.")
	}
	return nil
}

func set[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}
