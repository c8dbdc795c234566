package exact_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// TestErrorMapping turns Exact's failures into errors a person can act on,
// naming the document and field, and keeping Exact's answer as the cause.
func TestErrorMapping(t *testing.T) {
	reset := time.Date(2026, 11, 23, 9, 1, 0, 0, time.UTC)
	ms := strconv.FormatInt(reset.UnixMilli(), 10)
	tests := []struct {
		name    string
		status  int
		header  http.Header
		body    string
		code    apperr.Code
		message []string // parts of the message
		fix     string   // part of the fix
		apiMsg  string
		field   string
	}{
		{
			name: "400 names invoice and field", status: 400,
			body: `{"error":{"code":"","message":{"lang":"","value":"Line 1: GLAccount bbbbbbbb does not exist."}}}`,
			code: apperr.Invalid, message: []string{"Autotask invoice 1042", "field GLAccount", "does not exist"}, fix: "mappings",
			apiMsg: "Line 1: GLAccount bbbbbbbb does not exist.", field: "GLAccount",
		},
		{
			name: "400 names the longest matching field", status: 400,
			body: `{"error":{"code":"","message":{"lang":"","value":"PaymentCondition: '60' does not exist."}}}`,
			code: apperr.Invalid, message: []string{"(field PaymentCondition)"}, field: "PaymentCondition",
		},
		{
			name: "401", status: 401, body: `{"error":{"code":"","message":{"lang":"","value":"Authentication Required"}}}`,
			code: apperr.Reconnect, message: []string{"refused the access token"}, fix: "Reconnect Exact Online",
		},
		{
			name: "401 flat OAuth body", status: 401, body: `{"error":"unauthorized_client","error_description":"Old refresh token used."}`,
			code: apperr.Reconnect, apiMsg: "Old refresh token used.",
		},
		{
			name: "403 module missing", status: 403, body: `{"error":{"code":"","message":{"lang":"","value":"Forbidden: the invoicing module is not available"}}}`,
			code: apperr.Reconnect, message: []string{"salesentry/SalesEntries", "Acme BV"}, fix: "rights",
		},
		{
			name: "404", status: 404, body: `{"error":{"code":"","message":{"lang":"","value":"Resource not found"}}}`,
			code: apperr.NotFound, message: []string{"Autotask invoice 1042"},
		},
		{
			name: "429 day", status: 429, body: `{"error":{"code":"","message":{"lang":"","value":"Too many requests"}}}`,
			header: http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {ms}, "X-Ratelimit-Minutely-Remaining": {"0"}},
			code:   apperr.RateLimited, message: []string{"all of today's", "Acme BV"}, fix: reset.Local().Format("2006-01-02 15:04"),
		},
		{
			name: "500", status: 500, body: `oops`,
			code: apperr.Unavailable, message: []string{"problem answering"}, apiMsg: "oops",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(recorded) (int, http.Header, string) { return tt.status, tt.header, tt.body })
			c := f.client(exact.WithDivisionName("Acme BV"))
			_, err := c.CreateSalesEntry(context.Background(), salesEntry("1042"))
			ae, ok := apperr.As(err)
			if !ok || ae.Code != tt.code {
				t.Fatalf("error %v, want code %s", err, tt.code)
			}
			for _, m := range tt.message {
				if !strings.Contains(ae.Message, m) {
					t.Errorf("message %q lacks %q", ae.Message, m)
				}
			}
			if !strings.Contains(ae.Fix, tt.fix) {
				t.Errorf("fix %q lacks %q", ae.Fix, tt.fix)
			}
			var api *exact.APIError
			if !errors.As(err, &api) || api.Status != tt.status || api.Endpoint != "salesentry/SalesEntries" || api.Document != "Autotask invoice 1042" {
				t.Fatalf("cause %#v", api)
			}
			if tt.apiMsg != "" && api.Message != tt.apiMsg {
				t.Errorf("API message %q, want %q", api.Message, tt.apiMsg)
			}
			if api.Field != tt.field && tt.field != "" {
				t.Errorf("field %q, want %q", api.Field, tt.field)
			}
		})
	}
}

// TestMinute429Retried: a 429 for the minute (another app on the division)
// is waited out until the reset and sent once more.
func TestMinute429Retried(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 23, 9, 0, 30, 0, time.UTC))
	reset := time.Date(2026, 11, 23, 9, 1, 0, 0, time.UTC)
	n := 0
	f := newFake(t, func(recorded) (int, http.Header, string) {
		n++
		if n == 1 {
			return 429, http.Header{"X-Ratelimit-Minutely-Remaining": {"0"}, "X-Ratelimit-Minutely-Reset": {strconv.FormatInt(reset.UnixMilli(), 10)},
				"X-Ratelimit-Remaining": {"4000"}}, `{"error":{"code":"","message":{"lang":"","value":"Too many requests"}}}`
		}
		return 200, nil, empty
	})
	c := f.client(exact.WithClock(clk.Now), exact.WithSleep(clk.Sleep))
	if _, err := c.VATCodes(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n != 2 || clk.Now().Before(reset) {
		t.Errorf("%d calls; clock %v, want after %v", n, clk.Now(), reset)
	}
}
