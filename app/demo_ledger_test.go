package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

const archivedInXero = "The contact with the specified contact details has been archived"

// A failure with Retry on the demo: the bookkeeper archives a customer's
// contact in the demo's Xero, so that customer's next invoice fails (and
// another customer's in the same send does not); Retry still fails while it
// is archived and succeeds once it is restored, creating the invoice once.
func TestArchivedContactFailsThenRetrySucceedsOnTheDemo(t *testing.T) {
	deps, _ := newDeps(t)
	d := app.NewDemo(deps)
	t.Cleanup(func() { d.Stop() })
	if err := d.SimulateLedgerChange("archive-contact", "Anyone", true); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("a ledger change before the demo runs: %v", err)
	}
	st, err := d.Start()
	if err != nil {
		t.Fatal(err)
	}
	id := st.Profile.ID
	if _, err := app.NewMappings(deps).AcceptAll(id, ""); err != nil {
		t.Fatal(err)
	}
	sy := app.NewSync(deps, nil)
	form := app.SyncInput{ProfileID: id, Thru: "2024-05-31", MaxAgeDays: 60}
	pre, err := sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	// A customer with two ready invoices, and one ready invoice of another.
	byCustomer := map[string][]int64{}
	for _, inv := range pre.Invoices {
		if inv.Status == "ready" && inv.Kind == "invoice" {
			byCustomer[inv.CustomerName] = append(byCustomer[inv.CustomerName], inv.InvoiceID)
		}
	}
	var customer string
	var other int64
	for name, ids := range byCustomer {
		if len(ids) >= 2 && customer == "" {
			customer = name
		} else if other == 0 {
			other = ids[0]
		}
	}
	if customer == "" || other == 0 {
		t.Fatalf("no customer with two ready invoices and another: %v", byCustomer)
	}
	first, second := byCustomer[customer][0], byCustomer[customer][1]

	// The first invoice creates the customer's contact; the bookkeeper then archives it.
	if res, err := sy.Send(app.SendInput{Options: form, InvoiceIDs: []int64{first}}); err != nil || res.Sent != 1 {
		t.Fatalf("send the first = %+v, %v", res, err)
	}
	for _, bad := range []struct{ change, name string }{{"delete-everything", customer}, {"archive-contact", " "}, {"archive-contact", "No Such Customer Ltd"}} {
		err := d.SimulateLedgerChange(bad.change, bad.name, true)
		if pub := apperr.Public(err); err == nil || pub.Code == apperr.Internal || pub.Fix == "" {
			t.Errorf("change %q of %q: %+v", bad.change, bad.name, pub)
		}
	}
	if err := d.SimulateLedgerChange("archive-contact", customer, true); err != nil {
		t.Fatal(err)
	}

	res, err := sy.Send(app.SendInput{Options: form, InvoiceIDs: []int64{second, other}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 1 || res.Sent != 1 {
		t.Fatalf("send with the contact archived = %+v", res)
	}
	lines, err := app.NewRuns(deps).Lines(res.RunID)
	if err != nil {
		t.Fatal(err)
	}
	var failed *app.RunLineDTO
	for i, l := range lines {
		if l.InvoiceID == second {
			failed = &lines[i]
		}
	}
	if failed == nil || failed.Status != "failed" || !strings.Contains(failed.Message, archivedInXero) {
		t.Fatalf("run line of the archived customer's invoice = %+v (lines %+v)", failed, lines)
	}

	still, err := sy.RetryInvoice(id, second)
	if err != nil || still.Outcome != "failed" || !strings.Contains(still.Message, archivedInXero) {
		t.Fatalf("retry while archived = %+v, %v", still, err)
	}
	if err := d.SimulateLedgerChange("archive-contact", customer, false); err != nil {
		t.Fatal(err)
	}
	fixed, err := sy.RetryInvoice(id, second)
	if err != nil || fixed.Outcome != "created" || fixed.LedgerNumber == "" {
		t.Fatalf("retry once restored = %+v, %v", fixed, err)
	}
	again, err := sy.RetryInvoice(id, second)
	if err != nil || again.Outcome != "exists" {
		t.Fatalf("a second retry = %+v, %v", again, err)
	}

	journal, err := deps.Store.Journal(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range journal {
		if e.AutotaskInvoiceID == second {
			n++
			if e.LedgerID == "" || e.LedgerNumber != fixed.LedgerNumber {
				t.Errorf("journal entry = %+v, want ledger number %s", e, fixed.LedgerNumber)
			}
		}
	}
	if n != 1 {
		t.Fatalf("the journal holds the retried invoice %d times", n)
	}
}
