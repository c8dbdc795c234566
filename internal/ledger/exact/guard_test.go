package exact_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// TestGuardStopsFailingEndpoint: after MaxFailuresPerHour failed calls an
// endpoint is not called again for the hour; other endpoints still are.
func TestGuardStopsFailingEndpoint(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		if r.Method == http.MethodPost {
			return 400, nil, `{"error":{"code":"","message":{"lang":"","value":"Line 1: GLAccount does not exist."}}}`
		}
		return 200, nil, empty
	})
	c := f.client(exact.WithClock(clk.Now), exact.WithSleep(clk.Sleep), exact.WithDivisionName("Acme BV"))
	ctx := context.Background()
	for i := range exact.MaxFailuresPerHour {
		_, err := c.CreateSalesEntry(ctx, salesEntry("1042"))
		if apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
		clk.Advance(time.Minute)
	}
	if got := c.Failures("salesentry/SalesEntries"); got != exact.MaxFailuresPerHour {
		t.Errorf("Failures = %d", got)
	}
	_, err := c.CreateSalesEntry(ctx, salesEntry("1043"))
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Message, "stopped calling") ||
		!strings.Contains(ae.Message, "salesentry/SalesEntries") || !strings.Contains(ae.Message, "GLAccount does not exist") ||
		!strings.Contains(ae.Fix, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC).Local().Format("15:04")) {
		t.Errorf("guard error %v", err)
	}
	posts := 0
	for _, r := range f.requests() {
		if r.Method == http.MethodPost {
			posts++
		}
	}
	if posts != exact.MaxFailuresPerHour {
		t.Errorf("%d POSTs reached Exact, want %d", posts, exact.MaxFailuresPerHour)
	}
	// Reads of other endpoints go on.
	if _, err := c.VATCodes(ctx); err != nil {
		t.Errorf("other endpoint: %v", err)
	}
	// An hour after the first failure the endpoint may be tried again.
	clk.Advance(56 * time.Minute)
	if _, err := c.CreateSalesEntry(ctx, salesEntry("1043")); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("after the hour: %v", err)
	}
}

// TestGuardIgnoresOtherStatuses: 429 and 5xx do not count towards Exact's
// block, so they do not stop the endpoint either.
func TestGuardIgnoresOtherStatuses(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) { return 503, nil, `busy` })
	c := f.client()
	for range exact.MaxFailuresPerHour + 2 {
		if _, err := c.VATCodes(context.Background()); apperr.CodeOf(err) != apperr.Unavailable {
			t.Fatalf("error %v", err)
		}
	}
	if c.Failures("vat/VATCodes") != 0 {
		t.Errorf("5xx counted as failures")
	}
}
