-- Accounts both ways: Autotask companies <-> ledger accounts (customers).
--
-- Account runs are runs like syncs: they go into sync_runs with kind
-- 'accounts' (so History lists them with their counts and summary) and
-- their lines, one per account action, into account_run_lines (sync_run_lines
-- is keyed by Autotask invoice). SQLite cannot widen a CHECK in place, so
-- sync_runs is rebuilt; its lines are kept aside first, because dropping
-- sync_runs would cascade-delete them.

CREATE TABLE sync_run_lines_keep AS SELECT * FROM sync_run_lines;
DROP TABLE sync_run_lines;

CREATE TABLE sync_runs_v6 (
	id           INTEGER PRIMARY KEY,
	profile_id   INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
	kind         TEXT    NOT NULL CHECK (kind IN ('preview', 'sync', 'copy', 'accounts')),
	status       TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed')),
	started_at   TEXT    NOT NULL,
	finished_at  TEXT    NOT NULL DEFAULT '',
	options      TEXT    NOT NULL DEFAULT '', -- JSON: thru, max age, numbering; for accounts the direction
	sent         INTEGER NOT NULL DEFAULT 0,
	failed       INTEGER NOT NULL DEFAULT 0,
	blocked      INTEGER NOT NULL DEFAULT 0,
	skipped      INTEGER NOT NULL DEFAULT 0,
	written_back INTEGER NOT NULL DEFAULT 0,
	paid         INTEGER NOT NULL DEFAULT 0,
	api_calls    INTEGER NOT NULL DEFAULT 0,
	summary      TEXT    NOT NULL DEFAULT '',
	error        TEXT    NOT NULL DEFAULT ''
);
INSERT INTO sync_runs_v6 (id, profile_id, kind, status, started_at, finished_at, options, sent, failed, blocked, skipped,
	written_back, paid, api_calls, summary, error)
	SELECT id, profile_id, kind, status, started_at, finished_at, options, sent, failed, blocked, skipped,
	written_back, paid, api_calls, summary, error FROM sync_runs;
DROP TABLE sync_runs;
ALTER TABLE sync_runs_v6 RENAME TO sync_runs;
CREATE INDEX sync_runs_profile ON sync_runs (profile_id, id);

CREATE TABLE sync_run_lines (
	run_id              INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
	autotask_invoice_id INTEGER NOT NULL,
	invoice_number      TEXT    NOT NULL DEFAULT '',
	status              TEXT    NOT NULL, -- ready, blocked, sent, failed, skipped, voided, written_back, paid
	ledger_id           TEXT    NOT NULL DEFAULT '',
	ledger_number       TEXT    NOT NULL DEFAULT '',
	message             TEXT    NOT NULL DEFAULT '',
	payload             TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (run_id, autotask_invoice_id)
);
INSERT INTO sync_run_lines (run_id, autotask_invoice_id, invoice_number, status, ledger_id, ledger_number, message, payload)
	SELECT run_id, autotask_invoice_id, invoice_number, status, ledger_id, ledger_number, message, payload FROM sync_run_lines_keep;
DROP TABLE sync_run_lines_keep;

-- Which way accounts go for a profile, and who owns companies created in
-- Autotask (ownerResourceID is required there; 0 = the API user's resource).
CREATE TABLE account_settings (
	profile_id        INTEGER PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
	direction         TEXT    NOT NULL DEFAULT 'to-ledger' CHECK (direction IN ('to-ledger', 'to-autotask', 'both')),
	owner_resource_id INTEGER NOT NULL DEFAULT 0 CHECK (owner_resource_id >= 0),
	updated_at        TEXT    NOT NULL
);

-- One row per linked pair: the shared fields as both sides held them after
-- the last run (base, JSON). A side whose value differs from the base
-- changed since; both changed is a conflict. The link itself is the
-- accepted 'customer' mapping rule, which the invoice sync reads.
CREATE TABLE account_pairs (
	profile_id          INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation        TEXT    NOT NULL DEFAULT '',
	autotask_company_id INTEGER NOT NULL CHECK (autotask_company_id > 0),
	ledger_account_id   TEXT    NOT NULL CHECK (ledger_account_id <> ''),
	base                TEXT    NOT NULL,
	synced_at           TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, autotask_company_id)
);

-- What an accounts run did, one line per action (link, create, update,
-- conflict, suggestion, problem).
CREATE TABLE account_run_lines (
	run_id              INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
	seq                 INTEGER NOT NULL,
	action              TEXT    NOT NULL,
	status              TEXT    NOT NULL CHECK (status IN ('planned', 'done', 'failed', 'skipped')),
	autotask_company_id INTEGER NOT NULL DEFAULT 0,
	ledger_account_id   TEXT    NOT NULL DEFAULT '',
	name                TEXT    NOT NULL DEFAULT '',
	message             TEXT    NOT NULL DEFAULT '',
	fix                 TEXT    NOT NULL DEFAULT '',
	detail              TEXT    NOT NULL DEFAULT '', -- JSON: the fields changed, a conflict's two values and its winner
	PRIMARY KEY (run_id, seq)
);
