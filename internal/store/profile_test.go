package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

func ptr[T any](v T) *T { return &v }

func TestCreateProfileValidates(t *testing.T) {
	tests := []struct {
		name     string
		profile  store.Profile
		wantCode apperr.Code // "" for success
		wantName string      // the stored name on success
	}{
		{"minimal", store.Profile{Name: "Acme"}, "", "Acme"},
		{"trimmed", store.Profile{Name: "  Acme IT \t"}, "", "Acme IT"},
		{"full", store.Profile{
			Name: "Contoso", AutotaskUsername: "api@contoso.example",
			AutotaskZoneURL:                 "https://webservices5.autotask.net/ATServicesRest/",
			AutotaskImpersonationResourceID: ptr[int64](29682885),
			LedgerKind:                      store.LedgerXero, LedgerTenantID: "b3f1", LedgerTenantName: "Contoso Ltd",
			IsDemo: true, AutotaskLookupURL: "http://127.0.0.1:4100/atservicesrest/", LedgerEndpoint: "http://127.0.0.1:4200/",
		}, "", "Contoso"},
		{"80 characters", store.Profile{Name: strings.Repeat("é", 80)}, "", strings.Repeat("é", 80)},
		{"empty name", store.Profile{Name: ""}, apperr.Invalid, ""},
		{"blank name", store.Profile{Name: "   "}, apperr.Invalid, ""},
		{"81 characters", store.Profile{Name: strings.Repeat("a", 81)}, apperr.Invalid, ""},
		{"control character", store.Profile{Name: "Acme\x00IT"}, apperr.Invalid, ""},
		{"line break inside", store.Profile{Name: "Acme\nIT"}, apperr.Invalid, ""},
		{"invalid UTF-8", store.Profile{Name: "Acme \xff"}, apperr.Invalid, ""},
		{"unknown ledger", store.Profile{Name: "Acme", LedgerKind: "sage"}, apperr.Invalid, ""},
		{"ledger kind case", store.Profile{Name: "Acme", LedgerKind: "Xero"}, apperr.Invalid, ""},
		{"zone not a URL", store.Profile{Name: "Acme", AutotaskZoneURL: "webservices5"}, apperr.Invalid, ""},
		{"lookup not a URL", store.Profile{Name: "Acme", AutotaskLookupURL: "localhost:4100"}, apperr.Invalid, ""},
		{"ledger endpoint not http", store.Profile{Name: "Acme", LedgerEndpoint: "ftp://127.0.0.1/"}, apperr.Invalid, ""},
		{"zero resource", store.Profile{Name: "Acme", AutotaskImpersonationResourceID: ptr[int64](0)}, apperr.Invalid, ""},
		{"username with tab", store.Profile{Name: "Acme", AutotaskUsername: "a\tb"}, apperr.Invalid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			p := tt.profile
			err := s.CreateProfile(ctx, &p)
			if tt.wantCode != "" {
				if apperr.CodeOf(err) != tt.wantCode {
					t.Fatalf("CreateProfile error = %v, want code %s", err, tt.wantCode)
				}
				if e, _ := apperr.As(err); e.Fix == "" {
					t.Errorf("error %q has no fix", e.Message)
				}
				if ps, _ := s.Profiles(ctx); len(ps) != 0 {
					t.Errorf("profiles after a refused create = %v", ps)
				}
				return
			}
			if err != nil {
				t.Fatalf("CreateProfile: %v", err)
			}
			if p.ID == 0 || p.Name != tt.wantName || !p.CreatedAt.Equal(fixedNow) || !p.UpdatedAt.Equal(fixedNow) {
				t.Errorf("created = %+v; want an ID, name %q and times %v", p, tt.wantName, fixedNow)
			}
			got, err := s.Profile(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !equalProfile(got, p) {
				t.Errorf("Profile(%d) = %+v, want %+v", p.ID, got, p)
			}
		})
	}
}

func equalProfile(a, b store.Profile) bool {
	ra, rb := a.AutotaskImpersonationResourceID, b.AutotaskImpersonationResourceID
	if (ra == nil) != (rb == nil) || (ra != nil && *ra != *rb) {
		return false
	}
	a.AutotaskImpersonationResourceID, b.AutotaskImpersonationResourceID = nil, nil
	return a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) &&
		a.ID == b.ID && a.Name == b.Name && a.AutotaskUsername == b.AutotaskUsername &&
		a.AutotaskZoneURL == b.AutotaskZoneURL && a.LedgerKind == b.LedgerKind &&
		a.LedgerTenantID == b.LedgerTenantID && a.LedgerTenantName == b.LedgerTenantName && a.IsDemo == b.IsDemo &&
		a.AutotaskLookupURL == b.AutotaskLookupURL && a.LedgerEndpoint == b.LedgerEndpoint
}

