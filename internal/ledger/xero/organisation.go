package xero

import (
	"context"
	"fmt"
)

// Organisation is the connected organisation's own record; BaseCurrency is
// the currency its books are kept in.
type Organisation struct {
	OrganisationID     string `json:"OrganisationID,omitempty"`
	Name               string `json:"Name,omitempty"`
	LegalName          string `json:"LegalName,omitempty"`
	BaseCurrency       string `json:"BaseCurrency,omitempty"`
	CountryCode        string `json:"CountryCode,omitempty"`
	OrganisationStatus string `json:"OrganisationStatus,omitempty"`
}

// Organisation reads the organisation the client's tenant id names.
func (c *Client) Organisation(ctx context.Context) (Organisation, error) {
	orgs, err := getList[Organisation](ctx, c, list{op: "read organisation", path: "Organisation", wrapper: "Organisations"})
	if err != nil {
		return Organisation{}, err
	}
	if len(orgs) == 0 {
		return Organisation{}, fmt.Errorf("xero: read organisation: %w", ErrNotFound)
	}
	return orgs[0], nil
}
