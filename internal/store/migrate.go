package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// The schema version is kept in PRAGMA user_version rather than a
// schema_migrations table: it lives in the file header, so it can be read
// from any file (even one this build has never seen) without knowing its
// tables, it changes atomically with the migration's transaction, and a
// backup made with VACUUM INTO carries it along.

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order, checking that their
// versions run 1, 2, 3, … without gaps or duplicates.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("store: list migrations: %w", err)
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 {
			return nil, fmt.Errorf("store: migration %s: name must be NNNN_name.sql", base)
		}
		b, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("store: read migration %s: %w", base, err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// LatestVersion returns the schema version this build migrates to.
func LatestVersion() int {
	v, err := latestVersion()
	if err != nil {
		return 0
	}
	return v
}

func latestVersion() (int, error) {
	ms, err := migrations()
	if err != nil {
		return 0, err
	}
	return len(ms), nil
}

// migrate brings the schema up to date, one transaction per migration, after
// backing up an existing database that is about to change. checked says
// whether checkExisting already ran quick_check on the file.
func (s *Store) migrate(ctx context.Context, checked bool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if !checked {
		if err := inspect(ctx, s.db, s.path); err != nil {
			return err
		}
	}
	var current, objects int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	// Again here: another process may have upgraded the file meanwhile.
	if current > len(ms) {
		return newerSchema(s.path, current, len(ms))
	}
	if current == len(ms) {
		return nil
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return fmt.Errorf("store: read schema: %w", err)
	}
	if objects > 0 {
		if _, err := s.backup(ctx, current); err != nil {
			return err
		}
	}
	for _, m := range ms[current:] {
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return applyMigration(ctx, tx, m) }); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs one migration unless another process already has.
func applyMigration(ctx context.Context, tx *sql.Tx, m migration) error {
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	if current >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	// PRAGMA takes no parameters; m.version is an int we parsed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("store: migration %s: set version: %w", m.name, err)
	}
	return nil
}

// backup writes a consistent copy of the database (WAL contents included)
// to billbridge.db.bak-v<version>-<UTC time>, never replacing a file: the
// name is reserved with O_EXCL, and VACUUM INTO itself refuses a non-empty
// target.
func (s *Store) backup(ctx context.Context, version int) (string, error) {
	base := fmt.Sprintf("%s.bak-v%d-%s", s.path, version, s.now().UTC().Format("20060102T150405Z"))
	for i := 1; i <= 100; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", backupFailed(s.path, err)
		}
		f.Close()
		if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
			os.Remove(name) // the empty file we reserved above, nothing else
			return "", backupFailed(s.path, err)
		}
		return name, nil
	}
	return "", backupFailed(s.path, fmt.Errorf("store: 100 backups named %s* exist", base))
}

func backupFailed(path string, err error) *apperr.Error {
	return apperr.Wrap(err, apperr.Unavailable,
		fmt.Sprintf("Billbridge could not back up %s before upgrading it; nothing was changed", path),
		"Free some disk space and check that you may write to the folder, then start Billbridge again.")
}
