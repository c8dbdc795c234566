package autotasksim_test

import (
	"net/url"
	"strings"
	"testing"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

func cond(op, field string, value any) map[string]any {
	m := map[string]any{"op": op, "field": field}
	if value != nil {
		m["value"] = value
	}
	return m
}

func TestFilterOperators(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	cases := []struct {
		name   string
		entity string
		filter []any
		want   string
	}{
		{"eq number", "Invoices", []any{cond("eq", "companyID", 1)}, "100,102"},
		{"eq numeric string", "Invoices", []any{cond("eq", "companyID", "2")}, "101"},
		{"eq string case-insensitive", "Invoices", []any{cond("eq", "invoiceNumber", "INV-102")}, "102"},
		{"noteq", "Invoices", []any{cond("noteq", "companyID", 1)}, "101"},
		{"gt decimal", "Invoices", []any{cond("gt", "invoiceTotal", 0)}, "100"},
		{"gte decimal exact", "Invoices", []any{cond("gte", "invoiceTotal", "386.6450")}, "100"},
		{"lt negative", "Invoices", []any{cond("lt", "invoiceTotal", 0)}, "101"},
		{"lte", "Invoices", []any{cond("lte", "invoiceTotal", 0)}, "101,102"},
		{"date gte date-only", "Invoices", []any{cond("gte", "invoiceDateTime", "2024-06-01")}, "101,102"},
		{"date as instant", "Invoices", []any{cond("gt", "invoiceDateTime", "2024-06-01T12:30:00+02:00")}, "102"},
		{"date eq full", "Invoices", []any{cond("eq", "invoiceDateTime", "2024-05-31T00:00:00Z")}, "100"},
		{"beginsWith", "Companies", []any{cond("beginsWith", "companyName", "ACME")}, "1,3"},
		{"endsWith non-ASCII", "Companies", []any{cond("endsWith", "companyName", "müller gmbh")}, "2"},
		{"contains", "Companies", []any{cond("contains", "companyName", "widget")}, "1"},
		{"exist", "Companies", []any{cond("exist", "taxRegionID", nil)}, "1"},
		{"notExist", "Companies", []any{cond("notExist", "taxRegionID", nil)}, "2,3"},
		{"exist on empty string", "Invoices", []any{cond("exist", "invoiceNumber", nil)}, "100,101,102"},
		{"in", "Invoices", []any{cond("in", "id", []any{100, 102, 999})}, "100,102"},
		{"notIn", "Invoices", []any{cond("notIn", "id", []any{100, 102})}, "101"},
		{"boolean", "Invoices", []any{cond("eq", "isVoided", true)}, "101"},
		{"boolean as string", "Companies", []any{cond("eq", "isActive", "false")}, "2"},
		{"top level is and", "Invoices", []any{cond("eq", "companyID", 1), cond("gt", "invoiceTotal", 0)}, "100"},
		{"or group", "Invoices", []any{map[string]any{"op": "or", "items": []any{cond("eq", "id", 100), cond("eq", "id", 101)}}}, "100,101"},
		{"nested and in or", "Invoices", []any{map[string]any{"op": "or", "items": []any{
			cond("eq", "id", 101),
			map[string]any{"op": "and", "items": []any{cond("eq", "companyID", 1), cond("eq", "invoiceNumber", "inv-102")}},
		}}}, "101,102"},
		{"udf", "Companies", []any{map[string]any{"op": "beginsWith", "field": "ledger", "value": "xero", "udf": true}}, "1"},
		{"udf eq plus normal field", "Companies", []any{map[string]any{"op": "eq", "field": "Ledger", "value": "exact nl", "udf": true}, cond("eq", "isActive", false)}, "2"},
		{"field name case-insensitive", "Invoices", []any{cond("eq", "CompanyId", 2)}, "101"},
		{"unknown operator is dropped like Autotask", "Invoices", []any{cond("ne", "companyID", 1)}, "100,101,102"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items, _ := query(t, s, c.entity, map[string]any{"filter": c.filter})
			if got := ids(items); got != c.want {
				t.Fatalf("ids %q, want %q", got, c.want)
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	many := make([]any, 501)
	for i := range many {
		many[i] = i + 1
	}
	cases := []struct {
		name, entity string
		body         any
		status       int
		want         string
	}{
		{"unknown filter field", "Invoices", map[string]any{"filter": []any{cond("eq", "projectID", 1)}}, 500, "Unable to find projectID in the Invoice Entity."},
		{"unknown include field", "Companies", map[string]any{"IncludeFields": []any{"id", "nope"}, "filter": []any{cond("exist", "id", nil)}}, 500, "Unable to find nope in the Account Entity."},
		{"empty filter", "Invoices", map[string]any{"filter": []any{}}, 500, "filter is required"},
		{"no filter", "Invoices", map[string]any{"MaxRecords": 5}, 500, "filter is required"},
		{"null boolean", "Invoices", map[string]any{"filter": []any{map[string]any{"op": "eq", "field": "isVoided", "value": nil}}}, 500, "not null"},
		{"MaxRecords 0", "Invoices", map[string]any{"MaxRecords": 0, "filter": []any{cond("exist", "id", nil)}}, 500, "between 1 and 500"},
		{"maxRecords 501", "Invoices", map[string]any{"maxRecords": 501, "filter": []any{cond("exist", "id", nil)}}, 500, "between 1 and 500"},
		{"in over 500 values", "Invoices", map[string]any{"filter": []any{cond("in", "id", many)}}, 500, "at most 500"},
		{"in without array", "Invoices", map[string]any{"filter": []any{cond("in", "id", 5)}}, 500, "array"},
		{"two udfs", "Companies", map[string]any{"filter": []any{
			map[string]any{"op": "eq", "field": "Ledger", "value": "x", "udf": true},
			map[string]any{"op": "eq", "field": "Segment", "value": "x", "udf": true}}}, 500, "one user-defined field"},
		{"unknown udf", "Companies", map[string]any{"filter": []any{map[string]any{"op": "eq", "field": "Nope", "value": "x", "udf": true}}}, 500, "Unable to find Nope"},
		{"udf on entity without udfs", "Invoices", map[string]any{"filter": []any{map[string]any{"op": "eq", "field": "x", "value": "x", "udf": true}}}, 500, "no user-defined fields"},
		{"contains on a number", "Invoices", map[string]any{"filter": []any{cond("contains", "companyID", 1)}}, 500, "text fields only"},
		{"bad date", "Invoices", map[string]any{"filter": []any{cond("gt", "invoiceDateTime", "yesterday")}}, 500, "not a valid value"},
		{"not queryable", "Invoices", map[string]any{"filter": []any{cond("exist", "dueDate", nil)}}, 500, "not queryable"},
		{"empty group", "Invoices", map[string]any{"filter": []any{map[string]any{"op": "or", "items": []any{}}}}, 500, "no items"},
		{"not json", "Invoices", "{nope", 500, "could not be read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := call(t, s, "POST", c.entity+"/query", c.body, nil)
			if r.status != c.status || !strings.Contains(r.errorText(), c.want) {
				t.Fatalf("got %d %s, want %d %q", r.status, r.body, c.status, c.want)
			}
		})
	}
}

func TestQueryGETAndPascalCase(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	search := `{"MaxRecords":1,"IncludeFields":["id","invoiceNumber"],"Filter":[{"op":"exist","field":"id"}]}`
	r := call(t, s, "GET", "Invoices/query?search="+url.QueryEscape(search), nil, nil)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	want := `{"items":[{"id":100,"invoiceNumber":"INV-100"}],"pageDetails":`
	if !strings.HasPrefix(string(r.body), want) {
		t.Fatalf("body %s", r.body)
	}
	if r := call(t, s, "GET", "Invoices/query", nil, nil); r.status != 500 {
		t.Fatalf("missing search: %d", r.status)
	}
}

func TestCountAndGet(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	f := map[string]any{"filter": []any{cond("eq", "companyID", 1)}}
	if r := call(t, s, "POST", "Invoices/query/count", f, nil); string(r.body) != "{\"queryCount\":2}\n" {
		t.Fatalf("POST count: %d %s", r.status, r.body)
	}
	search := url.QueryEscape(`{"filter":[{"op":"exist","field":"id"}]}`)
	if r := call(t, s, "GET", "Invoices/query/count?search="+search, nil, nil); string(r.body) != "{\"queryCount\":3}\n" {
		t.Fatalf("GET count: %d %s", r.status, r.body)
	}
	if r := call(t, s, "GET", "Invoices/999", nil, nil); r.status != 200 || string(r.body) != "{\"item\":null}\n" {
		t.Fatalf("missing: %d %s", r.status, r.body)
	}
	r := call(t, s, "GET", "BillingItems/5000", nil, nil)
	body := string(r.body)
	for _, want := range []string{
		`"quantity":3.1750`, `"rate":100.0000`, `"extendedPrice":317.5000`, `"purchaseOrderNumber":""`,
		`"ticketID":null`, `"nonBillable":0`, `"postedOnTime":"2022-12-02T08:52:54.023Z"`,
		`"itemDate":"2021-12-01T00:00:00Z"`, `"description":"Work 日本 🚀"`, `{"item":{"id":5000,`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("record lacks %s: %s", want, body)
		}
	}
	c := call(t, s, "GET", "Companies/3", nil, nil)
	if !strings.Contains(string(c.body), `"userDefinedFields":[]`) {
		t.Errorf("absent UDF list should be []: %s", c.body)
	}
}

func TestDatasetValidation(t *testing.T) {
	cases := []struct {
		name string
		d    autotasksim.Dataset
		want string
	}{
		{"unknown field", autotasksim.Dataset{"Invoices": {{"id": num("7"), "total": num("1")}}}, `Invoices id 7: unknown field "total"`},
		{"unknown entity", autotasksim.Dataset{"Widgets": {{"id": num("1")}}}, `unknown entity "Widgets"`},
		{"wrong type", autotasksim.Dataset{"Invoices": {{"id": num("7"), "isVoided": "no"}}}, "isVoided"},
		{"float id", autotasksim.Dataset{"Invoices": {{"id": num("7.5")}}}, "positive integer"},
		{"bad date", autotasksim.Dataset{"Invoices": {{"id": num("7"), "paidDate": "31/12/2024"}}}, "ISO-8601"},
		{"duplicate id", autotasksim.Dataset{"Invoices": {{"id": num("7")}, {"id": num("7")}}}, "duplicate id 7"},
		{"udf on entity without", autotasksim.Dataset{"Invoices": {{"id": num("7"), "userDefinedFields": []any{}}}}, "unknown field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := autotasksim.New(autotasksim.Options{Data: c.d})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want %q", err, c.want)
			}
		})
	}
}
