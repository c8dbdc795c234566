package autotask_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// monthShape sizes a month of billing data.
type monthShape struct {
	invoices, itemsPerInvoice, companies, codes int
}

var fullMonth = monthShape{invoices: 500, itemsPerInvoice: 20, companies: 120, codes: 40}

// lookupSizes are the reference tables a run reads whole.
var lookupSizes = map[string]int{
	autotask.EntityBillingCodes: 40, autotask.EntityTaxRegions: 6, autotask.EntityTaxCategories: 3,
	autotask.EntityTaxes: 18, autotask.EntityPaymentTerms: 4, autotask.EntityCurrencies: 3,
}

// monthData builds a deterministic month (January 2026) plus 40 invoices of
// December that the date window must leave out.
func monthData(m monthShape) map[string][]map[string]any {
	data := map[string][]map[string]any{}
	for e, n := range lookupSizes {
		for i := 1; i <= n; i++ {
			data[e] = append(data[e], map[string]any{"id": i, "name": fmt.Sprintf("%s %d", e, i)})
		}
	}
	for i := range data[autotask.EntityTaxes] {
		r := data[autotask.EntityTaxes][i]
		delete(r, "name")
		r["taxName"], r["taxRegionID"], r["taxCategoryID"], r["taxRate"] = fmt.Sprint("Tax ", i), i%6+1, i%3+1, 8.875
	}
	for i := 1; i <= m.companies; i++ {
		data[autotask.EntityCompanies] = append(data[autotask.EntityCompanies], map[string]any{
			"id": i, "companyName": fmt.Sprintf("Customer %03d", i), "taxRegionID": i%6 + 1, "currencyID": i%3 + 1,
		})
	}
	itemID := 1
	addInvoice := func(id int, day time.Time, items int) {
		company := id%m.companies + 1
		data[autotask.EntityInvoices] = append(data[autotask.EntityInvoices], map[string]any{
			"id": id, "companyID": company, "invoiceDateTime": day.Format(time.RFC3339), "invoiceNumber": fmt.Sprint("A-", id),
			"invoiceTotal": float64(items) * 386.645, "isVoided": false,
		})
		for j := 0; j < items; j++ {
			data[autotask.EntityBillingItems] = append(data[autotask.EntityBillingItems], map[string]any{
				"id": itemID, "invoiceID": id, "companyID": company, "billingCodeID": j%m.codes + 1, "billingItemType": 1,
				"quantity": 3.175, "rate": 121.78, "extendedPrice": 386.645, "itemDate": day.Format(time.RFC3339),
				"purchaseOrderNumber": "", "nonBillable": 0,
			})
			itemID++
		}
	}
	for i := 1; i <= 40; i++ {
		addInvoice(i, time.Date(2025, 12, 1+i%28, 0, 0, 0, 0, time.UTC), 3)
	}
	for i := 1; i <= m.invoices; i++ {
		addInvoice(1000+i, time.Date(2026, 1, 1+i%31, 0, 0, 0, 0, time.UTC), m.itemsPerInvoice)
	}
	return data
}

// monthRead is what one run reads.
type monthRead struct {
	invoices  []autotask.Invoice
	items     int
	companies []autotask.Company
	lookups   int
}

