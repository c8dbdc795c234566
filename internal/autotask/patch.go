package autotask

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
)

// ErrReadOnly is wrapped when a Patch names a field Autotask marks read-only
// (or does not know); nothing is sent then.
var ErrReadOnly = errors.New("autotask: field is not writable")

// Patch updates fields of one record with PATCH /V1.0/{Entity}. Each field is
// checked against entityInformation/fields first (cached per Client), so a
// read-only field is refused here instead of half-applied by Autotask.
func (c *Client) Patch(ctx context.Context, entity string, id int64, fields map[string]any) error {
	if id <= 0 {
		return fmt.Errorf("autotask: update %s: id %d is not a record id", entity, id)
	}
	if len(fields) == 0 {
		return fmt.Errorf("autotask: update %s %d: no fields", entity, id)
	}
	body := make(map[string]any, len(fields)+1)
	for name, v := range fields {
		if name == "id" {
			continue
		}
		ok, err := c.IsWritable(ctx, entity, name)
		if err != nil {
			return fmt.Errorf("autotask: update %s %d: %w", entity, id, err)
		}
		if !ok {
			return fmt.Errorf("autotask: update %s %d: %s: %w", entity, id, name, ErrReadOnly)
		}
		body[name] = v
	}
	body["id"] = id
	var out struct {
		ItemID int64 `json:"itemId"`
	}
	err := c.do(ctx, call{method: http.MethodPatch, url: c.url(entity), entity: entity, op: "update", body: body, repeatable: true}, &out)
	if err != nil {
		return fmt.Errorf("autotask: update %s %d: %w", entity, id, err)
	}
	return nil
}

// invoiceNumberMax is the length of Invoices.invoiceNumber in Autotask.
const invoiceNumberMax = 100

// SetInvoiceNumber writes the ledger's invoice number into the Autotask
// invoice (how "synced" is marked when the ledger numbers invoices).
func (c *Client) SetInvoiceNumber(ctx context.Context, invoiceID int64, number string) error {
	if n := utf8.RuneCountInString(number); n > invoiceNumberMax {
		return apperr.New(apperr.Invalid,
			fmt.Sprintf("The invoice number %q is %d characters long; Autotask keeps at most %d", number, n, invoiceNumberMax),
			"Use a shorter numbering format in the ledger.")
	}
	return c.Patch(ctx, EntityInvoices, invoiceID, map[string]any{"invoiceNumber": number})
}

// SetInvoiceWebServiceDate marks the invoice as sent to a ledger (how "synced"
// is marked when Autotask numbers invoices); a zero t clears it.
func (c *Client) SetInvoiceWebServiceDate(ctx context.Context, invoiceID int64, t Time) error {
	return c.Patch(ctx, EntityInvoices, invoiceID, map[string]any{"webServiceDate": t})
}

// SetInvoicePaidDate records payment of the invoice. Autotask keeps the date
// only, so the time of day is dropped; a zero t clears it.
func (c *Client) SetInvoicePaidDate(ctx context.Context, invoiceID int64, t Time) error {
	if !t.IsZero() {
		u := t.UTC()
		t = Date(u.Year(), u.Month(), u.Day())
	}
	return c.Patch(ctx, EntityInvoices, invoiceID, map[string]any{"paidDate": t})
}

// SetBillingItemWebServiceDate marks a posted billing item as sent; a zero t clears it.
func (c *Client) SetBillingItemWebServiceDate(ctx context.Context, billingItemID int64, t Time) error {
	return c.Patch(ctx, EntityBillingItems, billingItemID, map[string]any{"webServiceDate": t})
}
