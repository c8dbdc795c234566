package autotask_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
)

// pagedCompanies answers a Companies query with n records in pages of size,
// following Autotask's envelope and an absolute nextPageUrl.
func pagedCompanies(t *testing.T, n, size int) *fake {
	var f *fake
	pageOf := func(w http.ResponseWriter, from int) {
		var items []map[string]any
		for i := from; i < min(from+size, n); i++ {
			items = append(items, map[string]any{"id": i + 1, "companyName": fmt.Sprintf("C%d", i+1), "parentCompanyID": nil})
		}
		var next any
		if from+size < n {
			next = fmt.Sprintf("%sV1.0/Companies/query/next?from=%d", f.zone(), from+size)
		}
		writeJSON(w, 200, map[string]any{"items": items, "pageDetails": map[string]any{"count": len(items), "requestCount": size, "prevPageUrl": nil, "nextPageUrl": next}})
	}
	f = newFake(t, map[string]http.HandlerFunc{
		"POST companies/query": func(w http.ResponseWriter, r *http.Request) { pageOf(w, 0) },
		"GET companies/query/next": func(w http.ResponseWriter, r *http.Request) {
			var from int
			fmt.Sscan(r.URL.Query().Get("from"), &from)
			pageOf(w, from)
		},
	})
	return f
}

func TestPagingFollowsNextPageURL(t *testing.T) {
	for _, n := range []int{0, 1, 500, 501, 1001} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			f := pagedCompanies(t, n, 500)
			got, err := autotask.QueryAll[autotask.Company](context.Background(), f.client(), autotask.EntityCompanies, autotask.Query{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("%d records, want %d", len(got), n)
			}
			for i, c := range got {
				if c.ID != int64(i+1) || c.ParentCompanyID != nil {
					t.Fatalf("record %d = %+v", i, c)
				}
			}
			wantReqs := max(1, (n+499)/500)
			if len(f.requests()) != wantReqs {
				t.Fatalf("%d requests, want %d", len(f.requests()), wantReqs)
			}
			body := decodeBody(t, f.requests()[0].Body)
			if fmt.Sprint(body["filter"]) != "[map[field:id op:gte value:0]]" {
				t.Errorf("empty filter sent as %v, want id >= 0", body["filter"])
			}
		})
	}
}

func TestMaxRecordsCapsTheResult(t *testing.T) {
	f := pagedCompanies(t, 1001, 10)
	got, err := autotask.QueryAll[autotask.Company](context.Background(), f.client(), autotask.EntityCompanies, autotask.Query{MaxRecords: 10})
	if err != nil || len(got) != 10 || len(f.requests()) != 1 {
		t.Fatalf("%d records in %d requests, %v", len(got), len(f.requests()), err)
	}
	if body := decodeBody(t, f.requests()[0].Body); body["MaxRecords"] != 10.0 {
		t.Errorf("MaxRecords sent as %v", body["MaxRecords"])
	}
}

func TestIncludeFieldsGetsID(t *testing.T) {
	f := pagedCompanies(t, 1, 500)
	q := autotask.Query{IncludeFields: []string{"companyName"}, Filter: []autotask.Filter{autotask.Eq("isActive", true)}}
	if _, err := autotask.QueryAll[autotask.Company](context.Background(), f.client(), autotask.EntityCompanies, q); err != nil {
		t.Fatal(err)
	}
	got := f.requests()[0].Body
	want := `{"IncludeFields":["id","companyName"],"filter":[{"op":"eq","field":"isActive","value":true}]}`
	if got != want {
		t.Fatalf("body %s\nwant %s", got, want)
	}
	if q.IncludeFields[0] != "companyName" {
		t.Error("the caller's IncludeFields slice was changed")
	}
}

