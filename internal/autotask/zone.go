package autotask

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// ZoneInfo is Autotask's answer to "where does this API user live".
type ZoneInfo struct {
	ZoneName string `json:"zoneName"`
	URL      string `json:"url"`    // REST root, e.g. https://webservices5.autotask.net/ATServicesRest/
	WebURL   string `json:"webUrl"` // the Autotask web UI of the zone
	CI       int    `json:"ci"`
}

// LookupZone asks Autotask's zone service which zone the API user belongs to.
func LookupZone(ctx context.Context, cfg Config, creds Credentials) (ZoneInfo, error) {
	if err := creds.validate(); err != nil {
		return ZoneInfo{}, err
	}
	root := cfg.ZoneLookupURL
	if root == "" {
		root = DefaultZoneLookupURL
	}
	// A throwaway client on the lookup host: same headers, logging and
	// transport; zoneInformation is exempt from thread limits, so no entity.
	lc := New(root, cfg, creds)
	var z ZoneInfo
	err := lc.do(ctx, call{method: http.MethodGet, url: lc.url("zoneInformation?user=" + url.QueryEscape(creds.UserName)), op: "zone"}, &z)
	if err != nil {
		return ZoneInfo{}, fmt.Errorf("autotask: zone lookup: %w", zoneError(err, creds))
	}
	if _, err := parseRoot(z.URL); err != nil {
		return ZoneInfo{}, fmt.Errorf("autotask: zone lookup: Autotask answered no usable zone url (%q): %w", z.URL, err)
	}
	return z, nil
}

// zoneError explains the zone service's failures: it answers HTTP 500 (or
// 404) for a blank or unknown user instead of saying so.
func zoneError(err error, creds Credentials) error {
	var ae *APIError
	if !errors.As(err, &ae) {
		return err
	}
	if ae.Status == http.StatusInternalServerError || ae.Status == http.StatusNotFound || ae.Status == http.StatusBadRequest {
		return apperr.Wrap(ae, apperr.Invalid,
			fmt.Sprintf("Autotask does not know the API user %s", creds.UserName),
			"Check the user name: it is the API user's e-mail address (Admin → Resources/Users → the API user → Security tab in Autotask).")
	}
	return err
}

// Connect finds the API user's zone and returns a client for it. Store
// Client.ZoneURL in the profile and use New next time to skip the lookup.
func Connect(ctx context.Context, cfg Config, creds Credentials) (*Client, error) {
	z, err := LookupZone(ctx, cfg, creds)
	if err != nil {
		return nil, err
	}
	c := New(z.URL, cfg, creds)
	c.zone = z
	return c, nil
}

// Zone is what the zone lookup answered; empty for a client made with New.
func (c *Client) Zone() ZoneInfo { return c.zone }

// validate catches blank credentials before Autotask turns them into an
// unhelpful 500.
func (c Credentials) validate() error {
	switch {
	case strings.TrimSpace(c.UserName) == "":
		return apperr.New(apperr.Invalid, "The Autotask API user name is empty",
			"Enter the API user's e-mail address (Admin → Resources/Users → the API user in Autotask).")
	case strings.TrimSpace(c.Secret) == "":
		return apperr.New(apperr.Invalid, "The Autotask API secret is empty",
			"Enter the API user's secret (its password, set on the API user's Security tab in Autotask).")
	case strings.TrimSpace(c.IntegrationCode) == "":
		return apperr.New(apperr.Invalid, "The Autotask API integration code is missing",
			"Enter the API tracking identifier shown on the API user's Security tab in Autotask (Integration Code / Tracking Identifier).")
	}
	return nil
}
