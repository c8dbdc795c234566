package exact

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

// Page sizes Exact uses: normal endpoints return 60 records a page, bulk and
// sync endpoints 1,000.
const (
	PageSize     = 60
	BulkPageSize = 1000
)

// maxFilterLen is the most a batched $filter may take once percent-encoded
// (a quote or space becomes three characters), keeping the whole URL well
// inside Exact's 6,000 characters with the host, path and $select.
const maxFilterLen = 4000

// maxPages stops a list that keeps handing out next links.
const maxPages = 10000

// Query is the OData query of a read. Select is required: Exact refuses some
// endpoints without $select, and naming fields keeps answers small.
type Query struct {
	Select  []string
	Filter  string
	OrderBy string
	Top     int
}

// Encode writes the query string with Exact's $-prefixed options in a fixed
// order, spaces as %20 (never "+", which OData does not read as a space).
func (q Query) Encode() string {
	var parts []string
	add := func(k, v string) {
		parts = append(parts, k+"="+strings.ReplaceAll(url.QueryEscape(v), "+", "%20"))
	}
	if q.Filter != "" {
		add("$filter", q.Filter)
	}
	if q.OrderBy != "" {
		add("$orderby", q.OrderBy)
	}
	if len(q.Select) > 0 {
		add("$select", strings.Join(q.Select, ","))
	}
	if q.Top > 0 {
		add("$top", strconv.Itoa(q.Top))
	}
	return strings.Join(parts, "&")
}

// Str is an OData string literal: single quotes, with quotes inside doubled.
func Str(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Guid is an OData guid literal, guid'…'.
func Guid(id string) string { return "guid'" + strings.ToLower(strings.TrimSpace(id)) + "'" }

// DateTimeLit is an OData datetime literal in UTC, datetime'2026-11-01T00:00:00'.
func DateTimeLit(t time.Time) string {
	return "datetime'" + t.UTC().Format("2006-01-02T15:04:05") + "'"
}

// Int is an OData integer literal.
func Int(n int64) string { return strconv.FormatInt(n, 10) }

// Eq is the comparison "field eq literal".
func Eq(field, literal string) string { return field + " eq " + literal }

// And joins conditions with "and", bracketing each that has an "or".
func And(conds ...string) string { return join(" and ", conds) }

// Or joins conditions with "or".
func Or(conds ...string) string { return join(" or ", conds) }

func join(op string, conds []string) string {
	var out []string
	for _, c := range conds {
		if c != "" {
			out = append(out, c)
		}
	}
	if op == " and " && len(out) > 1 {
		for i, c := range out {
			if strings.Contains(c, " or ") {
				out[i] = "(" + c + ")"
			}
		}
	}
	return strings.Join(out, op)
}

// CodeLength is the width of an account Code in Exact.
const CodeLength = 18

// PadCode returns an account code as Exact stores it: right-aligned in 18
// characters with leading spaces. A $filter on Code must match the padding.
// It fails for a code that is empty, not numeric or longer than 18 digits.
func PadCode(code string) (string, error) {
	c := strings.TrimSpace(code)
	if c == "" || len(c) > CodeLength || !isDigits(c) {
		return "", fmt.Errorf("exact: account code %q must be 1 to %d digits", code, CodeLength)
	}
	return strings.Repeat(" ", CodeLength-len(c)) + c, nil
}

// isGUID reports whether s looks like a GUID, the form every Exact id takes.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}

// list is one read of a collection.
type list struct {
	op     string
	path   string
	global bool // path is below the API root, not the client's division
	query  Query
}

// page is Exact's verbose-JSON envelope for a collection.
type page[T any] struct {
	D struct {
		Results []T    `json:"results"`
		Next    string `json:"__next"`
	} `json:"d"`
}

// getAll reads every record of l, following __next links.
func getAll[T any](ctx context.Context, c *Client, l list) ([]T, error) {
	var all []T
	r := request{method: http.MethodGet, path: l.path, global: l.global, query: l.query.Encode(), op: l.op}
	for n := 0; n < maxPages; n++ {
		var p page[T]
		if err := c.do(ctx, r, &p); err != nil {
			return all, err
		}
		all = append(all, p.D.Results...)
		if p.D.Next == "" {
			return all, nil
		}
		r = request{method: http.MethodGet, absURL: p.D.Next, op: l.op}
	}
	return all, fmt.Errorf("exact: %s: more than %d pages", l.op, maxPages)
}

// getAnyOf reads the records whose field equals any of literals, in batches
// that keep each URL short: "(f eq a or f eq b …)" and extra.
func getAnyOf[T any](ctx context.Context, c *Client, l list, field string, literals []string, extra string) ([]T, error) {
	var all []T
	for start := 0; start < len(literals); {
		var conds []string
		size := encodedLen(extra) + len("%28%29%20and%20")
		end := start
		for end < len(literals) {
			cond := Eq(field, literals[end])
			n := encodedLen(cond) + len("%20or%20")
			if len(conds) > 0 && size+n > maxFilterLen {
				break
			}
			conds = append(conds, cond)
			size += n
			end++
		}
		lc := l
		lc.query.Filter = And(Or(conds...), extra)
		got, err := getAll[T](ctx, c, lc)
		all = append(all, got...)
		if err != nil {
			return all, err
		}
		start = end
	}
	return all, nil
}

func encodedLen(s string) int { return len(url.QueryEscape(s)) + 2*strings.Count(s, " ") }

// syncRead reads a sync endpoint from after timestamp since and returns the
// records and the highest Timestamp seen (since when there was nothing new),
// the value to pass next time. Start from 1.
func syncRead[T any](ctx context.Context, c *Client, l list, since int64, stamp func(T) int64) ([]T, int64, error) {
	if since < 1 {
		since = 1
	}
	l.query.Filter = "Timestamp gt " + Int(since)
	got, err := getAll[T](ctx, c, l)
	high := since
	for _, r := range got {
		high = max(high, stamp(r))
	}
	return got, high, err
}

// single is Exact's envelope around one created or read record.
type single[T any] struct {
	D T `json:"d"`
}

// post creates a record and returns what Exact stored.
func post[T any](ctx context.Context, c *Client, path, op, doc string, body any) (T, error) {
	var out single[T]
	err := c.do(ctx, request{method: http.MethodPost, path: path, body: body, op: op, doc: doc, fields: jsonFields(body)}, &out)
	return out.D, err
}

// jsonFields lists the field names of a request body, so an error message
// that names one can be tied to it.
func jsonFields(body any) []string {
	b, err := json.Marshal(body)
	if err != nil {
		return nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) != nil {
		return nil
	}
	var out []string
	for k, v := range top {
		out = append(out, k)
		var lines []map[string]json.RawMessage
		if json.Unmarshal(v, &lines) == nil {
			for _, l := range lines {
				for lk := range l {
					out = append(out, lk)
				}
			}
		}
	}
	return out
}

// Lines is a nested collection such as SalesEntryLines. Requests send a
// plain array (Exact's deep insert); answers carry OData's
// {"results":[…]} or, when not expanded, {"__deferred":{…}}, read as nil.
type Lines[T any] []T

func (l *Lines[T]) UnmarshalJSON(b []byte) error {
	var arr []T
	if err := json.Unmarshal(b, &arr); err == nil {
		*l = arr
		return nil
	}
	var obj struct {
		Results []T `json:"results"`
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return fmt.Errorf("exact: lines: %w", err)
	}
	*l = obj.Results
	return nil
}
