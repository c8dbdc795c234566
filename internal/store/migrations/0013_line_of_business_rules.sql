-- A line of business (Autotask organisational level 2) maps to a Xero
-- tracking option or a QuickBooks Online class: a mapping rule of kind
-- 'line_of_business' (source: the level 2 id; target: the option's or
-- class's id; target2: its label). SQLite cannot change a CHECK in place, so
-- the table is rebuilt as in 0012; nothing references it.
CREATE TABLE mapping_rules_new (
	profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation TEXT    NOT NULL DEFAULT '',
	kind         TEXT    NOT NULL CHECK (kind IN ('billing_code', 'tax', 'customer', 'payment_term', 'line_mode', 'line_of_business')),
	source_key   TEXT    NOT NULL, -- Autotask id, or "region:category" for tax
	target       TEXT    NOT NULL, -- item code, tax code, ledger customer id, due days, line mode, tracking option id
	target2      TEXT    NOT NULL DEFAULT '', -- income account for billing codes; the tracking option's label
	state        TEXT    NOT NULL DEFAULT 'accepted' CHECK (state IN ('accepted', 'suggested')),
	note         TEXT    NOT NULL DEFAULT '', -- why a suggestion was made
	updated_at   TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation, kind, source_key)
);
INSERT INTO mapping_rules_new SELECT profile_id, organisation, kind, source_key, target, target2, state, note, updated_at FROM mapping_rules;
DROP TABLE mapping_rules;
ALTER TABLE mapping_rules_new RENAME TO mapping_rules;
