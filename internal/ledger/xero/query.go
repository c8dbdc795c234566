package xero

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// PageSize is how many records Xero returns per page on paged endpoints.
const PageSize = 100

// maxIDsPerCall keeps comma-separated id filters well under URL length
// limits (Xero's IDs filter reportedly fails beyond about 52 GUIDs).
const maxIDsPerCall = 50

// quote writes s as a string literal for a where filter. Xero's filter
// language takes C#-style strings, so backslashes and double quotes are
// escaped with a backslash.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// whereEquals is the filter field=="value".
func whereEquals(field, value string) string { return field + "==" + quote(value) }

// list is one GET of a collection.
type list struct {
	op      string
	path    string
	wrapper string
	query   url.Values
	since   time.Time
	paged   bool // follow page=N until a short page
}

// getList reads all records of l, page by page where the endpoint pages.
func getList[T any](ctx context.Context, c *Client, l list) ([]T, error) {
	var all []T
	for page := 1; ; page++ {
		q := url.Values{}
		for k, v := range l.query {
			q[k] = v
		}
		if l.paged {
			q.Set("page", strconv.Itoa(page))
		}
		var answer map[string]json.RawMessage
		if err := c.do(ctx, request{method: http.MethodGet, path: l.path, query: q, since: l.since, op: l.op}, &answer); err != nil {
			return all, err
		}
		var got []T
		if raw, ok := answer[l.wrapper]; ok {
			if err := json.Unmarshal(raw, &got); err != nil {
				return all, fmt.Errorf("xero: %s: decode %s: %w", l.op, l.wrapper, err)
			}
		}
		all = append(all, got...)
		if !l.paged || len(got) < PageSize {
			return all, nil
		}
	}
}

// getByIDs reads records by a comma-separated id filter, in chunks.
func getByIDs[T any](ctx context.Context, c *Client, l list, param string, ids []string) ([]T, error) {
	var all []T
	for start := 0; start < len(ids); start += maxIDsPerCall {
		chunk := ids[start:min(start+maxIDsPerCall, len(ids))]
		lc := l
		lc.query = url.Values{}
		for k, v := range l.query {
			lc.query[k] = v
		}
		lc.query.Set(param, strings.Join(chunk, ","))
		got, err := getList[T](ctx, c, lc)
		all = append(all, got...)
		if err != nil {
			return all, err
		}
	}
	return all, nil
}