// readMonth reads a month the way the sync does: invoices in the window, their
// billing items and companies by "in" chunks, and the lookup tables whole.
func readMonth(ctx context.Context, c *autotask.Client, from, to time.Time) (monthRead, error) {
	var r monthRead
	var err error
	r.invoices, err = autotask.QueryAll[autotask.Invoice](ctx, c, autotask.EntityInvoices, autotask.Query{
		Filter: []autotask.Filter{autotask.Gte("invoiceDateTime", from), autotask.Lt("invoiceDateTime", to)},
	})
	if err != nil {
		return r, err
	}
	var invIDs, companyIDs []int64
	for _, inv := range r.invoices {
		invIDs = append(invIDs, inv.ID)
		if inv.CompanyID != nil {
			companyIDs = append(companyIDs, *inv.CompanyID)
		}
	}
	err = autotask.EachIn(ctx, c, autotask.EntityBillingItems, "invoiceID", invIDs, autotask.Query{}, func(autotask.BillingItem) error {
		r.items++
		return nil
	})
	if err != nil {
		return r, err
	}
	if r.companies, err = autotask.QueryIn[autotask.Company](ctx, c, autotask.EntityCompanies, "id", companyIDs, autotask.Query{}); err != nil {
		return r, err
	}
	for _, e := range []string{autotask.EntityBillingCodes, autotask.EntityTaxRegions, autotask.EntityTaxCategories,
		autotask.EntityTaxes, autotask.EntityPaymentTerms, autotask.EntityCurrencies} {
		n := 0
		if err := autotask.Each(ctx, c, e, autotask.Query{}, func(map[string]any) error { n++; return nil }); err != nil {
			return r, err
		}
		r.lookups += n
	}
	return r, nil
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// minRequests is the fewest requests paging allows for readMonth:
//
//	ceil(I/500)                          invoices in the window
//	+ Σ over chunks of ≤500 invoice ids: ceil(items of the chunk / 500)
//	  (= ceil(N/500) when I ≤ 500)       billing items
//	+ ceil(C/500)                        companies of those invoices
//	+ Σ over lookup tables ceil(rows/500) billing codes, tax regions, tax
//	                                     categories, taxes, payment terms, currencies
//
// For 500 invoices, 10,000 items, ≤500 companies and 6 small tables:
// 1 + 20 + 1 + 6 = 28 requests.
func minRequests(m monthShape) int {
	n := ceilDiv(m.invoices, 500)
	for left := m.invoices; left > 0; left -= 500 {
		n += ceilDiv(min(left, 500)*m.itemsPerInvoice, 500)
	}
	n += ceilDiv(min(m.companies, m.invoices), 500)
	for _, rows := range lookupSizes {
		n += ceilDiv(rows, 500)
	}
	return n
}

func TestReadMonthUsesMinimumRequests(t *testing.T) {
	s := startSim(t, records(t, monthData(fullMonth)), nil)
	counter := httpx.NewCounter()
	c := connectSim(t, s, simHTTP(counter))
	counter.Reset()
	r, err := readMonth(context.Background(), c, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.invoices) != 500 || r.items != 10000 || len(r.companies) != 120 || r.lookups != 74 {
		t.Fatalf("read %d invoices, %d items, %d companies, %d lookup rows", len(r.invoices), r.items, len(r.companies), r.lookups)
	}
	want := minRequests(fullMonth)
	if want != 28 {
		t.Fatalf("formula gives %d, the comment says 28", want)
	}
	if got := int(counter.Total()); got != want {
		t.Fatalf("%d requests, the minimum is %d: %v", got, want, counter.Snapshot())
	}
}

// BenchmarkReadMonth reads a generated 500-invoice / ~10,000-item month
// from the simulator and reports requests/op next to the minimum the
// formula of minRequests gives for that data (28 for exactly 10,000 items).
func BenchmarkReadMonth(b *testing.B) {
	data, from, to := generatedMonth()
	want, _, _ := minRequestsFor(b, data, from, to)
	s := startSim(b, data, func(o *autotasksim.Options) {
		o.HourlyThreshold = 1 << 30 // many runs in a row; the hourly budget is tested elsewhere
	})
	counter := httpx.NewCounter()
	c := connectSim(b, s, simHTTP(counter))
	counter.Reset()
	runs := 0
	for b.Loop() {
		if _, err := readMonth(context.Background(), c, from, to); err != nil {
			b.Fatal(err)
		}
		runs++
	}
	b.ReportMetric(float64(counter.Total())/float64(runs), "requests/op")
	b.ReportMetric(float64(want), "min-requests")
}
