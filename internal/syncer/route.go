package syncer

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/store"
)

// Problem codes of routing an invoice to one of several organisations.
const (
	ProblemUnrouted       = "unrouted_organisation"
	ProblemSplitOrgs      = "items_in_several_organisations"
	ProblemOrgUnavailable = "organisation_unavailable"
	ProblemOrgGone        = "sent_to_removed_organisation"
)

// OrgLevels are Autotask's organisational levels: what a route names and
// how messages name a level.
type OrgLevels struct {
	Associations    map[int64]autotask.OrganizationalLevelAssociation
	Locations       map[int64]string // level 1 names
	LinesOfBusiness map[int64]string // level 2 names
}

// PullOrgLevels reads the three organisational level lists whole (three
// calls; they are short).
func PullOrgLevels(ctx context.Context, at *autotask.Client) (OrgLevels, error) {
	l := OrgLevels{Associations: map[int64]autotask.OrganizationalLevelAssociation{}, Locations: map[int64]string{}, LinesOfBusiness: map[int64]string{}}
	err := autotask.Each(ctx, at, autotask.EntityOrganizationalLevelAssociations, autotask.Query{}, func(a autotask.OrganizationalLevelAssociation) error {
		l.Associations[a.ID] = a
		return nil
	})
	if err != nil {
		return OrgLevels{}, fmt.Errorf("syncer: pull organisational level associations: %w", err)
	}
	err = autotask.Each(ctx, at, autotask.EntityOrganizationalLevel1s, autotask.Query{}, func(v autotask.OrganizationalLevel1) error {
		l.Locations[v.ID] = v.Name
		return nil
	})
	if err != nil {
		return OrgLevels{}, fmt.Errorf("syncer: pull organisational levels 1: %w", err)
	}
	err = autotask.Each(ctx, at, autotask.EntityOrganizationalLevel2s, autotask.Query{}, func(v autotask.OrganizationalLevel2) error {
		l.LinesOfBusiness[v.ID] = v.Name
		return nil
	})
	if err != nil {
		return OrgLevels{}, fmt.Errorf("syncer: pull organisational levels 2: %w", err)
	}
	return l, nil
}

// name says which organisational level an association is, as the user
// sees it in Autotask: "Europe / Projects (association 12)".
func (l OrgLevels) name(assocID int64) string {
	a, ok := l.Associations[assocID]
	if !ok {
		return fmt.Sprintf("association %d", assocID)
	}
	l1, l2 := l.Locations[deref(a.OrganizationalLevel1ID)], l.LinesOfBusiness[deref(a.OrganizationalLevel2ID)]
	if l1 == "" {
		l1 = fmt.Sprintf("level 1 id %d", deref(a.OrganizationalLevel1ID))
	}
	if l2 == "" {
		l2 = fmt.Sprintf("level 2 id %d", deref(a.OrganizationalLevel2ID))
	}
	return fmt.Sprintf("%s / %s (association %d)", l1, l2, assocID)
}

// Destination is the organisation an invoice goes to, and why.
type Destination struct {
	Organisation string `json:"organisation"` // key; "" the profile's own
	By           string `json:"by"`           // for the run log
}

// Router sends each Autotask invoice to exactly one organisation. An
// invoice's organisational level is that of its billing items (Autotask
// keeps it on items and contracts, not on companies or invoices); items
// without one follow the others. Each level is routed by the most specific
// rule: its association, else its location (level 1), else its line of
// business (level 2), else the default organisation. Items that route to
// different organisations, and levels no rule routes when there is no
// default, block the invoice.
type Router struct {
	routing store.Routing
	orgs    map[string]store.Organisation
	levels  OrgLevels
	routes  map[routeKey]string
}

type routeKey struct {
	kind string
	id   int64
}

// NewRouter makes a router from a profile's organisations and routing.
func NewRouter(orgs []store.Organisation, routing store.Routing, levels OrgLevels) *Router {
	r := &Router{routing: routing, orgs: map[string]store.Organisation{}, levels: levels, routes: map[routeKey]string{}}
	for _, o := range orgs {
		r.orgs[o.Key] = o
	}
	for _, rt := range routing.Routes {
		r.routes[routeKey{rt.Kind, rt.SourceID}] = rt.Organisation
	}
	return r
}

