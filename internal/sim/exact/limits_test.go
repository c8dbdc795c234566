package exactsim_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

func TestMinuteAndDayLimits(t *testing.T) {
	s, clk := newServer(t, func(o *exactsim.Options) { o.DayLimit = 100 })
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	for range 5 { // current/Me has no division: not counted
		do(t, s, tok, "GET", "current/Me", nil)
	}
	var last resp
	for i := range 60 {
		last = do(t, s, tok, "GET", dpath("vat/VATCodes"), nil)
		if last.status != 200 {
			t.Fatalf("call %d: %d", i, last.status)
		}
	}
	h := last.header
	reset, _ := strconv.ParseInt(h.Get("X-RateLimit-Minutely-Reset"), 10, 64)
	if h.Get("X-RateLimit-Minutely-Remaining") != "0" || h.Get("X-RateLimit-Minutely-Limit") != "60" ||
		reset != clk.Now().Truncate(time.Minute).Add(time.Minute).UnixMilli() || h.Get("X-RateLimit-Remaining") != "40" {
		t.Fatalf("headers %v", h)
	}
	if r := do(t, s, tok, "GET", dpath("vat/VATCodes"), nil); r.status != 429 {
		t.Fatalf("61st call: %d", r.status)
	}
	clk.Add(time.Minute)
	for range 40 {
		do(t, s, tok, "GET", dpath("vat/VATCodes"), nil)
	}
	clk.Add(time.Minute)
	r := do(t, s, tok, "GET", dpath("vat/VATCodes"), nil)
	dayReset, _ := strconv.ParseInt(r.header.Get("X-RateLimit-Reset"), 10, 64)
	if r.status != 429 || r.header.Get("X-RateLimit-Remaining") != "0" || dayReset != time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC).UnixMilli() {
		t.Fatalf("day limit: %d %v", r.status, r.header)
	}
}

func TestErrorBlock(t *testing.T) {
	s, clk := newServer(t, func(o *exactsim.Options) { o.MinuteLimit = 1000 })
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	for i := range 11 {
		if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"City": "x"}); r.status != 400 {
			t.Fatalf("error %d: %d", i, r.status)
		}
	}
	r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Fine"})
	if r.status != 403 || !strings.Contains(errMsg(r), "blocked") {
		t.Fatalf("blocked endpoint: %d %s", r.status, r.raw)
	}
	if r := do(t, s, tok, "GET", dpath("vat/VATCodes"), nil); r.status != 200 {
		t.Fatalf("another endpoint: %d", r.status)
	}
	clk.Add(time.Hour)
	tok, _ = s.IssueToken(exactsim.DemoApp.ClientID)
	if r := do(t, s, tok, "POST", dpath("crm/Accounts"), map[string]any{"Name": "Fine"}); r.status != 204 {
		t.Fatalf("after the hour: %d %s", r.status, r.raw)
	}
}

func TestTimeScale(t *testing.T) {
	s, clk := newServer(t, func(o *exactsim.Options) { o.TimeScale = 60 }) // a minute lasts a second
	access, rt := s.IssueToken(exactsim.DemoApp.ClientID)
	clk.Add(10 * time.Second)
	if r := do(t, s, access, "GET", "current/Me", nil); r.status != 401 {
		t.Fatalf("scaled expiry: %d", r.status)
	}
	if r := tokenForm(t, s, refreshForm(rt)); r.status != 200 {
		t.Fatalf("scaled refresh: %d %s", r.status, r.raw)
	}
}

func TestFaultsAndRequestLog(t *testing.T) {
	s, _ := newServer(t, nil)
	tok, _ := s.IssueToken(exactsim.DemoApp.ClientID)
	s.SetFaults(exactsim.Faults{Status429Burst: 1})
	if r := do(t, s, tok, "GET", dpath("vat/VATCodes"), nil); r.status != 429 {
		t.Fatalf("burst: %d", r.status)
	}
	tokenForm(t, s, refreshForm("secret-refresh"))
	log := s.Requests()
	if len(log) != 2 || log[0].Status != 429 || log[0].Division != div || strings.Contains(log[1].Body, "secret-refresh") {
		t.Fatalf("log %+v", log)
	}
	var b strings.Builder
	if err := s.WriteRequestLog(&b); err != nil || strings.Count(b.String(), "\n") != 2 {
		t.Fatalf("jsonl %q %v", b.String(), err)
	}
}
