package money

import (
	"bytes"
	"database/sql/driver"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
)

// Decimal is an exact decimal number. Its zero value is 0.
//
// It marshals to JSON as a bare number with its stored scale (386.6450 stays
// 386.6450), which is how Autotask and the ledgers write amounts, and it
// unmarshals from a number, a quoted string or null (as 0). It never passes
// through float64. Unlike Parse, UnmarshalJSON accepts an exponent (1.5E2),
// because that is a valid, exact JSON number.
type Decimal struct{ d decimal.Decimal }

// Zero is 0.
var Zero = Decimal{}

// Parse reads a decimal such as "-12.3450". It rejects exponents, blanks and
// anything that is not a plain number, so bad input is caught where it enters.
func Parse(s string) (Decimal, error) {
	if s == "" {
		return Decimal{}, fmt.Errorf("money: empty number")
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+') {
			return Decimal{}, fmt.Errorf("money: %q is not a plain decimal number", s)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Decimal{}, fmt.Errorf("money: %q is not a decimal number: %w", s, err)
	}
	return Decimal{d}, nil
}

// MustParse is Parse for constants in code and tests; it panics on bad input.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// FromInt returns n as a Decimal.
func FromInt(n int64) Decimal { return Decimal{decimal.NewFromInt(n)} }

// New returns value × 10^-scale, e.g. New(12345, 2) is 123.45.
func New(value int64, scale int32) Decimal { return Decimal{decimal.New(value, -scale)} }

func (a Decimal) Add(b Decimal) Decimal { return Decimal{a.d.Add(b.d)} }
func (a Decimal) Sub(b Decimal) Decimal { return Decimal{a.d.Sub(b.d)} }
func (a Decimal) Mul(b Decimal) Decimal { return Decimal{a.d.Mul(b.d)} }
func (a Decimal) Neg() Decimal          { return Decimal{a.d.Neg()} }
func (a Decimal) Abs() Decimal          { return Decimal{a.d.Abs()} }
func (a Decimal) Cmp(b Decimal) int     { return a.d.Cmp(b.d) }
func (a Decimal) Equal(b Decimal) bool  { return a.d.Equal(b.d) }
func (a Decimal) IsZero() bool          { return a.d.IsZero() }
func (a Decimal) IsNegative() bool      { return a.d.IsNegative() }
func (a Decimal) Sign() int             { return a.d.Sign() }

// Scale is the number of digits after the decimal point as stored.
func (a Decimal) Scale() int32 {
	if e := a.d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// String writes the number with its stored scale ("386.6450").
func (a Decimal) String() string {
	return a.d.StringFixed(a.Scale())
}

// StringFixed writes the number with exactly places decimals, rounding half
// away from zero (the policy of this package) when it has more.
func (a Decimal) StringFixed(places int32) string {
	return a.Round(places).d.StringFixed(places)
}

// Round rounds half away from zero to places decimals: 2.345 → 2.35,
// -2.345 → -2.35. See the package doc for why.
func (a Decimal) Round(places int32) Decimal {
	return Decimal{a.d.Round(places)}
}

func (a Decimal) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }

func (a *Decimal) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*a = Decimal{}
		return nil
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	d, err := decimal.NewFromString(string(b))
	if err != nil {
		return fmt.Errorf("money: %q is not a decimal number: %w", b, err)
	}
	// An exponent is exact and valid JSON, but a huge one would make String
	// write millions of digits; no amount, rate or quantity needs it.
	if i := bytes.IndexAny(b, "eE"); i >= 0 {
		if e, err := strconv.Atoi(string(b[i+1:])); err != nil || e > maxExponent || e < -maxExponent {
			return fmt.Errorf("money: %q is out of range", b)
		}
	}
	a.d = d
	return nil
}

// maxExponent bounds the exponent written after e in a JSON number.
const maxExponent = 64

func (a Decimal) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

func (a *Decimal) UnmarshalText(b []byte) error {
	d, err := Parse(string(b))
	if err != nil {
		return err
	}
	*a = d
	return nil
}

// Value stores a Decimal in SQLite as TEXT, so no digit is lost.
func (a Decimal) Value() (driver.Value, error) { return a.String(), nil }

// Scan reads a Decimal stored as TEXT (or an integer).
func (a *Decimal) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*a = Decimal{}
		return nil
	case string:
		return a.UnmarshalText([]byte(v))
	case []byte:
		return a.UnmarshalText(v)
	case int64:
		*a = FromInt(v)
		return nil
	default:
		return fmt.Errorf("money: cannot scan %T into a Decimal", src)
	}
}
