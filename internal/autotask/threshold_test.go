package autotask_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"golang.org/x/time/rate"
)

func TestThresholdPacesTheClient(t *testing.T) {
	var used atomic.Int64
	f := newFake(t, map[string]http.HandlerFunc{
		"GET thresholdinformation": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, map[string]int64{"externalRequestThreshold": 10000, "requestThresholdTimeframe": 60, "currentTimeframeRequestCount": used.Load()})
		},
	})
	lim := rate.NewLimiter(10, 10) // the caller's own pace is the ceiling; the burst keeps the test fast
	c := autotask.New(f.zone(), autotask.Config{HTTP: f.srv.Client(), Limiter: lim}, testCreds)
	ctx := context.Background()
	steps := []struct {
		used int64
		want rate.Limit
	}{
		{100, 10}, {5000, 2}, {7600, 1}, {5200, 2}, {1000, 10},
	}
	for _, s := range steps {
		used.Store(s.used)
		th, err := c.Threshold(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if th.Used != int(s.used) || th.Limit != 10000 || th.TimeframeMinutes != 60 {
			t.Fatalf("threshold = %+v", th)
		}
		if lim.Limit() != s.want {
			t.Errorf("at %d used: limit %v, want %v", s.used, lim.Limit(), s.want)
		}
	}
	used.Store(9500)
	th, err := c.Guard(ctx)
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.RateLimited || !strings.Contains(e.Message, "9500 of 10000") ||
		!strings.Contains(e.Fix, "Wait about 29 minutes") || th.Used != 9500 {
		t.Fatalf("guard at 95%%: %+v, %v", th, err)
	}
	used.Store(8000)
	if _, err := c.Guard(ctx); err != nil {
		t.Fatalf("guard at 80%%: %v", err)
	}
}
