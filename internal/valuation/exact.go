package valuation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
)

// Exact reads balances from Exact Online's financial/ReportingBalance;
// accounts are named by GL code or id. Exact books by reporting period, so
// the balance is the one at the end of the date's period (a month in a
// default administration): later postings in the same month count.
type Exact struct{ Client *exact.Client }

func (x Exact) Balance(ctx context.Context, account string, date time.Time) (money.Decimal, error) {
	year, period := exact.PeriodOf(date)
	bal, err := x.Client.AccountBalance(ctx, account, year, period)
	if err != nil {
		var e *exact.APIError
		if errors.As(err, &e) && (e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden) {
			return money.Zero, apperr.New(apperr.Reconnect, "Exact Online refused to show the GL account balances",
				"Reconnect Exact Online in Connections with a user who may see the financial reports.")
		}
		return money.Zero, fmt.Errorf("valuation: read the exact online balance of %s: %w", account, err)
	}
	return bal, nil
}
