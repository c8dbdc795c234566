package qbo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// Operations on a single object.
const (
	opCreate = "create"
	opUpdate = "update"
	opDelete = "delete"
	opVoid   = "void"
)

// Create creates v and returns it as QuickBooks saved it (with Id and
// SyncToken). key identifies the write for idempotency (see RequestID); the
// same key sends the same requestid, so a repeat returns the first result.
func Create[T Entity](ctx context.Context, c *Client, v T, key string) (T, error) {
	name := v.EntityName()
	return one[T](ctx, c, request{
		method: http.MethodPost, path: entityPath(name), body: v,
		requestID: writeID(key, opCreate, name),
		op:        "create " + words(name), subject: subject{name, v.ref()},
	})
}

// Read returns the object with id. A missing id is an *apperr.Error with
// code NotFound that also wraps ErrNotFound.
func Read[T Entity](ctx context.Context, c *Client, id string) (T, error) {
	var zero T
	name := zero.EntityName()
	return one[T](ctx, c, request{
		method: http.MethodGet, path: entityPath(name) + "/" + url.PathEscape(id),
		op: "read " + words(name), subject: subject{name, "with id " + id},
	})
}

// Update sends a sparse update of v: only the fields set in v change. v must
// carry the Id and the SyncToken last read; if someone changed the object
// since, QuickBooks refuses with a stale-object Fault, returned as an
// apperr.Conflict — read it again and reapply.
func Update[T Entity](ctx context.Context, c *Client, v T, key string) (T, error) {
	name := v.EntityName()
	body, err := sparse(v)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("qbo: update %s: %w", words(name), err)
	}
	return one[T](ctx, c, request{
		method: http.MethodPost, path: entityPath(name), body: body,
		requestID: writeID(key, opUpdate, name, string(body)),
		op:        "update " + words(name), subject: subject{name, v.ref()},
	})
}

// Delete deletes a transaction (invoice, credit memo, bill, …) by id and
// SyncToken. Name lists (customers, items, accounts) are not deleted in
// QuickBooks: update them with Active false instead.
func Delete[T Entity](ctx context.Context, c *Client, id, syncToken, key string) error {
	return idOperation[T](ctx, c, opDelete, id, syncToken, key)
}

// Void voids a transaction (invoice, payment, …): it stays, with zero
// amounts, so its number is not reused.
func Void[T Entity](ctx context.Context, c *Client, id, syncToken, key string) error {
	return idOperation[T](ctx, c, opVoid, id, syncToken, key)
}

func idOperation[T Entity](ctx context.Context, c *Client, op, id, syncToken, key string) error {
	var zero T
	name := zero.EntityName()
	_, err := one[T](ctx, c, request{
		method: http.MethodPost, path: entityPath(name),
		query:     url.Values{"operation": {op}},
		body:      map[string]string{"Id": id, "SyncToken": syncToken},
		requestID: writeID(key, op, name, id, syncToken),
		op:        op + " " + words(name), subject: subject{name, "with id " + id},
	})
	return err
}

// one sends r and decodes the object from {"<Entity>": {…}, "time": …}.
func one[T Entity](ctx context.Context, c *Client, r request) (T, error) {
	var zero T
	var answer map[string]json.RawMessage
	if err := c.do(ctx, r, &answer); err != nil {
		return zero, err
	}
	raw, ok := answer[zero.EntityName()]
	if !ok {
		return zero, fmt.Errorf("qbo: %s: the answer has no %s", r.op, zero.EntityName())
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return zero, fmt.Errorf("qbo: %s: decode %s: %w", r.op, zero.EntityName(), err)
	}
	return v, nil
}

// sparse encodes v with "sparse": true added.
func sparse(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if len(m["Id"]) == 0 || len(m["SyncToken"]) == 0 {
		return nil, fmt.Errorf("an update needs the Id and SyncToken read from QuickBooks")
	}
	m["sparse"] = json.RawMessage("true")
	return json.Marshal(m)
}
