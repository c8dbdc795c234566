-- The sync engine's state: mapping rules, the per-invoice journal that makes
-- "never twice" hold across crashes, runs with their per-invoice lines, and
-- cursors such as the last time payments were read.
--
-- organisation is the ledger organisation a row belongs to when one Autotask
-- database feeds several (routed by location or line of business); '' is the
-- profile's own organisation.

CREATE TABLE mapping_rules (
	profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation TEXT    NOT NULL DEFAULT '',
	kind         TEXT    NOT NULL CHECK (kind IN ('billing_code', 'tax', 'customer', 'payment_term')),
	source_key   TEXT    NOT NULL, -- Autotask id, or "region:category" for tax
	target       TEXT    NOT NULL, -- item code, tax code, ledger customer id, due days
	target2      TEXT    NOT NULL DEFAULT '', -- income account for billing codes
	state        TEXT    NOT NULL DEFAULT 'accepted' CHECK (state IN ('accepted', 'suggested')),
	note         TEXT    NOT NULL DEFAULT '', -- why a suggestion was made
	updated_at   TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, kind, source_key)
);

-- One row per Autotask invoice: planned → sending → sent → written_back
-- (or failed, or voided). A row is committed before and after every call to
-- the ledger, so a row left 'sending' means "the ledger may have it" and is
-- resolved by looking the document up, never by sending again.
CREATE TABLE sync_journal (
	profile_id          INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	autotask_invoice_id INTEGER NOT NULL,
	organisation        TEXT    NOT NULL DEFAULT '',
	state               TEXT    NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'written_back', 'failed', 'voided')),
	doc_kind            TEXT    NOT NULL DEFAULT 'invoice',
	our_ref             TEXT    NOT NULL,
	number              TEXT    NOT NULL DEFAULT '', -- the number sent (Autotask's), '' when the ledger numbers
	idempotency_key     TEXT    NOT NULL DEFAULT '',
	content_hash        TEXT    NOT NULL DEFAULT '',
	ledger_id           TEXT    NOT NULL DEFAULT '',
	ledger_number       TEXT    NOT NULL DEFAULT '',
	total               TEXT    NOT NULL DEFAULT '0',
	amount_paid         TEXT    NOT NULL DEFAULT '0',
	paid_date           TEXT    NOT NULL DEFAULT '', -- written to Autotask
	run_id              INTEGER,
	error               TEXT    NOT NULL DEFAULT '',
	payload             TEXT    NOT NULL DEFAULT '', -- the document as sent (JSON)
	updated_at          TEXT    NOT NULL,
	PRIMARY KEY (profile_id, autotask_invoice_id)
);
CREATE INDEX sync_journal_state ON sync_journal (profile_id, state);
CREATE INDEX sync_journal_ledger ON sync_journal (profile_id, ledger_id);

CREATE TABLE sync_runs (
	id           INTEGER PRIMARY KEY,
	profile_id   INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
	kind         TEXT    NOT NULL CHECK (kind IN ('preview', 'sync', 'copy')),
	status       TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed')),
	started_at   TEXT    NOT NULL,
	finished_at  TEXT    NOT NULL DEFAULT '',
	options      TEXT    NOT NULL DEFAULT '', -- JSON: thru, max age, numbering
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

CREATE TABLE sync_cursors (
	profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	name       TEXT    NOT NULL,
	value      TEXT    NOT NULL,
	PRIMARY KEY (profile_id, name)
);
