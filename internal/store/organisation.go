package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
)

// MaxOrganisationKeyLen is the longest organisation key, in characters.
const MaxOrganisationKeyLen = 40

// Organisation is one ledger organisation a profile's Autotask database
// feeds (migration 0005). Key "" is the profile's own ledger, the default:
// its fields live on the profile and are edited there. Other organisations
// are added with SaveOrganisation. Mapping rules and journal rows name their
// organisation by Key, so a key never changes once used.
type Organisation struct {
	Key              string    `json:"key"`
	Name             string    `json:"name"`
	LedgerKind       string    `json:"ledgerKind"`
	LedgerTenantID   string    `json:"ledgerTenantId"` // Xero tenant, QBO realm or Exact division
	LedgerTenantName string    `json:"ledgerTenantName"`
	LedgerEndpoint   string    `json:"ledgerEndpoint"` // '' = the real service
	CreatedAt        time.Time `json:"createdAt"`
	UpdatedAt        time.Time `json:"updatedAt"`
}

// OwnOrganisation is the profile's own ledger as an organisation (key "").
func OwnOrganisation(p Profile) Organisation {
	name := p.LedgerTenantName
	if name == "" {
		name = p.Name
	}
	return Organisation{Name: name, LedgerKind: p.LedgerKind, LedgerTenantID: p.LedgerTenantID, LedgerTenantName: p.LedgerTenantName,
		LedgerEndpoint: p.LedgerEndpoint, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

// ApplyTo returns p pointed at this organisation's ledger, so code that opens
// a profile's ledger (connect.Ledger) opens this organisation's.
func (o Organisation) ApplyTo(p Profile) Profile {
	p.LedgerKind, p.LedgerTenantID, p.LedgerTenantName, p.LedgerEndpoint = o.LedgerKind, o.LedgerTenantID, o.LedgerTenantName, o.LedgerEndpoint
	return p
}

// SaveOrganisation adds o to the profile, or updates the one with its key,
// and sets its times. Key "" cannot be saved here: it is the profile's own
// ledger, edited with UpdateProfile.
func (s *Store) SaveOrganisation(ctx context.Context, profileID int64, o *Organisation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.saveOrganisation(ctx, tx, profileID, o) })
}

// Organisations returns the profile's organisations: its own first (key
// ""), then the others by name.
func (s *Store) Organisations(ctx context.Context, profileID int64) ([]Organisation, error) {
	var out []Organisation
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		out, err = findOrganisations(ctx, tx, profileID)
		return err
	})
	return out, err
}

// DeleteOrganisation removes an organisation with its routes and mapping
// rules. One that still has invoices in its ledger, or is where unrouted
// invoices go, is a Conflict: its journal is what keeps "never twice".
func (s *Store) DeleteOrganisation(ctx context.Context, profileID int64, key string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return deleteOrganisation(ctx, tx, profileID, key) })
}

const organisationColumns = `key, name, ledger_kind, ledger_tenant_id, ledger_tenant_name, ledger_endpoint, created_at, updated_at`

func (s *Store) saveOrganisation(ctx context.Context, tx *sql.Tx, profileID int64, o *Organisation) error {
	o.Key, o.Name = strings.TrimSpace(o.Key), strings.TrimSpace(o.Name)
	if err := validateOrganisation(o); err != nil {
		return err
	}
	orgs, err := findOrganisations(ctx, tx, profileID)
	if err != nil {
		return err
	}
	for _, other := range orgs {
		if other.Key == o.Key {
			continue
		}
		if other.Key != "" && strings.EqualFold(other.Name, o.Name) {
			return apperr.New(apperr.Conflict, fmt.Sprintf("An organisation named %s already exists in this profile", other.Name),
				"Choose another name; names are compared ignoring upper and lower case.")
		}
		if o.LedgerTenantID != "" && other.LedgerKind == o.LedgerKind && other.LedgerTenantID == o.LedgerTenantID {
			// Two organisations on one ledger would each send the same
			// invoice there: the journal keeps "never twice" per organisation.
			return apperr.New(apperr.Conflict, fmt.Sprintf("Organisations %s and %s would send to the same %s organisation (%s)",
				quoteOrg(other), o.Name, ledgerLabel(o.LedgerKind), o.LedgerTenantID),
				"Connect each organisation to its own ledger organisation.")
		}
	}
	now := s.nowText()
	_, err = tx.ExecContext(ctx, `INSERT INTO organisations (profile_id, `+organisationColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (profile_id, key) DO UPDATE SET name = excluded.name, ledger_kind = excluded.ledger_kind,
		ledger_tenant_id = excluded.ledger_tenant_id, ledger_tenant_name = excluded.ledger_tenant_name,
		ledger_endpoint = excluded.ledger_endpoint, updated_at = excluded.updated_at`,
		profileID, o.Key, o.Name, o.LedgerKind, o.LedgerTenantID, o.LedgerTenantName, o.LedgerEndpoint, now, now)
	if isForeignKeyViolation(err) {
		return profileNotFound(profileID)
	}
	if err != nil {
		return fmt.Errorf("store: save organisation %s: %w", o.Key, err)
	}
	row := tx.QueryRowContext(ctx, "SELECT "+organisationColumns+" FROM organisations WHERE profile_id = ? AND key = ?", profileID, o.Key)
	saved, err := scanOrganisation(row)
	if err != nil {
		return fmt.Errorf("store: save organisation %s: %w", o.Key, err)
	}
	*o = saved
	return nil
}

func findOrganisations(ctx context.Context, tx *sql.Tx, profileID int64) ([]Organisation, error) {
	p, err := findProfile(ctx, tx, profileID)
	if err != nil {
		return nil, err
	}
	out := []Organisation{OwnOrganisation(p)}
	rows, err := tx.QueryContext(ctx, "SELECT "+organisationColumns+" FROM organisations WHERE profile_id = ? ORDER BY name COLLATE NOCASE, key", profileID)
	if err != nil {
		return nil, fmt.Errorf("store: organisations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, fmt.Errorf("store: organisations: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: organisations: %w", err)
	}
	return out, nil
}

func scanOrganisation(row interface{ Scan(...any) error }) (Organisation, error) {
	var o Organisation
	var created, updated string
	if err := row.Scan(&o.Key, &o.Name, &o.LedgerKind, &o.LedgerTenantID, &o.LedgerTenantName, &o.LedgerEndpoint, &created, &updated); err != nil {
		return Organisation{}, err
	}
	var err error
	if o.CreatedAt, err = parseTime(created); err != nil {
		return Organisation{}, err
	}
	if o.UpdatedAt, err = parseTime(updated); err != nil {
		return Organisation{}, err
	}
	return o, nil
}

func deleteOrganisation(ctx context.Context, tx *sql.Tx, profileID int64, key string) error {
	if key == "" {
		return invalid("The profile's own organisation cannot be removed",
			"Remove its routes instead, or choose another default organisation.")
	}
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM organisations WHERE profile_id = ? AND key = ?", profileID, key).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return organisationNotFound(key)
	}
	if err != nil {
		return fmt.Errorf("store: delete organisation %s: %w", key, err)
	}
	var inLedger int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM sync_journal WHERE profile_id = ? AND organisation = ?
		AND state IN ('sending', 'sent', 'written_back', 'voided')`, profileID, key).Scan(&inLedger)
	if err != nil {
		return fmt.Errorf("store: delete organisation %s: %w", key, err)
	}
	if inLedger > 0 {
		return apperr.New(apperr.Conflict, fmt.Sprintf("Organisation %s holds %d invoices sent by Billbridge", name, inLedger),
			"Keep it so voids and payments still reach those invoices; remove its routes so no new invoices go there.")
	}
	r, err := findRouting(ctx, tx, profileID)
	if err != nil {
		return err
	}
	if r.Default == key {
		return apperr.New(apperr.Conflict, fmt.Sprintf("Organisation %s is where unrouted invoices go", name),
			"Choose another default organisation first.")
	}
	for _, q := range []string{
		"DELETE FROM organisation_routes WHERE profile_id = ? AND organisation = ?",
		"DELETE FROM mapping_rules WHERE profile_id = ? AND organisation = ?",
		"DELETE FROM organisations WHERE profile_id = ? AND key = ?",
	} {
		if _, err := tx.ExecContext(ctx, q, profileID, key); err != nil {
			return fmt.Errorf("store: delete organisation %s: %w", key, err)
		}
	}
	return nil
}

