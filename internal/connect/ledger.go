package connect

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
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
	case store.LedgerQBO:
		c, err := QBO(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		co, _, err := qbo.ReadCompany(ctx, c)
		if err != nil {
			return nil, fmt.Errorf("connect: read the quickbooks company: %w", err)
		}
		// Foreign currencies stay disabled until Intuit's CompanyCurrency
		// list is read: foreign-currency invoices are blocked and say so.
		return qbo.NewAdapter(c, co, qbo.AdapterOptions{}), nil
	case store.LedgerExact:
		c, err := Exact(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		opts, err := exactAdapterOptions(ctx, deps, p)
		if err != nil {
			return nil, err
		}
		return exact.NewAdapter(c, opts), nil
	case store.LedgerNone:
		return nil, apperr.New(apperr.Reconnect, fmt.Sprintf("Profile %q is not connected to a ledger", p.Name),
			"Connect Xero, QuickBooks Online or Exact Online in Connections.")
	default:
		return nil, apperr.New(apperr.Invalid, fmt.Sprintf("Profile %q names an unknown ledger %q", p.Name, p.LedgerKind),
			"Connect Xero, QuickBooks Online or Exact Online again in Connections.")
	}
}
