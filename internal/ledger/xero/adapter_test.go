package xero_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger/ledgertest"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

// TestAdapterConformance runs the shared ledger suite against the Xero
// simulator, one fresh organisation per subtest.
func TestAdapterConformance(t *testing.T) {
	ledgertest.Run(t, func(t *testing.T) ledgertest.Harness {
		env := startSim(t, xerosim.Options{MinuteLimit: 10000}, orgGB.TenantID)
		pay := func(ctx context.Context, id string, amount money.Decimal, on time.Time) error {
			res, err := env.client.CreatePayments(ctx, []xero.Payment{{
				Invoice: xero.InvoiceRef(id), Account: xero.AccountRef("090"), Amount: amount, Date: xero.DateOf(on),
			}}, "")
			if err == nil && len(res.Failed) > 0 {
				err = errors.New(res.Failed[0].Error())
			}
			return err
		}
		return ledgertest.Harness{Ledger: xero.NewAdapter(env.client, "GBP"), Pay: pay, TaxCode: "OUTPUT2", Account: "200"}
	})
}
