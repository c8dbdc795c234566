package autotask

import (
	"context"
	"fmt"
	"slices"
)

// QueryIn reads the records of entity whose field is one of ids — the
// children of many parents, such as the billing items of a month's invoices —
// with "in" filters of at most 500 values, so 10,000 items of 500 invoices
// take ceil(10,000/500) pages instead of one request per invoice. Duplicate
// ids are sent once; extra adds filters and IncludeFields to every chunk.
func QueryIn[T any](ctx context.Context, c *Client, entity, field string, ids []int64, extra Query) ([]T, error) {
	var out []T
	err := EachIn(ctx, c, entity, field, ids, extra, func(v T) error {
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachIn is QueryIn streaming: fn sees every record, one page in memory.
func EachIn[T any](ctx context.Context, c *Client, entity, field string, ids []int64, extra Query, fn func(T) error) error {
	if extra.MaxRecords != 0 {
		return fmt.Errorf("autotask: query %s in %s: MaxRecords cannot limit a chunked query", entity, field)
	}
	ids = uniqueIDs(ids)
	if len(ids) == 0 {
		return nil
	}
	size := maxInValues - countOr(extra.Filter)
	if size < 1 {
		return fmt.Errorf("autotask: query %s in %s: the extra filters already use Autotask's %d OR conditions", entity, field, maxInValues)
	}
	for chunk := range slices.Chunk(ids, size) {
		q := extra
		q.Filter = append(slices.Clone(extra.Filter), In(field, chunk))
		if err := Each(ctx, c, entity, q, fn); err != nil {
			return err
		}
	}
	return nil
}

// uniqueIDs sorts and dedupes ids, so chunks are stable and no id is asked twice.
func uniqueIDs(ids []int64) []int64 {
	s := slices.Clone(ids)
	slices.Sort(s)
	return slices.Compact(s)
}
