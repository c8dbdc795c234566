package xero

import "context"

// Currency is a currency the organisation has enabled (more than the base
// currency needs a plan with multi-currency).
type Currency struct {
	Code        string `json:"Code,omitempty"`
	Description string `json:"Description,omitempty"`
}

// Currencies reads the organisation's enabled currencies.
func (c *Client) Currencies(ctx context.Context) ([]Currency, error) {
	return getList[Currency](ctx, c, list{op: "read currencies", path: "Currencies", wrapper: "Currencies"})
}
