package store_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

// newOrgProfile opens a store with a profile on Xero tenant "own" and an
// organisation "eu" on tenant "eu-tenant".
func newOrgProfile(t *testing.T) (*store.Store, store.Profile) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := store.Profile{Name: "Acme", LedgerKind: store.LedgerXero, LedgerTenantID: "own", LedgerTenantName: "Acme Inc"}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	eu := store.Organisation{Key: "eu", Name: "Acme Europe", LedgerKind: store.LedgerXero, LedgerTenantID: "eu-tenant"}
	if err := s.SaveOrganisation(ctx, p.ID, &eu); err != nil {
		t.Fatal(err)
	}
	return s, p
}

func TestOrganisationsListTheProfilesOwnFirst(t *testing.T) {
	s, p := newOrgProfile(t)
	ctx := context.Background()
	apac := store.Organisation{Key: "apac", Name: "Acme APAC", LedgerKind: store.LedgerQBO, LedgerTenantID: "9130", LedgerEndpoint: "http://127.0.0.1:9/"}
	if err := s.SaveOrganisation(ctx, p.ID, &apac); err != nil {
		t.Fatal(err)
	}
	if apac.CreatedAt.IsZero() {
		t.Error("saving did not set the times")
	}
	orgs, err := s.Organisations(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range orgs {
		got = append(got, o.Key+"="+o.Name+"@"+o.LedgerKind+":"+o.LedgerTenantID)
	}
	want := []string{"=Acme Inc@xero:own", "apac=Acme APAC@qbo:9130", "eu=Acme Europe@xero:eu-tenant"}
	if len(got) != len(want) {
		t.Fatalf("organisations = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("organisations = %v, want %v", got, want)
		}
	}
	// Saving an existing key updates it.
	apac.Name = "Acme Asia-Pacific"
	if err := s.SaveOrganisation(ctx, p.ID, &apac); err != nil {
		t.Fatal(err)
	}
	if orgs, _ = s.Organisations(ctx, p.ID); orgs[1].Name != "Acme Asia-Pacific" || len(orgs) != 3 {
		t.Fatalf("after rename: %+v", orgs)
	}
	applied := orgs[1].ApplyTo(p)
	if applied.LedgerKind != store.LedgerQBO || applied.LedgerTenantID != "9130" || applied.ID != p.ID || applied.Name != p.Name {
		t.Errorf("ApplyTo = %+v", applied)
	}
}

func TestSaveOrganisationValidates(t *testing.T) {
	s, p := newOrgProfile(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		org     store.Organisation
		code    apperr.Code
		message string
	}{
		{"empty key", store.Organisation{Name: "X"}, apperr.Invalid, "An organisation needs a key"},
		{"upper-case key", store.Organisation{Key: "EU", Name: "X"}, apperr.Invalid, `The organisation key "EU" may only hold lower-case letters, digits, - and _`},
		{"no name", store.Organisation{Key: "x"}, apperr.Invalid, "Organisation x needs a name"},
		{"control character", store.Organisation{Key: "x", Name: "A\tB"}, apperr.Invalid, "The organisation name contains invisible control characters"},
		{"unknown ledger", store.Organisation{Key: "x", Name: "X", LedgerKind: "sage"}, apperr.Invalid, `Unknown accounting system "sage" for organisation X`},
		{"bad endpoint", store.Organisation{Key: "x", Name: "X", LedgerEndpoint: "localhost"}, apperr.Invalid, `The ledger address "localhost" is not a web address`},
		{"name taken", store.Organisation{Key: "x", Name: "ACME EUROPE"}, apperr.Conflict, "An organisation named Acme Europe already exists in this profile"},
		{"same ledger as another", store.Organisation{Key: "x", Name: "X", LedgerKind: store.LedgerXero, LedgerTenantID: "eu-tenant"},
			apperr.Conflict, "Organisations Acme Europe and X would send to the same Xero organisation (eu-tenant)"},
		{"same ledger as the profile's own", store.Organisation{Key: "x", Name: "X", LedgerKind: store.LedgerXero, LedgerTenantID: "own"},
			apperr.Conflict, "Organisations Acme Inc (the profile's own) and X would send to the same Xero organisation (own)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.org
			err := s.SaveOrganisation(ctx, p.ID, &o)
			e, ok := apperr.As(err)
			if !ok || e.Code != tt.code || e.Message != tt.message || e.Fix == "" {
				t.Fatalf("err = %v, want %s %q with a fix", err, tt.code, tt.message)
			}
		})
	}
	if err := s.SaveOrganisation(ctx, p.ID+100, &store.Organisation{Key: "x", Name: "X"}); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("saving to a missing profile: %v, want not found", err)
	}
}

