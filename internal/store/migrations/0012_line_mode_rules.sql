-- A customer's own line detail (standard, summary or detail) is a mapping
-- rule of kind 'line_mode' (source: the Autotask company id). SQLite cannot
-- change a CHECK in place, so the table is rebuilt; nothing references it.
CREATE TABLE mapping_rules_new (
	profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation TEXT    NOT NULL DEFAULT '',
	kind         TEXT    NOT NULL CHECK (kind IN ('billing_code', 'tax', 'customer', 'payment_term', 'line_mode')),
	source_key   TEXT    NOT NULL, -- Autotask id, or "region:category" for tax
	target       TEXT    NOT NULL, -- item code, tax code, ledger customer id, due days, line mode
	target2      TEXT    NOT NULL DEFAULT '', -- income account for billing codes
	state        TEXT    NOT NULL DEFAULT 'accepted' CHECK (state IN ('accepted', 'suggested')),
	note         TEXT    NOT NULL DEFAULT '', -- why a suggestion was made
	updated_at   TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, kind, source_key)
);
INSERT INTO mapping_rules_new SELECT profile_id, organisation, kind, source_key, target, target2, state, note, updated_at FROM mapping_rules;
DROP TABLE mapping_rules;
ALTER TABLE mapping_rules_new RENAME TO mapping_rules;
