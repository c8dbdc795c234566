-- Several companies: one Autotask database feeding several ledger
-- organisations. The profile's own ledger fields remain the organisation
-- with key '' (the default), so a profile without rows here works as before.
-- Mapping rules and journal rows name their organisation by key (0003).

CREATE TABLE organisations (
	profile_id         INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	key                TEXT    NOT NULL CHECK (key <> ''), -- stable; '' is the profile's own
	name               TEXT    NOT NULL,
	ledger_kind        TEXT    NOT NULL DEFAULT '' CHECK (ledger_kind IN ('', 'xero', 'qbo', 'exact')),
	ledger_tenant_id   TEXT    NOT NULL DEFAULT '', -- Xero tenant, QBO realm, Exact division
	ledger_tenant_name TEXT    NOT NULL DEFAULT '',
	ledger_endpoint    TEXT    NOT NULL DEFAULT '',
	created_at         TEXT    NOT NULL,
	updated_at         TEXT    NOT NULL,
	PRIMARY KEY (profile_id, key)
);
CREATE UNIQUE INDEX organisations_name ON organisations (profile_id, name COLLATE NOCASE);

-- Which organisation an Autotask organisational level's invoices go to. The
-- most specific rule wins: an association (level 1 × level 2), then its
-- location (level 1), then its line of business (level 2). One source routes
-- to one organisation; the primary key makes that hold.
CREATE TABLE organisation_routes (
	profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	kind         TEXT    NOT NULL CHECK (kind IN ('association', 'location', 'line_of_business')),
	source_id    INTEGER NOT NULL CHECK (source_id > 0), -- the Autotask id of that kind
	organisation TEXT    NOT NULL, -- organisations.key, or '' for the profile's own
	PRIMARY KEY (profile_id, kind, source_id)
);

-- Where invoices no rule routes go; with block_unrouted they are blocked
-- instead. No row means: to the profile's own organisation.
CREATE TABLE organisation_routing (
	profile_id           INTEGER PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
	default_organisation TEXT    NOT NULL DEFAULT '',
	block_unrouted       INTEGER NOT NULL DEFAULT 0 CHECK (block_unrouted IN (0, 1))
);
