package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/billbridge/billbridge/internal/store"
)

// Migration 0008 rebuilds the export tables to allow the ledger file
// formats: batches made before it, and their items, must come through.
func TestLedgerFormatsMigrationKeepsBatches(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	db := rawDB(t, path)
	exec(t, db, "PRAGMA foreign_keys = ON")
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) < 8 {
		t.Fatalf("migrations: %v %v", files, err)
	}
	for i, f := range files[:7] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		exec(t, db, string(b))
		exec(t, db, "PRAGMA user_version = "+strconv.Itoa(i+1))
	}
	exec(t, db, `INSERT INTO profiles (id, name, created_at, updated_at) VALUES (1, 'Acme', '2024-06-01T00:00:00Z', '2024-06-01T00:00:00Z')`)
	exec(t, db, `INSERT INTO export_batches (id, profile_id, actor, created_at, format, row_count, file_path, sha256)
		VALUES (5, 1, 'user', '2024-06-01T00:00:00Z', 'csv', 2, '/tmp/a.csv', 'abc')`)
	exec(t, db, `INSERT INTO export_batch_items (batch_id, profile_id, billing_item_id) VALUES (5, 1, 101), (5, 1, 102)`)
	db.Close()

	ctx := context.Background()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	done, err := s.ExportedItems(ctx, 1, []int64{101, 102, 103})
	if err != nil || !done[101] || !done[102] || done[103] {
		t.Fatalf("exported items after migrating = %v, %v", done, err)
	}
	b := store.ExportBatch{ProfileID: 1, Actor: "user", Format: "sage50-csv", RowCount: 1, FilePath: "/tmp/s.csv", SHA256: "def"}
	if err := s.CreateExportBatch(ctx, &b, []int64{103}); err != nil {
		t.Fatalf("a sage50-csv batch: %v", err)
	}
	// The items' foreign key still cascades from the rebuilt batches table.
	if err := s.DeleteExportBatch(ctx, 5); err != nil {
		t.Fatal(err)
	}
	if done, _ := s.ExportedItems(ctx, 1, []int64{101, 103}); done[101] || !done[103] {
		t.Fatalf("after deleting batch 5: %v", done)
	}
	if err := s.CreateExportBatch(ctx, &store.ExportBatch{ProfileID: 1, Actor: "user", Format: "pdf", FilePath: "/x", SHA256: "x"}, nil); err == nil {
		t.Fatal("an unknown format was stored")
	}
}
