-- Export history: every file export is a batch. An Autotask billing item
-- that is in a batch of its profile counts as exported and is left out of
-- later exports unless the user asks for it; deleting the batch frees its
-- items and changes nothing else. Export status is kept apart from invoice
-- and sync status on purpose: an exported item can still be synced, and a
-- synced one exported.
CREATE TABLE export_batches (
	id          INTEGER PRIMARY KEY,
	profile_id  INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	actor       TEXT    NOT NULL,               -- who: "user", "cli", …
	created_at  TEXT    NOT NULL,
	format      TEXT    NOT NULL CHECK (format IN ('csv', 'xlsx', 'sage-xml', 'iif')),
	filters     TEXT    NOT NULL DEFAULT '{}',  -- the filters used, as JSON
	row_count   INTEGER NOT NULL CHECK (row_count >= 0),
	totals      TEXT    NOT NULL DEFAULT '{}',  -- totals per currency, as JSON (decimal strings)
	file_path   TEXT    NOT NULL,
	sha256      TEXT    NOT NULL
);

CREATE INDEX export_batches_profile_created ON export_batches (profile_id, created_at, id);

-- The Autotask billing item ids each batch wrote. An item may be in several
-- batches when the user re-exported it on purpose; it is free again only
-- when none of them remains.
CREATE TABLE export_batch_items (
	batch_id        INTEGER NOT NULL REFERENCES export_batches (id) ON DELETE CASCADE,
	profile_id      INTEGER NOT NULL,
	billing_item_id INTEGER NOT NULL,
	PRIMARY KEY (batch_id, billing_item_id)
) WITHOUT ROWID;

CREATE INDEX export_batch_items_item ON export_batch_items (profile_id, billing_item_id);
