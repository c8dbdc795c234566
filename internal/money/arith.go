package money

import "errors"

// ErrDivideByZero is returned by Div when the divisor is zero. Division by
// zero comes from data (a zero quantity), not from a bug, so it is an error
// the caller handles rather than a panic.
var ErrDivideByZero = errors.New("money: division by zero")

// Sum adds ds exactly; the sum of nothing is 0. Its scale is the largest
// scale among ds.
func Sum(ds ...Decimal) Decimal {
	var total Decimal
	for _, d := range ds {
		total = total.Add(d)
	}
	return total
}

// Div returns a ÷ b rounded half away from zero to places decimals, computed
// exactly (no intermediate rounding), e.g. a unit price from a line total and
// a quantity: 100 ÷ 3 to 4 places is 33.3333. It returns ErrDivideByZero when
// b is zero.
func (a Decimal) Div(b Decimal, places int32) (Decimal, error) {
	if b.IsZero() {
		return Decimal{}, ErrDivideByZero
	}
	return Decimal{a.d.DivRound(b.d, places)}, nil
}

// Percent returns amount × rate% rounded half away from zero to places
// decimals: the tax on a line is Percent(net, rate, cur.MinorUnits()), e.g.
// 10% of 386.645 to 2 places is 38.66. The product is exact before rounding.
func Percent(amount, rate Decimal, places int32) Decimal {
	return Decimal{amount.d.Mul(rate.d).Shift(-2)}.Round(places)
}
