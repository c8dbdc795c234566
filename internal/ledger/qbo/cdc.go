package qbo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// CDCLookBack is how far back change data capture reaches.
const CDCLookBack = 30 * 24 * time.Hour

// CDCMaxObjects is the most objects one CDC answer holds; a poll that hits
// it should ask again for a shorter span.
const CDCMaxObjects = 1000

// Changes is the answer of ChangedSince: the changed objects per entity,
// read with ChangesOf, and the deleted ones.
type Changes struct {
	Since   time.Time
	Time    time.Time // QuickBooks' time of the answer; poll from here next time
	Deleted []Deleted
	// Full reports an entity answered with CDCMaxObjects objects: there may
	// be more, so poll again from the latest LastUpdatedTime seen.
	Full bool

	objects map[string][]json.RawMessage
}

// Deleted is an object deleted since the poll's start.
type Deleted struct {
	Entity string
	ID     string
}

// ChangedSince returns the objects of entities (e.g. "Payment", "Invoice")
// changed since since, which must lie within CDCLookBack; Billbridge polls
// payments this way.
func (c *Client) ChangedSince(ctx context.Context, entities []string, since time.Time) (Changes, error) {
	ch := Changes{Since: since, objects: map[string][]json.RawMessage{}}
	if len(entities) == 0 {
		return ch, fmt.Errorf("qbo: changes: no entities asked for")
	}
	if c.now().Sub(since) > CDCLookBack {
		return ch, apperr.New(apperr.Invalid,
			fmt.Sprintf("QuickBooks keeps changes for 30 days, and Billbridge last checked %s", since.Format(time.DateOnly)),
			"Run a full payment refresh instead of a quick check.")
	}
	var answer struct {
		CDCResponse []struct {
			QueryResponse []map[string]json.RawMessage `json:"QueryResponse"`
		} `json:"CDCResponse"`
		Time string `json:"time"`
	}
	err := c.do(ctx, request{
		method: http.MethodGet, path: "cdc",
		query: url.Values{
			"entities":     {strings.Join(entities, ",")},
			"changedSince": {since.UTC().Format(time.RFC3339)},
		},
		op: "changes of " + strings.Join(entities, ", "), subject: subject{entity: "change", ref: "query"},
	}, &answer)
	if err != nil {
		return ch, err
	}
	ch.Time = parseTime(answer.Time)
	for _, cr := range answer.CDCResponse {
		for _, qr := range cr.QueryResponse {
			for _, e := range entities {
				raw, ok := qr[e]
				if !ok {
					continue
				}
				if err := ch.add(e, raw); err != nil {
					return ch, fmt.Errorf("qbo: changes of %s: %w", e, err)
				}
			}
		}
	}
	return ch, nil
}

func (ch *Changes) add(entity string, raw json.RawMessage) error {
	var objs []json.RawMessage
	if err := json.Unmarshal(raw, &objs); err != nil {
		return err
	}
	if len(objs) >= CDCMaxObjects {
		ch.Full = true
	}
	for _, o := range objs {
		var head struct {
			ID     string `json:"Id"`
			Status string `json:"status"`
		}
		if err := json.Unmarshal(o, &head); err != nil {
			return err
		}
		if strings.EqualFold(head.Status, "Deleted") {
			ch.Deleted = append(ch.Deleted, Deleted{Entity: entity, ID: head.ID})
			continue
		}
		ch.objects[entity] = append(ch.objects[entity], o)
	}
	return nil
}

// ChangesOf returns the changed (not deleted) objects of T's entity.
func ChangesOf[T Entity](ch Changes) ([]T, error) {
	var zero T
	name := zero.EntityName()
	out := make([]T, 0, len(ch.objects[name]))
	for _, raw := range ch.objects[name] {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return out, fmt.Errorf("qbo: changes of %s: decode: %w", name, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// parseTime reads Intuit's "time" field, e.g. "2026-03-01T10:40:58.418-08:00";
// zero when absent or unreadable.
func parseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
