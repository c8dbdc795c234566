package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Route kinds: what an Autotask organisational level id in a Route names.
const (
	RouteAssociation    = "association"      // OrganizationalLevelAssociations id (level 1 × level 2)
	RouteLocation       = "location"         // OrganizationalLevel1s id, e.g. a branch or country
	RouteLineOfBusiness = "line_of_business" // OrganizationalLevel2s id
)

// Route sends the invoices of one Autotask organisational level to one
// organisation (key; "" the profile's own).
type Route struct {
	Kind         string `json:"kind"`
	SourceID     int64  `json:"sourceId"`
	Organisation string `json:"organisation"`
}

// Routing is how a profile's invoices are shared between its organisations.
// With no routes every invoice goes to Default, which is how a profile with
// one organisation works.
type Routing struct {
	Routes  []Route `json:"routes"`
	Default string  `json:"default"` // where invoices no route matches go; "" the profile's own
	// BlockUnrouted blocks an invoice no route matches instead of sending it
	// to Default, for databases where every level must be routed on purpose.
	BlockUnrouted bool `json:"blockUnrouted"`
}

// Routing returns the profile's routing; a profile never given one routes
// everything to its own organisation.
func (s *Store) Routing(ctx context.Context, profileID int64) (Routing, error) {
	var r Routing
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		if _, err = findProfile(ctx, tx, profileID); err != nil {
			return err
		}
		r, err = findRouting(ctx, tx, profileID)
		return err
	})
	return r, err
}

// SaveRouting replaces the profile's routing with r. A source routed to two
// organisations is a Conflict naming both; a route to an organisation the
// profile does not have is Invalid.
func (s *Store) SaveRouting(ctx context.Context, profileID int64, r Routing) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		orgs, err := findOrganisations(ctx, tx, profileID)
		if err != nil {
			return err
		}
		if err := validateRouting(r, orgs); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM organisation_routes WHERE profile_id = ?", profileID); err != nil {
			return fmt.Errorf("store: save routing: %w", err)
		}
		for _, rt := range r.Routes {
			_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO organisation_routes (profile_id, kind, source_id, organisation) VALUES (?, ?, ?, ?)`,
				profileID, rt.Kind, rt.SourceID, rt.Organisation)
			if err != nil {
				return fmt.Errorf("store: save route %s %d: %w", rt.Kind, rt.SourceID, err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO organisation_routing (profile_id, default_organisation, block_unrouted) VALUES (?, ?, ?)
			ON CONFLICT (profile_id) DO UPDATE SET default_organisation = excluded.default_organisation, block_unrouted = excluded.block_unrouted`,
			profileID, r.Default, r.BlockUnrouted)
		if err != nil {
			return fmt.Errorf("store: save routing: %w", err)
		}
		return nil
	})
}

