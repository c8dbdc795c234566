package autotask

import (
	"context"
	"fmt"
)

// ConnectionInfo is what the setup wizard shows after a successful test.
type ConnectionInfo struct {
	ZoneURL   string    `json:"zoneUrl"`
	ZoneName  string    `json:"zoneName"`
	WebURL    string    `json:"webUrl"`
	Threshold Threshold `json:"threshold"`
	// Counts of what the API user can see: proof that its security level
	// lets it read what the sync needs.
	Companies    int `json:"companies"`
	Invoices     int `json:"invoices"`
	BillingItems int `json:"billingItems"`
}

// TestConnection checks the credentials and permissions with cheap calls:
// ThresholdInformation (accepted credentials), then a count on each entity
// the sync reads (permission to read it). Every failure is an apperr whose
// message and fix a person can act on.
func (c *Client) TestConnection(ctx context.Context) (ConnectionInfo, error) {
	info := ConnectionInfo{ZoneURL: c.ZoneURL(), ZoneName: c.zone.ZoneName, WebURL: c.zone.WebURL}
	if err := c.creds.validate(); err != nil {
		return info, err
	}
	t, err := c.Threshold(ctx)
	if err != nil {
		return info, fmt.Errorf("autotask: test connection: %w", err)
	}
	info.Threshold = t
	for _, e := range []struct {
		entity string
		n      *int
	}{
		{EntityCompanies, &info.Companies},
		{EntityInvoices, &info.Invoices},
		{EntityBillingItems, &info.BillingItems},
	} {
		n, err := c.Count(ctx, e.entity)
		if err != nil {
			return info, fmt.Errorf("autotask: test connection: %w", err)
		}
		*e.n = n
	}
	return info, nil
}
