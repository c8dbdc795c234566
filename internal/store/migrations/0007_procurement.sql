-- Procurement: supplier bills made from Autotask goods receipts.
--
-- One row per bill, keyed by our unique reference (the packing slip, or the
-- receiving batch when Autotask has none). A row is committed 'sending'
-- before the ledger call and 'sent' or 'failed' after it, so a row left
-- 'sending' by a crash is resolved by looking the bill up, never by sending
-- it again. receiving_ids lists the Autotask receivings the bill covers:
-- a receiving on a sending or sent row is never billed twice.
CREATE TABLE procure_journal (
	profile_id        INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation      TEXT    NOT NULL DEFAULT '',
	reference         TEXT    NOT NULL,
	purchase_order_id INTEGER NOT NULL,
	receiving_ids     TEXT    NOT NULL, -- comma-separated Autotask ids
	state             TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
	vendor_id         TEXT    NOT NULL DEFAULT '', -- the ledger's supplier
	number            TEXT    NOT NULL DEFAULT '', -- the bill number sent
	idempotency_key   TEXT    NOT NULL DEFAULT '',
	content_hash      TEXT    NOT NULL DEFAULT '',
	ledger_id         TEXT    NOT NULL DEFAULT '',
	currency          TEXT    NOT NULL DEFAULT '',
	total             TEXT    NOT NULL DEFAULT '0',
	error             TEXT    NOT NULL DEFAULT '',
	payload           TEXT    NOT NULL DEFAULT '', -- the bill as sent (JSON)
	updated_at        TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, reference)
);
CREATE INDEX procure_journal_state ON procure_journal (profile_id, organisation, state);

-- Links of Autotask vendors to ledger suppliers and of Autotask products to
-- ledger items (target) with an optional account (target2) that overrides
-- the inventory / cost-of-sales default.
CREATE TABLE procure_links (
	profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation TEXT    NOT NULL DEFAULT '',
	kind         TEXT    NOT NULL CHECK (kind IN ('vendor', 'product')),
	source_key   TEXT    NOT NULL, -- Autotask company or product id
	target       TEXT    NOT NULL, -- ledger supplier id, or ledger item code
	target2      TEXT    NOT NULL DEFAULT '', -- account for products
	updated_at   TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, kind, source_key)
);
