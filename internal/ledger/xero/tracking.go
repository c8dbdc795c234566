package xero

import (
	"context"
	"net/url"
)

// TrackingCategory is one of at most two active tracking categories (e.g.
// Region) and its options.
type TrackingCategory struct {
	TrackingCategoryID string           `json:"TrackingCategoryID,omitempty"`
	Name               string           `json:"Name,omitempty"`
	Status             string           `json:"Status,omitempty"` // ACTIVE, ARCHIVED, DELETED
	Options            []TrackingOption `json:"Options,omitempty"`
}

// TrackingOption is one value of a tracking category.
type TrackingOption struct {
	TrackingOptionID string `json:"TrackingOptionID,omitempty"`
	Name             string `json:"Name,omitempty"`
	Status           string `json:"Status,omitempty"`
}

// LineItemTracking puts a line in a tracking option, by name (Name and
// Option) or by id. A line has at most two.
type LineItemTracking struct {
	TrackingCategoryID string `json:"TrackingCategoryID,omitempty"`
	TrackingOptionID   string `json:"TrackingOptionID,omitempty"`
	Name               string `json:"Name,omitempty"`
	Option             string `json:"Option,omitempty"`
}

// TrackingCategories reads the tracking categories with their options.
func (c *Client) TrackingCategories(ctx context.Context, includeArchived bool) ([]TrackingCategory, error) {
	q := url.Values{}
	if includeArchived {
		q.Set("includeArchived", "true")
	}
	return getList[TrackingCategory](ctx, c, list{op: "read tracking categories", path: "TrackingCategories", wrapper: "TrackingCategories", query: q})
}
