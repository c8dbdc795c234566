package money

// Places where values leave Billbridge; see the rounding policy in the
// package doc.
const (
	UnitPricePlaces = 4 // most decimals a unit price keeps on its way to a ledger
	QuantityPlaces  = 4 // most decimals a quantity keeps
)

// RoundAmount rounds an amount (line total, tax, invoice total) to cur's
// minor units, half away from zero, always writing that many places:
// 386.645 USD → 386.65, 1.5 USD → 1.50, 1234.5 JPY → 1235.
func RoundAmount(d Decimal, cur Currency) Decimal {
	return d.Round(cur.MinorUnits())
}

// RoundUnitPrice rounds a unit price to at most 4 decimals, half away from
// zero; a price with fewer keeps them (12.5 stays 12.5, 0.123456 → 0.1235).
func RoundUnitPrice(d Decimal) Decimal { return roundAtMost(d, UnitPricePlaces) }

// RoundQuantity rounds a quantity to at most 4 decimals, like RoundUnitPrice.
func RoundQuantity(d Decimal) Decimal { return roundAtMost(d, QuantityPlaces) }

func roundAtMost(d Decimal, places int32) Decimal {
	if d.Scale() <= places {
		return d
	}
	return d.Round(places)
}
