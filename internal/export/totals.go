package export

import (
	"slices"

	"github.com/billbridge/billbridge/internal/money"
)

// CurrencyTotal sums one currency's rows, from the rounded line values the
// files contain, so a total here matches a SUM over the file.
type CurrencyTotal struct {
	Currency      string        `json:"currency"`
	Rows          int           `json:"rows"`
	ExtendedPrice money.Decimal `json:"extendedPrice"`
	TotalTax      money.Decimal `json:"totalTax"`
	BilledAmount  money.Decimal `json:"billedAmount"`
}

// Totals are the sums of an export: per customer currency, and all rows in
// the internal currency.
type Totals struct {
	Rows       int             `json:"rows"`
	ByCurrency []CurrencyTotal `json:"byCurrency"` // by currency code
	Internal   CurrencyTotal   `json:"internal"`
}

// Sum computes the totals of rows.
func Sum(rows []*Row) Totals {
	var t Totals
	by := map[string]*CurrencyTotal{}
	for _, r := range rows {
		t.Add(r, by)
	}
	for _, c := range by {
		t.ByCurrency = append(t.ByCurrency, *c)
	}
	slices.SortFunc(t.ByCurrency, func(a, b CurrencyTotal) int {
		if a.Currency < b.Currency {
			return -1
		}
		if a.Currency > b.Currency {
			return 1
		}
		return 0
	})
	return t
}

// Add counts one row; by collects the per-currency totals.
func (t *Totals) Add(r *Row, by map[string]*CurrencyTotal) {
	t.Rows++
	c, ok := by[r.Currency]
	if !ok {
		c = &CurrencyTotal{Currency: r.Currency}
		by[r.Currency] = c
	}
	add(c, r.currency(), r.ExtendedPrice, r.TaxDollars, r.TotalAmount, r.Invoiced())
	t.Internal.Currency = r.InternalCurrency
	add(&t.Internal, r.internalCurrency(), r.InternalExtendedPrice, r.InternalTaxDollars, r.InternalTotalAmount, r.Invoiced())
}

func add(c *CurrencyTotal, cur money.Currency, ext, tax, billed money.Decimal, invoiced bool) {
	c.Rows++
	c.ExtendedPrice = c.ExtendedPrice.Add(money.RoundAmount(ext, cur))
	if invoiced {
		c.TotalTax = c.TotalTax.Add(money.RoundAmount(tax, cur))
		c.BilledAmount = c.BilledAmount.Add(money.RoundAmount(billed, cur))
	}
}
