package app

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// CandidateDTO is a ledger organisation the profile's own sign-in reaches
// and that is not one of its organisations yet.
type CandidateDTO struct {
	TenantID   string `json:"tenantId"`
	TenantName string `json:"tenantName"`
}

// Candidates lists what Add can add: the other Xero organisations the
// profile's Xero sign-in granted, or the other Exact Online divisions of its
// Exact user. A second QuickBooks Online company needs a sign-in of its own,
// which Billbridge does not hold yet: that is refused with what to do.
func (o *Organisations) Candidates(profileID int64) ([]CandidateDTO, error) {
	ctx := o.deps.Lifecycle.Context()
	p, err := o.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: organisations to add: %w", err)
	}
	cands, err := o.candidates(ctx, p)
	if err != nil {
		return nil, err
	}
	orgs, err := o.deps.Store.Organisations(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: organisations to add: %w", err)
	}
	used := map[string]bool{}
	for _, g := range orgs {
		used[g.LedgerTenantID] = true
	}
	out := []CandidateDTO{}
	for _, c := range cands {
		if !used[c.TenantID] {
			out = append(out, c)
		}
	}
	return out, nil
}

// candidates is every ledger organisation the profile's sign-in reaches.
func (o *Organisations) candidates(ctx context.Context, p store.Profile) ([]CandidateDTO, error) {
	switch p.LedgerKind {
	case store.LedgerXero:
		conns, err := o.xeroConnections(ctx, p)
		if err != nil {
			return nil, err
		}
		out := []CandidateDTO{}
		for _, c := range conns {
			if c.TenantType == "" || strings.EqualFold(c.TenantType, "ORGANISATION") {
				out = append(out, CandidateDTO{TenantID: c.TenantID, TenantName: c.TenantName})
			}
		}
		return out, nil
	case store.LedgerExact:
		divs, err := connect.ExactDivisions(ctx, o.deps.connectDeps(), p)
		if err != nil {
			return nil, err
		}
		out := []CandidateDTO{}
		for _, d := range divs {
			out = append(out, CandidateDTO{TenantID: strconv.Itoa(d.Code), TenantName: d.Description})
		}
		return out, nil
	case store.LedgerQBO:
		return nil, apperr.New(apperr.Invalid, "A second QuickBooks Online company needs a sign-in of its own, which Billbridge cannot keep yet",
			"Create a second profile for the other company (Connections → New profile) with the same Autotask user, and connect QuickBooks there.")
	default:
		return nil, apperr.New(apperr.Invalid, fmt.Sprintf("Profile %q is not connected to a ledger", p.Name),
			"Connect Xero, QuickBooks Online or Exact Online first; more organisations of the same ledger can be added then.")
	}
}

// xeroConnections lists the organisations the profile's Xero token may
// call, on the same rotating token (and lock file) as its sync.
func (o *Organisations) xeroConnections(ctx context.Context, p store.Profile) ([]xero.Connection, error) {
	prov, err := connect.XeroProvider(o.deps.connectDeps(), p)
	if err != nil {
		return nil, err
	}
	ts := oauth.NewTokenSource(oauth.TokenSourceConfig{Provider: prov, Store: oauth.NewSecretsStore(o.deps.Secrets, p.ID, secrets.XeroToken),
		LockDir: o.deps.DataDir, LockName: fmt.Sprintf("profile-%d-xero.lock", p.ID), Logger: o.deps.Logger})
	hc := &http.Client{Timeout: time.Minute, Transport: &oauth2.Transport{Source: ts, Base: http.DefaultTransport}}
	u := oauth.XeroConnectionsURL
	if p.LedgerEndpoint != "" {
		// A simulator serves Xero's paths under one address.
		u = strings.TrimSuffix(p.LedgerEndpoint, "/") + "/connections"
	}
	return xero.Connections(ctx, u, hc)
}

func candidateFix(kind string) string {
	if kind == store.LedgerExact {
		return "Choose a division from the list; sign in to Exact as a user who can reach the division you want."
	}
	return "Choose an organisation from the list. To reach another Xero organisation, connect Xero again in this profile and tick it on Xero's consent page as well."
}
