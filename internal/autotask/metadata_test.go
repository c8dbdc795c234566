package autotask_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
)

var invoiceFields = map[string]any{"fields": []map[string]any{
	{"name": "id", "dataType": "long", "isReadOnly": true, "isQueryable": true},
	{"name": "invoiceNumber", "dataType": "string", "length": 100, "isReadOnly": false, "isQueryable": true},
	{"name": "webServiceDate", "dataType": "datetime", "isReadOnly": false, "isQueryable": true},
	{"name": "paidDate", "dataType": "datetime", "isReadOnly": false, "isQueryable": true},
	{"name": "invoiceTotal", "dataType": "decimal", "isReadOnly": true, "isQueryable": true},
	{"name": "invoiceStatus", "dataType": "integer", "isReadOnly": true, "isPickList": true, "picklistValues": []map[string]any{
		{"value": "1", "label": "Paid", "isActive": true}, {"value": "2", "label": "Unpaid", "isActive": true},
	}},
}}

func TestFieldsReadOncePerClient(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"GET invoices/entityinformation/fields": jsonHandler(200, invoiceFields),
		"GET invoices/entityinformation/userdefinedfields": jsonHandler(200, map[string]any{"fields": []map[string]any{
			{"name": "Ledger Ref", "type": "string", "length": 50, "isQueryable": true},
		}}),
	})
	c := f.client()
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.Fields(ctx, autotask.EntityInvoices); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if l, ok := c.PicklistLabel(ctx, autotask.EntityInvoices, "invoiceStatus", 2); !ok || l != "Unpaid" {
		t.Errorf("label = %q, %v", l, ok)
	}
	if _, ok := c.PicklistLabel(ctx, autotask.EntityInvoices, "invoiceStatus", 9); ok {
		t.Error("unknown picklist value got a label")
	}
	for field, want := range map[string]bool{"invoiceNumber": true, "paidDate": true, "invoiceTotal": false, "nosuch": false} {
		if got, err := c.IsWritable(ctx, autotask.EntityInvoices, field); err != nil || got != want {
			t.Errorf("IsWritable(%s) = %v, %v", field, got, err)
		}
	}
	udfs, err := c.UDFs(ctx, "invoices")
	if err != nil || len(udfs) != 1 || udfs[0].Name != "Ledger Ref" {
		t.Fatalf("udfs = %+v, %v", udfs, err)
	}
	c.UDFs(ctx, autotask.EntityInvoices)
	if n := len(f.requests()); n != 2 {
		t.Fatalf("%d metadata requests, want 2 (fields once, UDFs once)", n)
	}
}

func TestPatchChecksWritableFields(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"GET invoices/entityinformation/fields": jsonHandler(200, invoiceFields),
		"PATCH invoices":                        jsonHandler(200, map[string]any{"itemId": 42}),
	})
	c := f.client()
	ctx := context.Background()
	if err := c.SetInvoiceNumber(ctx, 42, "INV-0042"); err != nil {
		t.Fatal(err)
	}
	if err := c.SetInvoicePaidDate(ctx, 42, autotask.Time{Time: autotask.Date(2026, 3, 5).Add(15*3600e9 + 1e6)}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetInvoiceWebServiceDate(ctx, 42, autotask.Time{}); err != nil {
		t.Fatal(err)
	}
	err := c.Patch(ctx, autotask.EntityInvoices, 42, map[string]any{"invoiceTotal": 1})
	if !errors.Is(err, autotask.ErrReadOnly) {
		t.Fatalf("read-only patch: %v", err)
	}
	reqs := f.requests()
	var bodies []string
	for _, r := range reqs {
		if r.Method == http.MethodPatch {
			bodies = append(bodies, r.Body)
		}
	}
	want := []string{
		`{"id":42,"invoiceNumber":"INV-0042"}`,
		`{"id":42,"paidDate":"2026-03-05T00:00:00Z"}`,
		`{"id":42,"webServiceDate":null}`,
	}
	if len(bodies) != len(want) {
		t.Fatalf("patch bodies %q", bodies)
	}
	for i := range want {
		if bodies[i] != want[i] {
			t.Errorf("patch %d = %s, want %s", i, bodies[i], want[i])
		}
	}
	if len(reqs) != 4 {
		t.Errorf("%d requests, want 1 metadata + 3 patches", len(reqs))
	}
}
