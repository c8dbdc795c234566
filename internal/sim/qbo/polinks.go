package qbosim

import (
	"fmt"

	"github.com/billbridge/billbridge/internal/money"
)

// checkOrderLinks checks a bill's line links: each names a PurchaseOrder
// that exists and belongs to the bill's vendor, as QuickBooks requires
// (else Fault 620, "Transaction link error").
func checkOrderLinks(rm *realm, o obj, vendor string) *apiFault {
	lines, _ := o["Line"].([]any)
	for _, v := range lines {
		l, _ := v.(map[string]any)
		links, _ := l["LinkedTxn"].([]any)
		for _, x := range links {
			lt, _ := x.(map[string]any)
			id, _ := lt["TxnId"].(string)
			typ, _ := lt["TxnType"].(string)
			if typ != "PurchaseOrder" {
				return errLink("a bill line can be linked to a PurchaseOrder, not " + typ)
			}
			po := lookup(rm, "PurchaseOrder", id)
			if po == nil {
				return errInvalidRef("LinkedTxn.TxnId", id)
			}
			if ref(po, "VendorRef") != vendor {
				return errLink(fmt.Sprintf("PurchaseOrder %s belongs to another vendor", id))
			}
		}
	}
	return nil
}

// applyBill links the bill to the purchase orders its lines bill and
// closes each once its bills reach its total (QuickBooks tracks the
// quantity received per order line; the simulator, more simply, the
// amount billed).
func applyBill(s *Server, rm *realm, o, _ obj) { reviewOrders(s, rm, o, "") }

// unlinkBill reopens the orders of a bill that is deleted or changed.
func unlinkBill(s *Server, rm *realm, o obj) {
	id, _ := o["Id"].(string)
	reviewOrders(s, rm, o, id)
}

// reviewOrders sets LinkedTxn and POStatus of the orders bill links, from
// every stored bill but skip.
func reviewOrders(s *Server, rm *realm, bill obj, skip string) {
	for _, poID := range orderIDs(bill) {
		po := rm.Entities["PurchaseOrder"][poID]
		if po == nil {
			continue
		}
		billed := money.FromInt(0)
		var links []any
		for id, b := range rm.Entities["Bill"] {
			if id == skip {
				continue
			}
			linked := false
			lines, _ := b["Line"].([]any)
			for _, v := range lines {
				l, _ := v.(map[string]any)
				if lineLinks(l, poID) {
					a, _, _ := num(l["Amount"])
					billed, linked = billed.Add(a), true
				}
			}
			if linked {
				links = append(links, map[string]any{"TxnId": id, "TxnType": "Bill"})
			}
		}
		total, _, _ := num(po["TotalAmt"])
		status := "Open"
		if billed.Cmp(total) >= 0 && len(links) > 0 {
			status = "Closed"
		}
		po["POStatus"] = status
		if links == nil {
			delete(po, "LinkedTxn")
		} else {
			po["LinkedTxn"] = links
		}
		s.bump(po)
		s.store(rm, entityByName("PurchaseOrder"), po)
	}
}

// orderIDs are the purchase orders a bill's lines link.
func orderIDs(bill obj) []string {
	var out []string
	seen := map[string]bool{}
	lines, _ := bill["Line"].([]any)
	for _, v := range lines {
		l, _ := v.(map[string]any)
		links, _ := l["LinkedTxn"].([]any)
		for _, x := range links {
			lt, _ := x.(map[string]any)
			if id, _ := lt["TxnId"].(string); lt["TxnType"] == "PurchaseOrder" && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

func lineLinks(l map[string]any, poID string) bool {
	links, _ := l["LinkedTxn"].([]any)
	for _, x := range links {
		if lt, _ := x.(map[string]any); lt["TxnType"] == "PurchaseOrder" && lt["TxnId"] == poID {
			return true
		}
	}
	return false
}
