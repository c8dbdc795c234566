package qbosim

import (
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// preparePurchase checks a PurchaseOrder or Bill: the vendor, expense
// lines against items or accounts, and the totals.
func preparePurchase(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	vendor := ref(o, "VendorRef")
	if vendor == "" {
		return errRequired("VendorRef")
	}
	if v := lookup(rm, "Vendor", vendor); v == nil || !active(v) {
		return errInvalidRef("VendorRef", vendor)
	}
	if _, ok := o["TxnDate"]; !ok {
		o["TxnDate"] = s.now().Format(time.DateOnly)
	}
	if ref(o, "CurrencyRef") == "" {
		o["CurrencyRef"] = map[string]any{"value": rm.Company.HomeCurrency}
	}
	if t := ref(o, "SalesTermRef"); t != "" && lookup(rm, "Term", t) == nil {
		return errInvalidRef("SalesTermRef", t)
	}
	raw, _ := o["Line"].([]any)
	if len(raw) == 0 {
		return errRequired("Line")
	}
	total := money.FromInt(0)
	for i, v := range raw {
		l, _ := v.(map[string]any)
		l["Id"], l["LineNum"] = fmt.Sprint(i+1), i+1
		a, ok, f := num(l["Amount"])
		if f != nil {
			return f
		}
		if !ok {
			return errRequired(fmt.Sprintf("Line[%d].Amount", i))
		}
		switch dt, _ := l["DetailType"].(string); dt {
		case "ItemBasedExpenseLineDetail":
			id := ref(field(l, dt), "ItemRef")
			if it := lookup(rm, "Item", id); it == nil || !active(it) {
				return errInvalidRef("ItemRef", id)
			}
		case "AccountBasedExpenseLineDetail":
			id := ref(field(l, dt), "AccountRef")
			if ac := lookup(rm, "Account", id); ac == nil || !active(ac) {
				return errInvalidRef("AccountRef", id)
			}
		case "":
			return errRequired(fmt.Sprintf("Line[%d].DetailType", i))
		default:
			return errBusiness("Line DetailType "+dt+" is not valid on a "+strings.ToLower(entity), "Line.DetailType")
		}
		l["Amount"] = amt(a)
		total = total.Add(a)
	}
	o["TotalAmt"] = amt(total)
	if entity == "Bill" {
		if _, ok := o["DueDate"]; !ok {
			o["DueDate"] = o["TxnDate"]
		}
		o["Balance"] = amt(total)
	} else if _, ok := o["POStatus"]; !ok {
		o["POStatus"] = "Open"
	}
	return nil
}
