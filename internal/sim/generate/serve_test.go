package generate_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
)

// TestServeGeneratedMonth reads every billing item of a generated month
// through the simulator by paging; the request count is ceil(items/500).
func TestServeGeneratedMonth(t *testing.T) {
	d := generate.Month(generate.Options{Seed: 5, Invoices: 500, ItemsPerInvoice: 20})
	t0 := time.Now()
	s, err := autotasksim.New(autotasksim.Options{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(t0)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	next := s.URL() + "ATServicesRest/V1.0/BillingItems/query"
	body := `{"filter":[{"op":"exist","field":"id"}]}`
	read, requests := 0, 0
	t0 = time.Now()
	for next != "" {
		method := "POST"
		if requests > 0 {
			method, body = "GET", ""
		}
		req, _ := http.NewRequest(method, next, strings.NewReader(body))
		req.Header.Set("ApiIntegrationCode", autotasksim.DemoCredential.IntegrationCode)
		req.Header.Set("UserName", autotasksim.DemoCredential.UserName)
		req.Header.Set("Secret", autotasksim.DemoCredential.Secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Items       []json.RawMessage
			PageDetails struct{ NextPageURL *string }
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("page %d: %d %v", requests, resp.StatusCode, err)
		}
		requests++
		read += len(page.Items)
		next = ""
		if page.PageDetails.NextPageURL != nil {
			next = *page.PageDetails.NextPageURL
		}
	}
	want := len(d["BillingItems"])
	if read != want || requests != (want+499)/500 {
		t.Fatalf("read %d of %d items in %d requests", read, want, requests)
	}
	t.Logf("loaded %d items in %v; read them in %d requests, %v", want, loaded, requests, time.Since(t0))
}
