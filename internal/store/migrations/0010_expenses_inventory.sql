-- Expenses and inventory: supplier bills made from approved Autotask expense
-- reports, and journals for cost of sales, stock adjustments and transfers
-- between locations.
--
-- posting_journal has one row per ledger document, keyed by our unique
-- reference ("EXP-<report id>", "COGS-<invoice number>", "ADJ-<transfer
-- id>", "TRF-<transfer id>"). As with procure_journal, a row is committed
-- 'sending' before the ledger call and 'sent' or 'failed' after it; a row
-- left 'sending' by a crash is resolved by looking the document up by its
-- reference, never by sending it again.
CREATE TABLE posting_journal (
	profile_id      INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation    TEXT    NOT NULL DEFAULT '',
	reference       TEXT    NOT NULL,
	kind            TEXT    NOT NULL CHECK (kind IN ('expense', 'cogs', 'adjustment', 'transfer')),
	source_id       INTEGER NOT NULL DEFAULT 0, -- Autotask expense report, invoice or inventory transfer id
	state           TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
	party_id        TEXT    NOT NULL DEFAULT '', -- the ledger contact / vendor a bill is payable to
	number          TEXT    NOT NULL DEFAULT '', -- the bill or journal number sent
	idempotency_key TEXT    NOT NULL DEFAULT '',
	content_hash    TEXT    NOT NULL DEFAULT '',
	ledger_id       TEXT    NOT NULL DEFAULT '',
	currency        TEXT    NOT NULL DEFAULT '',
	total           TEXT    NOT NULL DEFAULT '0',
	error           TEXT    NOT NULL DEFAULT '',
	payload         TEXT    NOT NULL DEFAULT '', -- the document as sent (JSON)
	updated_at      TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, reference)
);
CREATE INDEX posting_journal_state ON posting_journal (profile_id, organisation, kind, state);

-- Mappings the expense and inventory postings need, per organisation:
-- employee      Autotask resource id   → ledger contact (Xero) / vendor (QBO) id
-- category      Autotask expense category (picklist value) → expense account (target), tax code (target2)
-- location      Autotask inventory location id → tracking: Xero category name (target) and option
--               name (target2); QBO class id (target)
CREATE TABLE posting_links (
	profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation TEXT    NOT NULL DEFAULT '',
	kind         TEXT    NOT NULL CHECK (kind IN ('employee', 'category', 'location')),
	source_key   TEXT    NOT NULL,
	target       TEXT    NOT NULL,
	target2      TEXT    NOT NULL DEFAULT '',
	updated_at   TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, kind, source_key)
);
