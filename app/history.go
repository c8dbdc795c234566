package app

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/store"
)

// History is the History screen's service.
type History struct{ deps Deps }

func NewHistory(deps Deps) *History { return &History{deps: deps} }

// AuditEntryDTO is one line of the history.
type AuditEntryDTO struct {
	ID          int64  `json:"id"`
	At          string `json:"at"`
	ProfileName string `json:"profileName"`
	Actor       string `json:"actor"`
	Action      string `json:"action"`
	Detail      string `json:"detail"`
}

// Recent returns the newest entries first, at most limit of them.
func (h *History) Recent(limit int) ([]AuditEntryDTO, error) {
	ctx := h.deps.Lifecycle.Context()
	entries, err := h.deps.Store.Audit(ctx, store.AuditFilter{Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("app: read history: %w", err)
	}
	profiles, err := h.deps.Store.Profiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("app: read history: %w", err)
	}
	names := make(map[int64]string, len(profiles))
	for _, p := range profiles {
		names[p.ID] = p.Name
	}
	out := make([]AuditEntryDTO, 0, len(entries))
	for _, e := range entries {
		d := AuditEntryDTO{ID: e.ID, At: e.At.UTC().Format(time.RFC3339), Actor: e.Actor, Action: e.Action, Detail: e.Detail}
		if e.ProfileID != nil {
			d.ProfileName = names[*e.ProfileID]
		}
		out = append(out, d)
	}
	return out, nil
}
