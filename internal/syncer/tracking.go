package syncer

import (
	"context"
	"fmt"
	"strconv"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
)

// A billing item's line of business is the level 2 of its organisational
// level association (Autotask keeps the association on billing items,
// copied from the contract or ticket; invoices and companies carry none).
// Its mapping puts the item's lines in a Xero tracking option or a
// QuickBooks Online class. Unmapped: the lines go without tracking and the
// preview says so. Mapped to an option the ledger has archived or deleted:
// the invoice is blocked, since the ledger would refuse it.

// ProblemTrackingArchived blocks an invoice whose line of business is
// mapped to a tracking option or class the ledger no longer offers.
const ProblemTrackingArchived = "tracking_option_archived"

// trackingLevels reads the associations and lines of business when the
// plan needs them: the ledger offers tracking and some billing item names
// an organisational level. Two short list calls, once per plan.
func (e *Engine) trackingLevels(ctx context.Context, snap *Snapshot, settings ledger.Settings) (OrgLevels, error) {
	if len(settings.Tracking) == 0 {
		return OrgLevels{}, nil
	}
	for _, items := range snap.Items {
		for _, b := range items {
			if deref(b.OrganizationalLevelAssociationID) > 0 {
				return pullLinesOfBusiness(ctx, e.Autotask)
			}
		}
	}
	return OrgLevels{}, nil
}

func pullLinesOfBusiness(ctx context.Context, at *autotask.Client) (OrgLevels, error) {
	l := OrgLevels{Associations: map[int64]autotask.OrganizationalLevelAssociation{}, LinesOfBusiness: map[int64]string{}}
	err := autotask.Each(ctx, at, autotask.EntityOrganizationalLevelAssociations, autotask.Query{}, func(a autotask.OrganizationalLevelAssociation) error {
		l.Associations[a.ID] = a
		return nil
	})
	if err != nil {
		return OrgLevels{}, fmt.Errorf("syncer: pull organisational level associations: %w", err)
	}
	err = autotask.Each(ctx, at, autotask.EntityOrganizationalLevel2s, autotask.Query{}, func(v autotask.OrganizationalLevel2) error {
		l.LinesOfBusiness[v.ID] = v.Name
		return nil
	})
	if err != nil {
		return OrgLevels{}, fmt.Errorf("syncer: pull lines of business: %w", err)
	}
	return l, nil
}

// trackingFor resolves one billing item's tracking; a problem or note is
// added to pl once per line of business (reported remembers which).
func (in planInput) trackingFor(inv autotask.Invoice, b autotask.BillingItem, pl *Planned, reported map[string]bool) ledger.Tracking {
	if len(in.settings.Tracking) == 0 {
		return ledger.Tracking{}
	}
	a, ok := in.levels.Associations[deref(b.OrganizationalLevelAssociationID)]
	lob := deref(a.OrganizationalLevel2ID)
	if !ok || lob == 0 {
		return ledger.Tracking{}
	}
	key := "l" + strconv.FormatInt(lob, 10)
	name := in.levels.LinesOfBusiness[lob]
	if name == "" {
		name = "id " + strconv.FormatInt(lob, 10)
	}
	rule, mapped := in.rules.LinesOfBusiness[lob]
	if !mapped {
		if !reported[key] {
			reported[key] = true
			pl.Notes = append(pl.Notes, fmt.Sprintf("line of business %s is not mapped to a %s; its lines go without one", name, trackingNoun(in.caps.Kind)))
		}
		return ledger.Tracking{}
	}
	o, found := mapping.FindTracking(in.settings.Tracking, rule.OptionID)
	if found && o.Active {
		return ledger.TrackingOf(o)
	}
	if !reported[key] {
		reported[key] = true
		pl.Problems = append(pl.Problems, trackingGone(inv, name, rule, o, found, in.caps.Kind))
	}
	return ledger.Tracking{}
}

func trackingGone(inv autotask.Invoice, lob string, rule mapping.TrackingRule, o ledger.TrackingOption, found bool, kind string) Problem {
	what, opt := "no longer exists", rule.Label
	if found {
		what, opt = "is archived", o.Label()
	}
	if opt == "" {
		opt = rule.OptionID
	}
	return Problem{ProblemTrackingArchived,
		fmt.Sprintf("%s: line of business %s is mapped to the %s %q, which %s in the ledger", label(inv), lob, trackingNoun(kind), opt, what),
		fmt.Sprintf("Choose another %s for %s in Mappings → Lines of business (or clear it to send its lines without one), or make %q active again in the ledger.", trackingNoun(kind), lob, opt)}
}

// trackingNoun is what the ledger calls a tracking value.
func trackingNoun(kind string) string {
	if kind == "qbo" {
		return "class"
	}
	return "tracking option"
}
