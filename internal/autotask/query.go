package autotask

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// PageSize is the most records Autotask returns in one page.
const PageSize = 500

// Query is the body of POST /V1.0/{Entity}/query.
type Query struct {
	// Filter items, all of which must match (Autotask ANDs the top level).
	// Empty means every record (sent as id >= 0, since Autotask requires a filter).
	Filter []Filter
	// IncludeFields limits the fields returned; empty means all. "id" is
	// added when missing, because Autotask needs it to page past 500 records.
	IncludeFields []string
	// MaxRecords, when 1–500, is both the page size asked for and the most
	// records Query and Each return. 0 means all records, 500 a page.
	MaxRecords int
}

// wireQuery is the JSON Autotask reads. The casing follows Autotask's own
// examples (MaxRecords, IncludeFields, filter); the server accepts any case.
type wireQuery struct {
	MaxRecords    int      `json:"MaxRecords,omitempty"`
	IncludeFields []string `json:"IncludeFields,omitempty"`
	Filter        []Filter `json:"filter"`
}

// validate checks what Autotask would reject, so the mistake is reported
// with the query that made it rather than as an HTTP 500.
func (q Query) validate() error {
	if q.MaxRecords < 0 || q.MaxRecords > PageSize {
		return fmt.Errorf("MaxRecords %d is outside 1–%d", q.MaxRecords, PageSize)
	}
	if n := countUDF(q.Filter); n > 1 {
		return fmt.Errorf("%d user-defined-field conditions; Autotask allows one per query", n)
	}
	if n := countOr(q.Filter); n > maxInValues {
		return fmt.Errorf("%d OR conditions; Autotask allows at most %d per query", n, maxInValues)
	}
	for _, f := range q.Filter {
		if _, err := f.wire(); err != nil {
			return err
		}
	}
	return nil
}

func (q Query) wire() wireQuery {
	w := wireQuery{MaxRecords: q.MaxRecords, Filter: q.Filter}
	if len(w.Filter) == 0 {
		w.Filter = []Filter{Gte("id", 0)}
	}
	if len(q.IncludeFields) > 0 {
		w.IncludeFields = slices.Clone(q.IncludeFields)
		if !slices.ContainsFunc(w.IncludeFields, func(s string) bool { return strings.EqualFold(s, "id") }) {
			w.IncludeFields = append([]string{"id"}, w.IncludeFields...)
		}
	}
	return w
}

// page is one answer of a query.
type page struct {
	Items       []json.RawMessage `json:"items"`
	PageDetails struct {
		Count       int    `json:"count"`
		NextPageURL string `json:"nextPageUrl"`
	} `json:"pageDetails"`
}

// pages runs q and hands each page's raw items to fn, following
// nextPageUrl until Autotask says there is no more. Only one page is in
// memory at a time.
func (c *Client) pages(ctx context.Context, entity string, q Query, fn func([]json.RawMessage) error) error {
	if err := q.validate(); err != nil {
		return fmt.Errorf("autotask: query %s: %w", entity, err)
	}
	var p page
	err := c.do(ctx, call{method: http.MethodPost, url: c.url(entity + "/query"), entity: entity, op: "query", body: q.wire(), repeatable: true}, &p)
	if err != nil {
		return fmt.Errorf("autotask: query %s: %w", entity, err)
	}
	seen := map[string]bool{}
	for {
		if err := fn(p.Items); err != nil {
			return err
		}
		next := p.PageDetails.NextPageURL
		if next == "" {
			return nil
		}
		if seen[next] {
			return fmt.Errorf("autotask: query %s: Autotask sent the same next page twice (%s)", entity, next)
		}
		seen[next] = true
		if err := c.sameZone(next); err != nil {
			return fmt.Errorf("autotask: query %s: %w", entity, err)
		}
		p = page{}
		if err := c.do(ctx, call{method: http.MethodGet, url: next, entity: entity, op: "query"}, &p); err != nil {
			return fmt.Errorf("autotask: query %s: next page: %w", entity, err)
		}
	}
}

// sameZone refuses a next-page URL on another host: the credentials travel
// in headers, and they must only go to the zone Autotask named.
func (c *Client) sameZone(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("next page url: %w", err)
	}
	if !strings.EqualFold(u.Scheme, c.base.Scheme) || !strings.EqualFold(u.Host, c.base.Host) {
		return fmt.Errorf("next page url %s is not on the zone %s", u.Redacted(), c.base.Host)
	}
	return nil
}

// Each runs q against entity and calls fn for every record, one page in
// memory at a time, so a 100,000-item month streams in bounded memory. An
// error from fn stops the query and is returned as is.
func Each[T any](ctx context.Context, c *Client, entity string, q Query, fn func(T) error) error {
	limit := q.MaxRecords
	n := 0
	errStop := errors.New("stop")
	err := c.pages(ctx, entity, q, func(items []json.RawMessage) error {
		for _, raw := range items {
			var v T
			if err := json.Unmarshal(raw, &v); err != nil {
				return fmt.Errorf("autotask: query %s: decode record: %w", entity, err)
			}
			if err := fn(v); err != nil {
				return err
			}
			n++
			if limit > 0 && n >= limit {
				return errStop
			}
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// QueryAll runs q against entity and returns every matching record. (It
// cannot be called Query: that name is the query type.)
func QueryAll[T any](ctx context.Context, c *Client, entity string, q Query) ([]T, error) {
	var out []T
	err := Each(ctx, c, entity, q, func(v T) error {
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Count returns how many records of entity match filters, in one request.
func (c *Client) Count(ctx context.Context, entity string, filters ...Filter) (int, error) {
	q := Query{Filter: filters}
	if err := q.validate(); err != nil {
		return 0, fmt.Errorf("autotask: count %s: %w", entity, err)
	}
	w := q.wire()
	var out struct {
		QueryCount int `json:"queryCount"`
	}
	err := c.do(ctx, call{method: http.MethodPost, url: c.url(entity + "/query/count"), entity: entity, op: "count",
		body: wireQuery{Filter: w.Filter}, repeatable: true}, &out)
	if err != nil {
		return 0, fmt.Errorf("autotask: count %s: %w", entity, err)
	}
	return out.QueryCount, nil
}

// Get reads one record by id. A missing record (Autotask answers
// {"item": null}) wraps ErrNotFound.
func Get[T any](ctx context.Context, c *Client, entity string, id int64) (T, error) {
	var zero T
	var out struct {
		Item json.RawMessage `json:"item"`
	}
	err := c.do(ctx, call{method: http.MethodGet, url: c.url(fmt.Sprintf("%s/%d", entity, id)), entity: entity, op: "get"}, &out)
	if err != nil {
		return zero, fmt.Errorf("autotask: get %s %d: %w", entity, id, err)
	}
	if len(out.Item) == 0 || bytes.Equal(bytes.TrimSpace(out.Item), []byte("null")) {
		return zero, fmt.Errorf("autotask: get %s %d: %w", entity, id, ErrNotFound)
	}
	var v T
	if err := json.Unmarshal(out.Item, &v); err != nil {
		return zero, fmt.Errorf("autotask: get %s %d: decode: %w", entity, id, err)
	}
	return v, nil
}
