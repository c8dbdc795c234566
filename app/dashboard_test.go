package app_test

import (
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

// The chart and Retry on the demo: nothing before a sync; after one, May's
// billed equals synced and customers have their ledger names; a retry never
// creates an invoice twice.
func TestChartAndRetryOnTheDemo(t *testing.T) {
	deps, _ := newDeps(t)
	demo := app.NewDemo(deps)
	t.Cleanup(func() { demo.Stop() })
	st, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	id := st.Profile.ID
	if _, err := app.NewMappings(deps).AcceptAll(id, ""); err != nil {
		t.Fatal(err)
	}
	dash := app.NewDashboard(deps)
	empty, err := dash.Chart(id)
	if err != nil || empty.Invoices != 0 || len(empty.Months) != 0 || empty.Currencies == nil {
		t.Fatalf("chart before a sync = %+v, %v", empty, err)
	}
	if _, err := dash.Chart(99999); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("chart of no profile: %v", err)
	}

	sy := app.NewSync(deps, nil)
	form := app.SyncInput{ProfileID: id, Thru: "2024-05-31", MaxAgeDays: 60}
	pre, err := sy.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	// Four ready invoices of one currency, none a credit note or zero.
	var ready []int64
	currency := ""
	for _, inv := range pre.Invoices {
		if inv.Status == "ready" && inv.Kind == "invoice" && inv.Total != "0.00" && (currency == "" || inv.Currency == currency) {
			currency = inv.Currency
			ready = append(ready, inv.InvoiceID)
		}
	}
	if len(ready) < 4 {
		t.Fatalf("%d ready", len(ready))
	}
	if _, err := sy.Send(app.SendInput{Options: form, InvoiceIDs: ready[:3]}); err != nil {
		t.Fatal(err)
	}

	c, err := dash.Chart(id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Currency != currency || c.Invoices != 3 || len(c.Months) != 12 || len(c.Customers) == 0 || c.Note != "" {
		t.Fatalf("chart = %+v", c)
	}
	may := c.Months[11]
	if may.Key != "2024-05" || may.Label != "May 2024" || may.Billed != may.Synced || may.Billed == "0.00" || may.Invoices != 3 || !strings.Contains(may.Billed, ".") {
		t.Fatalf("May = %+v", may)
	}
	for _, b := range c.Customers {
		if strings.HasPrefix(b.Label, "Customer ") {
			t.Errorf("customer without a name: %+v", b)
		}
	}

	// Retry: a sent invoice is found, not created again; a waiting one is sent.
	again, err := sy.RetryInvoice(id, ready[0])
	if err != nil || again.Outcome != "exists" || again.Message == "" {
		t.Fatalf("retry of a sent invoice = %+v, %v", again, err)
	}
	fresh, err := sy.RetryInvoice(id, ready[3])
	if err != nil || fresh.Outcome != "created" || fresh.LedgerNumber == "" || fresh.RunID == 0 {
		t.Fatalf("retry of a waiting invoice = %+v, %v", fresh, err)
	}
	if _, err := sy.RetryInvoice(id, 0); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("retry of no invoice: %v", err)
	}
	after, err := dash.Chart(id)
	if err != nil || after.Invoices != 4 {
		t.Fatalf("chart after the retry = %+v, %v", after, err)
	}
}
