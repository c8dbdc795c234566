package qbo

import (
	"context"
	"strings"
)

// Limits of one QueryIn statement: the query travels in the URL, so long
// lists are split.
const (
	inChunkValues = 100
	inChunkChars  = 4000
)

// QueryIn returns the objects of T's entity whose field is one of values,
// e.g. QueryIn[qbo.Invoice](ctx, c, "DocNumber", numbers) to look documents
// up before creating them. Values are deduplicated and sent in as few
// queries as the URL allows.
func QueryIn[T Entity](ctx context.Context, c *Client, field string, values []string) ([]T, error) {
	var zero T
	entity := zero.EntityName()
	seen := make(map[string]bool, len(values))
	var out []T
	var chunk []string
	size := 0
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		rows, err := Query[T](ctx, c, entity, field+" in ?", chunk)
		out = append(out, rows...)
		chunk, size = nil, 0
		return err
	}
	for _, v := range values {
		if seen[v] {
			continue
		}
		seen[v] = true
		n := len(Quote(v)) + 1
		if len(chunk) == inChunkValues || size+n > inChunkChars && len(chunk) > 0 {
			if err := flush(); err != nil {
				return out, err
			}
		}
		chunk = append(chunk, v)
		size += n
	}
	if err := flush(); err != nil {
		return out, err
	}
	return out, nil
}

// RefOf is what a person knows an object by, for callers that match
// QueryIn results back to their input (DocNumber, DisplayName or Name).
func RefOf(e Entity) string { return strings.TrimSpace(e.ref()) }
