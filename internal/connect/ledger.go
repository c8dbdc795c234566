package connect

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Ledger opens the profile's ledger behind the ledger-neutral interface the
// sync engine uses.
func Ledger(ctx context.Context, deps Deps, p store.Profile) (ledger.Ledger, error) {
	switch p.LedgerKind {
	case store.LedgerXero:
		c, err := Xero(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		org, err := c.Organisation(ctx)
		if err != nil {
			return nil, fmt.Errorf("connect: read the xero organisation: %w", err)
		}
		return xero.NewAdapter(c, money.Currency(org.BaseCurrency)), nil
	case store.LedgerNone:
		return nil, apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q is not connected to a ledger", p.Name),
			"Connect Xero, QuickBooks Online or Exact Online in Connections.")
	default:
		return nil, apperr.New(apperr.Unavailable, fmt.Sprintf("Sending invoices to %s is not available yet", p.LedgerKind),
			"Use the file exports for this profile until its ledger's sync arrives.")
	}
}
