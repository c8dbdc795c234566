package autotask_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"golang.org/x/time/rate"
)

func TestSimConnectionTest(t *testing.T) {
	inactive := autotasksim.Credential{UserName: "old-api@demo-msp.example", Secret: "x", IntegrationCode: "BILLBRIDGE-DEMO", Active: false}
	s := startSim(t, records(t, map[string][]map[string]any{
		autotask.EntityInvoices:  {{"id": 1}},
		autotask.EntityCompanies: {{"id": 1}, {"id": 2}},
	}), func(o *autotasksim.Options) {
		o.Credentials = []autotasksim.Credential{autotasksim.DemoCredential, inactive}
	})
	cfg := autotask.Config{ZoneLookupURL: s.ZoneLookupURL(), HTTP: simHTTP(nil)}
	ctx := context.Background()

	c, err := autotask.Connect(ctx, cfg, simCreds)
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.TestConnection(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Companies != 2 || info.Invoices != 1 || info.Threshold.Limit != 10000 || info.ZoneURL != s.URL()+"ATServicesRest/" {
		t.Fatalf("info = %+v", info)
	}

	tests := []struct {
		name    string
		creds   autotask.Credentials
		code    apperr.Code
		message string
	}{
		{"unknown user", autotask.Credentials{UserName: "nobody@demo-msp.example", Secret: "x", IntegrationCode: "y"},
			apperr.Invalid, "Autotask does not know the API user nobody@demo-msp.example"},
		{"wrong secret", autotask.Credentials{UserName: simCreds.UserName, Secret: "wrong", IntegrationCode: simCreds.IntegrationCode},
			apperr.Reconnect, "refused the secret or the integration code"},
		{"wrong integration code", autotask.Credentials{UserName: simCreds.UserName, Secret: simCreds.Secret, IntegrationCode: "OTHER"},
			apperr.Reconnect, "refused the API integration code"},
		{"inactive user", autotask.Credentials{UserName: inactive.UserName, Secret: inactive.Secret, IntegrationCode: inactive.IntegrationCode},
			apperr.Reconnect, "old-api@demo-msp.example is inactive"},
		{"missing integration code", autotask.Credentials{UserName: simCreds.UserName, Secret: simCreds.Secret},
			apperr.Invalid, "integration code is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := autotask.Connect(ctx, cfg, tt.creds)
			if err == nil {
				_, err = c.TestConnection(ctx)
			}
			e, ok := apperr.As(err)
			if !ok || e.Code != tt.code || !strings.Contains(e.Message, tt.message) || e.Fix == "" {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestSimThresholdSlowsDown(t *testing.T) {
	s := startSim(t, records(t, map[string][]map[string]any{autotask.EntityTaxRegions: {{"id": 1}}}), func(o *autotasksim.Options) {
		o.HourlyThreshold = 40
		o.TimeScale = 100 // the simulator's own slow-down (0.5–1 s a call) in milliseconds; the hour is 36 s
	})
	lim := rate.NewLimiter(rate.Inf, 1)
	c, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: s.ZoneLookupURL(), HTTP: simHTTP(nil), Limiter: lim}, simCreds)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	th, err := c.Threshold(ctx)
	if err != nil || th.Limit != 40 || th.TimeframeMinutes != 60 || lim.Limit() != rate.Inf {
		t.Fatalf("fresh threshold = %+v (%v), limit %v", th, err, lim.Limit())
	}
	for range 20 {
		if _, err := c.Count(ctx, autotask.EntityTaxRegions); err != nil {
			t.Fatal(err)
		}
	}
	th, err = c.Threshold(ctx)
	if err != nil || th.Used < 20 || lim.Limit() != 2 {
		t.Fatalf("at %d of %d: limit %v (%v)", th.Used, th.Limit, lim.Limit(), err)
	}
	lim.SetLimit(rate.Inf) // only to fill the budget quickly; the next reading paces again
	for range 16 {
		if _, err := c.Count(ctx, autotask.EntityTaxRegions); err != nil {
			t.Fatal(err)
		}
	}
	th, err = c.Guard(ctx)
	if apperr.CodeOf(err) != apperr.RateLimited || th.Used < 36 {
		t.Fatalf("guard at %d of %d: %v", th.Used, th.Limit, err)
	}
}

func TestSimRetriesWithHTTPX(t *testing.T) {
	s := startSim(t, records(t, map[string][]map[string]any{
		autotask.EntityInvoices: {{"id": 1}, {"id": 2}},
	}), nil)
	counter := httpx.NewCounter()
	c := connectSim(t, s, simHTTP(counter))
	ctx := context.Background()
	tests := []struct {
		name   string
		faults autotasksim.Faults
		call   func() error
	}{
		{"429 burst on a POST query", autotasksim.Faults{Status429Burst: 3}, func() error {
			got, err := autotask.QueryAll[autotask.Invoice](ctx, c, autotask.EntityInvoices, autotask.Query{})
			if err == nil && len(got) != 2 {
				t.Errorf("%d invoices", len(got))
			}
			return err
		}},
		{"503 on a POST query", autotasksim.Faults{ErrorRate: 0.5, Status5xx: 503, Seed: 3}, func() error {
			_, err := autotask.QueryAll[autotask.Invoice](ctx, c, autotask.EntityInvoices, autotask.Query{})
			return err
		}},
		{"500 on a GET", autotasksim.Faults{ErrorRate: 0.5, Status5xx: 500, Seed: 7}, func() error {
			_, err := autotask.Get[autotask.Invoice](ctx, c, autotask.EntityInvoices, 1)
			return err
		}},
		{"connection resets", autotasksim.Faults{ResetRate: 0.5, Seed: 11}, func() error {
			_, err := c.Count(ctx, autotask.EntityInvoices)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.SetFaults(tt.faults)
			defer s.SetFaults(autotasksim.Faults{})
			before := counter.Total()
			for range 5 {
				if err := tt.call(); err != nil {
					t.Fatalf("not recovered: %v", err)
				}
			}
			if counter.Total()-before <= 5 {
				t.Fatalf("%d attempts for 5 calls: the fault never fired", counter.Total()-before)
			}
		})
	}
}

func TestSimNeverExceedsThreadLimit(t *testing.T) {
	s := startSim(t, records(t, map[string][]map[string]any{autotask.EntityInvoices: {{"id": 1}}}), nil)
	// No retries: a 429 from the thread limit must show up as an error.
	hc := httpx.NewClient(httpx.Options{Name: "autotask", MaxRetries: -1})
	c := connectSim(t, s, hc)
	s.SetFaults(autotasksim.Faults{Latency: 15 * time.Millisecond})
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for range 12 {
		wg.Go(func() {
			if _, err := c.Count(context.Background(), autotask.EntityInvoices); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent count: %v", err)
	}
	for _, r := range s.Requests() {
		if r.Status == 429 {
			t.Fatal("the simulator saw more than 3 concurrent requests on one entity")
		}
	}
}
