package syncer_test

import (
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

func TestRouterRoutesEachInvoiceToOneOrganisation(t *testing.T) {
	id := func(v int64) *int64 { return &v }
	assoc := func(a, l1, l2 int64) autotask.OrganizationalLevelAssociation {
		return autotask.OrganizationalLevelAssociation{ID: a, OrganizationalLevel1ID: id(l1), OrganizationalLevel2ID: id(l2)}
	}
	// Locations 1 North America, 2 Europe, 3 Asia-Pacific × lines of
	// business 10 Managed Services, 20 Projects.
	levels := syncer.OrgLevels{
		Associations: map[int64]autotask.OrganizationalLevelAssociation{
			11: assoc(11, 1, 10), 12: assoc(12, 1, 20), 21: assoc(21, 2, 10), 22: assoc(22, 2, 20), 31: assoc(31, 3, 10),
		},
		Locations:       map[int64]string{1: "North America", 2: "Europe", 3: "Asia-Pacific"},
		LinesOfBusiness: map[int64]string{10: "Managed Services", 20: "Projects"},
	}
	orgs := []store.Organisation{{Key: "", Name: "Own Inc"}, {Key: "eu", Name: "Europe BV"}, {Key: "pro", Name: "Projects Ltd"}}
	items := func(assocs ...int64) []autotask.BillingItem {
		var out []autotask.BillingItem
		for _, a := range assocs {
			b := autotask.BillingItem{}
			if a != 0 {
				b.OrganizationalLevelAssociationID = id(a)
			}
			out = append(out, b)
		}
		return out
	}
	route := func(kind string, src int64, org string) store.Route {
		return store.Route{Kind: kind, SourceID: src, Organisation: org}
	}
	tests := []struct {
		name    string
		routing store.Routing
		items   []autotask.BillingItem
		wantOrg string
		wantBy  string // part of Destination.By
		wantErr string // problem code; "" when routed
		wantMsg string // exact problem message when wantErr is set
	}{
		{name: "no routes: the default", routing: store.Routing{}, items: items(21, 22), wantOrg: "", wantBy: "default"},
		{name: "by location", routing: store.Routing{Routes: []store.Route{route(store.RouteLocation, 2, "eu")}},
			items: items(21, 22), wantOrg: "eu", wantBy: "location Europe"},
		{name: "association beats location", routing: store.Routing{Routes: []store.Route{
			route(store.RouteAssociation, 22, "pro"), route(store.RouteLocation, 2, "eu")}},
			items: items(22), wantOrg: "pro", wantBy: "organisational level Europe / Projects (association 22)"},
		{name: "by line of business", routing: store.Routing{Routes: []store.Route{route(store.RouteLineOfBusiness, 20, "pro")}},
			items: items(12), wantOrg: "pro", wantBy: "line of business Projects"},
		{name: "location beats line of business", routing: store.Routing{Routes: []store.Route{
			route(store.RouteLocation, 1, ""), route(store.RouteLineOfBusiness, 20, "pro")}},
			items: items(12), wantOrg: "", wantBy: "location North America"},
		{name: "items without a level follow the others", routing: store.Routing{Routes: []store.Route{route(store.RouteLocation, 2, "eu")}},
			items: items(0, 21, 0), wantOrg: "eu", wantBy: "location Europe"},
		{name: "no level anywhere: the default", routing: store.Routing{Default: "eu"}, items: items(0, 0), wantOrg: "eu", wantBy: "no billing item"},
		{name: "no items: the default", routing: store.Routing{Default: "pro"}, items: nil, wantOrg: "pro", wantBy: "default"},
		{name: "unmatched level goes to the default", routing: store.Routing{Default: "eu", Routes: []store.Route{route(store.RouteLocation, 1, "")}},
			items: items(31), wantOrg: "eu", wantBy: "no route for Asia-Pacific / Managed Services (association 31)"},
		{name: "items in two organisations", routing: store.Routing{Routes: []store.Route{
			route(store.RouteAssociation, 22, "pro"), route(store.RouteLocation, 2, "eu")}},
			items: items(22, 21), wantErr: syncer.ProblemSplitOrgs,
			wantMsg: "Invoice INV-7: its billing items belong to different organisations: Europe BV (Europe / Managed Services (association 21)); Projects Ltd (Europe / Projects (association 22))"},
		{name: "routed and default disagree", routing: store.Routing{Routes: []store.Route{route(store.RouteLocation, 2, "eu")}},
			items: items(21, 31), wantErr: syncer.ProblemSplitOrgs,
			wantMsg: "Invoice INV-7: its billing items belong to different organisations: Europe BV (Europe / Managed Services (association 21)); Own Inc (Asia-Pacific / Managed Services (association 31))"},
		{name: "unrouted level without a default", routing: store.Routing{BlockUnrouted: true, Routes: []store.Route{route(store.RouteLocation, 2, "eu")}},
			items: items(21, 31), wantErr: syncer.ProblemUnrouted,
			wantMsg: "Invoice INV-7: organisational level Asia-Pacific / Managed Services (association 31) is not routed to any organisation"},
		{name: "unknown association without a default", routing: store.Routing{BlockUnrouted: true},
			items: items(99), wantErr: syncer.ProblemUnrouted,
			wantMsg: "Invoice INV-7: organisational level association 99 is not routed to any organisation"},
		{name: "no level and no default", routing: store.Routing{BlockUnrouted: true}, items: items(0), wantErr: syncer.ProblemUnrouted,
			wantMsg: "Invoice INV-7: none of its billing items names an organisational level, so it cannot be routed to an organisation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := syncer.NewRouter(orgs, tt.routing, levels)
			d, prob := r.Route(autotask.Invoice{ID: 7, InvoiceNumber: "INV-7"}, tt.items)
			if tt.wantErr != "" {
				if prob == nil {
					t.Fatalf("routed to %q (%s), want problem %s", d.Organisation, d.By, tt.wantErr)
				}
				if prob.Code != tt.wantErr || prob.Message != tt.wantMsg || prob.Fix == "" {
					t.Fatalf("problem = %+v\nwant code %s, message %q and a fix", *prob, tt.wantErr, tt.wantMsg)
				}
				return
			}
			if prob != nil {
				t.Fatalf("unexpected problem %+v", *prob)
			}
			if d.Organisation != tt.wantOrg || !strings.Contains(d.By, tt.wantBy) {
				t.Fatalf("routed to %q by %q, want %q by …%s…", d.Organisation, d.By, tt.wantOrg, tt.wantBy)
			}
		})
	}
}