// validateOrganisation checks o the way a user would be told about it.
func validateOrganisation(o *Organisation) error {
	switch n := utf8.RuneCountInString(o.Key); {
	case n == 0:
		return invalid("An organisation needs a key",
			"Give a short key of lower-case letters, digits and dashes, such as eu or us-west; it names the organisation in mappings and the journal.")
	case n > MaxOrganisationKeyLen:
		return invalid(fmt.Sprintf("The organisation key is %d characters long", n), fmt.Sprintf("Use at most %d characters.", MaxOrganisationKeyLen))
	}
	for _, r := range o.Key {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return invalid(fmt.Sprintf("The organisation key %q may only hold lower-case letters, digits, - and _", o.Key),
				"Use a key such as eu or us-west.")
		}
	}
	switch n := utf8.RuneCountInString(o.Name); {
	case n == 0:
		return invalid(fmt.Sprintf("Organisation %s needs a name", o.Key), "Type the name people know the company or ledger by.")
	case n > MaxProfileNameLen:
		return invalid(fmt.Sprintf("The organisation name is %d characters long", n), fmt.Sprintf("Use at most %d characters.", MaxProfileNameLen))
	}
	for _, f := range []struct{ label, value string }{
		{"organisation name", o.Name},
		{"ledger organisation ID", o.LedgerTenantID},
		{"ledger organisation name", o.LedgerTenantName},
	} {
		if !utf8.ValidString(f.value) || hasControl(f.value) {
			return invalid(fmt.Sprintf("The %s contains invisible control characters", f.label),
				"Retype it without pasting tabs, line breaks or other control characters.")
		}
	}
	if o.LedgerEndpoint != "" && !isWebAddress(o.LedgerEndpoint) {
		return invalid(fmt.Sprintf("The ledger address %q is not a web address", o.LedgerEndpoint),
			"Leave it empty to use the real service, or give a full address such as http://127.0.0.1:8080/.")
	}
	switch o.LedgerKind {
	case LedgerNone, LedgerXero, LedgerQBO, LedgerExact:
	default:
		return invalid(fmt.Sprintf("Unknown accounting system %q for organisation %s", o.LedgerKind, o.Name),
			"Choose Xero, QuickBooks Online or Exact Online.")
	}
	return nil
}

func ledgerLabel(kind string) string {
	switch kind {
	case LedgerXero:
		return "Xero"
	case LedgerQBO:
		return "QuickBooks Online"
	case LedgerExact:
		return "Exact Online"
	}
	return "ledger"
}

// quoteOrg names an organisation in a message; the profile's own is called so.
func quoteOrg(o Organisation) string {
	if o.Key == "" {
		return o.Name + " (the profile's own)"
	}
	return o.Name
}

func organisationNotFound(key string) *apperr.Error {
	return apperr.Wrap(fmt.Errorf("store: organisation %s: %w", key, ErrNotFound), apperr.NotFound,
		fmt.Sprintf("There is no organisation with key %s in this profile", key),
		"Choose an organisation from the profile's list, or add it first.")
}
