package xero

import (
	"context"
	"net/url"

	"github.com/billbridge/billbridge/internal/ledger"
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

// tracking lists every option of every tracking category, archived ones
// included (marked inactive) so a mapping to one can be named and refused.
func (a *Adapter) tracking(ctx context.Context) ([]ledger.TrackingOption, error) {
	cats, err := a.c.TrackingCategories(ctx, true)
	if err != nil {
		return nil, err
	}
	out := []ledger.TrackingOption{}
	for _, c := range cats {
		if c.Status == "DELETED" {
			continue
		}
		for _, o := range c.Options {
			if o.Status == "DELETED" {
				continue
			}
			out = append(out, ledger.TrackingOption{ID: o.TrackingOptionID, Category: c.Name, Name: o.Name,
				Active: c.Status == "ACTIVE" && o.Status == "ACTIVE"})
		}
	}
	return out, nil
}

// trackingOf is a line's tracking as Xero takes it: category and option by name.
func trackingOf(t ledger.Tracking) []LineItemTracking {
	if t == (ledger.Tracking{}) {
		return nil
	}
	return []LineItemTracking{{Name: t.Category, Option: t.Name}}
}
