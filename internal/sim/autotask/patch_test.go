package autotasksim_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

func TestPatch(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	cases := []struct {
		name, entity string
		body         any
		status       int
		want         string
	}{
		{"invoice number", "Invoices", map[string]any{"id": 101, "invoiceNumber": "XERO-0001"}, 200, `{"itemId":101}`},
		{"web service date", "Invoices", map[string]any{"id": 100, "webServiceDate": "2024-06-02T09:15:00Z"}, 200, `{"itemId":100}`},
		{"paid date only", "Invoices", map[string]any{"id": 100, "paidDate": "2024-06-20"}, 200, `{"itemId":100}`},
		{"billing item web service date", "BillingItems", map[string]any{"id": 5000, "webServiceDate": "2024-06-02T09:15:00Z"}, 200, `{"itemId":5000}`},
		{"read-only invoice field", "Invoices", map[string]any{"id": 100, "invoiceTotal": 1}, 500, "invoiceTotal"},
		{"read-only item field", "BillingItems", map[string]any{"id": 5000, "invoiceID": 0}, 500, "invoiceID"},
		{"number too long", "Invoices", map[string]any{"id": 100, "invoiceNumber": strings.Repeat("9", 101)}, 500, "longer than 100"},
		{"number not text", "Invoices", map[string]any{"id": 100, "invoiceNumber": 5}, 500, "must be text"},
		{"bad date", "Invoices", map[string]any{"id": 100, "paidDate": "soon"}, 500, "ISO-8601"},
		{"unknown field", "Invoices", map[string]any{"id": 100, "colour": "red"}, 500, "Unable to find colour"},
		{"no id", "Invoices", map[string]any{"invoiceNumber": "x"}, 500, "id of the Invoice"},
		{"unknown id", "Invoices", map[string]any{"id": 999, "invoiceNumber": "x"}, 500, "id 999"},
		{"read-only company field", "Companies", map[string]any{"id": 1, "createDate": "2024-01-01"}, 500, "read-only"},
		{"company name", "Companies", map[string]any{"id": 1, "companyName": "Acme Widgets BV"}, 200, `{"itemId":1}`},
		{"company name cleared", "Companies", map[string]any{"id": 1, "companyName": ""}, 500, "required"},
		{"company phone too long", "Companies", map[string]any{"id": 1, "phone": strings.Repeat("1", 26)}, 500, "longer than 25"},
		{"company type not in picklist", "Companies", map[string]any{"id": 1, "companyType": 99}, 500, "not a valid picklist value"},
		{"unknown owner", "Companies", map[string]any{"id": 1, "ownerResourceID": 12345}, 500, "does not exist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := call(t, s, "PATCH", c.entity, c.body, nil)
			got := string(r.body)
			if r.status != 200 {
				got = r.errorText()
			}
			if r.status != c.status || !strings.Contains(got, c.want) {
				t.Fatalf("got %d %s, want %d %q", r.status, r.body, c.status, c.want)
			}
		})
	}
	d := s.Dataset()
	inv := map[any]autotasksim.Record{}
	for _, r := range d["Invoices"] {
		inv[r["id"]] = r
	}
	if inv[num("101")]["invoiceNumber"] != "XERO-0001" || inv[num("100")]["paidDate"] != "2024-06-20T00:00:00Z" ||
		inv[num("100")]["invoiceTotal"] != num("386.6450") {
		t.Fatalf("after patch: %v / %v", inv[num("100")], inv[num("101")])
	}
	// Dataset is a copy.
	d["Invoices"][0]["invoiceNumber"] = "changed"
	if got := call(t, s, "GET", "Invoices/100", nil, nil); strings.Contains(string(got.body), "changed") {
		t.Fatal("Dataset() shares records with the server")
	}
}

func TestPersistenceSurvivesRestart(t *testing.T) {
	file := filepath.Join(t.TempDir(), "autotask.json")
	s1, err := autotasksim.New(autotasksim.Options{Data: sample(), DataFile: file})
	if err != nil {
		t.Fatal(err)
	}
	if err := s1.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	if r := call(t, s1, "PATCH", "Invoices", map[string]any{"id": 101, "invoiceNumber": "QBO-77"}, nil); r.status != 200 {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(file + ".*") // the temporary files of atomic writes
	if len(matches) != 0 {
		t.Fatalf("temp files left: %v", matches)
	}
	// Data is ignored once the file exists.
	s2 := start(t, autotasksim.Options{Data: autotasksim.Dataset{}, DataFile: file})
	r := call(t, s2, "GET", "Invoices/101", nil, nil)
	if !strings.Contains(string(r.body), `"invoiceNumber":"QBO-77"`) || !strings.Contains(string(r.body), `"invoiceTotal":-20.0000`) {
		t.Fatalf("after restart: %s", r.body)
	}
	d, err := autotasksim.LoadDataset(file)
	if err != nil || len(d["BillingItems"]) != 1 {
		t.Fatalf("LoadDataset: %v %v", err, d)
	}
}

func TestLoadDatasetRejectsUnknownField(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(file, []byte(`{"BillingItems":[{"id":42,"type":1}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := autotasksim.LoadDataset(file)
	if err == nil || !strings.Contains(err.Error(), `BillingItems id 42: unknown field "type"`) {
		t.Fatalf("err %v", err)
	}
	if _, err := autotasksim.New(autotasksim.Options{DataFile: file}); err == nil {
		t.Fatal("New accepted a bad data file")
	}
}
