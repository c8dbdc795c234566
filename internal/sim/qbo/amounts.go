package qbosim

import (
	"encoding/json"
	"strconv"

	"github.com/billbridge/billbridge/internal/money"
)

// num reads a JSON number; ok is false when v is absent.
func num(v any) (money.Decimal, bool, *apiFault) {
	if v == nil {
		return money.Decimal{}, false, nil
	}
	n, isNum := v.(json.Number)
	if !isNum {
		return money.Decimal{}, false, errInvalidValue("amount", "must be a number")
	}
	d, err := money.Parse(n.String())
	if err != nil {
		return money.Decimal{}, false, errInvalidValue("amount", err.Error())
	}
	return d, true, nil
}

// amt writes an amount with two decimals, as QBO answers.
func amt(d money.Decimal) json.Number { return json.Number(d.Round(2).StringFixed(2)) }

// exact writes a number as it is (rates, quantities, unit prices).
func exact(d money.Decimal) json.Number { return json.Number(d.String()) }

func zero2() json.Number { return amt(money.FromInt(0)) }

// field returns o[k] as a map, or nil.
func field(o obj, k string) map[string]any {
	m, _ := o[k].(map[string]any)
	return m
}

func jsonNum(s string) json.Number { return json.Number(s) }

func itoa(n int) string { return strconv.Itoa(n) }
