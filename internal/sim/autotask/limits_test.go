package autotasksim_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// clock is a settable time source for the rolling window.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time      { return time.Unix(0, c.ns.Load()) }
func (c *clock) add(d time.Duration) { c.ns.Add(int64(d)) }
func newClock() *clock {
	c := &clock{}
	c.ns.Store(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	return c
}
func threshold(t *testing.T, s *autotasksim.Server) map[string]any {
	t.Helper()
	return call(t, s, "GET", "ThresholdInformation", nil, nil).json(t)
}

func TestHourlyThreshold(t *testing.T) {
	clk := newClock()
	s := start(t, autotasksim.Options{Data: sample(), HourlyThreshold: 6, TimeScale: 3600 * 1000, Now: clk.now})
	for i := 0; i < 4; i++ {
		if r := call(t, s, "GET", "Invoices/100", nil, nil); r.status != 200 {
			t.Fatalf("request %d: %d", i, r.status)
		}
	}
	th := threshold(t, s) // the 5th request
	if th["externalRequestThreshold"] != num("6") || th["requestThresholdTimeframe"] != num("60") || th["currentTimeframeRequestCount"] != num("5") {
		t.Fatalf("threshold info %v", th)
	}
	call(t, s, "GET", "Invoices/100", nil, nil) // 6th
	r := call(t, s, "GET", "Invoices/100", nil, nil)
	if r.status != 429 || !strings.Contains(r.errorText(), "threshold") {
		t.Fatalf("over threshold: %d %s", r.status, r.body)
	}
	// zoneInformation is exempt.
	if r := call(t, s, "GET", s.ZoneLookupURL()+"V1.0/zoneInformation?user=api@demo-msp.example", nil, http.Header{}); r.status != 200 {
		t.Fatalf("zone lookup over threshold: %d", r.status)
	}
	// The window is an hour scaled by TimeScale (here 3.6 µs); advance past it.
	clk.add(time.Millisecond)
	if r := call(t, s, "GET", "Invoices/100", nil, nil); r.status != 200 {
		t.Fatalf("after the window: %d %s", r.status, r.body)
	}
}

func TestUsageLatency(t *testing.T) {
	clk := newClock()
	// TimeScale 10: +0.5 s becomes 50 ms, +1 s becomes 100 ms; the window
	// stays still because the clock does not move.
	s := start(t, autotasksim.Options{Data: sample(), HourlyThreshold: 8, TimeScale: 10, Now: clk.now})
	var took []time.Duration
	for i := 0; i < 7; i++ {
		t0 := time.Now()
		call(t, s, "GET", "Invoices/100", nil, nil)
		took = append(took, time.Since(t0))
	}
	if took[0] > 40*time.Millisecond || took[2] > 40*time.Millisecond {
		t.Errorf("below 50%% usage should be fast: %v", took)
	}
	if took[3] < 50*time.Millisecond || took[5] < 100*time.Millisecond {
		t.Errorf("latency from 50%%/75%% usage missing: %v", took)
	}
}

func TestThreadLimit(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample(), Faults: autotasksim.Faults{Latency: 300 * time.Millisecond}})
	var wg sync.WaitGroup
	statuses := make(chan int, 5)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- call(t, s, "GET", "Invoices/100", nil, nil).status
		}()
	}
	wg.Add(1)
	go func() { // another entity endpoint has its own three threads
		defer wg.Done()
		time.Sleep(50 * time.Millisecond)
		statuses <- call(t, s, "GET", "Companies/1", nil, nil).status
	}()
	wg.Wait()
	close(statuses)
	count := map[int]int{}
	for st := range statuses {
		count[st]++
	}
	if count[200] != 4 || count[429] != 1 {
		t.Fatalf("statuses %v, want four 200 and one 429", count)
	}
}

func TestFaults(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	s.SetFaults(autotasksim.Faults{Status429Burst: 2})
	var got []int
	for i := 0; i < 3; i++ {
		got = append(got, call(t, s, "GET", "Invoices/100", nil, nil).status)
	}
	if got[0] != 429 || got[1] != 429 || got[2] != 200 {
		t.Fatalf("burst: %v", got)
	}
	s.SetFaults(autotasksim.Faults{ErrorRate: 1, Status5xx: 503})
	if r := call(t, s, "GET", "Invoices/100", nil, nil); r.status != 503 || r.errorText() == "" {
		t.Fatalf("5xx: %d %s", r.status, r.body)
	}
	s.SetFaults(autotasksim.Faults{ErrorRate: 0.5, Seed: 7})
	fails := 0
	for i := 0; i < 40; i++ {
		if call(t, s, "GET", "Invoices/100", nil, nil).status == 500 {
			fails++
		}
	}
	if fails < 8 || fails > 32 {
		t.Fatalf("ErrorRate 0.5 failed %d of 40", fails)
	}
	s.SetFaults(autotasksim.Faults{ResetRate: 1})
	req, _ := http.NewRequest("GET", s.URL()+"ATServicesRest/V1.0/Invoices/100", nil)
	req.Header = demoHeaders()
	if resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("reset: got status %d, want a connection error", resp.StatusCode)
	}
	s.SetFaults(autotasksim.Faults{})
	if r := call(t, s, "GET", "Invoices/100", nil, nil); r.status != 200 {
		t.Fatalf("faults cleared: %d", r.status)
	}
}

func TestRequestLog(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	call(t, s, "POST", "Invoices/query", map[string]any{"filter": []any{cond("exist", "id", nil)}}, nil)
	call(t, s, "GET", "Invoices/100", nil, nil)
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[0].Method != "POST" || reqs[0].Status != 200 || !strings.Contains(reqs[0].Body, `"exist"`) ||
		reqs[1].Path != "/ATServicesRest/V1.0/Invoices/100" || reqs[1].IntegrationCode != "BILLBRIDGE-DEMO" || reqs[1].At.IsZero() {
		t.Fatalf("log %+v", reqs)
	}
	var buf bytes.Buffer
	if err := s.WriteRequestLog(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "demo-secret") {
		t.Fatal("request log contains the secret")
	}
	sc := bufio.NewScanner(&buf)
	lines := 0
	for sc.Scan() {
		var lr autotasksim.LoggedRequest
		if err := json.Unmarshal(sc.Bytes(), &lr); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines++
	}
	if lines != 2 {
		t.Fatalf("%d lines", lines)
	}
	s.ResetRequestLog()
	if len(s.Requests()) != 0 {
		t.Fatal("log not reset")
	}
}
