package autotasksim_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// start runs a simulator on loopback for the test.
func start(t *testing.T, opts autotasksim.Options) *autotasksim.Server {
	t.Helper()
	s, err := autotasksim.New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func demoHeaders() http.Header {
	h := http.Header{}
	h.Set("ApiIntegrationCode", autotasksim.DemoCredential.IntegrationCode)
	h.Set("UserName", autotasksim.DemoCredential.UserName)
	h.Set("Secret", autotasksim.DemoCredential.Secret)
	h.Set("Content-Type", "application/json")
	return h
}

type reply struct {
	status int
	body   []byte
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(r.body))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("decode %q: %v", r.body, err)
	}
	return m
}

func (r reply) errorText() string {
	var m struct{ Errors []string }
	_ = json.Unmarshal(r.body, &m)
	return strings.Join(m.Errors, " | ")
}

// call sends one request; url may be absolute or relative to the zone URL.
func call(t *testing.T, s *autotasksim.Server, method, url string, body any, h http.Header) reply {
	t.Helper()
	if !strings.HasPrefix(url, "http") {
		url = s.URL() + "ATServicesRest/V1.0/" + url
	}
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if h == nil {
		h = demoHeaders()
	}
	req.Header = h
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, b}
}

// query posts a query and returns the decoded items and page details.
func query(t *testing.T, s *autotasksim.Server, entity string, q map[string]any) ([]map[string]any, map[string]any) {
	t.Helper()
	r := call(t, s, "POST", entity+"/query", q, nil)
	if r.status != 200 {
		t.Fatalf("query %s: %d %s", entity, r.status, r.body)
	}
	m := r.json(t)
	var items []map[string]any
	for _, it := range m["items"].([]any) {
		items = append(items, it.(map[string]any))
	}
	return items, m["pageDetails"].(map[string]any)
}

func ids(items []map[string]any) string {
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprint(it["id"]))
	}
	return strings.Join(out, ",")
}

func num(s string) json.Number { return json.Number(s) }

// sample is a small hand-written dataset covering the value types.
func sample() autotasksim.Dataset {
	return autotasksim.Dataset{
		"Companies": {
			{"id": num("1"), "companyName": "Acme Widgets", "isActive": true, "companyType": num("1"), "taxRegionID": num("10"),
				"userDefinedFields": []any{map[string]any{"name": "Ledger", "value": "Xero UK"}, map[string]any{"name": "Segment", "value": "SMB"}}},
			{"id": num("2"), "companyName": "Bäckerei Müller GmbH", "isActive": false, "companyType": num("1"), "taxRegionID": nil,
				"userDefinedFields": []any{map[string]any{"name": "Ledger", "value": "Exact NL"}}},
			{"id": num("3"), "companyName": "acme holdings", "isActive": true, "companyType": num("7")},
		},
		"Invoices": {
			{"id": num("100"), "companyID": num("1"), "invoiceNumber": "INV-100", "invoiceTotal": num("386.645"),
				"invoiceDateTime": "2024-05-31T00:00:00Z", "isVoided": false, "webServiceDate": nil},
			{"id": num("101"), "companyID": num("2"), "invoiceNumber": "", "invoiceTotal": num("-20"),
				"invoiceDateTime": "2024-06-01T10:30:00Z", "isVoided": true},
			{"id": num("102"), "companyID": num("1"), "invoiceNumber": "inv-102", "invoiceTotal": num("0.0000"),
				"invoiceDateTime": "2024-06-15T00:00:00Z", "isVoided": false},
		},
		"BillingItems": {
			{"id": num("5000"), "invoiceID": num("100"), "companyID": num("1"), "quantity": num("3.175"), "rate": num("100"),
				"extendedPrice": num("317.5"), "purchaseOrderNumber": "", "nonBillable": num("0"),
				"postedOnTime": "2022-12-02T08:52:54.023Z", "itemDate": "2021-12-01T00:00:00Z", "description": "Work 日本 🚀"},
		},
	}
}
