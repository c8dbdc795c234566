package autotask

import (
	"context"
	"fmt"
	"math"
	"net/http"

	"github.com/billbridge/billbridge/internal/apperr"
	"golang.org/x/time/rate"
)

// Threshold is the tenant's API budget as Autotask reports it. The budget
// (10,000 requests a rolling hour by default) is shared by every integration
// of the Autotask database, not just Billbridge.
type Threshold struct {
	Limit            int `json:"limit"`            // externalRequestThreshold
	TimeframeMinutes int `json:"timeframeMinutes"` // requestThresholdTimeframe
	Used             int `json:"used"`             // currentTimeframeRequestCount
}

// Usage is Used as a fraction of Limit (0 when Autotask reports no limit).
func (t Threshold) Usage() float64 {
	if t.Limit <= 0 {
		return 0
	}
	return float64(t.Used) / float64(t.Limit)
}

// Slow-down policy. Autotask itself adds about 0.5 s a call from 50 % and
// 1 s from 75 %; pacing ourselves to the same rate costs nothing extra and
// leaves the rest of the budget to the tenant's other integrations. Past
// 90 % a run could lock every integration out, so new work is refused.
const (
	slowFrom     = 0.50
	slowerFrom   = 0.75
	refuseFrom   = 0.90
	slowRate     = rate.Limit(2) // requests a second from 50 %
	slowerRate   = rate.Limit(1) // from 75 %
	resumeTarget = 0.50          // usage the refusal asks the user to wait for
)

// Threshold reads ThresholdInformation and paces the client to it: at
// normal speed below 50 % usage, 2 requests a second from 50 %, 1 from 75 %.
func (c *Client) Threshold(ctx context.Context) (Threshold, error) {
	var out struct {
		Limit     int `json:"externalRequestThreshold"`
		Timeframe int `json:"requestThresholdTimeframe"`
		Used      int `json:"currentTimeframeRequestCount"`
	}
	err := c.do(ctx, call{method: http.MethodGet, url: c.url("ThresholdInformation"), entity: "ThresholdInformation", op: "threshold"}, &out)
	if err != nil {
		return Threshold{}, fmt.Errorf("autotask: threshold: %w", err)
	}
	t := Threshold{Limit: out.Limit, TimeframeMinutes: out.Timeframe, Used: out.Used}
	c.pace(t)
	return t, nil
}

// Guard is Threshold plus a refusal: call it before starting a run. Past
// 90 % of the budget it returns an apperr RateLimited saying how long to wait.
func (c *Client) Guard(ctx context.Context) (Threshold, error) {
	t, err := c.Threshold(ctx)
	if err != nil {
		return t, err
	}
	if t.Usage() >= refuseFrom {
		mins := t.minutesUntil(resumeTarget)
		return t, apperr.New(apperr.RateLimited,
			fmt.Sprintf("Autotask's API budget for this database is nearly used up: %d of %d requests in the last %d minutes",
				t.Used, t.Limit, t.TimeframeMinutes),
			fmt.Sprintf("Wait about %d minutes and try again. The budget is shared by every integration on this Autotask database; Admin → Extensions & Integrations → API Activity by Hour shows which one uses it.", mins))
	}
	return t, nil
}

// minutesUntil estimates how long until usage falls to target, assuming the
// requests in the rolling window were spread evenly over it.
func (t Threshold) minutesUntil(target float64) int {
	if t.Used <= 0 || t.TimeframeMinutes <= 0 {
		return 1
	}
	excess := float64(t.Used) - target*float64(t.Limit)
	if excess <= 0 {
		return 1
	}
	perMinute := float64(t.Used) / float64(t.TimeframeMinutes)
	return max(1, int(math.Ceil(excess/perMinute)))
}

// pace sets the client's limiter for usage t. The limit the client started
// with is kept as the ceiling, so a caller's own slower limit survives.
func (c *Client) pace(t Threshold) {
	c.paceMu.Lock()
	defer c.paceMu.Unlock()
	if !c.paced {
		c.baseLimit, c.paced = c.limiter.Limit(), true
	}
	want := c.baseLimit
	switch u := t.Usage(); {
	case u >= slowerFrom:
		want = min(want, slowerRate)
	case u >= slowFrom:
		want = min(want, slowRate)
	}
	if c.limiter.Limit() != want {
		c.log.Info("autotask pacing", "used", t.Used, "limit", t.Limit, "requestsPerSecond", float64(want))
		c.limiter.SetLimit(want)
	}
}
