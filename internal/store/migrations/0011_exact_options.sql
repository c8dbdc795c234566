-- Exact Online choices per profile and division that are not mapping
-- rules: the sales journal invoices are booked in, and the GL account
-- rounding adjustment lines go to (Exact has no system rounding account). The division is kept
-- beside it, so a journal chosen for one division is never used for
-- another after the profile is connected elsewhere. Payment terms →
-- payment conditions are mapping rules (kind 'payment_term', the condition
-- code in target2, its days in target).

CREATE TABLE exact_options (
	profile_id    INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	organisation  TEXT    NOT NULL DEFAULT '', -- organisations.key, '' for the profile's own
	division      TEXT    NOT NULL CHECK (division <> ''), -- the Exact division code the choice belongs to
	sales_journal TEXT    NOT NULL DEFAULT '', -- financial/Journals Code; '' lets Billbridge take the first sales journal
	rounding_account TEXT NOT NULL DEFAULT '', -- financial/GLAccounts Code; '' means adjustment lines are refused
	updated_at    TEXT    NOT NULL,
	PRIMARY KEY (profile_id, organisation)
);
