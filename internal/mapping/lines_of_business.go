package mapping

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Lines of business (Autotask's organisational level 2) map to a Xero
// tracking option or a QuickBooks Online class, which every line of their
// billing items then carries. Tracking is optional in both ledgers, so an
// unmapped line of business never blocks an invoice; a mapping to an option
// that has since been archived does, since the ledger would refuse it.
// Exact Online's equivalent, cost centres, is not mapped.

// TrackingRule is where a line of business goes: the option's (or class's)
// id, and its label when it was mapped, to name it after it is gone.
type TrackingRule struct {
	OptionID string `json:"optionId"`
	Label    string `json:"label"`
}

// StateArchived is a line of business mapped to an option the ledger has
// since archived (or deleted): invoices using it are blocked.
const StateArchived = "archived"

// LineOfBusinessRow is one Autotask line of business and its tracking option.
type LineOfBusinessRow struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	Active            bool   `json:"active"`
	State             string `json:"state"`
	OptionID          string `json:"optionId"`
	Option            string `json:"option"` // "Category: Option", or a class's name
	SuggestedOptionID string `json:"suggestedOptionId"`
	SuggestedOption   string `json:"suggestedOption"`
	Note              string `json:"note"`
}

// LineOfBusinessRule maps line of business id to option o.
func LineOfBusinessRule(id int64, o ledger.TrackingOption) store.MappingRule {
	return store.MappingRule{Kind: store.MapLineOfBusiness, SourceKey: strconv.FormatInt(id, 10), Target: o.ID, Target2: o.Label()}
}

// FindTracking returns the option with id among opts.
func FindTracking(opts []ledger.TrackingOption, id string) (ledger.TrackingOption, bool) {
	for _, o := range opts {
		if o.ID == id {
			return o, true
		}
	}
	return ledger.TrackingOption{}, false
}

// SuggestLinesOfBusiness proposes, for each unmapped line of business, the
// active option (or class) of exactly the same name, case and surrounding
// spaces aside. Options of the same name in several categories: the first
// category by name.
func SuggestLinesOfBusiness(lobs []autotask.OrganizationalLevel2, opts []ledger.TrackingOption, rules Rules) []store.MappingRule {
	active := make([]ledger.TrackingOption, 0, len(opts))
	for _, o := range opts {
		if o.Active {
			active = append(active, o)
		}
	}
	sort.SliceStable(active, func(i, j int) bool { return active[i].Category < active[j].Category })
	var out []store.MappingRule
	for _, l := range lobs {
		if _, ok := rules.LinesOfBusiness[l.ID]; ok {
			continue
		}
		name := strings.TrimSpace(l.Name)
		for _, o := range active {
			if strings.EqualFold(strings.TrimSpace(lastSegment(o.Name)), name) {
				r := LineOfBusinessRule(l.ID, o)
				r.Suggested, r.Note = true, fmt.Sprintf("%s → %s (same name)", l.Name, o.Label())
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// lastSegment is a QuickBooks sub-class's own name: "Services:Projects" → "Projects".
func lastSegment(name string) string {
	if i := strings.LastIndex(name, ":"); i >= 0 {
		return name[i+1:]
	}
	return name
}

// lineOfBusinessRows joins Autotask's lines of business with the rules and
// the ledger's options.
func lineOfBusinessRows(s Sources, rules Rules, sugg map[string]store.MappingRule) []LineOfBusinessRow {
	out := make([]LineOfBusinessRow, 0, len(s.LinesOfBusiness))
	for _, l := range s.LinesOfBusiness {
		row := LineOfBusinessRow{ID: l.ID, Name: l.Name, Active: l.IsActive, State: StateUnmapped,
			Note: "Its lines go to the ledger without tracking"}
		if r, ok := rules.LinesOfBusiness[l.ID]; ok {
			row.State, row.OptionID, row.Option, row.Note = StateMapped, r.OptionID, r.Label, ""
			o, found := FindTracking(s.Settings.Tracking, r.OptionID)
			switch {
			case !found:
				row.State, row.Note = StateArchived, "No longer in the ledger: invoices with this line of business are blocked until you choose another"
			case !o.Active:
				row.State, row.Option = StateArchived, o.Label()
				row.Note = "Archived in the ledger: invoices with this line of business are blocked until you choose another or restore it"
			default:
				row.Option = o.Label()
			}
		} else if sg, ok := sugg[store.MapLineOfBusiness+"/"+strconv.FormatInt(l.ID, 10)]; ok {
			row.State, row.SuggestedOptionID, row.SuggestedOption, row.Note = StateSuggested, sg.Target, sg.Target2, sg.Note
		}
		out = append(out, row)
	}
	sort.SliceStable(out, func(i, j int) bool { return stateOrder[out[i].State] < stateOrder[out[j].State] })
	return out
}

// lineOfBusinessCoverage counts the lines of business mapped to an active option.
func lineOfBusinessCoverage(rows []LineOfBusinessRow) Coverage {
	c := Coverage{Kind: "lines of business", Total: len(rows)}
	for _, r := range rows {
		if r.State == StateMapped {
			c.Mapped++
		}
	}
	return c
}
