package xero_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/xero"
)

func TestLimitsFromHeaders(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) {
		return 200, http.Header{
			"X-Minlimit-Remaining":    {"57"},
			"X-Daylimit-Remaining":    {"812"},
			"X-Appminlimit-Remaining": {"9990"},
		}, `{"Currencies":[]}`
	})
	c := f.client(xero.WithDailyLimit(xero.StarterDayLimit), xero.WithTenantName("Acme NZ"))
	if l := c.Limits(); l.DayRemaining != -1 || l.MinuteRemaining != -1 || !l.Updated.IsZero() {
		t.Errorf("before any call: %+v", l)
	}
	// Before Xero has said anything, the tier's allowance is the budget.
	if err := c.CheckDayBudget(1001); apperr.CodeOf(err) != apperr.RateLimited {
		t.Errorf("1001 calls on the Starter tier: %v", err)
	}
	if _, err := c.Currencies(context.Background()); err != nil {
		t.Fatal(err)
	}
	l := c.Limits()
	if l.MinuteRemaining != 57 || l.DayRemaining != 812 || l.AppMinuteRemaining != 9990 || l.Updated.IsZero() {
		t.Errorf("limits %+v", l)
	}
	if err := c.CheckDayBudget(812); err != nil {
		t.Errorf("812 calls with 812 left: %v", err)
	}
	err := c.CheckDayBudget(813)
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Message, "needs about 813") || !strings.Contains(ae.Message, "only 812") || !strings.Contains(ae.Message, "Acme NZ") {
		t.Errorf("813 calls with 812 left: %v", err)
	}
}

// TestLimitsConcurrent is for -race: many calls update the limits at once.
func TestLimitsConcurrent(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) {
		return 200, http.Header{"X-Daylimit-Remaining": {"100"}}, `{"Currencies":[]}`
	})
	c := f.client()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			c.Currencies(context.Background())
			c.Limits()
		})
	}
	wg.Wait()
	if c.Limits().DayRemaining != 100 {
		t.Errorf("limits %+v", c.Limits())
	}
}
