package procure

import "fmt"

// linkOrder makes a bill reference the ledger purchase order its Autotask
// PO was sent as. An order of another supplier (the vendor was linked
// again since) is not referenced: the ledger would refuse the link.
func linkOrder(orders map[int64]LedgerOrder, b *Bill, notes *[]string) {
	o, ok := orders[b.PurchaseOrderID]
	if !ok || o.ID == "" {
		return
	}
	if b.VendorID == "" || o.VendorID != b.VendorID {
		*notes = append(*notes, fmt.Sprintf("the ledger purchase order %s is another supplier's, so the bill does not reference it", o.Number))
		return
	}
	b.LedgerOrderID, b.LedgerOrderNumber = o.ID, o.Number
}
