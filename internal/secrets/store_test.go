package secrets_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/secrets"
)

// testStore is the conformance suite every secrets.Store passes.
func testStore(t *testing.T, newStore func(t *testing.T) secrets.Store) {
	big := strings.Repeat(`{"access_token":"eyJhbGciOi…","refresh_token":"ü-€-𝄞"}`, 170) // ~10 KB, multi-byte runes
	tests := []struct {
		name string
		run  func(t *testing.T, s secrets.Store)
	}{
		{"set then get", func(t *testing.T, s secrets.Store) {
			mustSet(t, s, 1, secrets.AutotaskSecret, "s3cret")
			wantGet(t, s, 1, secrets.AutotaskSecret, "s3cret")
		}},
		{"missing is ErrNotFound", func(t *testing.T, s secrets.Store) {
			wantMissing(t, s, 1, secrets.XeroToken)
		}},
		{"overwrite", func(t *testing.T, s secrets.Store) {
			mustSet(t, s, 1, secrets.QBOToken, "first")
			mustSet(t, s, 1, secrets.QBOToken, "second")
			wantGet(t, s, 1, secrets.QBOToken, "second")
		}},
		{"delete", func(t *testing.T, s secrets.Store) {
			mustSet(t, s, 1, secrets.AutotaskIntegrationCode, "CODE")
			if err := s.Delete(1, secrets.AutotaskIntegrationCode); err != nil {
				t.Fatal(err)
			}
			wantMissing(t, s, 1, secrets.AutotaskIntegrationCode)
			if err := s.Delete(1, secrets.AutotaskIntegrationCode); err != nil {
				t.Errorf("deleting an absent secret: %v; want nil", err)
			}
		}},
		{"profiles are separate", func(t *testing.T, s secrets.Store) {
			mustSet(t, s, 1, secrets.XeroClientSecret, "one")
			mustSet(t, s, 10, secrets.XeroClientSecret, "ten")
			wantGet(t, s, 1, secrets.XeroClientSecret, "one")
			wantGet(t, s, 10, secrets.XeroClientSecret, "ten")
		}},
		{"10 KB value", func(t *testing.T, s secrets.Store) {
			mustSet(t, s, 1, secrets.XeroToken, big)
			wantGet(t, s, 1, secrets.XeroToken, big)
		}},
		{"large, then small, then large again", func(t *testing.T, s secrets.Store) {
			mustSet(t, s, 1, secrets.ExactToken, big)
			mustSet(t, s, 1, secrets.ExactToken, "small")
			wantGet(t, s, 1, secrets.ExactToken, "small")
			mustSet(t, s, 1, secrets.ExactToken, big[:5000])
			wantGet(t, s, 1, secrets.ExactToken, big[:5000])
		}},
		{"a value that looks like a chunk header", func(t *testing.T, s secrets.Store) {
			v := "billbridge-chunks:v1:3:0123456789abcdef"
			mustSet(t, s, 1, secrets.ExactClientSecret, v)
			wantGet(t, s, 1, secrets.ExactClientSecret, v)
		}},
		{"DeleteProfile removes every name of that profile only", func(t *testing.T, s secrets.Store) {
			for _, name := range secrets.Names() {
				mustSet(t, s, 1, name, "v-"+name)
			}
			mustSet(t, s, 1, secrets.XeroToken, big)
			mustSet(t, s, 2, secrets.XeroToken, "other profile")
			if err := s.DeleteProfile(1); err != nil {
				t.Fatal(err)
			}
			for _, name := range secrets.Names() {
				wantMissing(t, s, 1, name)
			}
			wantGet(t, s, 2, secrets.XeroToken, "other profile")
		}},
		{"unknown name refused", func(t *testing.T, s secrets.Store) {
			if err := s.Set(1, "xero.tokn", "v"); !errors.Is(err, secrets.ErrUnknownName) {
				t.Errorf("Set unknown name: %v; want ErrUnknownName", err)
			}
			if _, err := s.Get(1, "password"); !errors.Is(err, secrets.ErrUnknownName) {
				t.Errorf("Get unknown name: %v; want ErrUnknownName", err)
			}
			if err := s.Delete(1, ""); !errors.Is(err, secrets.ErrUnknownName) {
				t.Errorf("Delete empty name: %v; want ErrUnknownName", err)
			}
		}},
		{"bad profile id and empty value refused", func(t *testing.T, s secrets.Store) {
			if err := s.Set(0, secrets.XeroToken, "v"); err == nil {
				t.Error("Set for profile 0 succeeded")
			}
			if err := s.DeleteProfile(-1); err == nil {
				t.Error("DeleteProfile(-1) succeeded")
			}
			if err := s.Set(1, secrets.XeroToken, ""); err == nil {
				t.Error("Set of an empty value succeeded")
			}
			wantMissing(t, s, 1, secrets.XeroToken)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, newStore(t)) })
	}
}

func mustSet(t *testing.T, s secrets.Store, id int64, name, value string) {
	t.Helper()
	if err := s.Set(id, name, value); err != nil {
		t.Fatalf("Set(%d, %s): %v", id, name, err)
	}
}

func wantGet(t *testing.T, s secrets.Store, id int64, name, want string) {
	t.Helper()
	got, err := s.Get(id, name)
	if err != nil || got != want {
		t.Errorf("Get(%d, %s) = %d bytes, %v; want %d bytes", id, name, len(got), err, len(want))
	}
}

func wantMissing(t *testing.T, s secrets.Store, id int64, name string) {
	t.Helper()
	_, err := s.Get(id, name)
	if !errors.Is(err, secrets.ErrNotFound) {
		t.Errorf("Get(%d, %s) error = %v; want ErrNotFound", id, name, err)
	}
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Reconnect || e.Fix == "" {
		t.Errorf("Get(%d, %s) error = %v; want a reconnect *apperr.Error with a fix", id, name, err)
	}
}

func TestMemory(t *testing.T) {
	testStore(t, func(*testing.T) secrets.Store { return secrets.NewMemory() })
}
