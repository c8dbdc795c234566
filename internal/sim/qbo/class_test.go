package qbosim_test

import (
	"strings"
	"testing"

	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

// A sales line's ClassRef must name an active class: an unknown or
// inactive one is refused with QuickBooks' Invalid Reference Id fault.
func TestInvoiceLineClass(t *testing.T) {
	s, _ := start(t, qbosim.Options{})
	tok := token(s, us)
	c := mustCreate(t, s, tok, us, "Customer", map[string]any{"DisplayName": "Acme"})
	active := mustCreate(t, s, tok, us, "Class", map[string]any{"Name": "Projects"})
	retired := mustCreate(t, s, tok, us, "Class", map[string]any{"Name": "Legacy Support"})
	if r := call(t, s, tok, us, "POST", "class", map[string]any{"Id": retired["Id"], "SyncToken": retired["SyncToken"], "sparse": true, "Active": false}); r.status != 200 {
		t.Fatalf("make the class inactive: %s", r.raw)
	}
	inv := func(class string) map[string]any {
		return map[string]any{"CustomerRef": ref(c["Id"].(string)), "Line": []any{map[string]any{"Amount": 10, "DetailType": "SalesItemLineDetail",
			"SalesItemLineDetail": map[string]any{"ItemRef": ref("16"), "TaxCodeRef": ref("NON"), "ClassRef": ref(class)}}}}
	}
	for _, tc := range []struct {
		name, class, code string
	}{
		{"active class", str(active["Id"]), ""},
		{"inactive class", str(retired["Id"]), "2500"},
		{"unknown class", "424242", "2500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, s, tok, us, "POST", "invoice?minorversion=75", inv(tc.class))
			if got := faultCode(r); got != tc.code {
				t.Fatalf("fault %q, want %q: %s", got, tc.code, r.raw)
			}
			if tc.code != "" {
				if r.status != 400 || !strings.Contains(r.raw, "Invalid Reference Id") || !strings.Contains(r.raw, "ClassRef") {
					t.Errorf("fault body: %d %s", r.status, r.raw)
				}
				return
			}
			line := entity(r, "Invoice")["Line"].([]any)[0].(map[string]any)
			if got := line["SalesItemLineDetail"].(map[string]any)["ClassRef"].(map[string]any)["value"]; got != active["Id"] {
				t.Errorf("stored ClassRef %v", got)
			}
		})
	}
}
