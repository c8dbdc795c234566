package exact_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
)

func TestPadCode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"1001", "              1001", true},
		{"  1001 ", "              1001", true},
		{"123456789012345678", "123456789012345678", true},
		{"1234567890123456789", "", false},
		{"A-1", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := exact.PadCode(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("PadCode(%q) = %q, %v", tt.in, got, err)
		}
		if tt.ok && len(got) != exact.CodeLength {
			t.Errorf("PadCode(%q) has length %d", tt.in, len(got))
		}
	}
}

func TestFilterLiterals(t *testing.T) {
	tests := []struct{ got, want string }{
		{exact.Str("O'Brien"), "'O''Brien'"},
		{exact.Guid("AAAAAAAA-1111-4111-8111-111111111111"), "guid'aaaaaaaa-1111-4111-8111-111111111111'"},
		{exact.DateTimeLit(time.Date(2026, 11, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600))), "datetime'2026-11-01T08:30:00'"},
		{exact.And(exact.Or("a eq 1", "a eq 2"), "b eq 3"), "(a eq 1 or a eq 2) and b eq 3"},
		{exact.And("", exact.Or("a eq 1", "a eq 2")), "a eq 1 or a eq 2"},
		{exact.Query{Select: []string{"ID", "Code"}, Filter: exact.Eq("Code", exact.Str("  1")), Top: 1}.Encode(),
			"$filter=Code%20eq%20%27%20%201%27&$select=ID%2CCode&$top=1"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	var r struct {
		A exact.Date     `json:"A"`
		B exact.Date     `json:"B"`
		C exact.Date     `json:"C"`
		M exact.DateTime `json:"M"`
	}
	in := `{"A":"/Date(1763856000000)/","B":"2026-11-23T00:00:00","C":null,"M":"/Date(1763890200123)/"}`
	if err := json.Unmarshal([]byte(in), &r); err != nil {
		t.Fatal(err)
	}
	if r.A.String() != "2025-11-23" || r.B.String() != "2026-11-23" || !r.C.IsZero() || r.M.UnixMilli() != 1763890200123 {
		t.Errorf("read %+v", r)
	}
	out, _ := json.Marshal(struct {
		D exact.Date `json:"D"`
		Z exact.Date `json:"Z,omitzero"`
	}{D: exact.NewDate(2026, 11, 2)})
	if string(out) != `{"D":"2026-11-02T00:00:00"}` {
		t.Errorf("wrote %s", out)
	}
	var bad exact.Date
	if err := json.Unmarshal([]byte(`"23-11-2026"`), &bad); err == nil {
		t.Error("accepted a date Exact does not write")
	}
}

// TestPaidDates: an entry counts as paid only when every receivable row of
// it is fully paid; a partly paid one has no paid date.
func TestPaidDates(t *testing.T) {
	d := exact.NewDate
	rows := []exact.Receivable{
		{TransactionEntryID: "paid", IsFullyPaid: true, LastPaymentDate: d(2026, 11, 20), AmountDC: money.MustParse("60")},
		{TransactionEntryID: "paid", IsFullyPaid: true, LastPaymentDate: d(2026, 11, 22), AmountDC: money.MustParse("61")},
		{TransactionEntryID: "partly", IsFullyPaid: false, LastPaymentDate: d(2026, 11, 21)},
		{TransactionEntryID: "split", IsFullyPaid: true, LastPaymentDate: d(2026, 11, 19)},
		{TransactionEntryID: "split", IsFullyPaid: false},
	}
	got := exact.PaidDates(rows)
	if len(got) != 1 || !got["paid"].Equal(d(2026, 11, 22)) {
		t.Errorf("PaidDates = %v", got)
	}
	if _, ok := rows[2].PaidDate(); ok {
		t.Error("a partly paid receivable has a paid date")
	}
}

func TestCountryHost(t *testing.T) {
	for in, want := range map[string]string{"NL": "https://start.exactonline.nl", "be": "https://start.exactonline.be",
		"GB": "https://start.exactonline.co.uk", "co.uk": "https://start.exactonline.co.uk", "com": "https://start.exactonline.com",
		"US": "https://start.exactonline.com", "de": "https://start.exactonline.de", "ES": "https://start.exactonline.es", "fr": "https://start.exactonline.fr"} {
		if got, ok := exact.CountryHost(in); !ok || got != want {
			t.Errorf("CountryHost(%q) = %q", in, got)
		}
	}
	if _, ok := exact.CountryHost("IT"); ok {
		t.Error("Italy has no Exact site")
	}
	if got := exact.APIBaseURL("https://start.exactonline.be/"); got != "https://start.exactonline.be/api/v1/" {
		t.Errorf("APIBaseURL = %q", got)
	}
}
