package money_test

import (
	"encoding/json"
	"testing"

	"github.com/billbridge/billbridge/internal/money"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    string // String() of the result
		wantErr bool
	}{
		{in: "0", want: "0"},
		{in: "386.6450", want: "386.6450"},
		{in: "-12.3450", want: "-12.3450"},
		{in: "+7.10", want: "7.10"},
		{in: "0.0001", want: "0.0001"},
		{in: "-0", want: "0"},
		{in: "00012.50", want: "12.50"},
		{in: "123456789012345678901234567890.1234", want: "123456789012345678901234567890.1234"},
		{in: "", wantErr: true},
		{in: "1e3", wantErr: true},
		{in: "1E3", wantErr: true},
		{in: " 1", wantErr: true},
		{in: "1 ", wantErr: true},
		{in: "1,5", wantErr: true},
		{in: "1.000,50", wantErr: true},
		{in: "NaN", wantErr: true},
		{in: "Infinity", wantErr: true},
		{in: "0x10", wantErr: true},
		{in: "1.2.3", wantErr: true},
		{in: "--1", wantErr: true},
		{in: "1-2", wantErr: true},
		{in: "$5", wantErr: true},
		{in: "1_000", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := money.Parse(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Parse(%q) = %s, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got.String() != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestJSONKeepsScale(t *testing.T) {
	type line struct {
		Rate money.Decimal `json:"rate"`
	}
	for _, in := range []string{"386.6450", "0", "-0.50", "12", "1234567890.1234", "0.0000"} {
		t.Run(in, func(t *testing.T) {
			var l line
			if err := json.Unmarshal([]byte(`{"rate":`+in+`}`), &l); err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(l)
			if err != nil {
				t.Fatal(err)
			}
			if want := `{"rate":` + in + `}`; string(out) != want {
				t.Errorf("round trip = %s, want %s", out, want)
			}
		})
	}
}

func TestUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{in: `386.6450`, want: "386.6450"},
		{in: `"386.6450"`, want: "386.6450"},
		{in: `"-0.01"`, want: "-0.01"},
		{in: `null`, want: "0"},
		{in: ` 5 `, want: "5"},
		{in: `1.5E2`, want: "150"},
		{in: `1e-3`, want: "0.001"},
		{in: `""`, wantErr: true},
		{in: `"abc"`, wantErr: true},
		{in: `"NaN"`, wantErr: true},
		{in: `true`, wantErr: true},
		{in: `1e1000000`, wantErr: true},
		{in: `1e-100`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := money.MustParse("99")
			err := d.UnmarshalJSON([]byte(tt.in))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("UnmarshalJSON(%s) = %s, want an error", tt.in, d)
				}
				return
			}
			if err != nil {
				t.Fatalf("UnmarshalJSON(%s): %v", tt.in, err)
			}
			if d.String() != tt.want {
				t.Errorf("UnmarshalJSON(%s) = %s, want %s", tt.in, d, tt.want)
			}
		})
	}
}

func TestTextRoundTrip(t *testing.T) {
	var m map[string]money.Decimal
	if err := json.Unmarshal([]byte(`{"a":"1.50"}`), &m); err != nil {
		t.Fatal(err)
	}
	b, err := money.MustParse("-2.3400").MarshalText()
	if err != nil || string(b) != "-2.3400" {
		t.Fatalf("MarshalText = %s, %v", b, err)
	}
	var d money.Decimal
	if err := d.UnmarshalText([]byte("1e3")); err == nil {
		t.Error("UnmarshalText accepted an exponent")
	}
}

func TestSQLRoundTrip(t *testing.T) {
	for _, in := range []string{"386.6450", "-0.01", "0", "1000000000000.0001"} {
		t.Run(in, func(t *testing.T) {
			v, err := money.MustParse(in).Value()
			if err != nil {
				t.Fatal(err)
			}
			s, ok := v.(string)
			if !ok || s != in {
				t.Fatalf("Value = %#v, want the string %q", v, in)
			}
			for _, src := range []any{s, []byte(s)} {
				var d money.Decimal
				if err := d.Scan(src); err != nil {
					t.Fatalf("Scan(%T): %v", src, err)
				}
				if d.String() != in {
					t.Errorf("Scan(%T) = %s, want %s", src, d, in)
				}
			}
		})
	}
	tests := []struct {
		src     any
		want    string
		wantErr bool
	}{
		{src: nil, want: "0"},
		{src: int64(42), want: "42"},
		{src: 1.5, wantErr: true}, // money never passes through float64
		{src: "1e3", wantErr: true},
		{src: true, wantErr: true},
	}
	for _, tt := range tests {
		var d money.Decimal
		err := d.Scan(tt.src)
		if (err != nil) != tt.wantErr {
			t.Errorf("Scan(%#v) err = %v, wantErr %v", tt.src, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && d.String() != tt.want {
			t.Errorf("Scan(%#v) = %s, want %s", tt.src, d, tt.want)
		}
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
	}{
		{"2.345", 2, "2.35"},
		{"-2.345", 2, "-2.35"},
		{"2.344", 2, "2.34"},
		{"-2.344", 2, "-2.34"},
		{"0.005", 2, "0.01"},
		{"-0.005", 2, "-0.01"},
		{"0.0049", 2, "0.00"},
		{"2.5", 0, "3"},
		{"-2.5", 0, "-3"},
		{"1.5", 0, "2"},
		{"-1.5", 0, "-2"},
		{"386.6450", 2, "386.65"},
		{"0.12345", 4, "0.1235"},
		{"-0.12345", 4, "-0.1235"},
		{"1.5", 2, "1.50"},
		{"9.995", 2, "10.00"},
		{"-9.995", 2, "-10.00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := money.MustParse(tt.in)
			if got := d.Round(tt.places).String(); got != tt.want {
				t.Errorf("Round(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
			}
			if got := d.StringFixed(tt.places); got != tt.want {
				t.Errorf("StringFixed(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
			}
		})
	}
	if got := money.Zero.Round(2).String(); got != "0.00" {
		t.Errorf("Zero.Round(2) = %s", got)
	}
}

func TestArithmeticKeepsDigits(t *testing.T) {
	a, b := money.MustParse("0.1"), money.MustParse("0.2")
	if got := a.Add(b); got.String() != "0.3" {
		t.Errorf("0.1+0.2 = %s", got)
	}
	if got := money.MustParse("3.0000").Mul(money.MustParse("128.8833")); got.String() != "386.64990000" {
		t.Errorf("3.0000×128.8833 = %s", got)
	}
	if got := money.New(12345, 2); got.String() != "123.45" || got.Scale() != 2 {
		t.Errorf("New(12345, 2) = %s", got)
	}
	if got := money.FromInt(-7).Sub(money.MustParse("0.50")); got.String() != "-7.50" {
		t.Errorf("-7-0.50 = %s", got)
	}
}
