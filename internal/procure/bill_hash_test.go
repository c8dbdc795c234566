package procure

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/money"
)

// TestBillHashWithoutOrderUnchanged: a bill that references no ledger
// order hashes as it did before bills could reference one (the fields are
// left out of its JSON); one that does hashes differently.
func TestBillHashWithoutOrderUnchanged(t *testing.T) {
	b := Bill{Reference: "RCV-1", Number: "INV-9/RCV-1", PurchaseOrderID: 7, Lines: []BillLine{{ReceivingID: 1, Quantity: money.FromInt(2)}}}
	raw, _ := json.Marshal(b)
	// The bill's JSON as written before: no ledger order fields.
	var old map[string]any
	_ = json.Unmarshal(raw, &old)
	for k := range old {
		if strings.HasPrefix(k, "ledgerOrder") {
			t.Errorf("a bill without an order carries %s", k)
		}
	}
	tests := []struct {
		name     string
		id, num  string
		sameHash bool
	}{
		{"no order", "", "", true},
		{"order", "42", "PO-0001", false},
	}
	base := hashOf(b)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := b
			c.LedgerOrderID, c.LedgerOrderNumber = tt.id, tt.num
			if got := hashOf(c) == base; got != tt.sameHash {
				t.Errorf("same hash %v, want %v", got, tt.sameHash)
			}
		})
	}
}
