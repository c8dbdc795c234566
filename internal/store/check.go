package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	sqlite3 "modernc.org/sqlite/lib"

	"github.com/billbridge/billbridge/internal/apperr"
)

// checkExisting refuses an existing file that is not a healthy SQLite
// database or whose schema is newer than this binary knows, without writing
// to it: the file is opened read-only and no pragma that changes the file
// (such as journal_mode) runs. A missing or empty file is fine: SQLite treats
// an empty file as an empty database.
//
// It reports whether it could decide. Errors other than damage (say a WAL
// file left by a crash that only a read-write connection may recover) are
// not decided here, and then Open checks the database again through its
// normal connection.
func checkExisting(ctx context.Context, path string) (checked bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return true, nil
	case err != nil:
		return false, unreadable(path, err)
	case !fi.Mode().IsRegular():
		return false, damaged(path, fmt.Errorf("store: %s is not a regular file", path))
	case fi.Size() == 0:
		return true, nil
	}

	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	db, err := sql.Open("sqlite", fileURI(path, q))
	if err != nil {
		return false, fmt.Errorf("store: open %s read-only: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	err = inspect(ctx, db, path)
	if _, decided := apperr.As(err); err != nil && !decided {
		return false, nil // left to the read-write connection (see above)
	}
	return err == nil, err
}

// inspect runs PRAGMA quick_check and compares the schema version with the
// newest migration this binary has.
func inspect(ctx context.Context, db *sql.DB, path string) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return classify(path, err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return classify(path, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return classify(path, err)
	}
	rows.Close()
	if len(problems) > 0 {
		return damaged(path, fmt.Errorf("store: quick_check: %q", problems))
	}

	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(path, err)
	}
	latest, err := latestVersion()
	if err != nil {
		return err
	}
	if version > latest {
		return newerSchema(path, version, latest)
	}
	return nil
}

// classify turns an error from reading the file into a damaged-file error
// when SQLite says the file is not a database or is corrupt; any other error
// is returned wrapped, unclassified.
func classify(path string, err error) error {
	if isDamage(err) {
		return damaged(path, err)
	}
	return fmt.Errorf("store: check %s: %w", path, err)
}

func isDamage(err error) bool {
	switch sqliteCode(err) & 0xff { // the primary code of an extended one
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return true
	}
	return false
}

func damaged(path string, err error) *apperr.Error {
	return apperr.Wrap(err, apperr.Unavailable,
		fmt.Sprintf("The Billbridge database file at %s is damaged; Billbridge left it untouched", path),
		fmt.Sprintf("Quit Billbridge, then either restore the newest backup beside it (%s.bak-…) by copying it over %s, "+
			"or move %s aside to start fresh with an empty database.", FileName, FileName, FileName))
}

func unreadable(path string, err error) *apperr.Error {
	return apperr.Wrap(err, apperr.Unavailable,
		fmt.Sprintf("Billbridge cannot open its database file at %s", path),
		"Check that the file and its folder belong to you and that you may read and write them.")
}

func newerSchema(path string, version, latest int) *apperr.Error {
	return apperr.Wrap(fmt.Errorf("store: schema version %d, this build knows up to %d", version, latest),
		apperr.Unavailable,
		fmt.Sprintf("The database at %s was written by a newer Billbridge; update the app", path),
		"Install the newest Billbridge. The file was left untouched, so the newer version can still open it.")
}

// openError explains a failure to open the read-write connection.
func openError(path string, err error) error {
	if isDamage(err) {
		return damaged(path, err)
	}
	return unreadable(path, err)
}
