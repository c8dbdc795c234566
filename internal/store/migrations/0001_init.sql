-- A profile is one Autotask database paired with one ledger organisation.
-- Secrets (API secrets, OAuth tokens) are never stored here: they live in the
-- OS keychain under the profile's id (internal/secrets).
CREATE TABLE profiles (
	id                                 INTEGER PRIMARY KEY,
	name                               TEXT    NOT NULL UNIQUE COLLATE NOCASE,
	autotask_username                  TEXT    NOT NULL DEFAULT '',
	autotask_zone_url                  TEXT    NOT NULL DEFAULT '',
	autotask_impersonation_resource_id INTEGER,
	ledger_kind                        TEXT    NOT NULL DEFAULT ''
	                                   CHECK (ledger_kind IN ('', 'xero', 'qbo', 'exact')),
	ledger_tenant_id                   TEXT    NOT NULL DEFAULT '',
	ledger_tenant_name                 TEXT    NOT NULL DEFAULT '',
	is_demo                            INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
	created_at                         TEXT    NOT NULL,
	updated_at                         TEXT    NOT NULL
);

-- App-wide settings, one JSON value per key. Defaults live in Go
-- (store.DefaultSettings), so only values the user chose are stored.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- What the user did and what happened, for the activity screen and support.
-- Append-only: rows are never edited or deleted; when a profile is deleted its
-- entries stay, with profile_id set to NULL.
CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	profile_id INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
	at         TEXT NOT NULL,
	actor      TEXT NOT NULL,
	action     TEXT NOT NULL,
	detail     TEXT NOT NULL DEFAULT ''
);

-- Read newest first, for all profiles or for one.
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_profile_at ON audit_log (profile_id, at, id);

-- The foreign key's ON DELETE SET NULL updates profile_id, so only the other
-- columns are frozen.
CREATE TRIGGER audit_log_no_update
BEFORE UPDATE OF id, at, actor, action, detail ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete
BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
