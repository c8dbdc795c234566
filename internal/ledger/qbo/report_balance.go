package qbo

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// ColData is one cell of a report row; an account's cell carries its id.
type ColData struct {
	Value string `json:"value"`
	ID    string `json:"id,omitempty"`
}

// ReportRow is a Section (Header, Rows, Summary) or a Data row (ColData).
type ReportRow struct {
	Type    string    `json:"type,omitempty"`
	Group   string    `json:"group,omitempty"`
	ColData []ColData `json:"ColData,omitempty"`
	Header  *struct {
		ColData []ColData `json:"ColData"`
	} `json:"Header,omitempty"`
	Rows *struct {
		Row []ReportRow `json:"Row"`
	} `json:"Rows,omitempty"`
	Summary *struct {
		ColData []ColData `json:"ColData"`
	} `json:"Summary,omitempty"`
}

// Report is a QuickBooks report answer (Report.xsd), the parts read here.
type Report struct {
	Header struct {
		ReportName  string `json:"ReportName"`
		EndPeriod   string `json:"EndPeriod"`
		Currency    string `json:"Currency"`
		ReportBasis string `json:"ReportBasis"`
	} `json:"Header"`
	Rows struct {
		Row []ReportRow `json:"Row"`
	} `json:"Rows"`
}

// BalanceSheet reads the accrual Balance Sheet as at date, one total column.
func (c *Client) BalanceSheet(ctx context.Context, date time.Time) (Report, error) {
	q := url.Values{"end_date": {date.Format(time.DateOnly)}, "accounting_method": {"Accrual"}}
	var out Report
	if err := c.do(ctx, request{method: http.MethodGet, path: "reports/BalanceSheet", query: q, op: "read the balance sheet"}, &out); err != nil {
		return Report{}, err
	}
	return out, nil
}

// AccountBalance finds the account's balance in a Balance Sheet: the second
// column of the Data row whose first cell has the account's id. An account
// with nothing posted has no row, and so a zero balance.
func (r Report) AccountBalance(accountID string) (money.Decimal, error) {
	var walk func(rows []ReportRow) (money.Decimal, bool, error)
	walk = func(rows []ReportRow) (money.Decimal, bool, error) {
		for _, row := range rows {
			if row.Rows != nil {
				if v, ok, err := walk(row.Rows.Row); ok || err != nil {
					return v, ok, err
				}
			}
			if len(row.ColData) < 2 || row.ColData[0].ID != accountID {
				continue
			}
			s := strings.TrimSpace(row.ColData[1].Value)
			if s == "" {
				return money.Zero, true, nil
			}
			v, err := money.Parse(s)
			if err != nil {
				return money.Zero, true, fmt.Errorf("qbo: balance sheet: value %q of account %s: %w", s, accountID, err)
			}
			return v, true, nil
		}
		return money.Zero, false, nil
	}
	v, _, err := walk(r.Rows.Row)
	return v, err
}
