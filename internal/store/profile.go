package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Ledger kinds a profile can be connected to; "" means not chosen yet.
const (
	LedgerNone  = ""
	LedgerXero  = "xero"
	LedgerQBO   = "qbo"
	LedgerExact = "exact"
)

// MaxProfileNameLen is the longest profile name, in characters.
const MaxProfileNameLen = 80

// Profile is one Autotask database paired with one ledger organisation.
// Its secrets are kept in the keychain under its ID, never here.
type Profile struct {
	ID                              int64  `json:"id"`
	Name                            string `json:"name"`
	AutotaskUsername                string `json:"autotaskUsername"`
	AutotaskZoneURL                 string `json:"autotaskZoneUrl"`
	AutotaskImpersonationResourceID *int64 `json:"autotaskImpersonationResourceId"`
	LedgerKind                      string `json:"ledgerKind"`
	LedgerTenantID                  string `json:"ledgerTenantId"`
	LedgerTenantName                string `json:"ledgerTenantName"`
	IsDemo                          bool   `json:"isDemo"`
	// AutotaskLookupURL replaces Autotask's zone-lookup address and
	// LedgerEndpoint the ledger's hosts, for the demo and tests (simulators on
	// loopback). Empty means the real service.
	AutotaskLookupURL string    `json:"autotaskLookupUrl"`
	LedgerEndpoint    string    `json:"ledgerEndpoint"`
	CreatedAt         time.Time `json:"createdAt"`
	UpdatedAt         time.Time `json:"updatedAt"`
}

// ProfileUpdate changes the fields that are not nil. For
// AutotaskImpersonationResourceID, a pointer to 0 clears it (Autotask
// resource IDs are positive).
type ProfileUpdate struct {
	Name                            *string `json:"name,omitempty"`
	AutotaskUsername                *string `json:"autotaskUsername,omitempty"`
	AutotaskZoneURL                 *string `json:"autotaskZoneUrl,omitempty"`
	AutotaskImpersonationResourceID *int64  `json:"autotaskImpersonationResourceId,omitempty"`
	LedgerKind                      *string `json:"ledgerKind,omitempty"`
	LedgerTenantID                  *string `json:"ledgerTenantId,omitempty"`
	LedgerTenantName                *string `json:"ledgerTenantName,omitempty"`
	IsDemo                          *bool   `json:"isDemo,omitempty"`
	AutotaskLookupURL               *string `json:"autotaskLookupUrl,omitempty"`
	LedgerEndpoint                  *string `json:"ledgerEndpoint,omitempty"`
}

// CreateProfile validates p, stores it and sets its ID, normalised name and
// times. A name already used (ignoring case) is a Conflict.
func (s *Store) CreateProfile(ctx context.Context, p *Profile) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createProfile(ctx, tx, p) })
}

// Profile returns the profile with the given ID; a missing one is a NotFound
// error wrapping ErrNotFound.
func (s *Store) Profile(ctx context.Context, id int64) (Profile, error) {
	var p Profile
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		p, err = findProfile(ctx, tx, id)
		return err
	})
	return p, err
}

// Profiles returns every profile, ordered by name ignoring case.
func (s *Store) Profiles(ctx context.Context) ([]Profile, error) {
	var ps []Profile
	err := s.inReadTx(ctx, func(tx *sql.Tx) (err error) {
		ps, err = findProfiles(ctx, tx)
		return err
	})
	return ps, err
}

// UpdateProfile applies u to the profile with the given ID and returns the
// result.
func (s *Store) UpdateProfile(ctx context.Context, id int64, u ProfileUpdate) (Profile, error) {
	var p Profile
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		p, err = s.updateProfile(ctx, tx, id, u)
		return err
	})
	return p, err
}

// DeleteProfile deletes the profile; its audit entries stay, detached. The
// caller removes its keychain secrets (secrets.Store.DeleteProfile).
func (s *Store) DeleteProfile(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return deleteProfile(ctx, tx, id) })
}

const profileColumns = `id, name, autotask_username, autotask_zone_url, autotask_impersonation_resource_id,
	ledger_kind, ledger_tenant_id, ledger_tenant_name, is_demo, autotask_lookup_url, ledger_endpoint,
	created_at, updated_at`

