package app

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

// Organisations is the Connections screen's section for a profile whose
// Autotask database feeds several ledger organisations: the organisations,
// the rules that route each invoice to exactly one of them, and the default
// for invoices no rule routes.
type Organisations struct{ deps Deps }

func NewOrganisations(deps Deps) *Organisations { return &Organisations{deps: deps} }

// RouteDTO sends one Autotask organisational level to an organisation.
// Kind is association, location or line_of_business; SourceID the
// Autotask id of that level.
type RouteDTO struct {
	Kind         string `json:"kind"`
	SourceID     int64  `json:"sourceId"`
	Organisation string `json:"organisation"`
}

// OrganisationDTO is one ledger organisation of the profile. Key "" is the
// profile's own (the ledger chosen in Connections); it cannot be removed.
type OrganisationDTO struct {
	Key              string `json:"key"`
	Name             string `json:"name"`
	LedgerKind       string `json:"ledgerKind"`
	LedgerTenantID   string `json:"ledgerTenantId"`
	LedgerTenantName string `json:"ledgerTenantName"`
	Own              bool   `json:"own"`
	IsDefault        bool   `json:"isDefault"`
	Routes           int    `json:"routes"` // how many rules send invoices here
}

// OrganisationsDTO is the section: organisations, their rules and the
// default.
type OrganisationsDTO struct {
	ProfileID     int64             `json:"profileId"`
	LedgerKind    string            `json:"ledgerKind"`
	Organisations []OrganisationDTO `json:"organisations"`
	Routes        []RouteDTO        `json:"routes"`
	Default       string            `json:"default"`
	BlockUnrouted bool              `json:"blockUnrouted"`
}

// AddOrganisationInput adds a ledger organisation reachable through the
// profile's own connection: a Xero organisation the same sign-in granted,
// or another Exact Online division. CopyMappings starts it with the own
// organisation's billing code, tax and payment term mappings (customer
// links belong to one ledger and are not copied).
type AddOrganisationInput struct {
	ProfileID    int64  `json:"profileId"`
	TenantID     string `json:"tenantId"`
	Name         string `json:"name"`
	CopyMappings bool   `json:"copyMappings"`
}

// DefaultInput sets where invoices no rule routes go, or that they are
// blocked instead.
type DefaultInput struct {
	ProfileID     int64  `json:"profileId"`
	Organisation  string `json:"organisation"`
	BlockUnrouted bool   `json:"blockUnrouted"`
}

// List reads the profile's organisations and routing; it needs no network.
func (o *Organisations) List(profileID int64) (OrganisationsDTO, error) {
	dto, err := o.list(o.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: organisations: %w", err)
	}
	return dto, nil
}

func (o *Organisations) list(ctx context.Context, profileID int64) (OrganisationsDTO, error) {
	p, err := o.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return OrganisationsDTO{}, err
	}
	orgs, err := o.deps.Store.Organisations(ctx, profileID)
	if err != nil {
		return OrganisationsDTO{}, err
	}
	r, err := o.deps.Store.Routing(ctx, profileID)
	if err != nil {
		return OrganisationsDTO{}, err
	}
	out := OrganisationsDTO{ProfileID: profileID, LedgerKind: p.LedgerKind, Organisations: []OrganisationDTO{}, Routes: []RouteDTO{},
		Default: r.Default, BlockUnrouted: r.BlockUnrouted}
	count := map[string]int{}
	for _, rt := range r.Routes {
		out.Routes = append(out.Routes, RouteDTO{Kind: rt.Kind, SourceID: rt.SourceID, Organisation: rt.Organisation})
		count[rt.Organisation]++
	}
	for _, g := range orgs {
		out.Organisations = append(out.Organisations, OrganisationDTO{Key: g.Key, Name: g.Name, LedgerKind: g.LedgerKind,
			LedgerTenantID: g.LedgerTenantID, LedgerTenantName: g.LedgerTenantName, Own: g.Key == "",
			IsDefault: g.Key == r.Default, Routes: count[g.Key]})
	}
	return out, nil
}

