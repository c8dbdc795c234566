package app

import (
	"fmt"

	"github.com/billbridge/billbridge/internal/store"
)

// Settings is the Settings screen's service.
type Settings struct{ deps Deps }

func NewSettings(deps Deps) *Settings { return &Settings{deps: deps} }

// SettingsDTO are the app-wide preferences.
type SettingsDTO struct {
	Theme        string `json:"theme"`
	InvoiceDraft bool   `json:"invoiceDraft"`
}

// SettingsUpdateDTO changes the fields that are set.
type SettingsUpdateDTO struct {
	Theme        *string `json:"theme,omitempty"`
	InvoiceDraft *bool   `json:"invoiceDraft,omitempty"`
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
	st, err := s.deps.Store.UpdateSettings(s.deps.Lifecycle.Context(), store.SettingsUpdate{Theme: u.Theme, InvoiceDraft: u.InvoiceDraft})
	if err != nil {
		return SettingsDTO{}, fmt.Errorf("app: update settings: %w", err)
	}
	return settingsDTO(st), nil
}

func settingsDTO(st store.Settings) SettingsDTO {
	return SettingsDTO{Theme: st.Theme, InvoiceDraft: st.InvoiceDraft}
}