func (s *Store) createProfile(ctx context.Context, tx *sql.Tx, p *Profile) error {
	p.Name = strings.TrimSpace(p.Name)
	if err := validateProfile(p); err != nil {
		return err
	}
	now := s.nowText()
	res, err := tx.ExecContext(ctx, `INSERT INTO profiles (name, autotask_username, autotask_zone_url,
		autotask_impersonation_resource_id, ledger_kind, ledger_tenant_id, ledger_tenant_name, is_demo,
		autotask_lookup_url, ledger_endpoint, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Name, p.AutotaskUsername, p.AutotaskZoneURL, p.AutotaskImpersonationResourceID,
		p.LedgerKind, p.LedgerTenantID, p.LedgerTenantName, p.IsDemo, p.AutotaskLookupURL, p.LedgerEndpoint, now, now)
	if isUniqueViolation(err) {
		return duplicateName(p.Name, err)
	}
	if err != nil {
		return fmt.Errorf("store: create profile: %w", err)
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("store: create profile: %w", err)
	}
	p.CreatedAt, _ = parseTime(now)
	p.UpdatedAt = p.CreatedAt
	return nil
}

func (s *Store) updateProfile(ctx context.Context, tx *sql.Tx, id int64, u ProfileUpdate) (Profile, error) {
	p, err := findProfile(ctx, tx, id)
	if err != nil {
		return Profile{}, err
	}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&p.Name, u.Name)
	set(&p.AutotaskUsername, u.AutotaskUsername)
	set(&p.AutotaskZoneURL, u.AutotaskZoneURL)
	set(&p.LedgerKind, u.LedgerKind)
	set(&p.LedgerTenantID, u.LedgerTenantID)
	set(&p.LedgerTenantName, u.LedgerTenantName)
	set(&p.AutotaskLookupURL, u.AutotaskLookupURL)
	set(&p.LedgerEndpoint, u.LedgerEndpoint)
	if u.AutotaskImpersonationResourceID != nil {
		p.AutotaskImpersonationResourceID = nil
		if v := *u.AutotaskImpersonationResourceID; v != 0 {
			p.AutotaskImpersonationResourceID = &v
		}
	}
	if u.IsDemo != nil {
		p.IsDemo = *u.IsDemo
	}
	p.Name = strings.TrimSpace(p.Name)
	if err := validateProfile(&p); err != nil {
		return Profile{}, err
	}
	now := s.nowText()
	_, err = tx.ExecContext(ctx, `UPDATE profiles SET name = ?, autotask_username = ?, autotask_zone_url = ?,
		autotask_impersonation_resource_id = ?, ledger_kind = ?, ledger_tenant_id = ?, ledger_tenant_name = ?,
		is_demo = ?, autotask_lookup_url = ?, ledger_endpoint = ?, updated_at = ? WHERE id = ?`,
		p.Name, p.AutotaskUsername, p.AutotaskZoneURL, p.AutotaskImpersonationResourceID,
		p.LedgerKind, p.LedgerTenantID, p.LedgerTenantName, p.IsDemo, p.AutotaskLookupURL, p.LedgerEndpoint, now, id)
	if isUniqueViolation(err) {
		return Profile{}, duplicateName(p.Name, err)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("store: update profile %d: %w", id, err)
	}
	p.UpdatedAt, _ = parseTime(now)
	return p, nil
}

func deleteProfile(ctx context.Context, tx *sql.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, "DELETE FROM profiles WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("store: delete profile %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: delete profile %d: %w", id, err)
	} else if n == 0 {
		return profileNotFound(id)
	}
	return nil
}

func findProfile(ctx context.Context, tx *sql.Tx, id int64) (Profile, error) {
	row := tx.QueryRowContext(ctx, "SELECT "+profileColumns+" FROM profiles WHERE id = ?", id)
	p, err := scanProfile(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Profile{}, profileNotFound(id)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile %d: %w", id, err)
	}
	return p, nil
}

func findProfiles(ctx context.Context, tx *sql.Tx) ([]Profile, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+profileColumns+" FROM profiles ORDER BY name, id")
	if err != nil {
		return nil, fmt.Errorf("store: profiles: %w", err)
	}
	defer rows.Close()
	ps := []Profile{}
	for rows.Next() {
		p, err := scanProfile(rows)
		if err != nil {
			return nil, fmt.Errorf("store: profiles: %w", err)
		}
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: profiles: %w", err)
	}
	return ps, nil
}

func scanProfile(row interface{ Scan(...any) error }) (Profile, error) {
	var (
		p                Profile
		resourceID       sql.NullInt64
		created, updated string
	)
	err := row.Scan(&p.ID, &p.Name, &p.AutotaskUsername, &p.AutotaskZoneURL, &resourceID,
		&p.LedgerKind, &p.LedgerTenantID, &p.LedgerTenantName, &p.IsDemo, &p.AutotaskLookupURL, &p.LedgerEndpoint,
		&created, &updated)
	if err != nil {
		return Profile{}, err
	}
	if resourceID.Valid {
		p.AutotaskImpersonationResourceID = &resourceID.Int64
	}
	if p.CreatedAt, err = parseTime(created); err != nil {
		return Profile{}, err
	}
	if p.UpdatedAt, err = parseTime(updated); err != nil {
		return Profile{}, err
	}
	return p, nil
}

// validateProfile checks p the way a user would be told about it: which
// field and how to fix it.
func validateProfile(p *Profile) error {
	n := utf8.RuneCountInString(p.Name)
	switch {
	case n == 0:
		return invalid("A profile needs a name", "Type a name, such as your company's name.")
	case n > MaxProfileNameLen:
		return invalid(fmt.Sprintf("The profile name is %d characters long", n),
			fmt.Sprintf("Use at most %d characters.", MaxProfileNameLen))
	case !utf8.ValidString(p.Name) || hasControl(p.Name):
		return invalid("The profile name contains invisible control characters",
			"Retype the name without pasting tabs, line breaks or other control characters.")
	}
	for _, f := range []struct{ label, value string }{
		{"Autotask username", p.AutotaskUsername},
		{"Autotask zone address", p.AutotaskZoneURL},
		{"ledger organisation ID", p.LedgerTenantID},
		{"ledger organisation name", p.LedgerTenantName},
	} {
		if !utf8.ValidString(f.value) || hasControl(f.value) {
			return invalid(fmt.Sprintf("The %s contains invisible control characters", f.label),
				"Retype it without pasting tabs, line breaks or other control characters.")
		}
	}
	if p.AutotaskZoneURL != "" && !isWebAddress(p.AutotaskZoneURL) {
		return invalid(fmt.Sprintf("The Autotask zone address %q is not a web address", p.AutotaskZoneURL),
			"Use the address Autotask's zone lookup returns, such as https://webservices5.autotask.net/ATServicesRest/.")
	}
	for _, f := range []struct{ label, value string }{
		{"Autotask zone lookup address", p.AutotaskLookupURL},
		{"ledger address", p.LedgerEndpoint},
	} {
		if f.value != "" && !isWebAddress(f.value) {
			return invalid(fmt.Sprintf("The %s %q is not a web address", f.label, f.value),
				"Leave it empty to use the real service, or give a full address such as http://127.0.0.1:8080/.")
		}
	}
	if id := p.AutotaskImpersonationResourceID; id != nil && *id <= 0 {
		return invalid("The Autotask impersonation resource ID must be a positive number",
			"Use the ID of the Autotask resource to act as, or leave it empty.")
	}
	switch p.LedgerKind {
	case LedgerNone, LedgerXero, LedgerQBO, LedgerExact:
	default:
		return invalid(fmt.Sprintf("Unknown accounting system %q", p.LedgerKind),
			"Choose Xero, QuickBooks Online or Exact Online.")
	}
	return nil
}

func isWebAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}

func invalid(message, fix string) *apperr.Error {
	return apperr.New(apperr.Invalid, message, fix)
}

func duplicateName(name string, err error) *apperr.Error {
	return apperr.Wrap(err, apperr.Conflict,
		fmt.Sprintf("A profile named %s already exists", name),
		"Choose another name; names are compared ignoring upper and lower case.")
}

func profileNotFound(id int64) *apperr.Error {
	return apperr.Wrap(fmt.Errorf("store: profile %d: %w", id, ErrNotFound), apperr.NotFound,
		"This profile no longer exists",
		"It may have been deleted in another window; choose a profile from the list.")
}
