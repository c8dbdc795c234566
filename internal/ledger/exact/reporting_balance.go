package exact

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// ReportingBalance is one row of financial/ReportingBalance: the amounts of
// one GL account's transactions grouped by reporting year and period (and
// transaction type, status, cost centre and unit). Amount is debit minus
// credit.
type ReportingBalance struct {
	ID              int64         `json:"ID"`
	GLAccount       string        `json:"GLAccount"`
	GLAccountCode   string        `json:"GLAccountCode"`
	ReportingYear   int           `json:"ReportingYear"`
	ReportingPeriod int           `json:"ReportingPeriod"`
	Amount          money.Decimal `json:"Amount"`
	AmountDebit     money.Decimal `json:"AmountDebit"`
	AmountCredit    money.Decimal `json:"AmountCredit"`
	BalanceType     string        `json:"BalanceType"` // B balance sheet, W profit and loss
	Status          int           `json:"Status"`      // 20 open, 50 processed; both count "after entry"
	Type            int           `json:"Type"`
}

// AccountBalance is the cumulative balance (debit minus credit) of one
// balance-sheet GL account at the end of a reporting period: the sum of its
// ReportingBalance rows of every earlier year and of year's periods up to
// and including period. account is the GL account's id (a GUID) or its code
// ("3000"). Periods are Exact's reporting periods, months in a default
// administration (see PeriodOf).
func (c *Client) AccountBalance(ctx context.Context, account string, year, period int) (money.Decimal, error) {
	rows, err := c.ReportingBalances(ctx, account, year, period)
	if err != nil {
		return money.Zero, err
	}
	sum := money.Zero
	for _, r := range rows {
		sum = sum.Add(r.Amount)
	}
	return sum, nil
}

// ReportingBalances reads the ReportingBalance rows of account up to and
// including year and period.
func (c *Client) ReportingBalances(ctx context.Context, account string, year, period int) ([]ReportingBalance, error) {
	account = strings.TrimSpace(account)
	if account == "" {
		return nil, fmt.Errorf("exact: reporting balance: no GL account given")
	}
	byAccount := Eq("GLAccountCode", Str(account))
	if isGUID(account) {
		byAccount = Eq("GLAccount", Guid(account))
	}
	upTo := Or("ReportingYear lt "+Int(int64(year)),
		"("+And(Eq("ReportingYear", Int(int64(year))), "ReportingPeriod le "+Int(int64(period)))+")")
	rows, err := getAll[ReportingBalance](ctx, c, list{op: "read the balance of GL account " + account, path: "financial/ReportingBalance",
		query: Query{Select: []string{"ID", "GLAccount", "GLAccountCode", "ReportingYear", "ReportingPeriod", "Amount", "AmountDebit",
			"AmountCredit", "BalanceType", "Status", "Type"}, Filter: And(byAccount, upTo)}})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// PeriodOf is the reporting year and period of a date in an administration
// whose financial year is the calendar year in twelve monthly periods,
// Exact's default.
func PeriodOf(date time.Time) (year, period int) { return date.Year(), int(date.Month()) }
