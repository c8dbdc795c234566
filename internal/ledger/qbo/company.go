package qbo

import "context"

// CompanyInfo is the company's own record: its name and country decide how
// tax is handled (US automated sales tax or per-line tax codes).
type CompanyInfo struct {
	ID          string `json:"Id,omitempty"`
	CompanyName string `json:"CompanyName,omitempty"`
	LegalName   string `json:"LegalName,omitempty"`
	Country     string `json:"Country,omitempty"`
	SyncToken   string `json:"SyncToken,omitempty"`
}

func (CompanyInfo) EntityName() string { return "CompanyInfo" }
func (i CompanyInfo) ref() string      { return i.CompanyName }

// CompanyInfo reads the company's record, GET companyinfo/{realmId}.
func (c *Client) CompanyInfo(ctx context.Context) (CompanyInfo, error) {
	return Read[CompanyInfo](ctx, c, c.RealmID())
}
