package autotasksim_test

import (
	"strings"
	"testing"
	"time"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

func TestCreateCompany(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	data := sample()
	data["Resources"] = []autotasksim.Record{{"id": num("29682885"), "firstName": "Api", "lastName": "User", "isActive": true},
		{"id": num("7"), "firstName": "Gone", "lastName": "Person", "isActive": false}}
	data["Countries"] = []autotasksim.Record{{"id": num("150"), "countryCode": "NL", "name": "Netherlands", "isActive": true}}
	s := start(t, autotasksim.Options{Data: data, Now: func() time.Time { return now }})
	good := func(extra map[string]any) map[string]any {
		m := map[string]any{"companyName": "Nieuw BV", "companyType": 1, "ownerResourceID": 29682885, "phone": "+31 20 555 0101",
			"countryID": 150, "taxID": "NL001234567B01"}
		for k, v := range extra {
			if v == nil {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	cases := []struct {
		name   string
		body   map[string]any
		status int
		want   string
	}{
		{"created", good(nil), 200, `{"itemId":4}`},
		{"no name", good(map[string]any{"companyName": nil}), 500, "companyName in the Account Entity is required"},
		{"no phone", good(map[string]any{"phone": ""}), 500, "phone in the Account Entity is required"},
		{"no owner", good(map[string]any{"ownerResourceID": nil}), 500, "ownerResourceID"},
		{"inactive owner", good(map[string]any{"ownerResourceID": 7}), 500, "inactive Resource"},
		{"bad type", good(map[string]any{"companyType": 5}), 500, "not a valid picklist value"},
		{"bad country", good(map[string]any{"countryID": 999}), 500, "does not exist"},
		{"read-only field", good(map[string]any{"lastActivityDate": "2026-01-01"}), 500, "read-only"},
		{"id given", good(map[string]any{"id": 77}), 500, "assigned by Autotask"},
		{"name too long", good(map[string]any{"companyName": strings.Repeat("x", 101)}), 500, "longer than 100"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := call(t, s, "POST", "Companies", c.body, nil)
			got := string(r.body)
			if r.status != 200 {
				got = r.errorText()
			}
			if r.status != c.status || !strings.Contains(got, c.want) {
				t.Fatalf("got %d %s, want %d %q", r.status, r.body, c.status, c.want)
			}
		})
	}
	if r := call(t, s, "POST", "Invoices", map[string]any{"companyID": 1}, nil); r.status != 405 {
		t.Fatalf("create invoice: %d %s", r.status, r.body)
	}
	r := call(t, s, "GET", "Companies/4", nil, nil)
	item := r.json(t)["item"].(map[string]any)
	stamp := "2026-03-01T09:30:00Z"
	if item["companyName"] != "Nieuw BV" || item["isActive"] != true || item["createDate"] != stamp ||
		item["lastTrackedModifiedDateTime"] != stamp || item["lastActivityDate"] != stamp || item["createdByResourceID"] != num("29682885") {
		t.Fatalf("created company: %v", item)
	}
	// A later change moves the modification time, and queries see it.
	now = now.Add(time.Hour)
	if r := call(t, s, "PATCH", "Companies", map[string]any{"id": 4, "city": "Utrecht"}, nil); r.status != 200 {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	items, _ := query(t, s, "Companies", map[string]any{"filter": []any{
		map[string]any{"op": "gt", "field": "lastTrackedModifiedDateTime", "value": "2026-03-01T10:00:00Z"}}})
	if ids(items) != "4" || items[0]["lastTrackedModifiedDateTime"] != "2026-03-01T10:30:00Z" {
		t.Fatalf("changed since: %v", items)
	}
	fields := call(t, s, "GET", "Companies/entityInformation/fields", nil, nil).json(t)["fields"].([]any)
	required := map[string]bool{}
	for _, f := range fields {
		m := f.(map[string]any)
		if m["isRequired"] == true {
			required[m["name"].(string)] = true
		}
	}
	for _, n := range []string{"companyName", "companyType", "ownerResourceID", "phone"} {
		if !required[n] {
			t.Errorf("%s not marked required: %v", n, required)
		}
	}
}
