package autotask_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
)

// TestConnectionFailuresSaySomethingActionable checks each way the
// connection test can fail against a fake Autotask answering as Autotask does.
func TestConnectionFailuresSaySomethingActionable(t *testing.T) {
	okThreshold := jsonHandler(200, map[string]int{"externalRequestThreshold": 10000, "requestThresholdTimeframe": 60, "currentTimeframeRequestCount": 10})
	okCount := jsonHandler(200, map[string]int{"queryCount": 1})
	tests := []struct {
		name     string
		routes   map[string]http.HandlerFunc
		code     apperr.Code
		message  string
		fix      string
		apiError bool
	}{
		{"bad secret", map[string]http.HandlerFunc{
			"GET thresholdinformation": errorsHandler(401, "Authentication failed"),
		}, apperr.Reconnect, "refused the secret or the integration code", "Check the API user's secret", true},
		{"integration code", map[string]http.HandlerFunc{
			"GET thresholdinformation": errorsHandler(401, "The ApiIntegrationCode is not valid for this API user."),
		}, apperr.Reconnect, "refused the API integration code", "API tracking identifier", true},
		{"inactive user (403)", map[string]http.HandlerFunc{
			"GET thresholdinformation": errorsHandler(403, "The API user api@msp.example is inactive."),
		}, apperr.Reconnect, "api@msp.example is inactive", "make it active", true},
		{"no permission on invoices (403)", map[string]http.HandlerFunc{
			"GET thresholdinformation":   okThreshold,
			"POST companies/query/count": okCount,
			"POST invoices/query/count":  errorsHandler(403, ""),
		}, apperr.Reconnect, "cannot read Invoices", "security level", true},
		{"no permission on billing items (500)", map[string]http.HandlerFunc{
			"GET thresholdinformation":      okThreshold,
			"POST companies/query/count":    okCount,
			"POST invoices/query/count":     okCount,
			"POST billingitems/query/count": errorsHandler(500, "User does not have permission to query BillingItems."),
		}, apperr.Reconnect, "cannot read BillingItems", "security level", true},
		{"rate limited", map[string]http.HandlerFunc{
			"GET thresholdinformation": errorsHandler(429, "threshold exceeded"),
		}, apperr.RateLimited, "slow down", "Wait", true},
		{"server error", map[string]http.HandlerFunc{
			"GET thresholdinformation": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "<html>oops</html>", 503) },
		}, apperr.Unavailable, "had a problem", "Try again", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.routes)
			_, err := f.client().TestConnection(context.Background())
			e, ok := apperr.As(err)
			if !ok {
				t.Fatalf("err = %v, want an apperr", err)
			}
			if e.Code != tt.code || !strings.Contains(e.Message, tt.message) || !strings.Contains(e.Fix, tt.fix) {
				t.Fatalf("got %s %q / %q", e.Code, e.Message, e.Fix)
			}
			var ae *autotask.APIError
			if tt.apiError && !errors.As(err, &ae) {
				t.Fatalf("the APIError is not kept as the cause: %v", err)
			}
		})
	}
}

func TestAPIErrorKeepsAutotaskMessages(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"POST invoices/query": errorsHandler(400, "Invalid field: nosuchfield", "second message"),
	})
	_, err := autotask.QueryAll[autotask.Invoice](context.Background(), f.client(), autotask.EntityInvoices,
		autotask.Query{Filter: []autotask.Filter{autotask.Eq("nosuchfield", 1)}})
	var ae *autotask.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v", err)
	}
	if ae.Status != 400 || ae.Entity != "Invoices" || ae.Op != "query" || len(ae.Errors) != 2 || ae.Errors[0] != "Invalid field: nosuchfield" {
		t.Fatalf("APIError = %+v", ae)
	}
	if apperr.CodeOf(err) != apperr.Internal {
		t.Errorf("a bad query is a bug, not something a user can fix; got %s", apperr.CodeOf(err))
	}
}

func TestBlankCredentialsRefusedBeforeCalling(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*autotask.Credentials)
		match string
	}{
		{"user", func(c *autotask.Credentials) { c.UserName = " " }, "user name is empty"},
		{"secret", func(c *autotask.Credentials) { c.Secret = "" }, "secret is empty"},
		{"integration code", func(c *autotask.Credentials) { c.IntegrationCode = "" }, "integration code is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, nil)
			creds := testCreds
			tt.edit(&creds)
			_, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: f.zone(), HTTP: f.srv.Client()}, creds)
			if e, ok := apperr.As(err); !ok || e.Code != apperr.Invalid || !strings.Contains(e.Message, tt.match) {
				t.Fatalf("err = %v", err)
			}
			c := autotask.New(f.zone(), autotask.Config{HTTP: f.srv.Client()}, creds)
			if _, err := c.TestConnection(context.Background()); apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("TestConnection err = %v", err)
			}
			if n := len(f.requests()); n != 0 {
				t.Fatalf("%d requests sent with blank credentials", n)
			}
		})
	}
}

func TestUnknownUserAtZoneLookup(t *testing.T) {
	f := newFake(t, map[string]http.HandlerFunc{
		"GET zoneinformation": errorsHandler(500, "Zone information could not be determined"),
	})
	_, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: f.srv.URL + "/atservicesrest/", HTTP: f.srv.Client()}, testCreds)
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Invalid || e.Message != "Autotask does not know the API user api@msp.example" ||
		!strings.Contains(e.Fix, "e-mail address") {
		t.Fatalf("err = %v", err)
	}
}
