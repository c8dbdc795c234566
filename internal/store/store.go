// Package store keeps Billbridge's local state in one SQLite file
// (billbridge.db in the data folder) through the pure-Go modernc.org/sqlite
// driver.
//
// Rules:
//   - The schema changes only through the embedded, append-only migrations in
//     migrations/NNNN_name.sql; the applied version is PRAGMA user_version.
//   - An existing file is never deleted, recreated or "repaired". A file that
//     is damaged or was written by a newer Billbridge is left byte-for-byte
//     untouched and Open returns an *apperr.Error saying what to do. Before an
//     existing database is migrated, a consistent copy is written beside it.
//   - No column ever holds a secret; secrets live in the OS keychain
//     (internal/secrets).
//   - Exported methods open one transaction and call unexported helpers that
//     take the *sql.Tx, so several steps compose atomically.
//   - Times are stored as RFC 3339 text in UTC, to the second, so they sort
//     as text.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/billbridge/billbridge/internal/apperr"
)

// FileName is the name of the database file inside the data folder.
const FileName = "billbridge.db"

// DataDirEnv overrides DefaultDir, for tests and portable installs.
const DataDirEnv = "BILLBRIDGE_DATA_DIR"

// ErrNotFound is wrapped by every error for a row that does not exist.
var ErrNotFound = errors.New("store: not found")

// timeFormat is RFC 3339 at second precision; in UTC it has a fixed width,
// so text order is time order.
const timeFormat = "2006-01-02T15:04:05Z"

// Store is an open Billbridge database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// Option configures Open.
type Option func(*Store)

// WithClock sets the clock used for created, updated and audit times, and
// for backup file names.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// DefaultDir returns the folder Billbridge keeps its database in: the value
// of BILLBRIDGE_DATA_DIR when set, else Billbridge under the user's config
// folder (%AppData%, ~/Library/Application Support, $XDG_CONFIG_HOME).
func DefaultDir() (string, error) {
	if dir := os.Getenv(DataDirEnv); dir != "" {
		return dir, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", apperr.Wrap(err, apperr.Unavailable,
			"Billbridge cannot find your user settings folder",
			"Set the environment variable "+DataDirEnv+" to a folder Billbridge may write to.")
	}
	return filepath.Join(base, "Billbridge"), nil
}

// Open opens (creating when needed) the database in dir and brings its
// schema up to date. See the package documentation for what it refuses to do
// to an existing file.
func Open(ctx context.Context, dir string, opts ...Option) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: open: empty data folder")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	s := &Store{path: filepath.Join(dir, FileName), now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, apperr.Wrap(err, apperr.Unavailable,
			fmt.Sprintf("Billbridge cannot create its data folder %s", dir),
			"Check that the folder's parent exists and that you may write to it, or set "+DataDirEnv+" to another folder.")
	}

	// Look at an existing file through a read-only connection first: opening
	// it normally would already switch it to WAL mode, and a file we refuse
	// must stay exactly as it was.
	checked, err := checkExisting(ctx, s.path)
	if err != nil {
		return nil, err
	}

	db, err := sql.Open("sqlite", dsn(s.path))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", s.path, err)
	}
	s.db = db
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openError(s.path, err)
	}
	if err := s.migrate(ctx, checked); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn sets the pragmas on every pooled connection. _txlock=immediate makes
// write transactions take the write lock at BEGIN, so a busy database is
// waited for (busy_timeout) instead of failing when a read lock is upgraded;
// read-only transactions still begin deferred.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	return fileURI(path, q)
}

// fileURI turns an absolute path into a SQLite URI (file:///C:/x on Windows),
// escaping characters such as '?' and '%' that a plain name could not carry.
func fileURI(path string, q url.Values) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}).String()
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// nowText returns the clock's time in the stored format.
func (s *Store) nowText() string { return formatTime(s.now()) }

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: parse time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// inTx runs fn in one write transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.tx(ctx, false, fn)
}

// inReadTx runs fn in one read-only transaction, so it sees one snapshot.
func (s *Store) inReadTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.tx(ctx, true, fn)
}

func (s *Store) tx(ctx context.Context, readOnly bool, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: readOnly})
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// sqliteCode returns the extended SQLite result code in err's chain, or 0.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

func isUniqueViolation(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

func isForeignKeyViolation(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}
