package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/billbridge/billbridge/internal/store"
)

func TestAccountSettingsPairsAndLines(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := store.Profile{Name: "Exact NL"}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.AccountSettingsOf(ctx, p.ID)
	if err != nil || got.Direction != store.AccountsToLedger || got.OwnerResourceID != 0 {
		t.Fatalf("default settings %+v %v", got, err)
	}
	if err := s.SaveAccountSettings(ctx, p.ID, store.AccountSettings{Direction: store.AccountsBoth, OwnerResourceID: 29682885}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.AccountSettingsOf(ctx, p.ID); got.Direction != store.AccountsBoth || got.OwnerResourceID != 29682885 {
		t.Fatalf("saved settings %+v", got)
	}
	if err := s.SaveAccountSettings(ctx, p.ID, store.AccountSettings{Direction: "sideways"}); err == nil {
		t.Fatal("unknown direction stored")
	}

	pair := store.AccountPair{CompanyID: 42, AccountID: "aaaaaaaa-1111-4111-8111-111111111111", Base: `{"name":"Acme"}`}
	if err := s.SaveAccountPair(ctx, p.ID, pair, "linked by accounts sync (name)"); err != nil {
		t.Fatal(err)
	}
	pairs, err := s.AccountPairs(ctx, p.ID, "")
	if err != nil || len(pairs) != 1 || pairs[0].Base != pair.Base || pairs[0].AccountID != pair.AccountID {
		t.Fatalf("pairs %+v %v", pairs, err)
	}
	rules, err := s.MappingRules(ctx, p.ID)
	if err != nil || len(rules) != 1 || rules[0].Kind != store.MapCustomer || rules[0].SourceKey != "42" ||
		rules[0].Target != pair.AccountID || rules[0].Suggested {
		t.Fatalf("link rule %+v %v", rules, err)
	}

	run := store.Run{ProfileID: p.ID, Kind: store.RunKindAccounts, Options: `{"direction":"both"}`}
	if err := s.StartRun(ctx, &run); err != nil {
		t.Fatal(err)
	}
	run.Status, run.Sent = "done", 1
	lines := []store.AccountRunLine{
		{Action: "create-ledger", Status: "done", CompanyID: 42, AccountID: pair.AccountID, Name: "Acme"},
		{Action: "conflict", Status: "done", CompanyID: 42, Name: "Acme", Message: "phone changed on both sides", Detail: `{"winner":"exact"}`},
	}
	if err := s.FinishAccountRun(ctx, &run, lines); err != nil {
		t.Fatal(err)
	}
	back, err := s.AccountRunLines(ctx, run.ID)
	if err != nil || len(back) != 2 || back[1].Detail != `{"winner":"exact"}` || back[0].Action != "create-ledger" {
		t.Fatalf("lines %+v %v", back, err)
	}
	runs, err := s.Runs(ctx, store.RunFilter{ProfileID: p.ID, Kinds: []string{store.RunKindAccounts}})
	if err != nil || len(runs) != 1 || runs[0].Sent != 1 {
		t.Fatalf("runs %+v %v", runs, err)
	}
}

// TestMigration6KeepsRuns upgrades a version-5 database holding runs and
// their lines: 0006 rebuilds sync_runs and must keep every row.
func TestMigration6KeepsRuns(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := rawDB(t, filepath.Join(dir, store.FileName))
	for _, f := range []string{"0001_init.sql", "0002_profile_endpoints.sql", "0003_sync.sql", "0004_exports.sql", "0005_organisations.sql"} {
		b, err := os.ReadFile(filepath.Join("migrations", f))
		if err != nil {
			t.Fatal(err)
		}
		exec(t, db, string(b))
	}
	exec(t, db, "PRAGMA user_version = 5")
	exec(t, db, `INSERT INTO profiles (id, name, created_at, updated_at) VALUES (1, 'P', 'x', 'x')`)
	exec(t, db, `INSERT INTO sync_runs (id, profile_id, kind, status, started_at, sent, summary) VALUES (7, 1, 'sync', 'done', 's', 3, 'three sent')`)
	exec(t, db, `INSERT INTO sync_run_lines (run_id, autotask_invoice_id, status, message) VALUES (7, 100, 'sent', 'ok'), (7, 101, 'failed', 'no')`)
	db.Close()

	s, err := store.Open(ctx, dir, store.WithClock(fixedClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	r, err := s.Run(ctx, 7)
	if err != nil || r.Sent != 3 || r.Summary != "three sent" || r.ProfileID != 1 {
		t.Fatalf("run after upgrade %+v %v", r, err)
	}
	lines, err := s.RunLines(ctx, 7)
	if err != nil || len(lines) != 2 || lines[1].Message != "no" {
		t.Fatalf("lines after upgrade %+v %v", lines, err)
	}
	// The rebuilt tables keep their foreign keys: deleting the profile
	// keeps the run (profile_id set to NULL), as before.
	if err := s.DeleteProfile(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Run(ctx, 7); err != nil || r.ProfileID != 0 {
		t.Fatalf("run after profile delete %+v %v", r, err)
	}
}
