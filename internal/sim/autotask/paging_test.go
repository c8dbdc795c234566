package autotasksim_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

func items(n int) autotasksim.Dataset {
	recs := make([]autotasksim.Record, n)
	for i := range recs {
		// ids out of order in the file: the simulator orders by id.
		id := n - i
		recs[i] = autotasksim.Record{"id": json.Number(fmt.Sprint(id * 3)), "invoiceID": json.Number(fmt.Sprint(id % 7)),
			"extendedPrice": json.Number("1.5")}
	}
	return autotasksim.Dataset{"BillingItems": recs}
}

// readAll follows nextPageUrl with GET and returns every id and the number
// of requests it took.
func readAll(t *testing.T, s *autotasksim.Server, q map[string]any) (got []int64, requests int) {
	t.Helper()
	page, pd := query(t, s, "BillingItems", q)
	requests = 1
	for {
		for _, it := range page {
			n, _ := it["id"].(json.Number).Int64()
			got = append(got, n)
		}
		if int(mustInt(pd["count"])) != len(page) {
			t.Fatalf("count %v for %d items", pd["count"], len(page))
		}
		next, _ := pd["nextPageUrl"].(string)
		if pd["nextPageUrl"] != nil && next == "" {
			t.Fatalf("nextPageUrl %v", pd["nextPageUrl"])
		}
		if next == "" {
			return got, requests
		}
		if !strings.HasPrefix(next, s.URL()) {
			t.Fatalf("nextPageUrl not absolute: %s", next)
		}
		r := call(t, s, "GET", next, nil, nil)
		requests++
		if r.status != 200 {
			t.Fatalf("next page: %d %s", r.status, r.body)
		}
		m := r.json(t)
		page = nil
		for _, it := range m["items"].([]any) {
			page = append(page, it.(map[string]any))
		}
		pd = m["pageDetails"].(map[string]any)
	}
}

func mustInt(v any) int64 {
	n, _ := v.(json.Number).Int64()
	return n
}

func TestPagingEdges(t *testing.T) {
	for _, n := range []int{0, 1, 500, 501, 1001} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			s := start(t, autotasksim.Options{Data: items(n)})
			got, requests := readAll(t, s, map[string]any{"filter": []any{cond("exist", "id", nil)}})
			if len(got) != n {
				t.Fatalf("read %d records, want %d", len(got), n)
			}
			for i, id := range got {
				if id != int64(i+1)*3 {
					t.Fatalf("record %d has id %d: not ordered by id", i, id)
				}
			}
			if want := max(1, (n+499)/500); requests != want {
				t.Fatalf("%d requests, want %d", requests, want)
			}
		})
	}
}

func TestPagingWithFilterAndMaxRecords(t *testing.T) {
	s := start(t, autotasksim.Options{Data: items(1001)})
	got, requests := readAll(t, s, map[string]any{"MaxRecords": 100, "IncludeFields": []any{"id", "invoiceID"},
		"filter": []any{cond("eq", "invoiceID", 3)}})
	if len(got) != 143 || requests != 2 {
		t.Fatalf("got %d records in %d requests, want 143 in 2", len(got), requests)
	}
}

func TestIncludeFieldsWithoutIDOverOnePage(t *testing.T) {
	s := start(t, autotasksim.Options{Data: items(501)})
	q := map[string]any{"IncludeFields": []any{"invoiceID"}, "filter": []any{cond("exist", "id", nil)}}
	r := call(t, s, "POST", "BillingItems/query", q, nil)
	if r.status != 500 || !strings.Contains(r.errorText(), "IncludeFields must contain id") {
		t.Fatalf("%d %s", r.status, r.body)
	}
	// One page's worth is fine without id.
	q["filter"] = []any{cond("lte", "id", 300)}
	page, _ := query(t, s, "BillingItems", q)
	if len(page) != 100 || len(page[0]) != 1 || page[0]["invoiceID"] == nil {
		t.Fatalf("page %d records, first %v", len(page), page[0])
	}
}

func TestPrevPageURL(t *testing.T) {
	s := start(t, autotasksim.Options{Data: items(1001)})
	_, pd := query(t, s, "BillingItems", map[string]any{"filter": []any{cond("exist", "id", nil)}})
	if pd["prevPageUrl"] != nil {
		t.Fatalf("first page has prevPageUrl %v", pd["prevPageUrl"])
	}
	second := call(t, s, "GET", pd["nextPageUrl"].(string), nil, nil).json(t)
	third := call(t, s, "GET", second["pageDetails"].(map[string]any)["nextPageUrl"].(string), nil, nil).json(t)
	back := call(t, s, "GET", third["pageDetails"].(map[string]any)["prevPageUrl"].(string), nil, nil).json(t)
	first := func(m map[string]any) any { return m["items"].([]any)[0].(map[string]any)["id"] }
	if first(back) != first(second) {
		t.Fatalf("prev of page 3 starts at %v, page 2 at %v", first(back), first(second))
	}
	if r := call(t, s, "GET", "BillingItems/query/next?paging=garbage", nil, nil); r.status != 500 {
		t.Fatalf("bad paging token: %d", r.status)
	}
}
