package valuation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
)

// Ledger reads an account's balance (debits minus credits) as at a date.
type Ledger interface {
	Balance(ctx context.Context, account string, date time.Time) (money.Decimal, error)
}

// Xero reads balances from Xero's Balance Sheet; accounts are named by code.
type Xero struct{ Client *xero.Client }

func (x Xero) Balance(ctx context.Context, code string, date time.Time) (money.Decimal, error) {
	accs, err := x.Client.Accounts(ctx, xero.AccountFilter{Where: fmt.Sprintf("Code==%q", code)})
	if err != nil {
		return money.Zero, fmt.Errorf("valuation: read the xero account %s: %w", code, err)
	}
	id := ""
	for _, a := range accs {
		if strings.EqualFold(a.Code, code) {
			id = a.AccountID
		}
	}
	if id == "" {
		return money.Zero, noAccount("Xero", code)
	}
	rep, err := x.Client.BalanceSheet(ctx, date)
	if err != nil {
		return money.Zero, reportErr("Xero", err)
	}
	return rep.AccountBalance(id)
}

// QBO reads balances from QuickBooks' Balance Sheet; accounts are named by id.
type QBO struct{ Client *qbo.Client }

func (q QBO) Balance(ctx context.Context, id string, date time.Time) (money.Decimal, error) {
	rep, err := q.Client.BalanceSheet(ctx, date)
	if err != nil {
		return money.Zero, reportErr("QuickBooks", err)
	}
	return rep.AccountBalance(id)
}

func noAccount(ledger, account string) error {
	return apperr.New(apperr.Invalid, fmt.Sprintf("%s has no account %q, the inventory account in the purchase settings", ledger, account),
		"Choose the inventory asset account in Purchases → Settings.")
}

// reportErr says what to do when the ledger refuses the report: a 401/403
// on a report means the connection lacks the reports permission.
func reportErr(ledger string, err error) error {
	status := 0
	var xe *xero.APIError
	var qe *qbo.APIError
	switch {
	case errors.As(err, &xe):
		status = xe.Status
	case errors.As(err, &qe):
		status = qe.Status
	}
	if status == http.StatusUnauthorized || status == http.StatusForbidden {
		return apperr.New(apperr.Reconnect, ledger+" refused to show the Balance Sheet", "Reconnect "+ledger+" in Connections and allow reading reports.")
	}
	return fmt.Errorf("valuation: read the %s balance sheet: %w", strings.ToLower(ledger), err)
}
