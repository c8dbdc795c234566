package qbosim

import (
	"fmt"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// saleLine is a priced line of a sales document.
type saleLine struct {
	amount  money.Decimal
	taxCode string
}

// prepareSales checks an Invoice or CreditMemo and computes what QBO
// computes: line ids, subtotals, tax, TotalAmt, Balance, HomeTotalAmt.
func prepareSales(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	cust := ref(o, "CustomerRef")
	if cust == "" {
		return errRequired("CustomerRef")
	}
	c := lookup(rm, "Customer", cust)
	if c == nil || !active(c) {
		return errInvalidRef("CustomerRef", cust)
	}
	if f := salesDocNumber(rm, entity, o, old); f != nil {
		return f
	}
	if f := salesDates(s, rm, o); f != nil {
		return f
	}
	if cf, _ := o["CustomField"].([]any); len(cf) > 3 {
		return errBusiness("At most 3 custom fields can be set", "CustomField")
	}
	rate, foreign, f := salesCurrency(rm, o, c)
	if f != nil {
		return f
	}
	lines, subtotal, discount, f := salesLines(rm, o)
	if f != nil {
		return f
	}
	totalTax, inclusive, f := salesTax(rm, o, lines)
	if f != nil {
		return f
	}
	total := subtotal.Sub(discount)
	if !inclusive {
		total = total.Add(totalTax)
	}
	if total.IsNegative() {
		return errBusiness("Transaction total cannot be negative", "TotalAmt")
	}
	paid := money.FromInt(0)
	if old != nil {
		ot, _, _ := num(old["TotalAmt"])
		ob, _, _ := num(old["Balance"])
		paid = ot.Sub(ob)
		if total.Cmp(paid) < 0 {
			return errBusiness("The new total is less than the amount already paid or applied", "TotalAmt")
		}
		o["LinkedTxn"] = old["LinkedTxn"]
	}
	o["TotalAmt"] = amt(total)
	o["Balance"] = amt(total.Sub(paid))
	if foreign {
		o["HomeTotalAmt"] = amt(total.Mul(rate))
		o["HomeBalance"] = amt(total.Sub(paid).Mul(rate))
	} else {
		delete(o, "HomeTotalAmt")
		delete(o, "HomeBalance")
	}
	if entity == "CreditMemo" {
		o["RemainingCredit"] = o["Balance"]
	}
	return nil
}

func salesDocNumber(rm *realm, entity string, o, old obj) *apiFault {
	doc, _ := o["DocNumber"].(string)
	if !rm.CustomTxnNumbers || doc == "" {
		// QBO numbers the document itself and keeps the number on updates.
		if old != nil {
			o["DocNumber"] = old["DocNumber"]
			return nil
		}
		rm.NextDoc++
		o["DocNumber"] = strconv.Itoa(rm.NextDoc)
		return nil
	}
	for id, other := range rm.Entities[entity] {
		if id != selfID(old) && other["DocNumber"] == doc {
			return errDuplicateDoc(doc, entity, id)
		}
	}
	return nil
}

func salesDates(s *Server, rm *realm, o obj) *apiFault {
	txn, _ := o["TxnDate"].(string)
	if txn == "" {
		txn = s.now().Format(time.DateOnly)
		o["TxnDate"] = txn
	}
	if _, err := time.Parse(time.DateOnly, txn); err != nil {
		return errInvalidValue("TxnDate", "is not a valid date")
	}
	if t := ref(o, "SalesTermRef"); t != "" {
		term := lookup(rm, "Term", t)
		if term == nil || !active(term) {
			return errInvalidRef("SalesTermRef", t)
		}
		if _, ok := o["DueDate"]; !ok {
			if days, ok, _ := num(term["DueDays"]); ok {
				d, _ := time.Parse(time.DateOnly, txn)
				n, _ := strconv.Atoi(days.String())
				o["DueDate"] = d.AddDate(0, 0, n).Format(time.DateOnly)
			}
		}
	}
	if _, ok := o["DueDate"]; !ok {
		o["DueDate"] = txn
	}
	if due, _ := o["DueDate"].(string); due < txn {
		return errBusiness("The due date cannot be before the transaction date", "DueDate")
	}
	return nil
}

// salesCurrency checks CurrencyRef and ExchangeRate against the company and
// the customer; it returns the rate to the home currency.
func salesCurrency(rm *realm, o, cust obj) (money.Decimal, bool, *apiFault) {
	home := rm.Company.HomeCurrency
	cur := ref(o, "CurrencyRef")
	if cur == "" {
		cur = ref(cust, "CurrencyRef")
	}
	if cur == "" {
		cur = home
	}
	o["CurrencyRef"] = map[string]any{"value": cur}
	if cc := ref(cust, "CurrencyRef"); cc != "" && cc != cur {
		return money.Decimal{}, false, errBusiness(fmt.Sprintf("The currency of the transaction (%s) must match the customer's currency (%s)", cur, cc), "CurrencyRef")
	}
	if cur == home {
		if r, ok, _ := num(o["ExchangeRate"]); ok && !r.Equal(money.FromInt(1)) {
			return money.Decimal{}, false, errBusiness("ExchangeRate must be 1 for the home currency", "ExchangeRate")
		}
		return money.FromInt(1), false, nil
	}
	if !rm.Company.MultiCurrency {
		return money.Decimal{}, false, errBusiness("Multicurrency is off for this company; CurrencyRef must be "+home, "CurrencyRef")
	}
	r, ok, f := num(o["ExchangeRate"])
	if f != nil {
		return money.Decimal{}, false, f
	}
	if !ok {
		var known bool
		if r, known = defaultRates[cur]; !known {
			return money.Decimal{}, false, errBusiness("Currency "+cur+" is not enabled for this company", "CurrencyRef")
		}
		o["ExchangeRate"] = exact(r)
	}
	if r.Sign() <= 0 {
		return money.Decimal{}, false, errInvalidValue("ExchangeRate", "must be above 0")
	}
	return r, true, nil
}

// defaultRates are the rates QBO would fetch when none is sent (to the home
// currency; the simulator uses one table whatever the home currency is).
var defaultRates = map[string]money.Decimal{
	"USD": money.MustParse("0.79"), "EUR": money.MustParse("0.86"), "GBP": money.MustParse("1.27"),
	"CAD": money.MustParse("0.58"), "AUD": money.MustParse("0.52"),
}

// salesLines numbers the lines, checks them and computes subtotals and the
// discount.
func salesLines(rm *realm, o obj) ([]saleLine, money.Decimal, money.Decimal, *apiFault) {
	raw, _ := o["Line"].([]any)
	zero := money.FromInt(0)
	if len(raw) == 0 {
		return nil, zero, zero, errRequired("Line")
	}
	var lines []saleLine
	var out []any
	subtotal, sinceSub, discount := zero, zero, zero
	lastWasSub := false
	for i, v := range raw {
		l, _ := v.(map[string]any)
		l = clone(l)
		dt, _ := l["DetailType"].(string)
		l["Id"], l["LineNum"] = strconv.Itoa(i+1), i+1
		lastWasSub = false
		switch dt {
		case "SalesItemLineDetail":
			sl, f := salesItemLine(rm, l)
			if f != nil {
				return nil, zero, zero, f
			}
			lines = append(lines, sl)
			subtotal, sinceSub = subtotal.Add(sl.amount), sinceSub.Add(sl.amount)
		case "DescriptionOnly":
			delete(l, "Amount")
		case "SubTotalLineDetail":
			l["Amount"] = amt(sinceSub)
			sinceSub, lastWasSub = zero, true
		case "DiscountLineDetail":
			d, f := discountLine(l, subtotal)
			if f != nil {
				return nil, zero, zero, f
			}
			discount = discount.Add(d)
		case "":
			return nil, zero, zero, errRequired(fmt.Sprintf("Line[%d].DetailType", i))
		default:
			return nil, zero, zero, errBusiness("Line DetailType "+dt+" is not valid on a sales transaction", "Line.DetailType")
		}
		out = append(out, l)
	}
	if len(lines) == 0 {
		return nil, zero, zero, errBusiness("A sales transaction needs at least one line with an item and an amount", "Line")
	}
	if !lastWasSub || !sinceSub.IsZero() {
		out = append(out, map[string]any{"Amount": amt(subtotal), "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": map[string]any{}})
	}
	o["Line"] = out
	return lines, subtotal, discount, nil
}

func salesItemLine(rm *realm, l map[string]any) (saleLine, *apiFault) {
	d := field(l, "SalesItemLineDetail")
	if d == nil {
		return saleLine{}, errRequired("Line.SalesItemLineDetail")
	}
	a, ok, f := num(l["Amount"])
	if f != nil {
		return saleLine{}, f
	}
	if !ok {
		return saleLine{}, errRequired("Line.Amount")
	}
	item := ref(d, "ItemRef")
	if item == "" {
		return saleLine{}, errRequired("Line.SalesItemLineDetail.ItemRef")
	}
	if it := lookup(rm, "Item", item); it == nil || !active(it) {
		return saleLine{}, errInvalidRef("ItemRef", item)
	}
	qty, hasQty, f := num(d["Qty"])
	if f != nil {
		return saleLine{}, f
	}
	price, hasPrice, f := num(d["UnitPrice"])
	if f != nil {
		return saleLine{}, f
	}
	if hasQty && hasPrice && !qty.Mul(price).Round(2).Equal(a.Round(2)) {
		return saleLine{}, errAmount(fmt.Sprint(l["Amount"]))
	}
	if a.Scale() > 2 {
		return saleLine{}, errInvalidValue("Line.Amount", "has more than 2 decimal places")
	}
	if cls := ref(d, "ClassRef"); cls != "" {
		// An unknown class and an inactive one are refused alike (2500), as
		// QuickBooks refuses any inactive name-list entry on a transaction.
		if c := lookup(rm, "Class", cls); c == nil || !active(c) {
			return saleLine{}, errInvalidRef("ClassRef", cls)
		}
	}
	if sd, ok := d["ServiceDate"].(string); ok && !dateRE.MatchString(sd) {
		return saleLine{}, errInvalidValue("ServiceDate", "must be a date yyyy-MM-dd")
	}
	l["Amount"] = amt(a)
	return saleLine{amount: a, taxCode: ref(d, "TaxCodeRef")}, nil
}

func discountLine(l map[string]any, subtotal money.Decimal) (money.Decimal, *apiFault) {
	d := field(l, "DiscountLineDetail")
	if pb, _ := d["PercentBased"].(bool); pb {
		p, ok, f := num(d["DiscountPercent"])
		if f != nil {
			return money.Decimal{}, f
		}
		if !ok {
			return money.Decimal{}, errRequired("Line.DiscountLineDetail.DiscountPercent")
		}
		v := money.Percent(subtotal, p, 2)
		l["Amount"] = amt(v)
		return v, nil
	}
	a, ok, f := num(l["Amount"])
	if f != nil {
		return money.Decimal{}, f
	}
	if !ok {
		return money.Decimal{}, errRequired("Line.Amount")
	}
	l["Amount"] = amt(a)
	return a, nil
}
