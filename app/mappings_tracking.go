package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// The Lines of business tab: each Autotask line of business (organisational
// level 2) to a Xero tracking option or a QuickBooks Online class, carried
// on every line the sync sends for it. Exact Online's equivalent, cost
// centres, is not offered: its profiles get no tracking options, so every
// line of business stays unmapped there and nothing is sent.

// trackingChoices fills the tab's rows and the picker of active options.
func trackingChoices(out *MappingsDTO, o mapping.Overview, src mapping.Sources) {
	out.LinesOfBusiness, out.TrackingOptions = o.LinesOfBusiness, []ChoiceDTO{}
	if out.LinesOfBusiness == nil {
		out.LinesOfBusiness = []mapping.LineOfBusinessRow{}
	}
	for _, t := range src.Settings.Tracking {
		if t.Active {
			out.TrackingOptions = append(out.TrackingOptions, ChoiceDTO{Value: t.ID, Label: t.Label()})
		}
	}
	sort.Slice(out.TrackingOptions, func(i, j int) bool { return out.TrackingOptions[i].Label < out.TrackingOptions[j].Label })
}

// lineOfBusinessRule checks that the chosen option (or class) is one the
// ledger has and is active, so a sync never sends one it refuses.
func (m *Mappings) lineOfBusinessRule(ctx context.Context, in MappingInput, id int64, idErr error) (store.MappingRule, error) {
	if idErr != nil {
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not an Autotask line of business", in.SourceKey),
			"Reload the Mappings screen and pick the line of business again.")
	}
	p, err := m.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
	}
	if p.LedgerKind == "exact" {
		return store.MappingRule{}, apperr.New(apperr.Invalid, "Exact Online profiles do not map lines of business",
			"Exact Online's equivalent is cost centres, which Billbridge does not set yet; leave lines of business unmapped.")
	}
	lg, err := connect.Ledger(ctx, m.deps.connectDeps(), p)
	if err != nil {
		return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
	}
	settings, err := lg.Settings(ctx)
	if err != nil {
		return store.MappingRule{}, fmt.Errorf("app: save mapping: %w", err)
	}
	noun := "tracking option"
	if p.LedgerKind == "qbo" {
		noun = "class"
	}
	o, ok := mapping.FindTracking(settings.Tracking, strings.TrimSpace(in.Target))
	switch {
	case !ok:
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("That %s is not in the ledger", noun),
			fmt.Sprintf("Choose one of the ledger's %ss, or clear the mapping to send the lines without one.", noun))
	case !o.Active:
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("The %s %q is archived in the ledger", noun, o.Label()),
			fmt.Sprintf("Choose an active %s, or make %q active again in the ledger first.", noun, o.Label()))
	}
	return mapping.LineOfBusinessRule(id, o), nil
}