// Add adds a second (third, …) ledger organisation of the profile's own
// kind, reached through the profile's own sign-in.
func (o *Organisations) Add(in AddOrganisationInput) (OrganisationsDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	p, err := o.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: add organisation: %w", err)
	}
	cands, err := o.candidates(ctx, p)
	if err != nil {
		return OrganisationsDTO{}, err
	}
	var pick *CandidateDTO
	for i := range cands {
		if cands[i].TenantID == in.TenantID {
			pick = &cands[i]
		}
	}
	if pick == nil {
		return OrganisationsDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("%s organisation %q is not one this profile's sign-in can reach", ledgerName(p.LedgerKind), in.TenantID),
			candidateFix(p.LedgerKind))
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		name = pick.TenantName
	}
	orgs, err := o.deps.Store.Organisations(ctx, p.ID)
	if err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: add organisation: %w", err)
	}
	org := store.Organisation{Key: organisationKey(name, orgs), Name: name, LedgerKind: p.LedgerKind, LedgerTenantID: pick.TenantID,
		LedgerTenantName: pick.TenantName, LedgerEndpoint: p.LedgerEndpoint}
	if err := o.deps.Store.SaveOrganisation(ctx, p.ID, &org); err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: add organisation: %w", err)
	}
	copied := 0
	if in.CopyMappings {
		if copied, err = o.copyMappings(ctx, p.ID, org.Key); err != nil {
			return OrganisationsDTO{}, fmt.Errorf("app: add organisation: %w", err)
		}
	}
	audit(o.deps, p.ID, "organisation.add", fmt.Sprintf("Added organisation %s (%s %s, key %s, %d mappings copied)", org.Name, ledgerName(org.LedgerKind), org.LedgerTenantName, org.Key, copied))
	return o.List(p.ID)
}

// copyMappings gives organisation key the own organisation's accepted
// billing code, tax and payment term rules.
func (o *Organisations) copyMappings(ctx context.Context, profileID int64, key string) (int, error) {
	rows, err := o.deps.Store.MappingRules(ctx, profileID)
	if err != nil {
		return 0, err
	}
	var out []store.MappingRule
	for _, r := range rows {
		if r.Organisation != "" || r.Suggested {
			continue
		}
		switch r.Kind {
		case store.MapBillingCode, store.MapTax, store.MapTerm:
			r.Organisation = key
			out = append(out, r)
		}
	}
	return len(out), o.deps.Store.SaveMappingRules(ctx, profileID, out)
}

// Remove removes an organisation that holds no invoice sent by Billbridge
// and is not the default; its rules and mappings go with it.
func (o *Organisations) Remove(profileID int64, key string) (OrganisationsDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	if err := o.deps.Store.DeleteOrganisation(ctx, profileID, key); err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: remove organisation: %w", err)
	}
	audit(o.deps, profileID, "organisation.remove", "Removed organisation "+key)
	return o.List(profileID)
}

// SetDefault chooses where invoices no rule routes go, or blocks them.
func (o *Organisations) SetDefault(in DefaultInput) (OrganisationsDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	r, err := o.deps.Store.Routing(ctx, in.ProfileID)
	if err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: default organisation: %w", err)
	}
	r.Default, r.BlockUnrouted = in.Organisation, in.BlockUnrouted
	if err := o.deps.Store.SaveRouting(ctx, in.ProfileID, r); err != nil {
		return OrganisationsDTO{}, fmt.Errorf("app: default organisation: %w", err)
	}
	what := "go to the default organisation " + orDefaultName(in.Organisation)
	if in.BlockUnrouted {
		what = "are blocked"
	}
	audit(o.deps, in.ProfileID, "organisation.default", "Invoices no rule routes "+what)
	return o.List(in.ProfileID)
}

func orDefaultName(key string) string {
	if key == "" {
		return "(the profile's own)"
	}
	return key
}

// organisationKey derives a stable key from a name: lower-case letters,
// digits and dashes, unique in the profile ("eu", "eu-2", …).
func organisationKey(name string, orgs []store.Organisation) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '.':
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	base := strings.Trim(b.String(), "-")
	if len(base) > 30 {
		base = strings.Trim(base[:30], "-")
	}
	if base == "" {
		base = "org"
	}
	taken := map[string]bool{}
	for _, g := range orgs {
		taken[g.Key] = true
	}
	key := base
	for i := 2; taken[key]; i++ {
		key = fmt.Sprintf("%s-%d", base, i)
	}
	return key
}
