package qbo_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
)

func fault(code, msg, detail, element, typ string) string {
	return `{"Fault":{"Error":[{"Message":"` + msg + `","Detail":"` + detail + `","code":"` + code + `","element":"` + element + `"}],"type":"` + typ + `"},"time":"2026-03-01T10:00:00.000-08:00"}`
}

func TestErrorsMapToAppErr(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		header   http.Header
		body     string
		code     apperr.Code
		message  string // the apperr message, exactly
		fault    string // a code the *APIError must have
		notFound bool
	}{
		{
			name: "duplicate DocNumber", status: 400,
			body:    fault("6140", "Duplicate Document Number Error", "Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1043 is assigned to TxnType=Invoice with TxnId=130", "", "ValidationFault"),
			code:    apperr.Conflict,
			message: "Invoice 1043 already exists in QuickBooks", fault: "6140",
		},
		{
			name: "stale SyncToken", status: 400,
			body:    fault("5010", "Stale Object Error", "Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.", "", "ValidationFault"),
			code:    apperr.Conflict,
			message: "Invoice 1043 was changed in QuickBooks after Billbridge read it", fault: "5010",
		},
		{
			name: "not found", status: 400,
			body:    fault("610", "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive.", "", "ValidationFault"),
			code:    apperr.NotFound,
			message: "QuickBooks has no invoice 1043, or it was made inactive", fault: "610", notFound: true,
		},
		{
			name: "string too long names the field", status: 400,
			body:    fault("2050", "String length is either shorter or longer than supported by specification", "String length specified does not match the supported length. Min:0 Max:21 supplied length:30", "DocNumber", "ValidationFault"),
			code:    apperr.Invalid,
			message: "QuickBooks rejected Invoice 1043 (field DocNumber): String length specified does not match the supported length. Min:0 Max:21 supplied length:30", fault: "2050",
		},
		{
			name: "invalid reference", status: 400,
			body:    fault("2500", "Invalid Reference Id", "Invalid Reference Id : Item assigned to this transaction has been deleted.", "Line.SalesItemLineDetail.ItemRef", "ValidationFault"),
			code:    apperr.Invalid,
			message: "Invoice 1043 refers to something QuickBooks does not have (field Line.SalesItemLineDetail.ItemRef): Invalid Reference Id : Item assigned to this transaction has been deleted.", fault: "2500",
		},
		{
			name: "US tax code", status: 400,
			body: fault("6100", "Invalid Sales Tax code", "Sales tax code 5 is not valid: use TAX or NON.", "", "ValidationFault"),
			code: apperr.Invalid, fault: "6100",
			message: "QuickBooks rejected the tax code of Invoice 1043: Sales tax code 5 is not valid: use TAX or NON.",
		},
		{
			name: "closed period", status: 400,
			body: fault("6210", "Account Period Closed", "The account period has closed and the account books cannot be updated.", "", "ValidationFault"),
			code: apperr.Invalid, fault: "6210",
			message: "Invoice 1043 falls in a closed accounting period in QuickBooks",
		},
		{
			name: "expired token, lower-case fault", status: 401,
			body: `{"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401","detail":"Token expired: eyJ","code":"3200"}],"type":"AUTHENTICATION"},"time":"t"}`,
			code: apperr.Reconnect, fault: "3200",
			message: "QuickBooks Online refused Billbridge's access to Acme LLC",
		},
		{
			name: "authorisation", status: 403,
			body: fault("3100", "ApplicationAuthorizationFailed", "", "", "AuthorizationFault"),
			code: apperr.Reconnect, fault: "3100",
			message: "Billbridge is not allowed to do this in Acme LLC",
		},
		{
			name: "throttled, XML body", status: 429, header: http.Header{"Content-Type": {"application/xml"}},
			body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2026-03-01T10:00:00.000-08:00"><Fault type="SystemFault"><Error code="3001" element=""><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message><Detail>The request limit was reached.</Detail></Error></Fault></IntuitResponse>`,
			code: apperr.RateLimited, fault: "3001",
			message: "QuickBooks Online asked Billbridge to slow down (Acme LLC)",
		},
		{
			name: "server error", status: 503, header: http.Header{"Intuit_tid": {"tid-503"}}, body: "Service Unavailable",
			code: apperr.Unavailable, message: "QuickBooks Online had a problem answering",
		},
		{
			name: "fault inside HTTP 200", status: 200,
			body: fault("6000", "A business validation error has occurred while processing your request", "Business Validation Error: You must select a customer.", "CustomerRef", "ValidationFault"),
			code: apperr.Invalid, fault: "6000",
			message: "QuickBooks rejected Invoice 1043 (field CustomerRef): Business Validation Error: You must select a customer.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(recorded) (int, http.Header, string) { return tt.status, tt.header, tt.body })
			c := f.client(qbo.WithCompanyName("Acme LLC"))
			inv := usInvoice()
			var err error
			if tt.notFound || tt.fault == "5010" {
				inv.ID, inv.SyncToken = "130", "1"
				_, err = qbo.Update(context.Background(), c, inv, "k")
			} else {
				_, err = qbo.Create(context.Background(), c, inv, "k")
			}
			ae, ok := apperr.As(err)
			if !ok {
				t.Fatalf("err = %v, want an *apperr.Error", err)
			}
			if ae.Code != tt.code || ae.Message != tt.message || ae.Fix == "" {
				t.Errorf("got %s %q (fix %q)\nwant %s %q", ae.Code, ae.Message, ae.Fix, tt.code, tt.message)
			}
			var api *qbo.APIError
			if !errors.As(err, &api) {
				t.Fatalf("no *APIError in %v", err)
			}
			if tt.fault != "" && !api.Has(tt.fault) {
				t.Errorf("APIError %v lacks code %s", api, tt.fault)
			}
			if api.Op != "create invoice" && api.Op != "update invoice" {
				t.Errorf("Op = %q", api.Op)
			}
			if errors.Is(err, qbo.ErrNotFound) != tt.notFound {
				t.Errorf("errors.Is(ErrNotFound) = %v", !tt.notFound)
			}
			if tid := tt.header.Get("Intuit_tid"); tid != "" && (api.TID != tid || !strings.Contains(ae.Fix, tid)) {
				t.Errorf("TID %q, fix %q: want %q in both", api.TID, ae.Fix, tid)
			}
		})
	}
}

func TestValidateDisplayName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"Acme IT Services", true},
		{"Amy's Bird Sanctuary", true},
		{strings.Repeat("é", qbo.MaxDisplayNameLength), true},
		{strings.Repeat("a", qbo.MaxDisplayNameLength+1), false},
		{"Parent:Child", false},
		{"  ", false},
	}
	for _, tt := range tests {
		err := qbo.ValidateDisplayName(tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("ValidateDisplayName(%.20q) = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("code %s", apperr.CodeOf(err))
		}
	}
}
