// Package mapping turns Autotask's billing codes, tax regions and categories,
// companies and payment terms into the ledger's items, accounts, tax codes,
// customers and due days. Rules are stored per profile (and organisation)
// in SQLite; suggestions are offered for the user to accept in bulk and are
// never applied on their own. Customers are linked by a stored link, then
// by account number (the Autotask company number), then by exact name;
// close names are only ever suggestions.
package mapping
