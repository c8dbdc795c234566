package qbo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/billbridge/billbridge/internal/ledger"
)

// salesOp is one document of a batch that mixes invoices and credit memos.
type salesOp struct {
	at     int    // position in the caller's input
	entity string // "Invoice" or "CreditMemo"
	body   Entity
}

// createSales creates invoices and credit memos together, BatchSize to a
// request: Intuit's batch takes operations on different entities in one
// request, so a month with credit notes still costs ceil(documents / 30)
// calls (CreateBatch is one entity per request). Each answer lands in
// out[op.at]: the id and number, or QuickBooks' Fault mapped to a message
// naming the document. An error means the outcome of the current request,
// and of those after it, is unknown.
func (a *Adapter) createSales(ctx context.Context, ops []salesOp, out []ledger.Result, key string) error {
	for start := 0; start < len(ops); start += BatchSize {
		end := min(start+BatchSize, len(ops))
		reqs := make([]map[string]any, 0, end-start)
		for i := start; i < end; i++ {
			reqs = append(reqs, map[string]any{"bId": strconv.Itoa(i), "operation": opCreate, ops[i].entity: ops[i].body})
		}
		if err := a.c.waitBatch(ctx); err != nil {
			return fmt.Errorf("qbo: create documents: %w", err)
		}
		var answer struct {
			BatchItemResponse []json.RawMessage `json:"BatchItemResponse"`
		}
		err := a.c.do(ctx, request{
			method: http.MethodPost, path: "batch",
			body:      map[string]any{"BatchItemRequest": reqs},
			requestID: writeID(key, "batch", opCreate, "sales", strconv.Itoa(start)),
			op:        "create invoices and credit memos", subject: subject{entity: "Invoice"},
		}, &answer)
		if err != nil {
			return fmt.Errorf("qbo: create documents %d–%d of %d: %w", start+1, end, len(ops), err)
		}
		if err := a.collectSales(ops, start, end, answer.BatchItemResponse, out); err != nil {
			return fmt.Errorf("qbo: create documents: %w", err)
		}
	}
	return nil
}

func (a *Adapter) collectSales(ops []salesOp, start, end int, answers []json.RawMessage, out []ledger.Result) error {
	answered := make(map[int]bool, end-start)
	for _, raw := range answers {
		var head batchItemResponse
		if err := json.Unmarshal(raw, &head); err != nil {
			return fmt.Errorf("decode BatchItemResponse: %w", err)
		}
		i, err := strconv.Atoi(head.BID)
		if err != nil || i < start || i >= end {
			return fmt.Errorf("answer for unknown bId %q", head.BID)
		}
		op := ops[i]
		answered[i] = true
		if head.Fault != nil {
			ae := &APIError{Status: http.StatusOK, Op: "batch " + words(op.entity), Type: head.Fault.Type, Errors: head.Fault.Error}
			out[op.at].Err = mapFault(ae, subject{op.entity, op.body.ref()}, a.c.company)
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return fmt.Errorf("decode BatchItemResponse %s: %w", head.BID, err)
		}
		var st SalesTransaction
		if err := json.Unmarshal(obj[op.entity], &st); err != nil || st.ID == "" {
			return fmt.Errorf("decode %s of bId %s: %v", op.entity, head.BID, err)
		}
		out[op.at].ID, out[op.at].Number = st.ID, st.DocNumber
	}
	for i := start; i < end; i++ {
		if !answered[i] {
			out[ops[i].at].Err = fmt.Errorf("qbo: QuickBooks did not answer for %s; the next sync looks it up", subject{ops[i].entity, ops[i].body.ref()})
		}
	}
	return nil
}
