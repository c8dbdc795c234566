package qbosim

import (
	"sort"

	"github.com/billbridge/billbridge/internal/money"
)

// taxRate is one component rate of a tax code.
type taxRate struct {
	id      string
	percent money.Decimal
}

// codeRates returns the sales rates of a tax code, or false when the code
// does not exist or is inactive.
func codeRates(rm *realm, code string) ([]taxRate, bool) {
	tc := lookup(rm, "TaxCode", code)
	if tc == nil || !active(tc) {
		return nil, false
	}
	var out []taxRate
	list := field(tc, "SalesTaxRateList")
	details, _ := list["TaxRateDetail"].([]any)
	for _, d := range details {
		dm, _ := d.(map[string]any)
		id := ref(dm, "TaxRateRef")
		if r := lookup(rm, "TaxRate", id); r != nil {
			p, _, _ := num(r["RateValue"])
			out = append(out, taxRate{id: id, percent: p})
		}
	}
	return out, true
}

// salesTax computes TxnTaxDetail. US companies: lines carry TAX or NON and
// the transaction's tax code (or, with automated sales tax, the company's
// default) gives the rates for the taxable lines. Other countries: every
// line carries a real tax code; GlobalTaxCalculation says whether amounts
// exclude tax, include it, or carry none. inclusive reports that the tax is
// already inside the line amounts.
func salesTax(rm *realm, o obj, lines []saleLine) (money.Decimal, bool, *apiFault) {
	zero := money.FromInt(0)
	detail := field(o, "TxnTaxDetail")
	if detail == nil {
		detail = map[string]any{}
	}
	var taxLines []any
	total := zero
	inclusive := false
	if rm.Company.Country == "US" {
		if _, sent := o["GlobalTaxCalculation"]; sent {
			return zero, false, errInvalidValue("GlobalTaxCalculation", "is not supported for US companies")
		}
		taxable := zero
		for _, l := range lines {
			switch l.taxCode {
			case "TAX":
				taxable = taxable.Add(l.amount)
			case "NON", "":
			default:
				return zero, false, errTaxCode("US companies use TAX or NON on lines, got " + l.taxCode)
			}
		}
		code := ref(detail, "TxnTaxCodeRef")
		if code == "" && rm.AutomatedSalesTax && !taxable.IsZero() {
			code = rm.DefaultTaxCode
		}
		if code != "" {
			rates, ok := codeRates(rm, code)
			if !ok || code == "TAX" || code == "NON" {
				return zero, false, errTaxCode("TxnTaxCodeRef " + code + " is not a sales tax code of this company")
			}
			detail["TxnTaxCodeRef"] = map[string]any{"value": code}
			for _, r := range rates {
				t := money.Percent(taxable, r.percent, 2)
				total = total.Add(t)
				taxLines = append(taxLines, taxLine(r, t, taxable))
			}
		}
	} else {
		gtc, _ := o["GlobalTaxCalculation"].(string)
		if gtc == "" {
			gtc = "TaxExcluded"
			o["GlobalTaxCalculation"] = gtc
		}
		if gtc != "NotApplicable" {
			inclusive = gtc == "TaxInclusive"
			net := map[string]money.Decimal{}
			rateOf := map[string]taxRate{}
			for _, l := range lines {
				if l.taxCode == "" {
					return zero, false, errBusiness("Make sure all your transactions have a tax rate before you save (Line.SalesItemLineDetail.TaxCodeRef)", "TaxCodeRef")
				}
				rates, ok := codeRates(rm, l.taxCode)
				if !ok || len(rates) == 0 {
					return zero, false, errTaxCode("TaxCodeRef " + l.taxCode + " is not a sales tax code of this company")
				}
				for _, r := range rates {
					net[r.id] = net[r.id].Add(l.amount)
					rateOf[r.id] = r
				}
			}
			ids := make([]string, 0, len(net))
			for id := range net {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				r, base := rateOf[id], net[id]
				var t money.Decimal
				if inclusive {
					// tax inside a gross amount: gross × rate / (100 + rate)
					q, _ := base.Mul(r.percent).Div(money.FromInt(100).Add(r.percent), 2)
					t, base = q, base.Sub(q)
				} else {
					t = money.Percent(base, r.percent, 2)
				}
				total = total.Add(t)
				taxLines = append(taxLines, taxLine(r, t, base))
			}
		}
	}
	detail["TotalTax"] = amt(total)
	if taxLines != nil {
		detail["TaxLine"] = taxLines
	} else {
		delete(detail, "TaxLine")
	}
	o["TxnTaxDetail"] = detail
	return total, inclusive, nil
}

func taxLine(r taxRate, tax, base money.Decimal) map[string]any {
	return map[string]any{"Amount": amt(tax), "DetailType": "TaxLineDetail", "TaxLineDetail": map[string]any{
		"TaxRateRef": map[string]any{"value": r.id}, "PercentBased": true,
		"TaxPercent": exact(r.percent), "NetAmountTaxable": amt(base),
	}}
}
