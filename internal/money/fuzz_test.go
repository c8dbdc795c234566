package money_test

import (
	"encoding/json"
	"testing"

	"github.com/billbridge/billbridge/internal/money"
)

// FuzzParse checks that whatever Parse accepts, String writes back in a form
// Parse reads as the same number with the same scale, and that JSON does too.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "386.6450", "-12.3450", "+1", "-0", ".5", "5.", "00.10", "1e3", "", "1,5", "NaN", "--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := money.Parse(s)
		if err != nil {
			return
		}
		out := d.String()
		back, err := money.Parse(out)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which Parse rejects: %v", s, out, err)
		}
		if !back.Equal(d) || back.Scale() != d.Scale() || back.String() != out {
			t.Fatalf("Parse(%q) = %s (scale %d), reparsed %s (scale %d)", s, out, d.Scale(), back, back.Scale())
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var j money.Decimal
		if err := json.Unmarshal(b, &j); err != nil {
			t.Fatalf("JSON %s of Parse(%q) does not unmarshal: %v", b, s, err)
		}
		if j.String() != out {
			t.Fatalf("JSON round trip of %s = %s", out, j)
		}
	})
}
