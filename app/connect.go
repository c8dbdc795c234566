package app

import (
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/secrets"
)

// AutotaskTestDTO is what the connection test found.
type AutotaskTestDTO struct {
	ZoneName       string `json:"zoneName"`
	Companies      int    `json:"companies"`
	Invoices       int    `json:"invoices"`
	BillingItems   int    `json:"billingItems"`
	RequestsUsed   int    `json:"requestsUsed"`
	RequestsLimit  int    `json:"requestsLimit"`
	TimeframeHours int    `json:"timeframeHours"`
}

// TestAutotask signs in to Autotask with the saved credentials and proves
// the API user can read what the sync needs. Each failure says what to fix.
func (p *Profiles) TestAutotask(profileID int64) (AutotaskTestDTO, error) {
	ctx := p.deps.Lifecycle.Context()
	pr, err := p.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return AutotaskTestDTO{}, fmt.Errorf("app: test autotask: %w", err)
	}
	c, err := connect.Autotask(ctx, p.deps.connectDeps(), pr)
	if err != nil {
		return AutotaskTestDTO{}, fmt.Errorf("app: test autotask: %w", err)
	}
	info, err := c.TestConnection(ctx)
	if err != nil {
		return AutotaskTestDTO{}, fmt.Errorf("app: test autotask: %w", err)
	}
	p.audit(profileID, "autotask.test", fmt.Sprintf("Autotask connection test passed (%d invoices visible)", info.Invoices))
	return AutotaskTestDTO{
		ZoneName: info.ZoneName, Companies: info.Companies, Invoices: info.Invoices, BillingItems: info.BillingItems,
		RequestsUsed: info.Threshold.Used, RequestsLimit: info.Threshold.Limit, TimeframeHours: max(1, info.Threshold.TimeframeMinutes/60),
	}, nil
}

// XeroAppInput is the user's own Xero app, registered at developer.xero.com.
type XeroAppInput struct {
	ProfileID    int64  `json:"profileId"`
	ClientID     string `json:"clientId"`
	ClientSecret string `json:"clientSecret"` // empty for PKCE (native) apps
}

// SaveXeroApp keeps the Xero app's client id (and secret) in the keychain.
func (p *Profiles) SaveXeroApp(in XeroAppInput) error {
	id := strings.TrimSpace(in.ClientID)
	if len(id) < 16 || strings.ContainsAny(id, " \t") {
		return apperr.New(apperr.Invalid, "That is not a Xero client id",
			"Copy the 32-character client id from your app's Configuration page at developer.xero.com.")
	}
	ctx := p.deps.Lifecycle.Context()
	if _, err := p.deps.Store.Profile(ctx, in.ProfileID); err != nil {
		return fmt.Errorf("app: save xero app: %w", err)
	}
	if err := p.deps.Secrets.Set(in.ProfileID, secrets.XeroClientID, id); err != nil {
		return fmt.Errorf("app: save xero app: %w", err)
	}
	if s := strings.TrimSpace(in.ClientSecret); s != "" {
		if err := p.deps.Secrets.Set(in.ProfileID, secrets.XeroClientSecret, s); err != nil {
			return fmt.Errorf("app: save xero app: %w", err)
		}
	} else if err := p.deps.Secrets.Delete(in.ProfileID, secrets.XeroClientSecret); err != nil {
		return fmt.Errorf("app: save xero app: %w", err)
	}
	p.audit(in.ProfileID, "xero.app", "Saved the Xero app client id")
	return nil
}

// XeroOrgDTO is an organisation the user granted Billbridge.
type XeroOrgDTO struct {
	TenantID   string `json:"tenantId"`
	TenantName string `json:"tenantName"`
}

// ConnectXero opens Xero's sign-in in the system browser, waits for the user
// to come back, and returns the organisations they granted.
func (p *Profiles) ConnectXero(profileID int64) ([]XeroOrgDTO, error) {
	ctx := p.deps.Lifecycle.Context()
	pr, err := p.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: connect xero: %w", err)
	}
	conns, err := connect.ConnectXero(ctx, p.deps.connectDeps(), pr, p.deps.opener(ctx))
	if err != nil {
		return nil, fmt.Errorf("app: connect xero: %w", err)
	}
	out := make([]XeroOrgDTO, 0, len(conns))
	for _, c := range conns {
		out = append(out, XeroOrgDTO{TenantID: c.TenantID, TenantName: c.TenantName})
	}
	p.audit(profileID, "xero.signin", fmt.Sprintf("Signed in to Xero (%d organisations granted)", len(out)))
	return out, nil
}

// ChooseXeroOrganisation makes a granted organisation the profile's ledger.
func (p *Profiles) ChooseXeroOrganisation(profileID int64, org XeroOrgDTO) (ProfileDTO, error) {
	ctx := p.deps.Lifecycle.Context()
	pr, err := p.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: choose xero organisation: %w", err)
	}
	pr, err = connect.ChooseXeroOrganisation(ctx, p.deps.connectDeps(), pr, xero.Connection{TenantID: org.TenantID, TenantName: org.TenantName})
	if err != nil {
		return ProfileDTO{}, fmt.Errorf("app: choose xero organisation: %w", err)
	}
	p.audit(profileID, "xero.organisation", fmt.Sprintf("Invoices will go to the Xero organisation %s", org.TenantName))
	return profileDTO(p.deps, pr), nil
}
