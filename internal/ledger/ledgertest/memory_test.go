package ledgertest_test

import (
	"testing"

	"github.com/billbridge/billbridge/internal/ledger/ledgertest"
)

func TestMemory(t *testing.T) {
	ledgertest.Run(t, func(t *testing.T) ledgertest.Harness {
		m := ledgertest.NewMemory()
		return ledgertest.Harness{Ledger: m, Pay: m.Pay, TaxCode: "OUTPUT2", Account: "200"}
	})
}
