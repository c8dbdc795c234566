package qbo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// BatchResult is the outcome of a batched write. A batch in which some
// operations failed is not an error: the good ones are saved and the bad
// ones listed with QuickBooks' Faults.
type BatchResult[T any] struct {
	Saved   []T         // what QuickBooks saved (with Id and SyncToken), in input order
	Indexes []int       // Indexes[i] is the position in the input of Saved[i]
	Failed  []ItemError // the operations QuickBooks refused, in input order
}

// ItemError is one operation of a batch that QuickBooks refused.
type ItemError struct {
	Index   int    // position in the input slice
	Ref     string // what a person knows it by: DocNumber, DisplayName or Name
	Code    string // Intuit's Fault code, e.g. "6140"
	Message string // Intuit's text, the Detail when there is one
	Element string // the field at fault, when Intuit says
	Err     error  // an *apperr.Error naming the document, with a fix
}

func (e ItemError) Error() string {
	return fmt.Sprintf("item %d (%s): %v", e.Index, e.Ref, e.Err)
}

func (e ItemError) Unwrap() error { return e.Err }

// CreateBatch creates items through the batch endpoint, BatchSize
// operations a request, waiting for the batch allowance (BatchPerMinute)
// between requests. key identifies the whole write: each request's requestid
// is derived from it and the request's position, so repeating the call with
// the same key and items repeats the same requestids and QuickBooks answers
// those already applied with their first result.
//
// Operations in one request cannot see objects created earlier in the same
// request: create customers and items in an earlier call than the invoices
// that use them.
func CreateBatch[T Entity](ctx context.Context, c *Client, items []T, key string) (BatchResult[T], error) {
	return writeBatch(ctx, c, opCreate, items, key)
}

// UpdateBatch sends sparse updates of items (each with Id and SyncToken)
// through the batch endpoint, as CreateBatch does for creates.
func UpdateBatch[T Entity](ctx context.Context, c *Client, items []T, key string) (BatchResult[T], error) {
	return writeBatch(ctx, c, opUpdate, items, key)
}

type batchItemResponse struct {
	BID   string `json:"bId"`
	Fault *fault `json:"Fault"`
}

func writeBatch[T Entity](ctx context.Context, c *Client, op string, items []T, key string) (BatchResult[T], error) {
	var res BatchResult[T]
	var zero T
	name := zero.EntityName()
	what := op + " " + words(name) + "s"
	for start := 0; start < len(items); start += BatchSize {
		end := min(start+BatchSize, len(items))
		reqs := make([]map[string]any, 0, end-start)
		for i := start; i < end; i++ {
			var body any = items[i]
			if op == opUpdate {
				b, err := sparse(items[i])
				if err != nil {
					return res, fmt.Errorf("qbo: %s: item %d: %w", what, i, err)
				}
				body = b
			}
			reqs = append(reqs, map[string]any{"bId": strconv.Itoa(i), "operation": op, name: body})
		}
		if err := c.waitBatch(ctx); err != nil {
			return res, fmt.Errorf("qbo: %s: %w", what, err)
		}
		var answer struct {
			BatchItemResponse []json.RawMessage `json:"BatchItemResponse"`
		}
		err := c.do(ctx, request{
			method: http.MethodPost, path: "batch",
			body:      map[string]any{"BatchItemRequest": reqs},
			requestID: writeID(key, "batch", op, name, strconv.Itoa(start)),
			op:        what, subject: subject{entity: name},
		}, &answer)
		if err != nil {
			return res, fmt.Errorf("qbo: %s: items %d–%d of %d: %w", what, start+1, end, len(items), err)
		}
		if err := collect(&res, c, items, start, end, answer.BatchItemResponse); err != nil {
			return res, fmt.Errorf("qbo: %s: %w", what, err)
		}
	}
	return res, nil
}

// collect files each answer of items[start:end] under Saved or Failed, in
// input order. An operation QuickBooks did not answer is a failure.
func collect[T Entity](res *BatchResult[T], c *Client, items []T, start, end int, answers []json.RawMessage) error {
	var zero T
	name := zero.EntityName()
	saved := make(map[int]T, end-start)
	failed := make(map[int]ItemError)
	for _, raw := range answers {
		var head batchItemResponse
		if err := json.Unmarshal(raw, &head); err != nil {
			return fmt.Errorf("decode BatchItemResponse: %w", err)
		}
		i, err := strconv.Atoi(head.BID)
		if err != nil || i < start || i >= end {
			return fmt.Errorf("answer for unknown bId %q", head.BID)
		}
		subj := subject{name, items[i].ref()}
		if head.Fault != nil {
			ae := &APIError{Status: http.StatusOK, Op: "batch " + words(name), Type: head.Fault.Type, Errors: head.Fault.Error}
			fe := ae.first()
			failed[i] = ItemError{Index: i, Ref: subj.ref, Code: fe.Code, Message: describe(fe),
				Element: fe.Element, Err: mapFault(ae, subj, c.company)}
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return fmt.Errorf("decode BatchItemResponse %s: %w", head.BID, err)
		}
		var v T
		if err := json.Unmarshal(obj[name], &v); err != nil {
			return fmt.Errorf("decode %s of bId %s: %w", name, head.BID, err)
		}
		saved[i] = v
	}
	for i := start; i < end; i++ {
		if v, ok := saved[i]; ok {
			res.Saved = append(res.Saved, v)
			res.Indexes = append(res.Indexes, i)
			continue
		}
		ie, ok := failed[i]
		if !ok {
			ref := items[i].ref()
			ie = ItemError{Index: i, Ref: ref, Message: "QuickBooks did not answer for this item",
				Err: fmt.Errorf("qbo: batch %s: no answer for %s", words(name), subject{name, ref})}
		}
		res.Failed = append(res.Failed, ie)
	}
	return nil
}
