package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

var fixedNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func fixedClock() time.Time { return fixedNow }

// openStore opens a store in a fresh temporary folder and closes it when the
// test ends.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), t.TempDir(), store.WithClock(fixedClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// rawDB opens path with no pragmas, as another tool would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db *sql.DB, query string) {
	t.Helper()
	if _, err := db.Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db := rawDB(t, path)
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return v
}

func backups(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, store.FileName+".bak-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenMigratesNewFolderAndReopens(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "nested", "Billbridge")
	s, err := store.Open(ctx, dir, store.WithClock(fixedClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if want := filepath.Join(dir, store.FileName); s.Path() != want {
		t.Errorf("Path() = %q, want %q", s.Path(), want)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o700 {
			t.Errorf("data folder mode = %o, want 700", perm)
		}
	}
	if err := s.CreateProfile(ctx, &store.Profile{Name: "Acme"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v, want := userVersion(t, filepath.Join(dir, store.FileName)), store.LatestVersion(); v != want || want < 1 {
		t.Errorf("user_version = %d, want %d (>= 1)", v, want)
	}
	var mode string
	if err := rawDB(t, filepath.Join(dir, store.FileName)).QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}

	// Reopening an up-to-date database changes nothing and backs up nothing.
	s, err = store.Open(ctx, dir, store.WithClock(fixedClock))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	ps, err := s.Profiles(ctx)
	if err != nil || len(ps) != 1 || ps[0].Name != "Acme" {
		t.Errorf("Profiles after reopen = %v, %v; want [Acme]", ps, err)
	}
	if b := backups(t, dir); len(b) != 0 {
		t.Errorf("backups after reopen = %v, want none", b)
	}
}

func TestOpenBacksUpOlderDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	db := rawDB(t, path)
	exec(t, db, "CREATE TABLE legacy (x TEXT)")
	exec(t, db, "INSERT INTO legacy VALUES ('kept')")
	db.Close()

	// A file already holding the first backup name must survive as it is.
	want := path + ".bak-v0-20260102T030405Z"
	if err := os.WriteFile(want, []byte("older backup"), 0o600); err != nil {
		t.Fatal(err)
	}

	s, err := store.Open(ctx, dir, store.WithClock(fixedClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Close()

	if got := string(readFile(t, want)); got != "older backup" {
		t.Errorf("existing backup was overwritten: %q", got)
	}
	b := backups(t, dir)
	if len(b) != 2 || b[1] != want+"-2" {
		t.Fatalf("backups = %v, want [%s %s-2]", b, want, want)
	}
	bak := rawDB(t, b[1])
	var x string
	if err := bak.QueryRow("SELECT x FROM legacy").Scan(&x); err != nil || x != "kept" {
		t.Errorf("backup legacy row = %q, %v; want kept", x, err)
	}
	var profiles int
	bak.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'profiles'").Scan(&profiles)
	if profiles != 0 {
		t.Error("backup has the new schema; it must be the database as it was before migrating")
	}
	if v := userVersion(t, b[1]); v != 0 {
		t.Errorf("backup user_version = %d, want 0", v)
	}
	if v := userVersion(t, path); v != store.LatestVersion() {
		t.Errorf("migrated user_version = %d, want %d", v, store.LatestVersion())
	}
}

// wantUntouchedRefusal opens dir, expects an *apperr.Error whose message
// contains want and the file's path, and checks the file is byte-identical.
func wantUntouchedRefusal(t *testing.T, dir, want string) *apperr.Error {
	t.Helper()
	path := filepath.Join(dir, store.FileName)
	before := readFile(t, path)
	s, err := store.Open(context.Background(), dir)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded, want an error")
	}
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("Open error %v is not an *apperr.Error", err)
	}
	if !strings.Contains(e.Message, want) || !strings.Contains(e.Message, path) || e.Fix == "" {
		t.Errorf("error = %q (fix %q); want message with %q and %s, and a fix", e.Message, e.Fix, want, path)
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the database file was changed")
	}
	if b := backups(t, dir); len(b) != 0 {
		t.Errorf("backups = %v, want none", b)
	}
	return e
}

func TestOpenRefusesRandomBytes(t *testing.T) {
	dir := t.TempDir()
	junk := make([]byte, 4096)
	rand.Read(junk)
	if err := os.WriteFile(filepath.Join(dir, store.FileName), junk, 0o600); err != nil {
		t.Fatal(err)
	}
	e := wantUntouchedRefusal(t, dir, "is damaged")
	if e.Code != apperr.Unavailable || !strings.Contains(e.Fix, ".bak") || !strings.Contains(e.Fix, "move") {
		t.Errorf("code %s, fix %q; want unavailable and a fix naming the backup and moving the file aside", e.Code, e.Fix)
	}
}

func TestOpenRefusesCorruptPages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	db := rawDB(t, path)
	exec(t, db, "PRAGMA page_size = 4096")
	exec(t, db, "CREATE TABLE t (x TEXT)")
	exec(t, db, "CREATE INDEX t_x ON t (x)")
	exec(t, db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) "+
		"INSERT INTO t SELECT printf('row %08d', i) FROM n")
	db.Close()

	// Keep the header page intact and scribble over the b-tree pages.
	b := readFile(t, path)
	if len(b) < 5*4096 {
		t.Fatalf("database is only %d bytes", len(b))
	}
	for i := 4096; i < len(b); i += 97 {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	wantUntouchedRefusal(t, dir, "is damaged")
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawDB(t, filepath.Join(dir, store.FileName))
	exec(t, db, "PRAGMA user_version = 999")
	db.Close()

	e := wantUntouchedRefusal(t, dir, "was written by a newer Billbridge; update the app")
	if e.Code != apperr.Unavailable {
		t.Errorf("code = %s, want unavailable", e.Code)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Run("environment overrides", func(t *testing.T) {
		want := filepath.Join(t.TempDir(), "portable")
		t.Setenv(store.DataDirEnv, want)
		got, err := store.DefaultDir()
		if err != nil || got != want {
			t.Errorf("DefaultDir() = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("user config folder", func(t *testing.T) {
		t.Setenv(store.DataDirEnv, "")
		base, err := os.UserConfigDir()
		if err != nil {
			t.Skipf("no user config folder here: %v", err)
		}
		got, err := store.DefaultDir()
		if want := filepath.Join(base, "Billbridge"); err != nil || got != want {
			t.Errorf("DefaultDir() = %q, %v; want %q", got, err, want)
		}
	})
}

func TestOpenRejectsEmptyDir(t *testing.T) {
	if _, err := store.Open(context.Background(), ""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
}

// errNotFound reports whether err is a NotFound *apperr.Error wrapping
// store.ErrNotFound.
func isNotFound(err error) bool {
	return apperr.CodeOf(err) == apperr.NotFound && errors.Is(err, store.ErrNotFound)
}

// A crash leaves the WAL file beside the database; reopening must replay it,
// not call the file damaged.
func TestOpenRecoversAfterCrash(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStoreIn(t, dir)
	for i := range 20 {
		if err := s.AppendAudit(ctx, store.AuditEntry{Actor: "user", Action: "step", Detail: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	// Copy the files while the store is open, as they are on disk at a crash.
	crashed := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		b := readFile(t, filepath.Join(dir, store.FileName+suffix))
		if err := os.WriteFile(filepath.Join(crashed, store.FileName+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}

	s2 := openStoreIn(t, crashed)
	es, err := s2.Audit(ctx, store.AuditFilter{})
	if err != nil || len(es) != 20 {
		t.Errorf("entries after recovery = %d, %v; want 20", len(es), err)
	}
	if b := backups(t, crashed); len(b) != 0 {
		t.Errorf("backups = %v, want none (nothing to migrate)", b)
	}
}

func openStoreIn(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dir, store.WithClock(fixedClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
