package money_test

import (
	"errors"
	"testing"

	"github.com/billbridge/billbridge/internal/money"
)

func TestSum(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, "0"},
		{[]string{"1.10"}, "1.10"},
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"386.6450", "-0.0050", "13.36"}, "400.0000"},
		{[]string{"10", "-10"}, "0"},
	}
	for _, tt := range tests {
		var ds []money.Decimal
		for _, s := range tt.in {
			ds = append(ds, money.MustParse(s))
		}
		if got := money.Sum(ds...).String(); got != tt.want {
			t.Errorf("Sum(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDiv(t *testing.T) {
	tests := []struct {
		a, b   string
		places int32
		want   string
	}{
		{"100", "3", 4, "33.3333"},
		{"200", "3", 4, "66.6667"},
		{"-200", "3", 4, "-66.6667"},
		{"200", "-3", 4, "-66.6667"},
		{"-200", "-3", 4, "66.6667"},
		{"1", "8", 2, "0.13"},   // 0.125: half away from zero
		{"-1", "8", 2, "-0.13"}, //
		{"1", "400", 2, "0.00"}, // 0.0025
		{"5", "2", 0, "3"},      // 2.5
		{"-5", "2", 0, "-3"},    //
		{"386.6450", "3", 4, "128.8817"},
		{"10", "4", 4, "2.5000"},
		// An exact half only after many digits: intermediate rounding to a
		// fixed precision would get this wrong, exact division does not.
		{"1.0000000000000000005", "1", 0, "1"},
		{"0.50000000000000000001", "1", 0, "1"},
		{"0.49999999999999999999", "1", 0, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			got, err := money.MustParse(tt.a).Div(money.MustParse(tt.b), tt.places)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("%s ÷ %s to %d places = %s, want %s", tt.a, tt.b, tt.places, got, tt.want)
			}
		})
	}
	for _, zero := range []string{"0", "0.0000", "-0"} {
		if _, err := money.FromInt(1).Div(money.MustParse(zero), 2); !errors.Is(err, money.ErrDivideByZero) {
			t.Errorf("1 ÷ %s: err = %v, want ErrDivideByZero", zero, err)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		amount, rate string
		places       int32
		want         string
	}{
		{"386.645", "10", 2, "38.66"},      // 38.6645
		{"100.00", "15", 2, "15.00"},       // NZ GST
		{"19.90", "20", 2, "3.98"},         // UK VAT
		{"0.25", "10", 2, "0.03"},          // 0.025: half away from zero
		{"-0.25", "10", 2, "-0.03"},        // a credit line
		{"123.45", "8.875", 2, "10.96"},    // 10.9561875
		{"1000", "0", 2, "0.00"},           //
		{"1000", "5.5", 0, "55"},           // JPY
		{"12.345", "7.25", 3, "0.895"},     // 0.89501...
		{"99.99", "12.3456", 4, "12.3444"}, // 12.34436544
	}
	for _, tt := range tests {
		t.Run(tt.amount+"×"+tt.rate+"%", func(t *testing.T) {
			got := money.Percent(money.MustParse(tt.amount), money.MustParse(tt.rate), tt.places)
			if got.String() != tt.want {
				t.Errorf("Percent(%s, %s, %d) = %s, want %s", tt.amount, tt.rate, tt.places, got, tt.want)
			}
		})
	}
}
