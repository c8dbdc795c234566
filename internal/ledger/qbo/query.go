package qbo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Quote returns s as a query string literal: in single quotes, with a
// backslash before each single quote and backslash, as Intuit's query
// language escapes them ('Amy\'s Bird Sanctuary').
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		if r == '\'' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// Where fills the ? placeholders of format with args, each quoted for the
// query language: strings (and money, dates) quoted and escaped, numbers and
// booleans bare, a []string as an in-list ('a','b'). A ? inside a quoted
// part of format is left alone. It panics on a count mismatch or an
// unsupported type, which are bugs in the calling code, not in data.
//
//	Where("DocNumber in ? and TxnDate >= ?", []string{"1043", "O'Neil-1"}, qbo.NewDate(2026, 3, 1))
//	// DocNumber in ('1043','O\'Neil-1') and TxnDate >= '2026-03-01'
func Where(format string, args ...any) string {
	var b strings.Builder
	n, quoted := 0, false
	for i := 0; i < len(format); i++ {
		ch := format[i]
		switch {
		case ch == '\\' && quoted && i+1 < len(format):
			b.WriteByte(ch)
			i++
			b.WriteByte(format[i])
			continue
		case ch == '\'':
			quoted = !quoted
		case ch == '?' && !quoted:
			if n >= len(args) {
				panic(fmt.Sprintf("qbo: Where(%q): more placeholders than %d args", format, len(args)))
			}
			b.WriteString(literal(args[n]))
			n++
			continue
		}
		b.WriteByte(ch)
	}
	if n != len(args) {
		panic(fmt.Sprintf("qbo: Where(%q): %d placeholders, %d args", format, n, len(args)))
	}
	return b.String()
}

func literal(v any) string {
	switch x := v.(type) {
	case string:
		return Quote(x)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = Quote(s)
		}
		return "(" + strings.Join(parts, ",") + ")"
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case money.Decimal:
		return Quote(x.String())
	case Date:
		return Quote(x.String())
	case time.Time:
		return Quote(x.Format(time.RFC3339))
	}
	panic(fmt.Sprintf("qbo: Where: unsupported argument type %T", v))
}

// queryResponse is {"QueryResponse": {"<Entity>": […], "startPosition": 1,
// "maxResults": n, "totalCount": n}}.
type queryResponse struct {
	QueryResponse map[string]json.RawMessage `json:"QueryResponse"`
}

// Query returns every entity row matching where (built with Where; empty for
// all rows), reading pages of MAXRESULTS rows with STARTPOSITION until a
// short page. T must be the model of entity, e.g.
// Query[qbo.Invoice](ctx, c, "Invoice", "DocNumber in ?", numbers).
func Query[T any](ctx context.Context, c *Client, entity, where string, args ...any) ([]T, error) {
	if len(args) > 0 {
		where = Where(where, args...)
	}
	var out []T
	for start := 1; ; start += c.pageSize {
		stmt := "select * from " + entity
		if strings.TrimSpace(where) != "" {
			stmt += " where " + where
		}
		stmt += " STARTPOSITION " + itoa(start) + " MAXRESULTS " + itoa(c.pageSize)
		page, err := runQuery(ctx, c, entity, stmt)
		if err != nil {
			return out, err
		}
		var rows []T
		if raw, ok := page[entity]; ok {
			if err := json.Unmarshal(raw, &rows); err != nil {
				return out, fmt.Errorf("qbo: query %s: decode: %w", entity, err)
			}
		}
		out = append(out, rows...)
		if len(rows) < c.pageSize {
			return out, nil
		}
	}
}

// Count returns how many entity rows match where (select count(*)).
func Count(ctx context.Context, c *Client, entity, where string, args ...any) (int, error) {
	if len(args) > 0 {
		where = Where(where, args...)
	}
	stmt := "select count(*) from " + entity
	if strings.TrimSpace(where) != "" {
		stmt += " where " + where
	}
	page, err := runQuery(ctx, c, entity, stmt)
	if err != nil {
		return 0, err
	}
	var n int
	if raw, ok := page["totalCount"]; ok {
		if err := json.Unmarshal(raw, &n); err != nil {
			return 0, fmt.Errorf("qbo: count %s: decode totalCount: %w", entity, err)
		}
	}
	return n, nil
}

func runQuery(ctx context.Context, c *Client, entity, stmt string) (map[string]json.RawMessage, error) {
	var answer queryResponse
	err := c.do(ctx, request{
		method: http.MethodGet, path: "query", query: url.Values{"query": {stmt}},
		op: "query " + entity, subject: subject{entity: entity, ref: "query"},
	}, &answer)
	if err != nil {
		return nil, err
	}
	return answer.QueryResponse, nil
}
