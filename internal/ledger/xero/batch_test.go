package xero_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
)

func invoices(n int) []xero.Invoice {
	out := make([]xero.Invoice, n)
	for i := range out {
		out[i] = xero.Invoice{
			Type: xero.InvoiceTypeSales, InvoiceNumber: fmt.Sprintf("AT-%04d", i), Contact: xero.ContactRef("c-1"),
			Date: xero.NewDate(2026, 11, 1), DueDate: xero.NewDate(2026, 11, 30), Status: xero.StatusDraft,
			LineItems: []xero.LineItem{{Description: "Service", Quantity: money.MustParse("1"), UnitAmount: money.MustParse("100.00"), AccountCode: "200"}},
		}
	}
	return out
}

// TestBatchesOfFifty splits at BatchSize, gives each batch its own stable
// key, and maps every saved element back to its input position.
func TestBatchesOfFifty(t *testing.T) {
	f := newFake(t, echo("Invoices", "InvoiceID"))
	c := f.client()
	res, err := c.CreateInvoices(context.Background(), invoices(120), "run-7")
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d calls, want 3", len(reqs))
	}
	var keys []string
	for i, want := range []int{50, 50, 20} {
		var body map[string][]json.RawMessage
		json.Unmarshal([]byte(reqs[i].Body), &body)
		if len(body["Invoices"]) != want {
			t.Errorf("batch %d had %d invoices, want %d", i, len(body["Invoices"]), want)
		}
		keys = append(keys, reqs[i].Header.Get("Idempotency-Key"))
	}
	if slices.Contains(keys, "") || keys[0] == keys[1] || keys[1] == keys[2] {
		t.Errorf("batch keys %q must be distinct and set", keys)
	}
	if len(res.Saved) != 120 || len(res.Failed) != 0 || res.Indexes[119] != 119 || res.Saved[119].InvoiceNumber != "AT-0119" {
		t.Fatalf("saved %d, failed %d", len(res.Saved), len(res.Failed))
	}

	// Repeating the same call repeats the same keys, so Xero can answer a
	// retried batch with its first result.
	if _, err := c.CreateInvoices(context.Background(), invoices(120), "run-7"); err != nil {
		t.Fatal(err)
	}
	for i, r := range f.requests()[3:] {
		if r.Header.Get("Idempotency-Key") != keys[i] {
			t.Errorf("repeat batch %d key %q, first time %q", i, r.Header.Get("Idempotency-Key"), keys[i])
		}
	}
}

// TestPartialBatch reads each element's own status from a 200 answer.
func TestPartialBatch(t *testing.T) {
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		var in map[string][]map[string]any
		json.Unmarshal([]byte(r.Body), &in)
		for i, el := range in["Invoices"] {
			el["InvoiceID"] = fmt.Sprintf("id-%d", i)
			el["StatusAttributeString"] = "OK"
			if i == 2 {
				el["HasErrors"] = true
				el["StatusAttributeString"] = "ERROR"
				el["ValidationErrors"] = []map[string]string{{"Message": "Invoice # must be unique."}}
			}
			if i == 3 {
				el["StatusAttributeString"] = "WARNING"
				el["Warnings"] = []map[string]string{{"Message": "Only AUTHORISED invoices may have SentToContact updated."}}
			}
		}
		out, _ := json.Marshal(in)
		return 200, nil, string(out)
	})
	res, err := f.client().CreateInvoices(context.Background(), invoices(5), "k")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Saved) != 4 || !slices.Equal(res.Indexes, []int{0, 1, 3, 4}) {
		t.Errorf("saved %d at %v, want 4 at [0 1 3 4]", len(res.Saved), res.Indexes)
	}
	want := xero.ElementError{Index: 2, Ref: "AT-0002", Messages: []string{"Invoice # must be unique."}}
	if len(res.Failed) != 1 || res.Failed[0].Index != want.Index || res.Failed[0].Ref != want.Ref || !slices.Equal(res.Failed[0].Messages, want.Messages) {
		t.Errorf("failed %+v, want %+v", res.Failed, want)
	}
}

// TestValidationExceptionBatch maps a 400 with Elements to per-element
// failures without failing the call, and carries on with the next batch.
func TestValidationExceptionBatch(t *testing.T) {
	calls := 0
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		calls++
		if calls == 1 {
			return 400, nil, `{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
				"Elements":[` + elementsFor(50, 7, "Account code '999' is not a valid code for this document.") + `]}`
		}
		return echo("Invoices", "InvoiceID")(r)
	})
	res, err := f.client().CreateInvoices(context.Background(), invoices(60), "k")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 50 || len(res.Saved) != 10 || res.Indexes[0] != 50 {
		t.Fatalf("failed %d saved %d", len(res.Failed), len(res.Saved))
	}
	bad := res.Failed[7]
	if bad.Index != 7 || bad.Ref != "AT-0007" || bad.Messages[0] != "Account code '999' is not a valid code for this document." {
		t.Errorf("element 7: %+v", bad)
	}
	if other := res.Failed[0]; other.Index != 0 || len(other.Messages) != 1 {
		t.Errorf("element 0: %+v", other)
	}
}

func elementsFor(n, bad int, msg string) string {
	var els []map[string]any
	for i := range n {
		el := map[string]any{"InvoiceNumber": fmt.Sprintf("AT-%04d", i), "ValidationErrors": []any{}}
		if i == bad {
			el["HasErrors"] = true
			el["ValidationErrors"] = []map[string]string{{"Message": msg}}
		}
		els = append(els, el)
	}
	b, _ := json.Marshal(els)
	return string(b[1 : len(b)-1])
}

// TestEmptyBatchSendsNothing makes no call for nothing to create.
func TestEmptyBatchSendsNothing(t *testing.T) {
	f := newFake(t, ok(`{}`))
	res, err := f.client().CreateInvoices(context.Background(), nil, "k")
	if err != nil || len(res.Saved)+len(res.Failed) != 0 || len(f.requests()) != 0 {
		t.Errorf("res %+v err %v calls %d", res, err, len(f.requests()))
	}
}

// TestDerivedKeyWhenNoneGiven still sends a key, the same for the same body.
func TestDerivedKeyWhenNoneGiven(t *testing.T) {
	f := newFake(t, echo("Invoices", "InvoiceID"))
	c := f.client()
	for range 2 {
		if _, err := c.CreateInvoices(context.Background(), invoices(1), ""); err != nil {
			t.Fatal(err)
		}
	}
	r := f.requests()
	if k := r[0].Header.Get("Idempotency-Key"); k == "" || k != r[1].Header.Get("Idempotency-Key") || len(k) > xero.MaxKeyLength {
		t.Errorf("keys %q and %q", k, r[1].Header.Get("Idempotency-Key"))
	}
}

// TestRequestLevelRejection: a 400 that names no element is an error of the
// call, with Xero's message, not fifty copies of it.
func TestRequestLevelRejection(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) {
		return 400, nil, `{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
			"Elements":[{"ValidationErrors":[{"Message":"No more than 50 Invoices can be sent in one request"}]}]}`
	})
	res, err := f.client().CreateInvoices(context.Background(), invoices(3), "k")
	if err == nil || !strings.Contains(err.Error(), "No more than 50 Invoices") || len(res.Failed) != 0 {
		t.Errorf("res %+v err %v", res, err)
	}
}
