package xerosim

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// scopeReports: the broad report scope, or the granular Balance Sheet one.
var scopeReports = []string{"accounting.reports.read", "accounting.reports.balancesheet.read"}

// reportEndpoint picks the report handler; only the Balance Sheet is simulated.
func (c *call) reportEndpoint() (func(), []string) {
	if len(c.parts) == 2 && c.parts[1] == "BalanceSheet" && c.r.Method == http.MethodGet {
		return c.getBalanceSheet, scopeReports
	}
	return nil, nil
}

type reportAttr struct {
	Value string `json:"Value"`
	ID    string `json:"Id"`
}

type reportCell struct {
	Value      string       `json:"Value"`
	Attributes []reportAttr `json:"Attributes,omitempty"`
}

type reportRow struct {
	RowType string       `json:"RowType"`
	Title   string       `json:"Title,omitempty"`
	Cells   []reportCell `json:"Cells,omitempty"`
	Rows    []reportRow  `json:"Rows,omitempty"`
}

// getBalanceSheet answers Reports/BalanceSheet?date=YYYY-MM-DD: for each
// balance-sheet account with postings up to the date, debits minus credits
// (assets) or credits minus debits (liabilities, equity), in the base
// currency. Postings are the lines of authorised and paid invoices, bills
// and credit notes, and posted manual journals.
func (c *call) getBalanceSheet() {
	at := c.s.now().UTC()
	if v := c.q.Get("date"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			c.fail(http.StatusBadRequest, fieldErrors("The date "+v+" is not a valid date"))
			return
		}
		at = t
	}
	end := day(at).Time.AddDate(0, 0, 1)
	debits := c.postedDebits(end)
	byClass := map[string][]reportRow{}
	for _, a := range c.org.Accounts {
		bal, ok := debits[a.Code]
		if !ok || (a.Class != "ASSET" && a.Class != "LIABILITY" && a.Class != "EQUITY") {
			continue
		}
		if a.Class != "ASSET" {
			bal = bal.Neg()
		}
		attr := []reportAttr{{Value: a.AccountID, ID: "account"}}
		byClass[a.Class] = append(byClass[a.Class], reportRow{RowType: "Row",
			Cells: []reportCell{{Value: a.Name, Attributes: attr}, {Value: bal.StringFixed(2), Attributes: attr}}})
	}
	label := day(at).Format("2 Jan 2006")
	rows := []reportRow{{RowType: "Header", Cells: []reportCell{{Value: ""}, {Value: label}}}}
	for _, sec := range []struct{ class, title string }{{"ASSET", "Assets"}, {"LIABILITY", "Liabilities"}, {"EQUITY", "Equity"}} {
		list := byClass[sec.class]
		sort.Slice(list, func(i, j int) bool { return list[i].Cells[0].Value < list[j].Cells[0].Value })
		total := money.Zero
		for _, r := range list {
			total = total.Add(money.MustParse(r.Cells[1].Value))
		}
		list = append(list, reportRow{RowType: "SummaryRow", Cells: []reportCell{{Value: "Total " + sec.title}, {Value: total.StringFixed(2)}}})
		rows = append(rows, reportRow{RowType: "Section", Title: sec.title, Rows: list})
	}
	report := map[string]any{"ReportID": "BalanceSheet", "ReportName": "Balance Sheet", "ReportType": "BalanceSheet",
		"ReportTitles": []string{"Balance Sheet", c.org.Org.Name, "As at " + day(at).Format("2 January 2006")},
		"ReportDate":   c.s.now().UTC().Format("2 January 2006"), "UpdatedDateUTC": envelopeTime(c.s.now()), "Fields": []any{}, "Rows": rows}
	c.ok("Reports", []any{report}, nil)
}

// postedDebits sums, per account code, what was posted before end: debits
// positive, credits negative, converted to the base currency.
func (c *call) postedDebits(end time.Time) map[string]money.Decimal {
	out := map[string]money.Decimal{}
	add := func(code string, v money.Decimal) {
		if code != "" {
			out[code] = out[code].Add(v)
		}
	}
	posted := func(status string) bool { return status == "AUTHORISED" || status == "PAID" }
	doc := func(d docCore, sign money.Decimal) {
		if !posted(d.Status) || !d.Date.Before(end) {
			return
		}
		for _, l := range d.LineItems {
			net := l.LineAmount
			if strings.EqualFold(d.LineAmountTypes, "Inclusive") {
				net = net.Sub(l.TaxAmount)
			}
			if d.CurrencyRate != nil && d.CurrencyRate.Sign() > 0 && !d.CurrencyRate.Equal(money.FromInt(1)) {
				if v, err := net.Div(*d.CurrencyRate, 2); err == nil {
					net = v
				}
			}
			add(l.AccountCode, net.Mul(sign))
		}
	}
	plus, minus := money.FromInt(1), money.FromInt(-1)
	for _, inv := range c.org.Invoices {
		if inv.Type == "ACCPAY" {
			doc(inv.docCore, plus) // a bill debits its line accounts
		} else {
			doc(inv.docCore, minus)
		}
	}
	for _, cn := range c.org.CreditNotes {
		if cn.Type == "ACCPAYCREDIT" {
			doc(cn.docCore, minus)
		} else {
			doc(cn.docCore, plus)
		}
	}
	for _, j := range c.org.ManualJournals {
		if j.Status != "POSTED" || !j.Date.Before(end) {
			continue
		}
		for _, l := range j.JournalLines {
			code := l.AccountCode
			if code == "" {
				for _, a := range c.org.Accounts {
					if a.AccountID == l.AccountID {
						code = a.Code
					}
				}
			}
			add(code, l.LineAmount)
		}
	}
	return out
}
