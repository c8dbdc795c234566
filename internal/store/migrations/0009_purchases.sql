-- Purchases: supplier bills from Autotask goods receipts (internal/procure),
-- run from the window and the command line.
--
-- Purchases runs are runs like syncs: they go into sync_runs with kind
-- 'purchases' and their lines, one per bill, into purchase_run_lines
-- (sync_run_lines is keyed by Autotask invoice). SQLite cannot widen a CHECK
-- in place, so sync_runs is rebuilt as in 0006; both tables of run lines
-- are kept aside first, because dropping sync_runs cascades to them.

CREATE TABLE sync_run_lines_keep AS SELECT * FROM sync_run_lines;
CREATE TABLE account_run_lines_keep AS SELECT * FROM account_run_lines;
DROP TABLE sync_run_lines;
DROP TABLE account_run_lines;

CREATE TABLE sync_runs_v9 (
	id           INTEGER PRIMARY KEY,
	profile_id   INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
	kind         TEXT    NOT NULL CHECK (kind IN ('preview', 'sync', 'copy', 'accounts', 'purchases')),
	status       TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed')),
	started_at   TEXT    NOT NULL,
	finished_at  TEXT    NOT NULL DEFAULT '',
	options      TEXT    NOT NULL DEFAULT '', -- JSON: thru, max age, numbering; accounts: direction; purchases: from, thru, bill date
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
INSERT INTO sync_runs_v9 (id, profile_id, kind, status, started_at, finished_at, options, sent, failed, blocked, skipped,
	written_back, paid, api_calls, summary, error)
	SELECT id, profile_id, kind, status, started_at, finished_at, options, sent, failed, blocked, skipped,
	written_back, paid, api_calls, summary, error FROM sync_runs;
DROP TABLE sync_runs;
ALTER TABLE sync_runs_v9 RENAME TO sync_runs;
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
INSERT INTO account_run_lines (run_id, seq, action, status, autotask_company_id, ledger_account_id, name, message, fix, detail)
	SELECT run_id, seq, action, status, autotask_company_id, ledger_account_id, name, message, fix, detail FROM account_run_lines_keep;
DROP TABLE account_run_lines_keep;

-- A profile's purchase settings; a profile without a row gets the defaults
-- in store.PurchaseSettingsOf. Accounts and the tax code are the ledger's own
-- keys (Xero account codes, QuickBooks account ids); '' leaves them unset.
CREATE TABLE purchase_settings (
	profile_id            INTEGER PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
	bill_date             TEXT    NOT NULL DEFAULT 'received-date'
		CHECK (bill_date IN ('po-date', 'vendor-invoice-date', 'received-date', 'ship-date')),
	inventory_account     TEXT    NOT NULL DEFAULT '',
	cost_of_sales_account TEXT    NOT NULL DEFAULT '',
	tax_code              TEXT    NOT NULL DEFAULT '',
	create_vendors        INTEGER NOT NULL DEFAULT 1 CHECK (create_vendors IN (0, 1)),
	approve               INTEGER NOT NULL DEFAULT 0 CHECK (approve IN (0, 1)),
	updated_at            TEXT    NOT NULL
);

-- What a purchases run did, one line per bill: its reference (the receiving
-- batch), supplier, purchase order, number, date and amount, and its outcome
-- with the problem and its fix when it was held back.
CREATE TABLE purchase_run_lines (
	run_id         INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
	seq            INTEGER NOT NULL,
	reference      TEXT    NOT NULL,
	status         TEXT    NOT NULL CHECK (status IN ('ready', 'blocked', 'skipped', 'sent', 'failed')),
	vendor         TEXT    NOT NULL DEFAULT '',
	purchase_order TEXT    NOT NULL DEFAULT '',
	bill_number    TEXT    NOT NULL DEFAULT '',
	bill_date      TEXT    NOT NULL DEFAULT '',
	currency       TEXT    NOT NULL DEFAULT '',
	amount         TEXT    NOT NULL DEFAULT '',
	ledger_id      TEXT    NOT NULL DEFAULT '',
	message        TEXT    NOT NULL DEFAULT '',
	fix            TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (run_id, seq)
);
