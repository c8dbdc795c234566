package xero

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// BatchSize is the most elements sent in one create call. Xero sets no hard
// count but advises about 50 per request to stay under its 3.5 MB request
// limit (developer.xero.com, API limits).
const BatchSize = 50

// BatchResult is the outcome of a batched write. A batch in which some
// elements failed is not an error: the good elements are saved and the bad
// ones listed with Xero's messages.
type BatchResult[T any] struct {
	Saved   []T            // what Xero saved, as it answered (with ids), in input order
	Indexes []int          // Indexes[i] is the position in the input of Saved[i]
	Failed  []ElementError // the elements Xero did not save
}

// ElementError is one element Xero did not save.
type ElementError struct {
	Index    int    // position in the input slice
	Ref      string // what a person knows it by, e.g. the InvoiceNumber or contact Name
	Messages []string
}

func (e ElementError) Error() string {
	return fmt.Sprintf("element %d (%s): %s", e.Index, e.Ref, strings.Join(e.Messages, "; "))
}

// ElementStatus is what Xero adds to each element of a write answer. Models
// embed it; it is never sent (every field is omitted when empty, and writes
// clear it first).
type ElementStatus struct {
	HasErrors             bool              `json:"HasErrors,omitempty"`
	HasValidationErrors   bool              `json:"HasValidationErrors,omitempty"`
	StatusAttributeString string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors      []ValidationError `json:"ValidationErrors,omitempty"`
	Warnings              []ValidationError `json:"Warnings,omitempty"`
}

// Failed reports whether Xero refused the element. "WARNING" elements were
// saved.
func (s ElementStatus) Failed() bool {
	return s.HasErrors || s.HasValidationErrors || s.StatusAttributeString == "ERROR" || len(s.ValidationErrors) > 0
}

// Messages are Xero's validation messages for the element.
func (s ElementStatus) Messages() []string {
	out := make([]string, 0, len(s.ValidationErrors))
	for _, v := range s.ValidationErrors {
		out = append(out, v.Message)
	}
	if len(out) == 0 && s.Failed() {
		out = append(out, "Xero rejected it without saying why")
	}
	return out
}

// writable is a model that can be sent in a batch: it has an ElementStatus
// and can strip what Xero sets itself before it is sent.
type writable[T any] interface {
	*T
	status() ElementStatus
	prepare() // clear read-only fields and the element status
	ref() string
}

// batchCall describes one batched write endpoint.
type batchCall struct {
	op      string // "create invoices"
	method  string // PUT creates; POST updates or creates
	path    string // "Invoices"
	wrapper string // the JSON array name, usually the same as path
	unitdp  bool   // send unitdp=4
}

// writeBatches sends items in batches of BatchSize. Each batch gets its own
// Idempotency-Key derived from key and the batch's position, so repeating
// the whole call repeats the same keys.
func writeBatches[T any, P writable[T]](ctx context.Context, c *Client, bc batchCall, items []T, key string) (BatchResult[T], error) {
	var res BatchResult[T]
	for start := 0; start < len(items); start += BatchSize {
		end := min(start+BatchSize, len(items))
		batch := make([]T, end-start)
		copy(batch, items[start:end])
		for i := range batch {
			P(&batch[i]).prepare()
		}
		batchKey := key
		if key != "" && len(items) > BatchSize {
			batchKey = IdempotencyKey(key, "batch", strconv.Itoa(start))
		}
		q := url.Values{"summarizeErrors": {"false"}}
		if bc.unitdp {
			q.Set("unitdp", "4")
		}
		var answer map[string]json.RawMessage
		err := c.do(ctx, request{
			method: bc.method, path: bc.path, query: q, key: batchKey, op: bc.op,
			body: map[string][]T{bc.wrapper: batch},
		}, &answer)
		if err != nil {
			var ae *APIError
			if errors.As(err, &ae) && ae.Status == http.StatusBadRequest {
				if failed, ok := rejectedBatch[T, P](ae, batch, start); ok {
					res.Failed = append(res.Failed, failed...)
					continue
				}
			}
			return res, fmt.Errorf("xero: %s: elements %d–%d of %d: %w", bc.op, start+1, end, len(items), err)
		}
		var saved []T
		if err := json.Unmarshal(answer[bc.wrapper], &saved); err != nil {
			return res, fmt.Errorf("xero: %s: decode %s: %w", bc.op, bc.wrapper, err)
		}
		if len(saved) != len(batch) {
			return res, fmt.Errorf("xero: %s: sent %d elements, Xero answered %d", bc.op, len(batch), len(saved))
		}
		for i := range saved {
			if st := P(&saved[i]).status(); st.Failed() {
				res.Failed = append(res.Failed, ElementError{Index: start + i, Ref: P(&batch[i]).ref(), Messages: st.Messages()})
				continue
			}
			res.Saved = append(res.Saved, saved[i])
			res.Indexes = append(res.Indexes, start+i)
		}
	}
	return res, nil
}

// rejectedBatch turns a 400 ValidationException for a whole batch into one
// failure per element. Xero returns the elements in the order sent; when it
// returns a different number, they are matched by reference. Elements
// without messages of their own were refused with the rest of the request.
// It reports false when the answer cannot be tied to the elements (a
// request-level error such as a malformed body), which is then an error of
// the call.
func rejectedBatch[T any, P writable[T]](ae *APIError, batch []T, start int) ([]ElementError, bool) {
	if len(ae.Elements) == 0 {
		return nil, false
	}
	positional := len(ae.Elements) == len(batch)
	msgsAt := make([][]string, len(batch))
	byRef := map[string][]string{}
	for i, raw := range ae.Elements {
		var el T
		if json.Unmarshal(raw, &el) != nil {
			return nil, false
		}
		var msgs []string
		if st := P(&el).status(); st.Failed() {
			msgs = st.Messages()
		}
		if positional {
			msgsAt[i] = msgs
		} else if r := P(&el).ref(); r != "" {
			byRef[r] = append(byRef[r], msgs...)
		}
	}
	matched := positional
	out := make([]ElementError, 0, len(batch))
	for i := range batch {
		ref := P(&batch[i]).ref()
		msgs := msgsAt[i]
		if !positional {
			if m, ok := byRef[ref]; ok {
				msgs, matched = m, true
			}
		}
		if len(msgs) == 0 {
			msgs = []string{"Xero refused the whole request this was sent in because of other elements; it was not saved"}
		}
		out = append(out, ElementError{Index: start + i, Ref: ref, Messages: msgs})
	}
	return out, matched
}

func (s ElementStatus) status() ElementStatus { return s }