func TestQueryValidation(t *testing.T) {
	tests := []struct {
		name string
		q    autotask.Query
		want string
	}{
		{"max records high", autotask.Query{MaxRecords: 501}, "MaxRecords 501"},
		{"max records negative", autotask.Query{MaxRecords: -1}, "MaxRecords -1"},
		{"two udfs", autotask.Query{Filter: []autotask.Filter{autotask.Eq("A", "1").UDF(), autotask.Or(autotask.Eq("B", "2").UDF(), autotask.Eq("id", 1))}}, "2 user-defined-field conditions"},
		{"too many ors", autotask.Query{Filter: []autotask.Filter{autotask.In("id", make([]int64, 300)), autotask.In("companyID", make([]int64, 300))}}, "600 OR conditions"},
		{"nil bool", autotask.Query{Filter: []autotask.Filter{autotask.Eq("isActive", (*bool)(nil))}}, "nil bool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, nil)
			_, err := autotask.QueryAll[autotask.Company](context.Background(), f.client(), autotask.EntityCompanies, tt.q)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if len(f.requests()) != 0 {
				t.Fatal("an invalid query was sent")
			}
		})
	}
}

func TestEachStopsOnCallbackError(t *testing.T) {
	f := pagedCompanies(t, 1001, 500)
	stop := fmt.Errorf("enough")
	n := 0
	err := autotask.Each(context.Background(), f.client(), autotask.EntityCompanies, autotask.Query{}, func(autotask.Company) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 || len(f.requests()) != 1 {
		t.Fatalf("err = %v after %d records and %d requests", err, n, len(f.requests()))
	}
}

func TestQueryInChunksAndDedupes(t *testing.T) {
	var mu sync.Mutex
	var chunks [][]int64
	f := newFake(t, map[string]http.HandlerFunc{
		"POST billingitems/query": func(w http.ResponseWriter, r *http.Request) {
			var body struct {
				Filter []struct {
					Op    string  `json:"op"`
					Field string  `json:"field"`
					Value []int64 `json:"value"`
				} `json:"filter"`
			}
			json.NewDecoder(r.Body).Decode(&body)
			in := body.Filter[len(body.Filter)-1]
			mu.Lock()
			chunks = append(chunks, in.Value)
			mu.Unlock()
			var items []map[string]any
			for _, id := range in.Value {
				items = append(items, map[string]any{"id": id * 10, "invoiceID": id})
			}
			writeJSON(w, 200, map[string]any{"items": items, "pageDetails": map[string]any{"nextPageUrl": nil}})
		},
	})
	var ids []int64
	for i := int64(1200); i >= 1; i-- {
		ids = append(ids, i, i) // every id twice
	}
	extra := autotask.Query{Filter: []autotask.Filter{autotask.Eq("nonBillable", 0)}}
	items, err := autotask.QueryIn[autotask.BillingItem](context.Background(), f.client(), autotask.EntityBillingItems, "invoiceID", ids, extra)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1200 || len(chunks) != 3 {
		t.Fatalf("%d items in %d requests, want 1200 in 3", len(items), len(chunks))
	}
	if len(chunks[0]) != 500 || len(chunks[1]) != 500 || len(chunks[2]) != 200 || chunks[0][0] != 1 || chunks[2][199] != 1200 {
		t.Fatalf("chunk sizes %d %d %d", len(chunks[0]), len(chunks[1]), len(chunks[2]))
	}
	none, err := autotask.QueryIn[autotask.BillingItem](context.Background(), f.client(), autotask.EntityBillingItems, "invoiceID", nil, extra)
	if err != nil || len(none) != 0 || len(chunks) != 3 {
		t.Fatal("no ids must mean no request")
	}
}

func TestAtMostThreeRequestsPerEntity(t *testing.T) {
	var inFlight, peak atomic.Int32
	slow := func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		inFlight.Add(-1)
		writeJSON(w, 200, map[string]int{"queryCount": 1})
	}
	f := newFake(t, map[string]http.HandlerFunc{"POST invoices/query/count": slow, "POST companies/query/count": slow})
	c := f.client()
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { c.Count(context.Background(), autotask.EntityInvoices) })
	}
	wg.Wait()
	if p := peak.Load(); p > 3 || p < 2 {
		t.Fatalf("peak concurrency on one entity = %d, want 3 at most (and some parallelism)", p)
	}
	peak.Store(0)
	for range 6 {
		wg.Go(func() { c.Count(context.Background(), autotask.EntityInvoices) })
		wg.Go(func() { c.Count(context.Background(), autotask.EntityCompanies) })
	}
	wg.Wait()
	if p := peak.Load(); p <= 3 || p > 6 {
		t.Fatalf("two entities should run up to 3 each at once; peak = %d", p)
	}
}
