package xero_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// TestErrorMapping turns Xero's failures into errors a person can act on,
// keeping Xero's answer as the cause.
func TestErrorMapping(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		status  int
		header  http.Header
		body    string
		code    apperr.Code
		message string // part of the message
		fix     string // part of the fix
		problem string
	}{
		{
			name: "401", status: 401, body: `{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"AuthenticationUnsuccessful"}`,
			code: apperr.Reconnect, message: "Xero refused the access token", fix: "Reconnect Xero",
		},
		{
			name: "403", status: 403, body: `{"Title":"Forbidden","Status":403,"Detail":"AuthorizationUnsuccessful"}`,
			code: apperr.Reconnect, message: "Billbridge is no longer connected to Acme NZ", fix: "tick Acme NZ",
		},
		{
			name: "404", status: 404, body: `The resource you're looking for cannot be found`,
			code: apperr.NotFound, message: "could not find",
		},
		{
			name: "429 day limit", status: 429,
			header: http.Header{"Retry-After": {"7200"}, "X-Rate-Limit-Problem": {"day"}, "X-Daylimit-Remaining": {"0"}},
			code:   apperr.RateLimited, message: "used all of today's Xero API calls for Acme NZ",
			fix: now.Add(2 * time.Hour).Local().Format("2006-01-02 15:04"), problem: "day",
		},
		{
			name: "429 minute limit", status: 429,
			header: http.Header{"Retry-After": {"20"}, "X-Rate-Limit-Problem": {"minute"}},
			code:   apperr.RateLimited, message: "the minute limit", problem: "minute",
		},
		{
			name: "reused idempotency key", status: 400,
			body: `{"ErrorNumber":10,"Type":"ValidationException","Message":"Idempotency-Key k is used with a different request"}`,
			code: apperr.Conflict, message: "same request key",
		},
		{
			name: "validation", status: 400,
			body: `{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{"ValidationErrors":[{"Message":"This document cannot be edited as it has a payment or credit note allocated to it."}]}]}`,
			code: apperr.Invalid, message: "has a payment or credit note allocated",
		},
		{
			name: "503", status: 503, body: `Service Unavailable`,
			code: apperr.Unavailable, message: "Xero had a problem",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(recorded) (int, http.Header, string) { return tt.status, tt.header, tt.body })
			c := f.client(xero.WithTenantName("Acme NZ"), xero.WithClock(func() time.Time { return now }))
			_, err := c.Currencies(context.Background())
			ae, ok := apperr.As(err)
			if !ok {
				t.Fatalf("error %v is not an apperr", err)
			}
			if ae.Code != tt.code || !strings.Contains(ae.Message, tt.message) || !strings.Contains(ae.Fix, tt.fix) {
				t.Errorf("got %s %q (%q), want %s containing %q / %q", ae.Code, ae.Message, ae.Fix, tt.code, tt.message, tt.fix)
			}
			var xe *xero.APIError
			if !errors.As(err, &xe) || xe.Status != tt.status || xe.RateLimitProblem != tt.problem {
				t.Errorf("cause %#v", xe)
			}
		})
	}
}

// TestNotFoundByID is a sentinel, not an apperr, so callers can create what
// is missing.
func TestNotFoundByID(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) { return 404, nil, `` })
	_, err := f.client().Invoice(context.Background(), "gone")
	if !errors.Is(err, xero.ErrNotFound) || !xero.IsNotFound(err) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

// TestNetworkFailure is Unavailable.
func TestNetworkFailure(t *testing.T) {
	f := newFake(t, ok(`{}`))
	c := f.client()
	f.srv.Close()
	_, err := c.Currencies(context.Background())
	if apperr.CodeOf(err) != apperr.Unavailable {
		t.Errorf("err = %v, want Unavailable", err)
	}
}
