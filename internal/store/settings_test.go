package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

func TestSettingsDefaults(t *testing.T) {
	got, err := openStore(t).Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := store.DefaultSettings(); got != want {
		t.Errorf("Settings() = %+v, want defaults %+v", got, want)
	}
	if want := (store.Settings{Theme: "system", InvoiceDraft: true, SyncIntervalMinutes: 60, MaxAgeDays: 45,
		LineMode: "standard", AdjustmentCap: "0.05"}); got != want {
		t.Errorf("defaults = %+v, want %+v", got, want)
	}
}

// with returns the defaults changed by edit.
func with(edit func(*store.Settings)) store.Settings {
	s := store.DefaultSettings()
	edit(&s)
	return s
}

func TestUpdateSettings(t *testing.T) {
	def := store.DefaultSettings()
	tests := []struct {
		name     string
		updates  []store.SettingsUpdate
		want     store.Settings
		wantCode apperr.Code // of the last update
	}{
		{"nothing", []store.SettingsUpdate{{}}, def, ""},
		{"theme only", []store.SettingsUpdate{{Theme: ptr("dark")}},
			with(func(s *store.Settings) { s.Theme = "dark" }), ""},
		{"false is a value, not absence", []store.SettingsUpdate{{InvoiceDraft: ptr(false)}},
			with(func(s *store.Settings) { s.InvoiceDraft = false }), ""},
		{"updates accumulate", []store.SettingsUpdate{{Theme: ptr("light")}, {LastProfileID: ptr[int64](3)}, {InvoiceDraft: ptr(false)}},
			with(func(s *store.Settings) { s.Theme, s.LastProfileID, s.InvoiceDraft = "light", 3, false }), ""},
		{"unknown theme refused", []store.SettingsUpdate{{Theme: ptr("dark")}, {Theme: ptr("purple"), InvoiceDraft: ptr(false)}},
			with(func(s *store.Settings) { s.Theme = "dark" }), apperr.Invalid},
		{"negative profile refused", []store.SettingsUpdate{{LastProfileID: ptr[int64](-1)}}, def, apperr.Invalid},
		{"schedule and sync defaults", []store.SettingsUpdate{{AutoSync: ptr(true), SyncIntervalMinutes: ptr(30), MaxAgeDays: ptr(60),
			LineMode: ptr("detail"), AdjustmentCap: ptr("0.10"), LedgerNumbering: ptr(true)}},
			with(func(s *store.Settings) {
				s.AutoSync, s.SyncIntervalMinutes, s.MaxAgeDays, s.LineMode, s.AdjustmentCap, s.LedgerNumbering = true, 30, 60, "detail", "0.10", true
			}), ""},
		{"interval too short", []store.SettingsUpdate{{SyncIntervalMinutes: ptr(5)}}, def, apperr.Invalid},
		{"unknown line mode", []store.SettingsUpdate{{LineMode: ptr("verbose")}}, def, apperr.Invalid},
		{"cap not a number", []store.SettingsUpdate{{AdjustmentCap: ptr("5p")}}, def, apperr.Invalid},
		{"negative cap", []store.SettingsUpdate{{AdjustmentCap: ptr("-0.01")}}, def, apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			var err error
			var got store.Settings
			for _, u := range tt.updates {
				got, err = s.UpdateSettings(ctx, u)
			}
			if apperr.CodeOf(err) != tt.wantCode && !(err == nil && tt.wantCode == "") {
				t.Fatalf("last update error = %v, want code %q", err, tt.wantCode)
			}
			if err == nil && got != tt.want {
				t.Errorf("UpdateSettings returned %+v, want %+v", got, tt.want)
			}
			stored, err := s.Settings(ctx)
			if err != nil || stored != tt.want {
				t.Errorf("Settings() = %+v, %v; want %+v", stored, err, tt.want)
			}
		})
	}
}

// A value this build cannot read (a newer release's, or a hand edit) falls
// back to its default; the other settings still load.
func TestSettingsIgnoreUnreadableValues(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.UpdateSettings(ctx, store.SettingsUpdate{Theme: ptr("dark"), InvoiceDraft: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, filepath.Join(dir, store.FileName))
	exec(t, db, `UPDATE settings SET value = '"sepia"' WHERE key = 'theme'`)
	exec(t, db, `INSERT INTO settings VALUES ('lastProfileId', 'not json'), ('fromTheFuture', '{"x":1}')`)

	got, err := s.Settings(ctx)
	want := store.DefaultSettings()
	want.InvoiceDraft = false
	if err != nil || got != want {
		t.Errorf("Settings() = %+v, %v; want %+v", got, err, want)
	}
}
