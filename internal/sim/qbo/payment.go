package qbosim

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// preparePayment checks a Payment: the customer, the total, and every line
// linked to an open invoice (or credit memo) of the same customer for at
// most its balance. UnappliedAmt is what is left.
func preparePayment(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	cust := ref(o, "CustomerRef")
	if cust == "" {
		return errRequired("CustomerRef")
	}
	if c := lookup(rm, "Customer", cust); c == nil || !active(c) {
		return errInvalidRef("CustomerRef", cust)
	}
	total, ok, f := num(o["TotalAmt"])
	if f != nil {
		return f
	}
	if !ok {
		return errRequired("TotalAmt")
	}
	if total.IsNegative() {
		return errBusiness("TotalAmt cannot be negative", "TotalAmt")
	}
	if _, ok := o["TxnDate"]; !ok {
		o["TxnDate"] = s.now().Format(time.DateOnly)
	}
	if ref(o, "CurrencyRef") == "" {
		o["CurrencyRef"] = map[string]any{"value": rm.Company.HomeCurrency}
	}
	if dep := ref(o, "DepositToAccountRef"); dep != "" && lookup(rm, "Account", dep) == nil {
		return errInvalidRef("DepositToAccountRef", dep)
	}
	applied := money.FromInt(0)
	lines, _ := o["Line"].([]any)
	for i, v := range lines {
		l, _ := v.(map[string]any)
		a, ok, f := num(l["Amount"])
		if f != nil {
			return f
		}
		if !ok || a.Sign() <= 0 {
			return errRequired(fmt.Sprintf("Line[%d].Amount", i))
		}
		links, _ := l["LinkedTxn"].([]any)
		if len(links) != 1 {
			return errBusiness("Each payment line links exactly one transaction", "Line.LinkedTxn")
		}
		lt, _ := links[0].(map[string]any)
		id, _ := lt["TxnId"].(string)
		typ, _ := lt["TxnType"].(string)
		if typ != "Invoice" && typ != "CreditMemo" {
			return errLink("a payment can be linked to an Invoice or a CreditMemo, not " + typ)
		}
		doc := lookup(rm, typ, id)
		if doc == nil {
			return errInvalidRef("LinkedTxn.TxnId", id)
		}
		if ref(doc, "CustomerRef") != cust {
			return errLink(fmt.Sprintf("%s %s belongs to another customer", typ, id))
		}
		bal, _, _ := num(doc["Balance"])
		if a.Cmp(bal) > 0 {
			return errBusiness(fmt.Sprintf("The payment of %s is more than the open balance %s of %s %s", a, bal.StringFixed(2), typ, id), "Line.Amount")
		}
		if typ == "Invoice" {
			applied = applied.Add(a)
		} else {
			applied = applied.Sub(a)
		}
		l["Amount"] = amt(a)
	}
	if applied.Cmp(total) > 0 {
		return errBusiness("The amounts applied are more than the payment's TotalAmt", "TotalAmt")
	}
	o["TotalAmt"] = amt(total)
	o["UnappliedAmt"] = amt(total.Sub(applied))
	return nil
}

// paymentLinks calls fn for each (entity, id, amount) a payment applies.
func paymentLinks(o obj, fn func(entity, id string, a money.Decimal)) {
	lines, _ := o["Line"].([]any)
	for _, v := range lines {
		l, _ := v.(map[string]any)
		a, _, _ := num(l["Amount"])
		links, _ := l["LinkedTxn"].([]any)
		for _, x := range links {
			lt, _ := x.(map[string]any)
			id, _ := lt["TxnId"].(string)
			typ, _ := lt["TxnType"].(string)
			fn(typ, id, a)
		}
	}
}

// applyPayment reduces the balances of the linked documents and links the
// payment to them, as QBO does (their SyncToken moves too).
func applyPayment(s *Server, rm *realm, o, _ obj) {
	payID, _ := o["Id"].(string)
	paymentLinks(o, func(entity, id string, a money.Decimal) {
		doc := rm.Entities[entity][id]
		if doc == nil {
			return
		}
		bal, _, _ := num(doc["Balance"])
		doc["Balance"] = amt(bal.Sub(a))
		if entity == "CreditMemo" {
			doc["RemainingCredit"] = doc["Balance"]
		}
		links, _ := doc["LinkedTxn"].([]any)
		doc["LinkedTxn"] = append(links, map[string]any{"TxnId": payID, "TxnType": "Payment"})
		s.bump(doc)
		s.store(rm, entityByName(entity), doc)
	})
}

// unlinkPayment gives the linked documents their balances back.
func unlinkPayment(s *Server, rm *realm, o obj) {
	payID, _ := o["Id"].(string)
	paymentLinks(o, func(entity, id string, a money.Decimal) {
		doc := rm.Entities[entity][id]
		if doc == nil {
			return
		}
		bal, _, _ := num(doc["Balance"])
		doc["Balance"] = amt(bal.Add(a))
		if entity == "CreditMemo" {
			doc["RemainingCredit"] = doc["Balance"]
		}
		links, _ := doc["LinkedTxn"].([]any)
		var keep []any
		for _, l := range links {
			if m, _ := l.(map[string]any); m["TxnId"] != payID || m["TxnType"] != "Payment" {
				keep = append(keep, l)
			}
		}
		if keep == nil {
			delete(doc, "LinkedTxn")
		} else {
			doc["LinkedTxn"] = keep
		}
		s.bump(doc)
		s.store(rm, entityByName(entity), doc)
	})
}

func hasPayments(doc obj) bool {
	links, _ := doc["LinkedTxn"].([]any)
	for _, l := range links {
		if m, _ := l.(map[string]any); m["TxnType"] == "Payment" {
			return true
		}
	}
	return false
}

// voidAmounts zeroes a voided transaction, as QBO does, and notes it.
func voidAmounts(o obj) {
	z := zero2()
	for _, k := range []string{"TotalAmt", "Balance", "UnappliedAmt", "HomeTotalAmt", "HomeBalance"} {
		if _, ok := o[k]; ok {
			o[k] = z
		}
	}
	if lines, ok := o["Line"].([]any); ok {
		for _, v := range lines {
			if l, _ := v.(map[string]any); l != nil && l["Amount"] != nil {
				l["Amount"] = z
			}
		}
	}
	if d := field(o, "TxnTaxDetail"); d != nil {
		d["TotalTax"] = z
		delete(d, "TaxLine")
	}
	note, _ := o["PrivateNote"].(string)
	o["PrivateNote"] = "Voided" + map[bool]string{true: " - " + note, false: ""}[note != ""]
}