// orgName names an organisation in messages.
func (r *Router) orgName(key string) string {
	if o, ok := r.orgs[key]; ok && o.Name != "" {
		return o.Name
	}
	if key == "" {
		return "the profile's own organisation"
	}
	return key
}

// level routes one association; ok is false when nothing routes it.
func (r *Router) level(assocID int64) (Destination, bool) {
	if k, ok := r.routes[routeKey{store.RouteAssociation, assocID}]; ok {
		return Destination{k, "organisational level " + r.levels.name(assocID)}, true
	}
	a := r.levels.Associations[assocID]
	if id := deref(a.OrganizationalLevel1ID); id != 0 {
		if k, ok := r.routes[routeKey{store.RouteLocation, id}]; ok {
			return Destination{k, "location " + r.levels.Locations[id]}, true
		}
	}
	if id := deref(a.OrganizationalLevel2ID); id != 0 {
		if k, ok := r.routes[routeKey{store.RouteLineOfBusiness, id}]; ok {
			return Destination{k, "line of business " + r.levels.LinesOfBusiness[id]}, true
		}
	}
	if r.routing.BlockUnrouted {
		return Destination{}, false
	}
	return Destination{r.routing.Default, "the default organisation (no route for " + r.levels.name(assocID) + ")"}, true
}

// Route decides the organisation of inv from its billing items.
func (r *Router) Route(inv autotask.Invoice, items []autotask.BillingItem) (Destination, *Problem) {
	var assocs []int64
	for _, b := range items {
		if id := deref(b.OrganizationalLevelAssociationID); id > 0 && !slices.Contains(assocs, id) {
			assocs = append(assocs, id)
		}
	}
	slices.Sort(assocs)
	if len(assocs) == 0 {
		if r.routing.BlockUnrouted {
			return Destination{}, &Problem{ProblemUnrouted,
				fmt.Sprintf("%s: none of its billing items names an organisational level, so it cannot be routed to an organisation", label(inv)),
				"Set the organisational level on the invoice's contract or items in Autotask, or let unrouted invoices go to a default organisation."}
		}
		return Destination{r.routing.Default, "the default organisation (no billing item names an organisational level)"}, nil
	}
	var unrouted []string
	byOrg := map[string][]string{}
	var orgOrder []string
	var first Destination
	for _, id := range assocs {
		d, ok := r.level(id)
		if !ok {
			unrouted = append(unrouted, r.levels.name(id))
			continue
		}
		if _, seen := byOrg[d.Organisation]; !seen {
			orgOrder = append(orgOrder, d.Organisation)
			if len(orgOrder) == 1 {
				first = d
			}
		}
		byOrg[d.Organisation] = append(byOrg[d.Organisation], r.levels.name(id))
	}
	if len(unrouted) > 0 {
		return Destination{}, &Problem{ProblemUnrouted,
			fmt.Sprintf("%s: organisational level %s is not routed to any organisation", label(inv), strings.Join(unrouted, ", ")),
			"Route the association, its location or its line of business to an organisation in the profile's Organisations, or choose a default organisation."}
	}
	if len(orgOrder) > 1 {
		var parts []string
		for _, k := range orgOrder {
			parts = append(parts, fmt.Sprintf("%s (%s)", r.orgName(k), strings.Join(byOrg[k], ", ")))
		}
		return Destination{}, &Problem{ProblemSplitOrgs,
			fmt.Sprintf("%s: its billing items belong to different organisations: %s", label(inv), strings.Join(parts, "; ")),
			"Route these organisational levels to the same organisation, or invoice the items separately in Autotask."}
	}
	return first, nil
}

// orgUnavailable blocks an invoice whose organisation's ledger could not be opened.
func orgUnavailable(inv autotask.Invoice, org string, err error) Problem {
	return Problem{ProblemOrgUnavailable,
		fmt.Sprintf("%s: organisation %s could not be reached: %v", label(inv), org, err),
		"Connect the organisation's ledger again in the profile's Organisations, then sync again."}
}

// orgGone blocks an invoice the journal places in an organisation the profile no longer has.
func orgGone(inv autotask.Invoice, key string) Problem {
	return Problem{ProblemOrgGone,
		fmt.Sprintf("%s: it was sent to organisation %q, which this profile no longer has", label(inv), key),
		"Add the organisation back with the same key so its voids and payments can be followed, then sync again."}
}
