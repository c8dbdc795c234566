package xero_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

func TestDateForms(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`"/Date(1574208000000+0000)/"`, "2019-11-20"},
		{`"/Date(1574208000000)/"`, "2019-11-20"},
		{`"2019-11-20T00:00:00"`, "2019-11-20"},
		{`"2019-11-20"`, "2019-11-20"},
		{`"2019-11-20T00:00:00Z"`, "2019-11-20"},
	}
	for _, tt := range tests {
		var d xero.Date
		if err := json.Unmarshal([]byte(tt.in), &d); err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if d.String() != tt.want {
			t.Errorf("%s read as %s, want %s", tt.in, d, tt.want)
		}
		out, _ := json.Marshal(d)
		if string(out) != `"`+tt.want+`"` {
			t.Errorf("%s written as %s", tt.in, out)
		}
	}
	var d xero.Date
	if err := json.Unmarshal([]byte(`"next tuesday"`), &d); err == nil {
		t.Error("a non-date was accepted")
	}
	if err := json.Unmarshal([]byte(`null`), &d); err != nil || !d.IsZero() {
		t.Errorf("null: %v %v", d, err)
	}
}

func TestDateTimeForms(t *testing.T) {
	want := time.Date(2019, 11, 20, 3, 4, 5, 0, time.UTC)
	for _, in := range []string{`"/Date(1574219045000+0000)/"`, `"2019-11-20T03:04:05"`, `"2019-11-20T03:04:05Z"`} {
		var dt xero.DateTime
		if err := json.Unmarshal([]byte(in), &dt); err != nil || !dt.Equal(want) {
			t.Errorf("%s read as %v (%v)", in, dt.Time, err)
		}
	}
}

// TestReadInvoiceAnswer decodes an answer as Xero writes it: .NET dates,
// exact amounts, element status.
func TestReadInvoiceAnswer(t *testing.T) {
	body := `{"InvoiceID":"i-1","Type":"ACCREC","Date":"/Date(1539993600000+0000)/","DateString":"2018-10-20T00:00:00",
		"LineItems":[{"Quantity":2.5,"UnitAmount":10.1234,"LineAmount":25.31,"TaxAmount":3.80}],
		"SubTotal":25.31,"TotalTax":3.80,"Total":29.11,"AmountDue":29.11,"UpdatedDateUTC":"/Date(1539993600000+0000)/",
		"StatusAttributeString":"OK","HasErrors":false}`
	var inv xero.Invoice
	if err := json.Unmarshal([]byte(body), &inv); err != nil {
		t.Fatal(err)
	}
	if inv.Date.String() != "2018-10-20" || inv.Total.String() != "29.11" || inv.LineItems[0].UnitAmount.String() != "10.1234" || inv.Failed() {
		t.Errorf("decoded %+v", inv)
	}
}

func TestIdempotencyKey(t *testing.T) {
	a := xero.IdempotencyKey("profile", "xero", "inv-42", "hash")
	if len(a) != 64 || a != xero.IdempotencyKey("profile", "xero", "inv-42", "hash") {
		t.Errorf("key %q is not a stable 64-character hash", a)
	}
	if xero.IdempotencyKey("ab", "c") == xero.IdempotencyKey("a", "bc") {
		t.Error("part boundaries are ignored")
	}
}
