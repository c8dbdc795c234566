package xero

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// ReportCell is one cell of a Xero report row; an account row's cells carry
// the AccountID in the attribute with Id "account".
type ReportCell struct {
	Value      string `json:"Value"`
	Attributes []struct {
		ID    string `json:"Id"`
		Value string `json:"Value"`
	} `json:"Attributes,omitempty"`
}

// ReportRow is a Header, Section, Row or SummaryRow; sections nest rows.
type ReportRow struct {
	RowType string       `json:"RowType"`
	Title   string       `json:"Title,omitempty"`
	Cells   []ReportCell `json:"Cells,omitempty"`
	Rows    []ReportRow  `json:"Rows,omitempty"`
}

// Report is one report of Xero's ReportWithRows answer.
type Report struct {
	ReportName   string      `json:"ReportName"`
	ReportType   string      `json:"ReportType"`
	ReportTitles []string    `json:"ReportTitles"`
	ReportDate   string      `json:"ReportDate"`
	Rows         []ReportRow `json:"Rows"`
}

// BalanceSheet reads the Balance Sheet as at date (one period, accrual).
func (c *Client) BalanceSheet(ctx context.Context, date time.Time) (Report, error) {
	var env struct {
		Reports []Report `json:"Reports"`
	}
	q := url.Values{"date": {date.Format(time.DateOnly)}}
	if err := c.do(ctx, request{method: http.MethodGet, path: "Reports/BalanceSheet", query: q, op: "read the balance sheet"}, &env); err != nil {
		return Report{}, err
	}
	if len(env.Reports) == 0 {
		return Report{}, fmt.Errorf("xero: read the balance sheet: no report in the answer")
	}
	return env.Reports[0], nil
}

// AccountBalance finds the account's balance in a Balance Sheet: the first
// value column of the row whose account attribute is accountID. An account
// with nothing posted has no row, and so a zero balance.
func (r Report) AccountBalance(accountID string) (money.Decimal, error) {
	var walk func(rows []ReportRow) (money.Decimal, bool, error)
	walk = func(rows []ReportRow) (money.Decimal, bool, error) {
		for _, row := range rows {
			if row.RowType == "Section" {
				if v, ok, err := walk(row.Rows); ok || err != nil {
					return v, ok, err
				}
				continue
			}
			if row.RowType != "Row" || len(row.Cells) < 2 || !rowIsAccount(row.Cells[0], accountID) {
				continue
			}
			s := strings.TrimSpace(row.Cells[1].Value)
			if s == "" {
				return money.Zero, true, nil
			}
			v, err := money.Parse(s)
			if err != nil {
				return money.Zero, true, fmt.Errorf("xero: balance sheet: value %q of account %s: %w", s, accountID, err)
			}
			return v, true, nil
		}
		return money.Zero, false, nil
	}
	v, _, err := walk(r.Rows)
	return v, err
}

func rowIsAccount(c ReportCell, accountID string) bool {
	for _, a := range c.Attributes {
		if a.ID == "account" && strings.EqualFold(a.Value, accountID) {
			return true
		}
	}
	return false
}
