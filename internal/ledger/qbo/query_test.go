package qbo_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Acme", `'Acme'`},
		{"Amy's Bird Sanctuary", `'Amy\'s Bird Sanctuary'`},
		{`back\slash`, `'back\\slash'`},
		{`trailing\`, `'trailing\\'`},
		{`\'`, `'\\\''`},
		{"", `''`},
		{"Zürich & Co ?", `'Zürich & Co ?'`},
	}
	for _, tt := range tests {
		if got := qbo.Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestWhere(t *testing.T) {
	tests := []struct {
		format string
		args   []any
		want   string
	}{
		{"DisplayName = ?", []any{"O'Neil"}, `DisplayName = 'O\'Neil'`},
		{"DocNumber in ?", []any{[]string{"1043", "10'44"}}, `DocNumber in ('1043','10\'44')`},
		{"TxnDate >= ? and Balance > ?", []any{qbo.NewDate(2026, 3, 1), money.MustParse("0.00")}, `TxnDate >= '2026-03-01' and Balance > '0.00'`},
		{"Active = ? and Id = ?", []any{true, 42}, `Active = true and Id = 42`},
		{"Name = 'What?' and Id = ?", []any{int64(7)}, `Name = 'What?' and Id = 7`},
		{`Name = 'it\'s?' and Sku = ?`, []any{"a?b"}, `Name = 'it\'s?' and Sku = 'a?b'`},
		{"MetaData.LastUpdatedTime > ?", []any{time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}, `MetaData.LastUpdatedTime > '2026-03-01T08:00:00Z'`},
	}
	for _, tt := range tests {
		if got := qbo.Where(tt.format, tt.args...); got != tt.want {
			t.Errorf("Where(%q) = %s, want %s", tt.format, got, tt.want)
		}
	}
	for _, bad := range []func(){
		func() { qbo.Where("a = ? and b = ?", "x") },
		func() { qbo.Where("a = ?", "x", "y") },
		func() { qbo.Where("a = ?", 1.5) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic for a misuse of Where")
				}
			}()
			bad()
		}()
	}
}

// TestQueryPages reads pages until a short one, with the statement escaped
// and URL-encoded with %20 for spaces.
func TestQueryPages(t *testing.T) {
	page := 0
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		page++
		var rows []string
		n := map[int]int{1: 2, 2: 2, 3: 1}[page]
		for i := range n {
			rows = append(rows, fmt.Sprintf(`{"Id":"%d","DisplayName":"C%d","Balance":1.50}`, (page-1)*2+i+1, (page-1)*2+i+1))
		}
		return http.StatusOK, nil, fmt.Sprintf(`{"QueryResponse":{"Customer":[%s],"startPosition":%d,"maxResults":%d},"time":"t"}`,
			strings.Join(rows, ","), (page-1)*2+1, n)
	})
	c := f.client(qbo.WithPageSize(2))
	got, err := qbo.Query[qbo.Customer](context.Background(), c, "Customer", "DisplayName like ? and Active = ?", "Amy's%", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || got[4].ID != "5" || got[0].Balance.String() != "1.50" {
		t.Fatalf("got %d rows: %+v", len(got), got)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for i, r := range reqs {
		want := fmt.Sprintf(`select * from Customer where DisplayName like 'Amy\'s%%' and Active = true STARTPOSITION %d MAXRESULTS 2`, i*2+1)
		if r.Method != http.MethodGet || r.Path != "query" || r.Query.Get("query") != want {
			t.Errorf("page %d: %s %s query=%q, want %q", i+1, r.Method, r.Path, r.Query.Get("query"), want)
		}
		if strings.Contains(r.Raw, "+") || !strings.Contains(r.Raw, "%20") || r.Query.Get("minorversion") != "75" {
			t.Errorf("page %d: raw query %q", i+1, r.Raw)
		}
	}
}

func TestQueryEmptyAndExactPage(t *testing.T) {
	calls := 0
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		calls++
		if calls == 1 {
			return http.StatusOK, nil, `{"QueryResponse":{"Item":[{"Id":"1","Name":"A"},{"Id":"2","Name":"B"}],"startPosition":1,"maxResults":2}}`
		}
		return http.StatusOK, nil, `{"QueryResponse":{},"time":"t"}`
	})
	got, err := qbo.Query[qbo.Item](context.Background(), f.client(qbo.WithPageSize(2)), "Item", "")
	if err != nil || len(got) != 2 {
		t.Fatalf("%+v %v", got, err)
	}
	if q := f.requests()[1].Query.Get("query"); q != "select * from Item STARTPOSITION 3 MAXRESULTS 2" {
		t.Errorf("second page query %q", q)
	}
}

func TestCount(t *testing.T) {
	f := newFake(t, ok(`{"QueryResponse":{"totalCount":1234},"time":"t"}`))
	n, err := qbo.Count(context.Background(), f.client(), "Invoice", "DocNumber in ?", []string{"1", "2"})
	if err != nil || n != 1234 {
		t.Fatalf("%d %v", n, err)
	}
	if q := f.requests()[0].Query.Get("query"); q != "select count(*) from Invoice where DocNumber in ('1','2')" {
		t.Errorf("query %q", q)
	}
}

func TestQueryInChunksAndDedupes(t *testing.T) {
	f := newFake(t, ok(`{"QueryResponse":{"Invoice":[{"Id":"1","DocNumber":"X"}]}}`))
	values := make([]string, 0, 250)
	for i := range 250 {
		values = append(values, fmt.Sprintf("%04d", i%210))
	}
	got, err := qbo.QueryIn[qbo.Invoice](context.Background(), f.client(), "DocNumber", values)
	if err != nil || len(got) != 3 || qbo.RefOf(got[0]) != "X" {
		t.Fatalf("%d rows, %v", len(got), err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d queries for 210 distinct values, want 3", len(reqs))
	}
	if q := reqs[2].Query.Get("query"); !strings.HasPrefix(q, "select * from Invoice where DocNumber in ('0200','0201',") || strings.Count(q, "'")/2 != 10 {
		t.Errorf("last query %q", q)
	}
}
