package app

import (
	"context"
	"fmt"
	"sort"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// LevelDTO is one Autotask organisational level a rule can name.
type LevelDTO struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Active bool   `json:"active"`
}

// LevelsDTO are Autotask's organisational levels: associations (a location
// with a line of business), locations (level 1) and lines of business
// (level 2).
type LevelsDTO struct {
	Associations    []LevelDTO `json:"associations"`
	Locations       []LevelDTO `json:"locations"`
	LinesOfBusiness []LevelDTO `json:"linesOfBusiness"`
}

// RuleInput routes one organisational level to an organisation; a level
// already routed elsewhere moves.
type RuleInput struct {
	ProfileID    int64  `json:"profileId"`
	Kind         string `json:"kind"`
	SourceID     int64  `json:"sourceId"`
	Organisation string `json:"organisation"`
}

// Levels reads the organisational levels from Autotask (three short lists).
func (o *Organisations) Levels(profileID int64) (LevelsDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	l, err := o.levels(ctx, profileID)
	if err != nil {
		return LevelsDTO{}, fmt.Errorf("app: organisational levels: %w", err)
	}
	out := LevelsDTO{Associations: []LevelDTO{}, Locations: []LevelDTO{}, LinesOfBusiness: []LevelDTO{}}
	for id, a := range l.Associations {
		out.Associations = append(out.Associations, LevelDTO{ID: id, Name: associationName(l, id), Active: a.IsActive})
	}
	for id, n := range l.Locations {
		out.Locations = append(out.Locations, LevelDTO{ID: id, Name: n, Active: true})
	}
	for id, n := range l.LinesOfBusiness {
		out.LinesOfBusiness = append(out.LinesOfBusiness, LevelDTO{ID: id, Name: n, Active: true})
	}
	for _, s := range [][]LevelDTO{out.Associations, out.Locations, out.LinesOfBusiness} {
		sort.Slice(s, func(i, j int) bool { return s[i].Name < s[j].Name || s[i].Name == s[j].Name && s[i].ID < s[j].ID })
	}
	return out, nil
}

// SaveRule routes one Autotask organisational level to an organisation,
// after checking Autotask has that level.
func (o *Organisations) SaveRule(in RuleInput) (OrganisationsDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	switch in.Kind {
	case store.RouteAssociation, store.RouteLocation, store.RouteLineOfBusiness:
	default:
		return OrganisationsDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a kind of rule", in.Kind),
			"Route by location, line of business, or the pair of both (association).")
	}
	l, err := o.levels(ctx, in.ProfileID)
	if err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: save rule: %w", err)
	}
	name, ok := levelName(l, in.Kind, in.SourceID)
	if !ok {
		return OrganisationsDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("Autotask has no %s with id %d", kindName(in.Kind), in.SourceID),
			"Reload the organisational levels and choose one from the list; levels are set up in Autotask under Admin → Organization Settings.")
	}
	rt := store.Route{Kind: in.Kind, SourceID: in.SourceID, Organisation: in.Organisation}
	if err := o.deps.Store.SetRoute(ctx, in.ProfileID, rt, true); err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: save rule: %w", err)
	}
	audit(o.deps, in.ProfileID, "organisation.route", fmt.Sprintf("Invoices of %s %s go to organisation %s", kindName(in.Kind), name, orDefaultName(in.Organisation)))
	return o.List(in.ProfileID)
}

// DeleteRule removes the rule of one organisational level.
func (o *Organisations) DeleteRule(profileID int64, kind string, sourceID int64) (OrganisationsDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	if err := o.deps.Store.DeleteRoute(ctx, profileID, kind, sourceID); err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: delete rule: %w", err)
	}
	audit(o.deps, profileID, "organisation.unroute", fmt.Sprintf("Removed the rule for %s %d", kindName(kind), sourceID))
	return o.List(profileID)
}

func (o *Organisations) levels(ctx context.Context, profileID int64) (syncer.OrgLevels, error) {
	p, err := o.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return syncer.OrgLevels{}, err
	}
	at, err := connect.Autotask(ctx, o.deps.connectDeps(), p)
	if err != nil {
		return syncer.OrgLevels{}, err
	}
	return syncer.PullOrgLevels(ctx, at)
}

func levelName(l syncer.OrgLevels, kind string, id int64) (string, bool) {
	switch kind {
	case store.RouteAssociation:
		if _, ok := l.Associations[id]; ok {
			return associationName(l, id), true
		}
	case store.RouteLocation:
		n, ok := l.Locations[id]
		return n, ok
	case store.RouteLineOfBusiness:
		n, ok := l.LinesOfBusiness[id]
		return n, ok
	}
	return "", false
}

// associationName is "Location / Line of business", as Autotask shows it.
func associationName(l syncer.OrgLevels, id int64) string {
	a := l.Associations[id]
	l1, l2 := "", ""
	if a.OrganizationalLevel1ID != nil {
		l1 = l.Locations[*a.OrganizationalLevel1ID]
	}
	if a.OrganizationalLevel2ID != nil {
		l2 = l.LinesOfBusiness[*a.OrganizationalLevel2ID]
	}
	if l1 == "" && l2 == "" {
		return fmt.Sprintf("association %d", id)
	}
	return l1 + " / " + l2
}

func kindName(kind string) string {
	switch kind {
	case store.RouteAssociation:
		return "location and line of business"
	case store.RouteLocation:
		return "location"
	case store.RouteLineOfBusiness:
		return "line of business"
	}
	return kind
}