func TestRoutingRules(t *testing.T) {
	s, p := newOrgProfile(t)
	ctx := context.Background()
	r, err := s.Routing(ctx, p.ID)
	if err != nil || r.Default != "" || r.BlockUnrouted || len(r.Routes) != 0 {
		t.Fatalf("a new profile's routing = %+v, %v; want everything to its own organisation", r, err)
	}
	want := store.Routing{Default: "eu", BlockUnrouted: true, Routes: []store.Route{
		{Kind: store.RouteAssociation, SourceID: 12, Organisation: "eu"},
		{Kind: store.RouteLineOfBusiness, SourceID: 3, Organisation: ""},
		{Kind: store.RouteLocation, SourceID: 1, Organisation: "eu"},
	}}
	if err := s.SaveRouting(ctx, p.ID, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Routing(ctx, p.ID)
	if err != nil || got.Default != "eu" || !got.BlockUnrouted || len(got.Routes) != 3 || got.Routes[0] != want.Routes[0] {
		t.Fatalf("routing = %+v, %v", got, err)
	}

	bad := []struct {
		name    string
		routing store.Routing
		code    apperr.Code
		message string
	}{
		{"association to two organisations", store.Routing{Routes: []store.Route{
			{Kind: store.RouteAssociation, SourceID: 12, Organisation: "eu"}, {Kind: store.RouteAssociation, SourceID: 12, Organisation: ""}}},
			apperr.Conflict, "Organisational level association 12 is routed to both Acme Europe and Acme Inc (the profile's own)"},
		{"unknown organisation", store.Routing{Routes: []store.Route{{Kind: store.RouteLocation, SourceID: 4, Organisation: "us"}}},
			apperr.Invalid, `Location (organisational level 1) 4 is routed to organisation "us", which this profile does not have`},
		{"unknown default", store.Routing{Default: "us"}, apperr.Invalid, `The default organisation "us" is not one of this profile's`},
		{"unknown kind", store.Routing{Routes: []store.Route{{Kind: "company", SourceID: 4}}}, apperr.Invalid, `Unknown kind of route "company"`},
		{"no id", store.Routing{Routes: []store.Route{{Kind: store.RouteLineOfBusiness}}}, apperr.Invalid,
			"A line of business (organisational level 2) route needs the Autotask id of the line of business (organisational level 2)"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SaveRouting(ctx, p.ID, tt.routing)
			e, ok := apperr.As(err)
			if !ok || e.Code != tt.code || e.Message != tt.message || e.Fix == "" {
				t.Fatalf("err = %v, want %s %q with a fix", err, tt.code, tt.message)
			}
		})
	}
	if got, _ := s.Routing(ctx, p.ID); len(got.Routes) != 3 {
		t.Errorf("a refused save changed the routing: %+v", got)
	}

	// SetRoute refuses to move a routed level unless asked to.
	err = s.SetRoute(ctx, p.ID, store.Route{Kind: store.RouteAssociation, SourceID: 12, Organisation: ""}, false)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Conflict || e.Message != "Organisational level association 12 is routed to both Acme Europe and Acme Inc (the profile's own)" {
		t.Fatalf("moving without replace: %v", err)
	}
	if err := s.SetRoute(ctx, p.ID, store.Route{Kind: store.RouteAssociation, SourceID: 12, Organisation: ""}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRoute(ctx, p.ID, store.Route{Kind: store.RouteAssociation, SourceID: 13, Organisation: "eu"}, false); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRoute(ctx, p.ID, store.RouteLineOfBusiness, 3); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Routing(ctx, p.ID)
	routes := map[store.Route]bool{}
	for _, rt := range got.Routes {
		routes[rt] = true
	}
	if len(routes) != 3 || !routes[store.Route{Kind: store.RouteAssociation, SourceID: 12, Organisation: ""}] ||
		!routes[store.Route{Kind: store.RouteAssociation, SourceID: 13, Organisation: "eu"}] {
		t.Fatalf("routes = %+v", got.Routes)
	}
}

func TestDeleteOrganisation(t *testing.T) {
	s, p := newOrgProfile(t)
	ctx := context.Background()
	if err := s.SaveRouting(ctx, p.ID, store.Routing{Default: "eu", Routes: []store.Route{{Kind: store.RouteLocation, SourceID: 2, Organisation: "eu"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMappingRules(ctx, p.ID, []store.MappingRule{{Organisation: "eu", Kind: store.MapTax, SourceKey: "1:2", Target: "OUTPUT"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOrganisation(ctx, p.ID, "eu"); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("deleting the default: %v, want conflict", err)
	}
	if err := s.SaveRouting(ctx, p.ID, store.Routing{Routes: []store.Route{{Kind: store.RouteLocation, SourceID: 2, Organisation: "eu"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveJournal(ctx, []store.JournalEntry{{ProfileID: p.ID, AutotaskInvoiceID: 5, Organisation: "eu", State: store.JournalSent, OurRef: "AT-5"}}); err != nil {
		t.Fatal(err)
	}
	err := s.DeleteOrganisation(ctx, p.ID, "eu")
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Conflict || e.Message != "Organisation Acme Europe holds 1 invoices sent by Billbridge" {
		t.Fatalf("deleting one with sent invoices: %v", err)
	}
	if err := s.SaveJournal(ctx, []store.JournalEntry{{ProfileID: p.ID, AutotaskInvoiceID: 5, Organisation: "eu", State: store.JournalFailed, OurRef: "AT-5"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOrganisation(ctx, p.ID, "eu"); err != nil {
		t.Fatal(err)
	}
	orgs, _ := s.Organisations(ctx, p.ID)
	r, _ := s.Routing(ctx, p.ID)
	rules, _ := s.MappingRules(ctx, p.ID)
	if len(orgs) != 1 || len(r.Routes) != 0 || len(rules) != 0 {
		t.Fatalf("after delete: organisations %+v, routes %+v, rules %+v", orgs, r.Routes, rules)
	}
	if err := s.DeleteOrganisation(ctx, p.ID, "eu"); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("deleting again: %v, want not found", err)
	}
	if err := s.DeleteOrganisation(ctx, p.ID, ""); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("deleting the profile's own: %v, want invalid", err)
	}
}
