package money_test

import (
	"testing"

	"github.com/billbridge/billbridge/internal/money"
)

func TestRoundAmount(t *testing.T) {
	tests := []struct {
		in   string
		cur  money.Currency
		want string
	}{
		{"386.645", "USD", "386.65"},
		{"-386.645", "USD", "-386.65"},
		{"386.6449", "EUR", "386.64"},
		{"1.5", "GBP", "1.50"},
		{"0.005", "AUD", "0.01"},
		{"-0.005", "NZD", "-0.01"},
		{"10", "CAD", "10.00"},
		{"1234.5", "JPY", "1235"},
		{"-1234.5", "JPY", "-1235"},
		{"1234.4999", "JPY", "1234"},
		{"1.2345", "KWD", "1.235"},
		{"-1.2345", "BHD", "-1.235"},
		{"1.2", "KWD", "1.200"},
		{"2.345", "", "2.35"}, // unset currency: 2 places
	}
	for _, tt := range tests {
		t.Run(tt.in+" "+string(tt.cur), func(t *testing.T) {
			if got := money.RoundAmount(money.MustParse(tt.in), tt.cur).String(); got != tt.want {
				t.Errorf("RoundAmount(%s, %s) = %s, want %s", tt.in, tt.cur, got, tt.want)
			}
		})
	}
}

func TestRoundUnitPriceAndQuantity(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12.5", "12.5"},           // fewer places are kept
		{"12", "12"},               //
		{"128.8833", "128.8833"},   // exactly 4
		{"0.123456", "0.1235"},     // more than 4: rounded
		{"0.12345", "0.1235"},      // .5 away from zero
		{"-0.12345", "-0.1235"},    //
		{"0.12344999", "0.1234"},   //
		{"99.99995", "100.0000"},   // carries
		{"-99.99995", "-100.0000"}, //
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := money.MustParse(tt.in)
			if got := money.RoundUnitPrice(d).String(); got != tt.want {
				t.Errorf("RoundUnitPrice(%s) = %s, want %s", tt.in, got, tt.want)
			}
			if got := money.RoundQuantity(d).String(); got != tt.want {
				t.Errorf("RoundQuantity(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
