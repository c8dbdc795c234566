package xero

import "context"

// BrandingTheme is an invoice layout. Invoices name it by BrandingThemeID.
type BrandingTheme struct {
	BrandingThemeID string   `json:"BrandingThemeID,omitempty"`
	Name            string   `json:"Name,omitempty"`
	LogoUrl         string   `json:"LogoUrl,omitempty"`
	Type            string   `json:"Type,omitempty"`
	SortOrder       int      `json:"SortOrder,omitempty"`
	CreatedDateUTC  DateTime `json:"CreatedDateUTC,omitzero"`
}

// BrandingThemes reads the organisation's branding themes.
func (c *Client) BrandingThemes(ctx context.Context) ([]BrandingTheme, error) {
	return getList[BrandingTheme](ctx, c, list{op: "read branding themes", path: "BrandingThemes", wrapper: "BrandingThemes"})
}
