package xerosim_test

import (
	"testing"
	"time"

	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

func TestMinuteAndDayLimits(t *testing.T) {
	s, clk := start(t, xerosim.Options{MinuteLimit: 3, DayLimit: 5})
	tok := token(s)
	for i := 0; i < 3; i++ {
		if r := api(t, s, tok, "GET", "TaxRates", nil, nil); r.status != 200 {
			t.Fatalf("call %d: %d", i, r.status)
		}
	}
	r := api(t, s, tok, "GET", "TaxRates", nil, nil)
	if r.status != 429 || r.header.Get("X-Rate-Limit-Problem") != "minute" || r.header.Get("Retry-After") == "" || r.header.Get("X-MinLimit-Remaining") != "0" {
		t.Fatalf("minute: %d %v", r.status, r.header)
	}
	clk.Add(time.Minute)
	api(t, s, tok, "GET", "TaxRates", nil, nil)
	api(t, s, tok, "GET", "TaxRates", nil, nil)
	if r := api(t, s, tok, "GET", "TaxRates", nil, nil); r.status != 429 || r.header.Get("X-Rate-Limit-Problem") != "day" {
		t.Fatalf("day: %d %v", r.status, r.header)
	}
}

func TestIdempotencyKey(t *testing.T) {
	s, clk := start(t, xerosim.Options{})
	tok := token(s)
	body := map[string]any{"Contacts": []any{map[string]any{"Name": "Once"}}}
	key := map[string]string{"Idempotency-Key": "k1"}
	a := api(t, s, tok, "PUT", "Contacts", body, key)
	b := api(t, s, tok, "PUT", "Contacts", body, key)
	if a.status != 200 || b.raw != a.raw {
		t.Fatalf("replay differs:\n%s\n%s", a.raw, b.raw)
	}
	if r := api(t, s, tok, "PUT", "Contacts", map[string]any{"Contacts": []any{map[string]any{"Name": "Other"}}}, key); r.status != 400 {
		t.Fatalf("same key, other body: %d", r.status)
	}
	clk.Add(7 * time.Minute) // the window has passed: the create runs again and hits the unique name
	if r := api(t, s, tok, "PUT", "Contacts", body, key); r.status != 400 {
		t.Fatalf("after window: %d %s", r.status, r.raw)
	}
}

func TestFaultsAndRequestLog(t *testing.T) {
	s, _ := start(t, xerosim.Options{Faults: xerosim.Faults{Status429Burst: 1}})
	tok := token(s)
	if r := api(t, s, tok, "GET", "Accounts", nil, nil); r.status != 429 {
		t.Fatalf("burst: %d", r.status)
	}
	if r := api(t, s, tok, "GET", "Accounts", nil, nil); r.status != 200 || len(list(r, "Accounts")) == 0 {
		t.Fatalf("after burst: %d", r.status)
	}
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[0].Status != 429 || reqs[1].Tenant != tenant {
		t.Fatalf("log: %+v", reqs)
	}
}

func TestPersistence(t *testing.T) {
	file := t.TempDir() + "/xero.json"
	s, _ := start(t, xerosim.Options{DataFile: file})
	tok := token(s)
	contact(t, s, tok, "Kept Ltd")
	s.Close()
	s2, _ := start(t, xerosim.Options{DataFile: file})
	if r := api(t, s2, tok, "GET", "Contacts", nil, nil); r.status != 200 || len(list(r, "Contacts")) != 1 {
		t.Fatalf("reloaded: %d %s", r.status, r.raw)
	}
}
