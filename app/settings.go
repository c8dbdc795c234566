package app

import (
	"fmt"

	"github.com/billbridge/billbridge/internal/store"
)

// Settings is the Settings screen's service.
type Settings struct{ deps Deps }

func NewSettings(deps Deps) *Settings { return &Settings{deps: deps} }

// SettingsDTO are the app-wide preferences and the defaults of every sync
// (the Sync screen can override them per run).
type SettingsDTO struct {
	Theme               string `json:"theme"`
	InvoiceDraft        bool   `json:"invoiceDraft"`
	AutoSync            bool   `json:"autoSync"`
	SyncIntervalMinutes int    `json:"syncIntervalMinutes"`
	MaxAgeDays          int    `json:"maxAgeDays"`
	LineMode            string `json:"lineMode"`
	AdjustmentCap       string `json:"adjustmentCap"` // decimal amount, e.g. "0.05"
	LedgerNumbering     bool   `json:"ledgerNumbering"`
	SalesTaxAccount     string `json:"salesTaxAccount"` // Sage 50 US import files
}

// SettingsUpdateDTO changes the fields that are set. The schedule
// (AutoSync, interval) changes through the Schedule service, which also
// restarts the timer.
type SettingsUpdateDTO struct {
	Theme           *string `json:"theme,omitempty"`
	InvoiceDraft    *bool   `json:"invoiceDraft,omitempty"`
	MaxAgeDays      *int    `json:"maxAgeDays,omitempty"`
	LineMode        *string `json:"lineMode,omitempty"`
	AdjustmentCap   *string `json:"adjustmentCap,omitempty"`
	LedgerNumbering *bool   `json:"ledgerNumbering,omitempty"`
	SalesTaxAccount *string `json:"salesTaxAccount,omitempty"`
}

// Get returns the settings, with defaults for those never chosen.
func (s *Settings) Get() (SettingsDTO, error) {
	st, err := s.deps.Store.Settings(s.deps.Lifecycle.Context())
	if err != nil {
		return SettingsDTO{}, fmt.Errorf("app: read settings: %w", err)
	}
	return settingsDTO(st), nil
}

// Update changes the settings that are set and returns all of them.
func (s *Settings) Update(u SettingsUpdateDTO) (SettingsDTO, error) {
	st, err := s.deps.Store.UpdateSettings(s.deps.Lifecycle.Context(), store.SettingsUpdate{
		Theme: u.Theme, InvoiceDraft: u.InvoiceDraft, MaxAgeDays: u.MaxAgeDays, LineMode: u.LineMode,
		AdjustmentCap: u.AdjustmentCap, LedgerNumbering: u.LedgerNumbering, SalesTaxAccount: u.SalesTaxAccount,
	})
	if err != nil {
		return SettingsDTO{}, fmt.Errorf("app: update settings: %w", err)
	}
	return settingsDTO(st), nil
}

func settingsDTO(st store.Settings) SettingsDTO {
	return SettingsDTO{Theme: st.Theme, InvoiceDraft: st.InvoiceDraft, AutoSync: st.AutoSync, SyncIntervalMinutes: st.SyncIntervalMinutes,
		MaxAgeDays: st.MaxAgeDays, LineMode: st.LineMode, AdjustmentCap: st.AdjustmentCap, LedgerNumbering: st.LedgerNumbering,
		SalesTaxAccount: st.SalesTaxAccount}
}
