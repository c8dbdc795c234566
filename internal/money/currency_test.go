package money_test

import (
	"encoding/json"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/money"
)

func TestParseCurrency(t *testing.T) {
	tests := []struct {
		in      string
		want    money.Currency
		minor   int32
		wantErr bool
	}{
		{in: "USD", want: "USD", minor: 2},
		{in: "EUR", want: "EUR", minor: 2},
		{in: "GBP", want: "GBP", minor: 2},
		{in: "AUD", want: "AUD", minor: 2},
		{in: "NZD", want: "NZD", minor: 2},
		{in: "CAD", want: "CAD", minor: 2},
		{in: "JPY", want: "JPY", minor: 0},
		{in: "KRW", want: "KRW", minor: 0},
		{in: "KWD", want: "KWD", minor: 3},
		{in: "BHD", want: "BHD", minor: 3},
		{in: "CLF", want: "CLF", minor: 4},
		{in: "usd", want: "USD", minor: 2},
		{in: " eur ", want: "EUR", minor: 2},
		{in: "", wantErr: true},
		{in: "   ", wantErr: true},
		{in: "XYZ", wantErr: true},
		{in: "US", wantErr: true},
		{in: "USDX", wantErr: true},
		{in: "$", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := money.ParseCurrency(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseCurrency(%q) = %s, want an error", tt.in, got)
				}
				e, ok := apperr.As(err)
				if !ok || e.Code != apperr.Invalid || e.Fix == "" {
					t.Errorf("error %v is not an apperr.Invalid with a fix", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCurrency(%q): %v", tt.in, err)
			}
			if got != tt.want || !got.Valid() || got.MinorUnits() != tt.minor {
				t.Errorf("ParseCurrency(%q) = %s (valid %v, minor %d), want %s with %d", tt.in, got, got.Valid(), got.MinorUnits(), tt.want, tt.minor)
			}
		})
	}
	var unset money.Currency
	if unset.Valid() || unset.MinorUnits() != 2 {
		t.Errorf("zero Currency: valid %v, minor units %d; want invalid with 2", unset.Valid(), unset.MinorUnits())
	}
}

func TestCurrencyEncoding(t *testing.T) {
	type doc struct {
		Currency money.Currency `json:"currency"`
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"currency":"nzd"}`), &d); err != nil || d.Currency != "NZD" {
		t.Fatalf("unmarshal = %q, %v", d.Currency, err)
	}
	out, _ := json.Marshal(d)
	if string(out) != `{"currency":"NZD"}` {
		t.Errorf("marshal = %s", out)
	}
	if err := json.Unmarshal([]byte(`{"currency":"ABC"}`), &d); err == nil {
		t.Error("unknown code accepted from JSON")
	}
	if err := json.Unmarshal([]byte(`{"currency":""}`), &d); err != nil || d.Currency != "" {
		t.Errorf("empty code: %q, %v; want unset", d.Currency, err)
	}

	v, err := money.Currency("JPY").Value()
	if err != nil || v != "JPY" {
		t.Fatalf("Value = %#v, %v", v, err)
	}
	var c money.Currency
	for _, src := range []any{"JPY", []byte("JPY")} {
		if err := c.Scan(src); err != nil || c != "JPY" {
			t.Errorf("Scan(%T) = %q, %v", src, c, err)
		}
	}
	if err := c.Scan(nil); err != nil || c != "" {
		t.Errorf("Scan(nil) = %q, %v", c, err)
	}
	if err := c.Scan("QQQ"); err == nil {
		t.Error("Scan accepted an unknown code")
	}
	if err := c.Scan(int64(1)); err == nil {
		t.Error("Scan accepted an integer")
	}
}

func TestAmount(t *testing.T) {
	usd := money.MustParseCurrency("USD")
	a := money.Amount{Value: money.MustParse("386.6450"), Currency: usd}
	if got := a.Round(); got.Value.String() != "386.65" || got.Currency != usd {
		t.Errorf("Round = %s", got)
	}
	if got := a.String(); got != "386.6450 USD" {
		t.Errorf("String = %q", got)
	}
	sum, err := a.Add(money.Amount{Value: money.MustParse("0.0050"), Currency: usd})
	if err != nil || sum.String() != "386.6500 USD" {
		t.Errorf("Add = %s, %v", sum, err)
	}
	if _, err := a.Add(money.Amount{Value: money.FromInt(1), Currency: "EUR"}); err == nil {
		t.Error("adding EUR to USD did not fail")
	}
	b, err := json.Marshal(a)
	if err != nil || string(b) != `{"value":386.6450,"currency":"USD"}` {
		t.Errorf("JSON = %s, %v", b, err)
	}
	var back money.Amount
	if err := json.Unmarshal(b, &back); err != nil || back != a && back.String() != a.String() {
		t.Errorf("JSON round trip = %s, %v", back, err)
	}
	jpy := money.Amount{Value: money.MustParse("1234.5"), Currency: "JPY"}
	if got := jpy.Round().String(); got != "1235 JPY" {
		t.Errorf("JPY Round = %s", got)
	}
}
