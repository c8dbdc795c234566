package autotasksim_test

import (
	"net/http"
	"strings"
	"testing"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

func TestZoneInformation(t *testing.T) {
	s := start(t, autotasksim.Options{})
	cases := []struct {
		name, query string
		status      int
	}{
		{"known user", "?user=api@demo-msp.example", 200},
		{"user case-insensitive", "?user=API@Demo-MSP.example", 200},
		{"blank user", "?user=", 500},
		{"no user", "", 500},
		{"unknown user", "?user=nobody@example.com", 500},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := call(t, s, "GET", s.ZoneLookupURL()+"V1.0/zoneInformation"+c.query, nil, http.Header{})
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if c.status != 200 {
				if r.errorText() == "" {
					t.Fatalf("no errors body: %s", r.body)
				}
				return
			}
			m := r.json(t)
			if m["url"] != s.URL()+"ATServicesRest/" || m["zoneName"] != "Simulated Zone" || m["webUrl"] != s.URL() {
				t.Fatalf("zone answer %v", m)
			}
		})
	}
}

func TestAuthentication(t *testing.T) {
	inactive := autotasksim.Credential{UserName: "old@demo-msp.example", Secret: "s", IntegrationCode: "CODE", Active: false}
	s := start(t, autotasksim.Options{Credentials: []autotasksim.Credential{autotasksim.DemoCredential, inactive}})
	set := func(k, v string) http.Header {
		h := demoHeaders()
		if v == "" {
			h.Del(k)
		} else {
			h.Set(k, v)
		}
		return h
	}
	lower := http.Header{}
	for k, v := range demoHeaders() {
		lower[strings.ToLower(k)] = v // raw lower-case names on the wire
	}
	cases := []struct {
		name   string
		h      http.Header
		status int
		want   string
	}{
		{"ok", demoHeaders(), 200, ""},
		{"header names in any case", lower, 200, ""},
		{"missing user", set("UserName", ""), 401, "UserName and Secret"},
		{"missing secret", set("Secret", ""), 401, "UserName and Secret"},
		{"wrong secret", set("Secret", "nope"), 401, "user name or secret"},
		{"unknown user", set("UserName", "x@y.z"), 401, "user name or secret"},
		{"missing integration code", set("ApiIntegrationCode", ""), 401, "missing"},
		{"wrong integration code", set("ApiIntegrationCode", "OTHER"), 401, "not valid"},
		{"numeric impersonation", set("ImpersonationResourceId", "29682885"), 200, ""},
		{"non-numeric impersonation", set("ImpersonationResourceId", "abc"), 400, "numeric"},
		{"inactive user", http.Header{"Username": {"old@demo-msp.example"}, "Secret": {"s"}, "Apiintegrationcode": {"CODE"}}, 403, "inactive"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := call(t, s, "GET", "Companies/1", nil, c.h)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if c.want != "" && !strings.Contains(r.errorText(), c.want) {
				t.Fatalf("errors %q, want %q", r.errorText(), c.want)
			}
		})
	}
}

func TestPathsAndRoutes(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	cases := []struct {
		method, url string
		status      int
	}{
		{"GET", s.URL() + "atservicesrest/v1.0/invoices/100", 200},
		{"GET", s.URL() + "ATSERVICESREST/V1.0/INVOICES/100", 200},
		{"GET", "Widgets/1", 404},
		{"GET", "Invoices/abc", 404},
		{"GET", s.URL() + "elsewhere", 404},
		{"DELETE", "Invoices/100", 405},
		{"PUT", "Invoices/query", 405},
		{"PATCH", "Contacts", 405}, // Contacts cannot be updated through the API
	}
	for _, c := range cases {
		r := call(t, s, c.method, c.url, nil, nil)
		if r.status != c.status {
			t.Errorf("%s %s: status %d, want %d: %s", c.method, c.url, r.status, c.status, r.body)
		}
	}
}
