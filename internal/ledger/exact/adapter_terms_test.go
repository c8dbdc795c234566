package exact_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// The chosen sales journal and the payment conditions mapped by payment
// days reach Exact: a mapped document carries its condition (and Exact sets
// the due date from it), an unmapped one its due date alone.
func TestAdapterJournalAndPaymentConditions(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []exact.Mode{exact.SalesEntries, exact.SalesInvoices} {
		t.Run(string(mode), func(t *testing.T) {
			e := startAdapter(t, simDivision, exact.AdapterOptions{Mode: mode, Journal: "71", DefaultItem: "MANAGED",
				PaymentConditions: map[int]string{30: "30", 14: "14"}})
			cust := customer(t, e, "Termijn BV", "7001")
			thirty := doc(cust, "71000001", "AT-1") // 31 Oct → 30 Nov: 30 days
			fortyFive := doc(cust, "71000002", "AT-2")
			fortyFive.DueDate = thirty.Date.AddDate(0, 0, 45)
			res, err := e.adapter.CreateDocuments(ctx, []ledger.Document{thirty, fortyFive}, "")
			if err != nil || res[0].Err != nil || res[1].Err != nil {
				t.Fatalf("create: %v %+v", err, res)
			}
			var bodies []string
			for _, r := range e.srv.Requests() {
				if r.Method == "POST" && (strings.HasSuffix(r.Path, "salesentry/SalesEntries") || strings.HasSuffix(r.Path, "salesinvoice/SalesInvoices")) {
					bodies = append(bodies, r.Body)
				}
			}
			if len(bodies) != 2 {
				t.Fatalf("%d document POSTs", len(bodies))
			}
			for i, b := range bodies {
				if !strings.Contains(b, `"Journal":"71"`) {
					t.Errorf("document %d not in journal 71: %s", i, b)
				}
			}
			if !strings.Contains(bodies[0], `"PaymentCondition":"30"`) || strings.Contains(bodies[0], `"DueDate"`) {
				t.Errorf("30-day document: want condition 30 and no due date: %s", bodies[0])
			}
			if strings.Contains(bodies[1], `"PaymentCondition"`) || !strings.Contains(bodies[1], `"DueDate":"2026-12-15`) {
				t.Errorf("45-day document: want its due date and no condition: %s", bodies[1])
			}
			recv, err := e.client.ReceivablesByEntry(ctx, []string{res[0].ID})
			if mode == exact.SalesEntries && (err != nil || len(recv) != 1 || !recv[0].DueDate.Time().Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))) {
				t.Errorf("Exact's due date from condition 30: %+v %v", recv, err)
			}
		})
	}
}

// A journal or condition the division does not have is refused before
// anything is POSTed, so a mapping mistake never counts towards Exact's
// error block.
func TestAdapterRefusesUnknownJournalAndCondition(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		opts exact.AdapterOptions
		want string
	}{
		{"bank journal", exact.AdapterOptions{Journal: "20"}, "is not a sales journal"},
		{"no such journal", exact.AdapterOptions{Journal: "99"}, "is not a journal in Exact"},
		{"no such condition", exact.AdapterOptions{PaymentConditions: map[int]string{30: "45"}}, "is not a payment condition"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := startAdapter(t, simDivision, c.opts)
			cust := customer(t, e, "Fout BV", "7002")
			res, err := e.adapter.CreateDocuments(ctx, []ledger.Document{doc(cust, "24001", "AT-1")}, "")
			if err != nil {
				t.Fatal(err)
			}
			if apperr.CodeOf(res[0].Err) != apperr.Invalid || !strings.Contains(res[0].Err.Error(), c.want) {
				t.Errorf("error %v, want %q", res[0].Err, c.want)
			}
			if ae, _ := apperr.As(res[0].Err); ae != nil && !strings.Contains(strings.ToLower(ae.Fix), "mappings") {
				t.Errorf("fix %q does not say where to choose", ae.Fix)
			}
			if n := e.failures(); n != 0 {
				t.Errorf("%d calls failed at Exact", n)
			}
		})
	}
}

func TestPaymentDays(t *testing.T) {
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	for _, c := range []struct {
		date, due time.Time
		want      int
	}{
		{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), 30},
		{time.Date(2024, 3, 20, 0, 0, 0, 0, ams), time.Date(2024, 3, 20, 0, 0, 0, 0, ams).AddDate(0, 0, 14), 14}, // over the clock change
		{time.Date(2024, 5, 1, 15, 0, 0, 0, time.UTC), time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC), 0},
	} {
		if got := exact.PaymentDays(c.date, c.due); got != c.want {
			t.Errorf("PaymentDays(%s, %s) = %d, want %d", c.date, c.due, got, c.want)
		}
	}
}
