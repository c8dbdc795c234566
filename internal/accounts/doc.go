// Package accounts keeps Autotask companies and Exact Online accounts
// (customers) in step, one way or both ways.
//
// A run reads what changed on each side since the last run (Autotask:
// lastTrackedModifiedDateTime or lastActivityDate after the cursor; Exact:
// sync/CRM/Accounts after the last Timestamp), links pairs, then creates
// what is missing on the destination side and updates changed fields.
//
// Linking, in this order: the stored link (the accepted customer mapping
// rule, which the invoice sync also reads), then the Autotask company
// number equal to the Exact account code (or search code), then the exact
// name (ignoring case and surrounding spaces). A close name is only
// suggested, stored as a suggested mapping rule, and neither side is
// created while it waits: two records are never merged silently, and a
// duplicate is never made behind the user's back.
//
// Fields kept in step: name, address lines 1 and 2, city, postcode,
// country, phone and VAT number. Not synced, and why: e-mail (Autotask's
// Companies entity has no e-mail field; it lives on contacts), payment
// condition (Companies has no payment-terms field), state (Exact's State is
// a code from its own list, Autotask's is free text). Exact keeps those.
//
// Conflicts. Each pair keeps a base: the shared fields as each side held
// them after the last run (account_pairs). A side whose value differs from
// its base changed since; that, not a clock, says what changed, so a run's
// own writes never look like changes. Modification times (Autotask's
// lastTrackedModifiedDateTime, Exact's Modified) only decide who wins.
// Per field:
//   - only one side changed: its value goes to the other side (if the
//     direction allows; in one-way mode the source always wins, and a change
//     made only on the destination is listed as a conflict it lost);
//   - both changed to different values: a conflict; the side whose record
//     was modified most recently wins (a tie goes to Autotask); every
//     conflict is listed in the run log with both values and the winner;
//   - a pair linked for the first time (no base) whose values differ: the
//     direction decides, and in both-ways mode the most recent side, listed
//     as a conflict too.
//
// Losing nothing: an update never blanks a field. When the winning value is
// empty and the other side has one, the other side keeps it (and it becomes
// the base); clearing a field must be done on both sides.
package accounts