func TestProfileNamesAreUniqueIgnoringCase(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	acme := store.Profile{Name: "Acme"}
	if err := s.CreateProfile(ctx, &acme); err != nil {
		t.Fatal(err)
	}
	other := store.Profile{Name: "Other"}
	if err := s.CreateProfile(ctx, &other); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Acme", "ACME", " acme "} {
		err := s.CreateProfile(ctx, &store.Profile{Name: name})
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.Conflict || !strings.Contains(e.Message, "A profile named "+strings.TrimSpace(name)+" already exists") {
			t.Errorf("create %q: %v; want conflict naming it", name, err)
		}
	}
	if _, err := s.UpdateProfile(ctx, other.ID, store.ProfileUpdate{Name: ptr("aCmE")}); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("rename to aCmE: %v; want conflict", err)
	}
	// Changing only the case of one's own name is fine.
	if p, err := s.UpdateProfile(ctx, acme.ID, store.ProfileUpdate{Name: ptr("ACME")}); err != nil || p.Name != "ACME" {
		t.Errorf("rename Acme to ACME = %q, %v", p.Name, err)
	}
}

func TestProfilesOrderedByName(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	for _, name := range []string{"charlie", "Alpha", "bravo"} {
		if err := s.CreateProfile(ctx, &store.Profile{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := s.Profiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "Alpha,bravo,charlie" {
		t.Errorf("Profiles() names = %s, want Alpha,bravo,charlie", got)
	}
}

func TestProfilesEmpty(t *testing.T) {
	ps, err := openStore(t).Profiles(context.Background())
	if err != nil || ps == nil || len(ps) != 0 {
		t.Errorf("Profiles() = %#v, %v; want an empty, non-nil slice", ps, err)
	}
}

func TestUpdateProfile(t *testing.T) {
	ctx := context.Background()
	later := fixedNow.Add(90 * time.Minute)
	now := fixedNow
	s, err := store.Open(ctx, t.TempDir(), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	p := store.Profile{Name: "Acme", AutotaskUsername: "api@acme.example", LedgerKind: store.LedgerQBO,
		AutotaskImpersonationResourceID: ptr[int64](7)}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	now = later

	got, err := s.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerKind: ptr(store.LedgerExact), LedgerTenantID: ptr("42")})
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Acme" || got.AutotaskUsername != "api@acme.example" || got.LedgerKind != "exact" ||
		got.LedgerTenantID != "42" || *got.AutotaskImpersonationResourceID != 7 {
		t.Errorf("partial update changed the wrong fields: %+v", got)
	}
	if !got.CreatedAt.Equal(fixedNow) || !got.UpdatedAt.Equal(later) {
		t.Errorf("times = %v, %v; want created %v, updated %v", got.CreatedAt, got.UpdatedAt, fixedNow, later)
	}
	if stored, _ := s.Profile(ctx, p.ID); !equalProfile(stored, got) {
		t.Errorf("stored %+v, returned %+v", stored, got)
	}

	got, err = s.UpdateProfile(ctx, p.ID, store.ProfileUpdate{AutotaskImpersonationResourceID: ptr[int64](0), IsDemo: ptr(true)})
	if err != nil || got.AutotaskImpersonationResourceID != nil || !got.IsDemo {
		t.Errorf("clear resource, set demo = %+v, %v", got, err)
	}

	if _, err := s.UpdateProfile(ctx, p.ID, store.ProfileUpdate{LedgerKind: ptr("sage")}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("invalid ledger kind: %v; want invalid", err)
	}
	if stored, _ := s.Profile(ctx, p.ID); stored.LedgerKind != store.LedgerExact {
		t.Errorf("a refused update changed the ledger kind to %q", stored.LedgerKind)
	}
	if _, err := s.UpdateProfile(ctx, p.ID+100, store.ProfileUpdate{Name: ptr("x")}); !isNotFound(err) {
		t.Errorf("update missing profile: %v; want not found", err)
	}
}

func TestDeleteProfile(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := store.Profile{Name: "Acme"}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Profile(ctx, p.ID); !isNotFound(err) {
		t.Errorf("Profile after delete: %v; want not found wrapping ErrNotFound", err)
	}
	if err := s.DeleteProfile(ctx, p.ID); !isNotFound(err) {
		t.Errorf("second delete: %v; want not found", err)
	}
	// The name is free again.
	if err := s.CreateProfile(ctx, &store.Profile{Name: "acme"}); err != nil {
		t.Errorf("recreate after delete: %v", err)
	}
}
