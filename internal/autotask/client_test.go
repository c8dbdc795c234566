package autotask_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
)

func TestHeadersOnEveryCall(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"GET thresholdinformation":  jsonHandler(200, map[string]int{"externalRequestThreshold": 10000, "requestThresholdTimeframe": 60, "currentTimeframeRequestCount": 5}),
		"POST invoices/query":       jsonHandler(200, map[string]any{"items": []any{}, "pageDetails": map[string]any{"count": 0, "nextPageUrl": nil}}),
		"POST invoices/query/count": jsonHandler(200, map[string]int{"queryCount": 3}),
		"GET invoices/7":            jsonHandler(200, map[string]any{"item": map[string]any{"id": 7}}),
	})
	creds := testCreds
	creds.ImpersonationResourceID = 29682885
	spy := &headerSpy{next: f.srv.Client().Transport}
	c := autotask.New(f.zone(), autotask.Config{HTTP: &http.Client{Transport: spy}}, creds)
	ctx := context.Background()
	if _, err := c.Threshold(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := autotask.QueryAll[autotask.Invoice](ctx, c, autotask.EntityInvoices, autotask.Query{}); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Count(ctx, autotask.EntityInvoices); err != nil || n != 3 {
		t.Fatalf("count = %d, %v", n, err)
	}
	if inv, err := autotask.Get[autotask.Invoice](ctx, c, autotask.EntityInvoices, 7); err != nil || inv.ID != 7 {
		t.Fatalf("get = %+v, %v", inv, err)
	}
	for _, keys := range spy.keys {
		for _, k := range []string{"ApiIntegrationCode", "UserName", "Secret", "ImpersonationResourceId"} {
			if !slices.Contains(keys, k) {
				t.Errorf("header %s not sent with Autotask's spelling; sent %v", k, keys)
			}
		}
	}
	reqs := f.requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests, want 4", len(reqs))
	}
	want := map[string]string{
		"ApiIntegrationCode":      "TRACK-ID-1",
		"UserName":                "api@msp.example",
		"Secret":                  "s3cret-value",
		"ImpersonationResourceId": "29682885",
		"Content-Type":            "application/json",
		"Accept":                  "application/json",
	}
	for _, r := range reqs {
		if !strings.HasPrefix(r.Path, "/ATServicesRest/V1.0/") {
			t.Errorf("%s %s: not below the zone's V1.0/", r.Method, r.Path)
		}
		for k, v := range want {
			if got := r.Header.Get(k); got != v {
				t.Errorf("%s %s: header %s = %q, want %q", r.Method, r.Path, k, got, v)
			}
		}
	}
}

func TestNoImpersonationHeaderByDefault(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"GET thresholdinformation": jsonHandler(200, map[string]int{"externalRequestThreshold": 10000}),
	})
	if _, err := f.client().Threshold(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.requests()[0].Header["Impersonationresourceid"]; ok {
		t.Error("ImpersonationResourceId sent without an impersonation id")
	}
}

func TestConnectDiscoversZone(t *testing.T) {
	var zoneFake *fake
	lookup := newFake(t, map[string]http.HandlerFunc{
		"GET zoneinformation": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, map[string]any{"zoneName": "Zone Test", "url": zoneFake.zone(), "webUrl": "https://ww5.autotask.net/", "ci": 5})
		},
	})
	zoneFake = newFake(t, map[string]http.HandlerFunc{
		"GET thresholdinformation": jsonHandler(200, map[string]int{"externalRequestThreshold": 10000, "requestThresholdTimeframe": 60}),
	})
	creds := testCreds
	creds.UserName = "api+billing@msp.example"
	cfg := autotask.Config{ZoneLookupURL: lookup.srv.URL + "/atservicesrest/", HTTP: lookup.srv.Client()}
	c, err := autotask.Connect(context.Background(), cfg, creds)
	if err != nil {
		t.Fatal(err)
	}
	if c.ZoneURL() != zoneFake.zone() || c.Zone().ZoneName != "Zone Test" {
		t.Fatalf("zone = %q %+v", c.ZoneURL(), c.Zone())
	}
	lr := lookup.requests()
	if len(lr) != 1 || lr[0].Path != "/atservicesrest/V1.0/zoneInformation" || lr[0].Query != "user=api%2Bbilling%40msp.example" {
		t.Fatalf("zone lookup request = %+v", lr)
	}
	if _, err := c.Threshold(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(zoneFake.requests()) != 1 {
		t.Fatal("the threshold call did not go to the zone the lookup named")
	}
}

func TestNewWithBadZoneURL(t *testing.T) {
	c := autotask.New("not a url", autotask.Config{}, testCreds)
	_, err := c.Threshold(context.Background())
	if apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("err = %v, want an Invalid apperr", err)
	}
}

func TestNextPageOnAnotherHostRefused(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"POST companies/query": jsonHandler(200, map[string]any{
			"items":       []any{map[string]any{"id": 1}},
			"pageDetails": map[string]any{"count": 1, "nextPageUrl": "https://evil.example/ATServicesRest/V1.0/Companies/query/next?paging=x"},
		}),
	})
	_, err := autotask.QueryAll[autotask.Company](context.Background(), f.client(), autotask.EntityCompanies, autotask.Query{})
	if err == nil || !strings.Contains(err.Error(), "not on the zone") {
		t.Fatalf("err = %v, want a refusal to follow another host", err)
	}
}

func TestNetworkFailureIsUnavailable(t *testing.T) {
	f := newFake(t, nil)
	zone := f.zone()
	f.srv.Close()
	c := autotask.New(zone, autotask.Config{}, testCreds)
	_, err := c.Threshold(context.Background())
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Unavailable || !strings.Contains(e.Message, "Could not reach Autotask") {
		t.Fatalf("err = %v", err)
	}
}

func TestGetNullItemIsNotFound(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"GET invoices/404": jsonHandler(200, map[string]any{"item": nil}),
	})
	_, err := autotask.Get[autotask.Invoice](context.Background(), f.client(), autotask.EntityInvoices, 404)
	if !errors.Is(err, autotask.ErrNotFound) || !autotask.IsNotFound(err) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

// headerSpy records the header names exactly as the client put them on the wire.
type headerSpy struct {
	next http.RoundTripper
	mu   sync.Mutex
	keys [][]string
}

func (s *headerSpy) RoundTrip(r *http.Request) (*http.Response, error) {
	var keys []string
	for k := range r.Header {
		keys = append(keys, k)
	}
	s.mu.Lock()
	s.keys = append(s.keys, keys)
	s.mu.Unlock()
	return s.next.RoundTrip(r)
}
