package autotask_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

func TestSimFilterOperators(t *testing.T) {
	udf := func(v string) []map[string]any { return []map[string]any{{"name": "Ledger Region", "value": v}} }
	s := startSim(t, records(t, map[string][]map[string]any{
		autotask.EntityCompanies: {
			{"id": 1, "companyName": "Acme Ltd", "isActive": true, "taxRegionID": 10, "createDate": "2021-11-30T23:59:59Z", "assetValue": 10.5, "parentCompanyID": nil, "userDefinedFields": udf("EU")},
			{"id": 2, "companyName": "Acme Inc", "isActive": false, "taxRegionID": 20, "createDate": "2021-12-01T00:00:00Z", "assetValue": 20.25, "parentCompanyID": 1, "userDefinedFields": udf("US")},
			{"id": 3, "companyName": "Bolt & Co", "isActive": true, "taxRegionID": nil, "createDate": "2021-12-15T12:00:00.500Z", "assetValue": 30, "parentCompanyID": 1, "userDefinedFields": udf("EU")},
			{"id": 4, "companyName": "Café Zürich", "isActive": true, "taxRegionID": 30, "createDate": "2022-01-01T00:00:00Z", "assetValue": 0, "parentCompanyID": nil, "userDefinedFields": udf("CH")},
		},
	}), nil)
	c := connectSim(t, s, nil)
	dec1 := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    []autotask.Filter
		want []int64
	}{
		{"eq", []autotask.Filter{autotask.Eq("taxRegionID", 20)}, []int64{2}},
		{"noteq", []autotask.Filter{autotask.NotEq("companyName", "Acme Ltd")}, []int64{2, 3, 4}},
		{"gt", []autotask.Filter{autotask.Gt("id", 2)}, []int64{3, 4}},
		{"gte date", []autotask.Filter{autotask.Gte("createDate", dec1)}, []int64{2, 3, 4}},
		{"lt date-only", []autotask.Filter{autotask.Lt("createDate", autotask.Date(2021, 12, 1))}, []int64{1}},
		{"lte decimal", []autotask.Filter{autotask.Lte("assetValue", money.MustParse("20.25"))}, []int64{1, 2, 4}},
		{"beginsWith", []autotask.Filter{autotask.BeginsWith("companyName", "Acme")}, []int64{1, 2}},
		{"endsWith", []autotask.Filter{autotask.EndsWith("companyName", "Zürich")}, []int64{4}},
		{"contains", []autotask.Filter{autotask.Contains("companyName", "&")}, []int64{3}},
		{"exist", []autotask.Filter{autotask.Exist("parentCompanyID")}, []int64{2, 3}},
		{"notExist", []autotask.Filter{autotask.NotExist("taxRegionID")}, []int64{3}},
		{"in", []autotask.Filter{autotask.In("taxRegionID", []int64{10, 30, 99})}, []int64{1, 4}},
		{"notIn", []autotask.Filter{autotask.NotIn("id", []int64{1, 2})}, []int64{3, 4}},
		{"bool", []autotask.Filter{autotask.Eq("isActive", false)}, []int64{2}},
		{"and", []autotask.Filter{autotask.And(autotask.Eq("isActive", true), autotask.Exist("parentCompanyID"))}, []int64{3}},
		{"or", []autotask.Filter{autotask.Or(autotask.Eq("id", 1), autotask.Eq("id", 4))}, []int64{1, 4}},
		{"nested", []autotask.Filter{autotask.Eq("isActive", true), autotask.Or(autotask.BeginsWith("companyName", "Acme"),
			autotask.And(autotask.Gt("assetValue", 25), autotask.Lt("createDate", autotask.Date(2022, 1, 1))))}, []int64{1, 3}},
		{"udf", []autotask.Filter{autotask.Eq("Ledger Region", "EU").UDF()}, []int64{1, 3}},
		{"udf with others", []autotask.Filter{autotask.Eq("Ledger Region", "EU").UDF(), autotask.Gt("id", 1)}, []int64{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := autotask.QueryAll[autotask.Company](context.Background(), c, autotask.EntityCompanies, autotask.Query{Filter: tt.f})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, co := range got {
				ids = append(ids, co.ID)
			}
			slices.Sort(ids)
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
				t.Fatalf("ids = %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestSimPagingEdges(t *testing.T) {
	for _, n := range []int{0, 1, 500, 501, 1001} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var rows []map[string]any
			for i := 1; i <= n; i++ {
				rows = append(rows, map[string]any{"id": i, "companyName": fmt.Sprintf("Company %04d", i)})
			}
			s := startSim(t, records(t, map[string][]map[string]any{autotask.EntityCompanies: rows}), nil)
			c := connectSim(t, s, nil)
			s.ResetRequestLog()
			seen := map[int64]bool{}
			err := autotask.Each(context.Background(), c, autotask.EntityCompanies,
				autotask.Query{IncludeFields: []string{"companyName"}}, func(co autotask.Company) error {
					if seen[co.ID] || co.CompanyName != fmt.Sprintf("Company %04d", co.ID) {
						return fmt.Errorf("record %+v repeated or wrong", co)
					}
					seen[co.ID] = true
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != n {
				t.Fatalf("%d records, want %d", len(seen), n)
			}
			if got, want := len(s.Requests()), max(1, (n+499)/500); got != want {
				t.Fatalf("%d requests, want %d", got, want)
			}
		})
	}
}

func TestSimPatch(t *testing.T) {
	s := startSim(t, records(t, map[string][]map[string]any{
		autotask.EntityInvoices:     {{"id": 7, "invoiceNumber": "", "invoiceTotal": 100}},
		autotask.EntityBillingItems: {{"id": 70, "invoiceID": 7}},
	}), nil)
	c := connectSim(t, s, nil)
	ctx := context.Background()
	when := autotask.Time{Time: time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)}
	steps := []error{
		c.SetInvoiceNumber(ctx, 7, "INV-2026-0007"),
		c.SetInvoiceWebServiceDate(ctx, 7, when),
		c.SetInvoicePaidDate(ctx, 7, when),
		c.SetBillingItemWebServiceDate(ctx, 70, when),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	inv, err := autotask.Get[autotask.Invoice](ctx, c, autotask.EntityInvoices, 7)
	if err != nil {
		t.Fatal(err)
	}
	if inv.InvoiceNumber != "INV-2026-0007" || !inv.WebServiceDate.Equal(when.Time) || inv.PaidDate.String() != "2026-02-03T00:00:00Z" {
		t.Fatalf("invoice after patch = %+v", inv)
	}
	bi, err := autotask.Get[autotask.BillingItem](ctx, c, autotask.EntityBillingItems, 70)
	if err != nil || !bi.WebServiceDate.Equal(when.Time) {
		t.Fatalf("billing item after patch = %+v, %v", bi, err)
	}
	before := len(s.Requests())
	if err := c.Patch(ctx, autotask.EntityInvoices, 7, map[string]any{"invoiceTotal": money.MustParse("1.00")}); err == nil {
		t.Fatal("a read-only field was patched")
	}
	if len(s.Requests()) != before {
		t.Fatal("the read-only patch reached Autotask")
	}
	if err := c.SetInvoiceWebServiceDate(ctx, 7, autotask.Time{}); err != nil {
		t.Fatalf("clearing the web service date: %v", err)
	}
	if inv, _ := autotask.Get[autotask.Invoice](ctx, c, autotask.EntityInvoices, 7); !inv.WebServiceDate.IsZero() {
		t.Fatalf("web service date not cleared: %v", inv.WebServiceDate)
	}
}