// SetRoute adds one route, or changes the organisation of an existing one
// only when replace is set: without it, a source already routed elsewhere
// is a Conflict naming both organisations.
func (s *Store) SetRoute(ctx context.Context, profileID int64, rt Route, replace bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		orgs, err := findOrganisations(ctx, tx, profileID)
		if err != nil {
			return err
		}
		cur, err := findRouting(ctx, tx, profileID)
		if err != nil {
			return err
		}
		next := Routing{Default: cur.Default, BlockUnrouted: cur.BlockUnrouted}
		for _, old := range cur.Routes {
			if replace && old.Kind == rt.Kind && old.SourceID == rt.SourceID {
				continue
			}
			next.Routes = append(next.Routes, old)
		}
		next.Routes = append(next.Routes, rt)
		if err := validateRouting(next, orgs); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO organisation_routes (profile_id, kind, source_id, organisation) VALUES (?, ?, ?, ?)`,
			profileID, rt.Kind, rt.SourceID, rt.Organisation)
		if err != nil {
			return fmt.Errorf("store: save route %s %d: %w", rt.Kind, rt.SourceID, err)
		}
		return nil
	})
}

// DeleteRoute removes the route of one source, if there is one.
func (s *Store) DeleteRoute(ctx context.Context, profileID int64, kind string, sourceID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM organisation_routes WHERE profile_id = ? AND kind = ? AND source_id = ?", profileID, kind, sourceID)
		if err != nil {
			return fmt.Errorf("store: delete route %s %d: %w", kind, sourceID, err)
		}
		return nil
	})
}

func findRouting(ctx context.Context, tx *sql.Tx, profileID int64) (Routing, error) {
	r := Routing{Routes: []Route{}}
	var block int
	err := tx.QueryRowContext(ctx, "SELECT default_organisation, block_unrouted FROM organisation_routing WHERE profile_id = ?", profileID).
		Scan(&r.Default, &block)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Routing{}, fmt.Errorf("store: routing: %w", err)
	}
	r.BlockUnrouted = block == 1
	rows, err := tx.QueryContext(ctx, `SELECT kind, source_id, organisation FROM organisation_routes WHERE profile_id = ?
		ORDER BY kind, source_id`, profileID)
	if err != nil {
		return Routing{}, fmt.Errorf("store: routing: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rt Route
		if err := rows.Scan(&rt.Kind, &rt.SourceID, &rt.Organisation); err != nil {
			return Routing{}, fmt.Errorf("store: routing: %w", err)
		}
		r.Routes = append(r.Routes, rt)
	}
	if err := rows.Err(); err != nil {
		return Routing{}, fmt.Errorf("store: routing: %w", err)
	}
	return r, nil
}

// validateRouting checks every route and the default against the profile's
// organisations; conflicts are reported in a stable order.
func validateRouting(r Routing, orgs []Organisation) error {
	byKey := map[string]Organisation{}
	for _, o := range orgs {
		byKey[o.Key] = o
	}
	if _, ok := byKey[r.Default]; !ok {
		return invalid(fmt.Sprintf("The default organisation %q is not one of this profile's", r.Default),
			"Choose the default from the profile's organisations.")
	}
	type source struct {
		kind string
		id   int64
	}
	seen := map[source]string{}
	routes := append([]Route(nil), r.Routes...)
	sort.SliceStable(routes, func(i, j int) bool {
		if routes[i].Kind != routes[j].Kind {
			return routes[i].Kind < routes[j].Kind
		}
		return routes[i].SourceID < routes[j].SourceID
	})
	for _, rt := range routes {
		switch rt.Kind {
		case RouteAssociation, RouteLocation, RouteLineOfBusiness:
		default:
			return invalid(fmt.Sprintf("Unknown kind of route %q", rt.Kind),
				"Route by organisational level association, location (level 1) or line of business (level 2).")
		}
		if rt.SourceID <= 0 {
			return invalid(fmt.Sprintf("A %s route needs the Autotask id of the %s", routeLabel(rt.Kind), routeLabel(rt.Kind)),
				"Choose the organisational level from the list Autotask gives.")
		}
		o, ok := byKey[rt.Organisation]
		if !ok {
			return invalid(fmt.Sprintf("%s %d is routed to organisation %q, which this profile does not have", capital(routeLabel(rt.Kind)), rt.SourceID, rt.Organisation),
				"Add the organisation first, or route to one of the profile's organisations.")
		}
		src := source{rt.Kind, rt.SourceID}
		if prev, dup := seen[src]; dup && prev != rt.Organisation {
			return conflictRoute(rt, byKey[prev], o)
		}
		seen[src] = rt.Organisation
	}
	return nil
}

func conflictRoute(rt Route, a, b Organisation) error {
	return apperr.New(apperr.Conflict,
		fmt.Sprintf("%s %d is routed to both %s and %s", capital(routeLabel(rt.Kind)), rt.SourceID, quoteOrg(a), quoteOrg(b)),
		"Route each organisational level to one organisation; remove one of the two routes.")
}

func routeLabel(kind string) string {
	switch kind {
	case RouteAssociation:
		return "organisational level association"
	case RouteLocation:
		return "location (organisational level 1)"
	case RouteLineOfBusiness:
		return "line of business (organisational level 2)"
	}
	return kind
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
