package money

import "fmt"

// Amount is a value in a currency, for the places where the two travel
// together (invoice totals, payments).
type Amount struct {
	Value    Decimal  `json:"value"`
	Currency Currency `json:"currency"`
}

// Round rounds a's value to its currency's minor units (see RoundAmount).
func (a Amount) Round() Amount {
	return Amount{Value: RoundAmount(a.Value, a.Currency), Currency: a.Currency}
}

// Add sums two amounts of the same currency; mixing currencies is an error,
// never a silent conversion.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.Currency != b.Currency {
		return Amount{}, fmt.Errorf("money: cannot add %s to %s", b.Currency, a.Currency)
	}
	return Amount{Value: a.Value.Add(b.Value), Currency: a.Currency}, nil
}

// String writes "386.6450 USD", keeping the stored scale.
func (a Amount) String() string {
	if a.Currency == "" {
		return a.Value.String()
	}
	return a.Value.String() + " " + string(a.Currency)
}
