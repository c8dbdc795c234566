package app_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

func newDeps(t *testing.T) (app.Deps, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return app.Deps{Store: st, Secrets: secrets.NewMemory(), Logger: slog.New(slog.DiscardHandler), DataDir: dir}, dir
}

func TestSaveAutotaskCredentialsKeepsSecretsOutOfTheDatabase(t *testing.T) {
	deps, dir := newDeps(t)
	profiles := app.NewProfiles(deps)
	p, err := profiles.Create(app.CreateProfileInput{Name: "Acme IT"})
	if err != nil {
		t.Fatal(err)
	}
	const secret, code = "Sup3r-Secret-Value-9c1e", "INTEGRATION-CODE-77aa"
	got, err := profiles.SaveAutotaskCredentials(app.AutotaskCredentialsInput{ProfileID: p.ID, Username: " api@acme.example ", Secret: secret, IntegrationCode: code})
	if err != nil {
		t.Fatal(err)
	}
	if !got.AutotaskConnected || got.AutotaskUsername != "api@acme.example" {
		t.Fatalf("profile after save = %+v", got)
	}
	if v, err := deps.Secrets.Get(p.ID, secrets.AutotaskSecret); err != nil || v != secret {
		t.Fatalf("keychain secret = %q, %v", v, err)
	}
	// Every file of the data folder, WAL included, before and after a checkpoint.
	for _, phase := range []string{"open", "closed"} {
		if phase == "closed" {
			deps.Store.Close()
		}
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, s := range []string{secret, code} {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s: %s holds a secret", phase, path)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestSaveAutotaskCredentialsSaysWhatToFix(t *testing.T) {
	deps, _ := newDeps(t)
	profiles := app.NewProfiles(deps)
	p, err := profiles.Create(app.CreateProfileInput{Name: "Acme IT"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       app.AutotaskCredentialsInput
		wantCode apperr.Code
		wantMsg  string
	}{
		{"blank user", app.AutotaskCredentialsInput{ProfileID: p.ID, Username: " ", Secret: "s", IntegrationCode: "c"}, apperr.Invalid, "The Autotask API user name is empty"},
		{"not an email", app.AutotaskCredentialsInput{ProfileID: p.ID, Username: "apiuser", Secret: "s", IntegrationCode: "c"}, apperr.Invalid, `"apiuser" is not an Autotask API user name`},
		{"blank secret", app.AutotaskCredentialsInput{ProfileID: p.ID, Username: "a@b.example", IntegrationCode: "c"}, apperr.Invalid, "The Autotask secret is empty"},
		{"blank code", app.AutotaskCredentialsInput{ProfileID: p.ID, Username: "a@b.example", Secret: "s", IntegrationCode: "  "}, apperr.Invalid, "The Autotask API integration code is empty"},
		{"no such profile", app.AutotaskCredentialsInput{ProfileID: 999, Username: "a@b.example", Secret: "s", IntegrationCode: "c"}, apperr.NotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := profiles.SaveAutotaskCredentials(tt.in)
			pub := apperr.Public(err)
			if pub == nil || pub.Code != tt.wantCode {
				t.Fatalf("error = %v, want code %s", err, tt.wantCode)
			}
			if tt.wantMsg != "" && pub.Message != tt.wantMsg {
				t.Fatalf("message = %q, want %q", pub.Message, tt.wantMsg)
			}
			if pub.Fix == "" && tt.wantCode == apperr.Invalid {
				t.Fatal("no fix given")
			}
		})
	}
	if _, err := deps.Secrets.Get(p.ID, secrets.AutotaskSecret); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("a refused save stored a secret: %v", err)
	}
}

func TestDeleteProfileRemovesItsSecrets(t *testing.T) {
	deps, _ := newDeps(t)
	profiles := app.NewProfiles(deps)
	p, err := profiles.Create(app.CreateProfileInput{Name: "Gone Ltd"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := profiles.SaveAutotaskCredentials(app.AutotaskCredentialsInput{ProfileID: p.ID, Username: "a@b.example", Secret: "s", IntegrationCode: "c"}); err != nil {
		t.Fatal(err)
	}
	if err := profiles.Delete(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := deps.Secrets.Get(p.ID, secrets.AutotaskSecret); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("secret survived its profile: %v", err)
	}
	list, err := profiles.List()
	if err != nil || len(list) != 0 {
		t.Fatalf("List() = %v, %v", list, err)
	}
	hist, err := app.NewHistory(deps).Recent(10)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action)
	}
	want := []string{"profile.delete", "autotask.credentials", "profile.create"}
	if len(actions) != len(want) {
		t.Fatalf("history actions = %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Fatalf("history actions = %v, want %v", actions, want)
		}
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	deps, _ := newDeps(t)
	s := app.NewSettings(deps)
	got, err := s.Get()
	if err != nil || got.Theme != "system" || !got.InvoiceDraft {
		t.Fatalf("defaults = %+v, %v", got, err)
	}
	dark := "dark"
	if got, err = s.Update(app.SettingsUpdateDTO{Theme: &dark}); err != nil || got.Theme != "dark" {
		t.Fatalf("Update = %+v, %v", got, err)
	}
	bogus := "purple"
	if _, err := s.Update(app.SettingsUpdateDTO{Theme: &bogus}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("bad theme error = %v", err)
	}
}

func TestSupportBundleIsSaved(t *testing.T) {
	deps, dir := newDeps(t)
	path, err := app.NewSystem(deps).SaveSupportBundle()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != filepath.Join(dir, "support") {
		t.Fatalf("bundle at %s", path)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("bundle %s: %v", path, err)
	}
}
