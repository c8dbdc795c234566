package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/billbridge/billbridge/internal/store"
)

// Migration 0009 rebuilds sync_runs to allow 'purchases': runs made before
// it, their invoice lines and their account lines must come through, and
// the lines must still cascade from the rebuilt table.
func TestPurchasesMigrationKeepsRunsAndLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	db := rawDB(t, path)
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) < 9 {
		t.Fatalf("migrations: %v %v", files, err)
	}
	for i, f := range files[:8] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		exec(t, db, string(b))
		exec(t, db, "PRAGMA user_version = "+strconv.Itoa(i+1))
	}
	exec(t, db, `INSERT INTO profiles (id, name, created_at, updated_at) VALUES (1, 'Acme', '2024-06-01T00:00:00Z', '2024-06-01T00:00:00Z')`)
	exec(t, db, `INSERT INTO sync_runs (id, profile_id, kind, status, started_at, summary) VALUES
		(7, 1, 'sync', 'done', '2024-06-01T00:00:00Z', 'sync: 1 sent'), (8, 1, 'accounts', 'done', '2024-06-01T00:00:00Z', 'accounts')`)
	exec(t, db, `INSERT INTO sync_run_lines (run_id, autotask_invoice_id, invoice_number, status) VALUES (7, 101, 'INV-1', 'sent')`)
	exec(t, db, `INSERT INTO account_run_lines (run_id, seq, action, status, name) VALUES (8, 1, 'link', 'done', 'Contoso')`)
	db.Close()

	ctx := context.Background()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if l, err := s.RunLines(ctx, 7); err != nil || len(l) != 1 || l[0].InvoiceNumber != "INV-1" {
		t.Fatalf("sync lines after migrating = %+v, %v", l, err)
	}
	if l, err := s.AccountRunLines(ctx, 8); err != nil || len(l) != 1 || l[0].Name != "Contoso" {
		t.Fatalf("account lines after migrating = %+v, %v", l, err)
	}
	r := store.Run{ProfileID: 1, Kind: store.RunKindPurchases, Options: `{"from":"2024-05-01","thru":"2024-05-31"}`}
	if err := s.StartRun(ctx, &r); err != nil {
		t.Fatalf("a purchases run: %v", err)
	}
	if err := s.StartRun(ctx, &store.Run{ProfileID: 1, Kind: "expenses-and-more"}); err == nil {
		t.Fatal("an unknown kind was stored")
	}
	raw := rawDB(t, path)
	exec(t, raw, "PRAGMA foreign_keys = ON")
	exec(t, raw, "DELETE FROM sync_runs WHERE id IN (7, 8)")
	var n int
	if err := raw.QueryRow(`SELECT (SELECT count(*) FROM sync_run_lines) + (SELECT count(*) FROM account_run_lines)`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("lines left after deleting their runs: %d, %v", n, err)
	}
}

func TestPurchaseSettings(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := store.Profile{Name: "Acme", LedgerKind: store.LedgerXero}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.PurchaseSettingsOf(ctx, p.ID)
	if err != nil || got != store.DefaultPurchaseSettings {
		t.Fatalf("defaults = %+v, %v", got, err)
	}
	want := store.PurchaseSettings{BillDate: store.BillDateShip, InventoryAccount: "630", CostOfSalesAccount: "310", TaxCode: "INPUT", Approve: true}
	if err := s.SavePurchaseSettings(ctx, p.ID, want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PurchaseSettingsOf(ctx, p.ID); err != nil || got != want {
		t.Fatalf("saved = %+v, %v; want %+v", got, err, want)
	}
	bad := want
	bad.BillDate = "tomorrow"
	if err := s.SavePurchaseSettings(ctx, p.ID, bad); err == nil {
		t.Fatal("an unknown bill date was stored")
	}
}

func TestPurchaseRunLines(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := store.Profile{Name: "Acme", LedgerKind: store.LedgerXero}
	if err := s.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	r := store.Run{ProfileID: p.ID, Kind: store.RunKindPurchases}
	if err := s.StartRun(ctx, &r); err != nil {
		t.Fatal(err)
	}
	lines := []store.PurchaseRunLine{
		{Reference: "RCV-9", Status: "sent", Vendor: "Ingram", PurchaseOrder: "PO-4403", BillNumber: "IM-1/RCV-9", BillDate: "2024-05-05",
			Currency: "USD", Amount: "4977.40", LedgerID: "b-1"},
		{Reference: "RCV-3", Status: "blocked", Vendor: "Senetic", Message: "no cost", Fix: "Enter the unit cost"},
	}
	r.Status, r.Sent, r.Blocked, r.Summary = "done", 1, 1, "purchases: 1 sent"
	if err := s.FinishPurchaseRun(ctx, &r, lines); err != nil {
		t.Fatal(err)
	}
	got, err := s.PurchaseRunLines(ctx, r.ID)
	if err != nil || len(got) != 2 || got[0] != lines[0] || got[1] != lines[1] {
		t.Fatalf("lines = %+v, %v", got, err)
	}
	runs, err := s.Runs(ctx, store.RunFilter{Kinds: []string{store.RunKindPurchases}})
	if err != nil || len(runs) != 1 || runs[0].Sent != 1 || runs[0].Status != "done" {
		t.Fatalf("runs = %+v, %v", runs, err)
	}
}
