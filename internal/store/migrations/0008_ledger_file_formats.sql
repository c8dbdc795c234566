-- Ledger import files (Sage 50 UK and US, Xero and QuickBooks Online import
-- CSVs) are export batches too. SQLite cannot change a CHECK in place, so
-- both tables are rebuilt: the children are copied before the parent is
-- dropped (dropping it would cascade to them), and renaming the new parent
-- carries the children's foreign key along.
CREATE TABLE export_batches_new (
	id          INTEGER PRIMARY KEY,
	profile_id  INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	actor       TEXT    NOT NULL,
	created_at  TEXT    NOT NULL,
	format      TEXT    NOT NULL CHECK (format IN ('csv', 'xlsx', 'sage-xml', 'iif',
		'sage50-csv', 'xero-csv', 'qbo-csv', 'sage50us-csv')),
	filters     TEXT    NOT NULL DEFAULT '{}',
	row_count   INTEGER NOT NULL CHECK (row_count >= 0),
	totals      TEXT    NOT NULL DEFAULT '{}', -- item totals and, for ledger files, the file's own (JSON)
	file_path   TEXT    NOT NULL,
	sha256      TEXT    NOT NULL
);
INSERT INTO export_batches_new SELECT id, profile_id, actor, created_at, format, filters, row_count, totals, file_path, sha256
	FROM export_batches;

CREATE TABLE export_batch_items_new (
	batch_id        INTEGER NOT NULL REFERENCES export_batches_new (id) ON DELETE CASCADE,
	profile_id      INTEGER NOT NULL,
	billing_item_id INTEGER NOT NULL,
	PRIMARY KEY (batch_id, billing_item_id)
) WITHOUT ROWID;
INSERT INTO export_batch_items_new SELECT batch_id, profile_id, billing_item_id FROM export_batch_items;

DROP TABLE export_batch_items;
DROP TABLE export_batches;
ALTER TABLE export_batches_new RENAME TO export_batches;
ALTER TABLE export_batch_items_new RENAME TO export_batch_items;

CREATE INDEX export_batches_profile_created ON export_batches (profile_id, created_at, id);
CREATE INDEX export_batch_items_item ON export_batch_items (profile_id, billing_item_id);
