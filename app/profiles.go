package app

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// Profiles is the Connections screen's service: profiles and their
// credentials. Secrets go to the keychain; the UI only learns whether they are
// there.
type Profiles struct{ deps Deps }

func NewProfiles(deps Deps) *Profiles { return &Profiles{deps: deps} }

// ProfileDTO is a profile as the UI sees it. It never carries a secret.
type ProfileDTO struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	AutotaskUsername  string `json:"autotaskUsername"`
	AutotaskConnected bool   `json:"autotaskConnected"`
	// KeychainProblem says why the keychain could not be read, when it could not.
	KeychainProblem  string `json:"keychainProblem"`
	LedgerKind       string `json:"ledgerKind"`
	LedgerTenantName string `json:"ledgerTenantName"`
	IsDemo           bool   `json:"isDemo"`
	CreatedAt        string `json:"createdAt"`
}

// CreateProfileInput is what the "New profile" form sends.
type CreateProfileInput struct {
	Name string `json:"name"`
}

// AutotaskCredentialsInput is what the Autotask form sends. Secret and
// IntegrationCode go straight to the keychain.
type AutotaskCredentialsInput struct {
	ProfileID       int64  `json:"profileId"`
	Username        string `json:"username"`
	Secret          string `json:"secret"`
	IntegrationCode string `json:"integrationCode"`
}

// List returns every profile, by name.
func (p *Profiles) List() ([]ProfileDTO, error) {
	ctx := p.deps.Lifecycle.Context()
	list, err := p.deps.Store.Profiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("app: list profiles: %w", err)
	}
	out := make([]ProfileDTO, 0, len(list))
	for _, pr := range list {
		out = append(out, profileDTO(p.deps, pr))
	}
	return out, nil
}

// Create adds an empty profile.
func (p *Profiles) Create(in CreateProfileInput) (ProfileDTO, error) {
	ctx := p.deps.Lifecycle.Context()
	pr := store.Profile{Name: in.Name}
	if err := p.deps.Store.CreateProfile(ctx, &pr); err != nil {
		return ProfileDTO{}, fmt.Errorf("app: create profile: %w", err)
	}
	p.audit(pr.ID, "profile.create", fmt.Sprintf("Created profile %q", pr.Name))
	return profileDTO(p.deps, pr), nil
}

// Delete removes a profile and every secret kept for it.
func (p *Profiles) Delete(id int64) error {
	ctx := p.deps.Lifecycle.Context()
	pr, err := p.deps.Store.Profile(ctx, id)
	if err != nil {
		return fmt.Errorf("app: delete profile: %w", err)
	}
	// Secrets first: a profile row without secrets can be deleted again; a
	// secret without its profile would be orphaned in the keychain forever.
	if err := p.deps.Secrets.DeleteProfile(id); err != nil {
		return fmt.Errorf("app: delete profile %d secrets: %w", id, err)
	}
	if err := p.deps.Store.DeleteProfile(ctx, id); err != nil {
		return fmt.Errorf("app: delete profile: %w", err)
	}
	p.audit(0, "profile.delete", fmt.Sprintf("Deleted profile %q", pr.Name))
	return nil
}

// SaveAutotaskCredentials checks the three Autotask credentials, puts the
// secret and the integration code in the keychain and the user name on the
// profile.
func (p *Profiles) SaveAutotaskCredentials(in AutotaskCredentialsInput) (ProfileDTO, error) {
	ctx := p.deps.Lifecycle.Context()
	username := strings.TrimSpace(in.Username)
	if err := validateAutotaskInput(username, in.Secret, in.IntegrationCode); err != nil {
		return ProfileDTO{}, err
	}
	if _, err := p.deps.Store.Profile(ctx, in.ProfileID); err != nil {
		return ProfileDTO{}, fmt.Errorf("app: save autotask credentials: %w", err)
	}
	if err := p.deps.Secrets.Set(in.ProfileID, secrets.AutotaskSecret, in.Secret); err != nil {
		return ProfileDTO{}, fmt.Errorf("app: save autotask secret: %w", err)
	}
	if err := p.deps.Secrets.Set(in.ProfileID, secrets.AutotaskIntegrationCode, strings.TrimSpace(in.IntegrationCode)); err != nil {
		return ProfileDTO{}, fmt.Errorf("app: save autotask integration code: %w", err)
	}
	pr, err := p.deps.Store.UpdateProfile(ctx, in.ProfileID, store.ProfileUpdate{AutotaskUsername: &username})
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: save autotask user name: %w", err)
	}
	p.audit(pr.ID, "autotask.credentials", fmt.Sprintf("Saved Autotask credentials for API user %s", username))
	return profileDTO(p.deps, pr), nil
}

func validateAutotaskInput(username, secret, code string) error {
	if username == "" {
		return apperr.New(apperr.Invalid, "The Autotask API user name is empty", "Type the API user's user name: the email address shown on its resource in Autotask (Admin → Resources/Users).")
	}
	if _, err := mail.ParseAddress(username); err != nil || strings.ContainsAny(username, " <>") {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not an Autotask API user name", username), "An API user name is an email address, such as api-user@yourmsp.com.")
	}
	if secret == "" {
		return apperr.New(apperr.Invalid, "The Autotask secret is empty", "Paste the API user's secret (its password) from Autotask.")
	}
	if strings.TrimSpace(code) == "" {
		return apperr.New(apperr.Invalid, "The Autotask API integration code is empty", "Paste the tracking identifier (API integration code) of the API user's integration vendor from Autotask.")
	}
	return nil
}

func profileDTO(deps Deps, pr store.Profile) ProfileDTO {
	d := ProfileDTO{
		ID:               pr.ID,
		Name:             pr.Name,
		AutotaskUsername: pr.AutotaskUsername,
		LedgerKind:       pr.LedgerKind,
		LedgerTenantName: pr.LedgerTenantName,
		IsDemo:           pr.IsDemo,
		CreatedAt:        pr.CreatedAt.UTC().Format(time.RFC3339),
	}
	if pr.AutotaskUsername != "" {
		_, err := deps.Secrets.Get(pr.ID, secrets.AutotaskSecret)
		switch {
		case err == nil:
			d.AutotaskConnected = true
		case errors.Is(err, secrets.ErrNotFound):
		default:
			deps.Logger.Warn("keychain read failed", "profile", pr.ID, "err", err)
			d.KeychainProblem = apperr.Public(err).Message
		}
	}
	return d
}

func (p *Profiles) audit(profileID int64, action, detail string) {
	audit(p.deps, profileID, action, detail)
}

// audit records a user-visible event; a failure to record it is logged, not
// shown, since the action itself succeeded.
func audit(deps Deps, profileID int64, action, detail string) {
	auditAs(deps, "user", profileID, action, detail)
}

// auditAs is audit for an actor other than the user (the scheduler).
func auditAs(deps Deps, actor string, profileID int64, action, detail string) {
	e := store.AuditEntry{Actor: actor, Action: action, Detail: detail}
	if profileID != 0 {
		e.ProfileID = &profileID
	}
	if err := deps.Store.AppendAudit(deps.Lifecycle.Context(), e); err != nil {
		deps.Logger.Error("audit log write failed", "action", action, "err", err)
	}
}
