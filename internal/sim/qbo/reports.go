package qbosim

import (
	"encoding/json"
	"net/url"
	"sort"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// balanceSheet answers reports/BalanceSheet?end_date=YYYY-MM-DD (accrual):
// one Money column; per balance-sheet account with postings up to the date,
// debits minus credits (assets) or credits minus debits (liabilities,
// equity). Postings are bill and purchase lines (item lines on the item's
// asset or expense account), invoice item lines on the item's income
// account and journal entry lines.
func (s *Server) balanceSheet(rm *realm, q url.Values) (map[string]any, *apiFault) {
	end := s.now().UTC()
	if v := q.Get("end_date"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return nil, errInvalidValue("end_date", "must be a date as yyyy-MM-dd")
		}
		end = t
	}
	if m := q.Get("accounting_method"); m != "" && m != "Accrual" && m != "Cash" {
		return nil, errInvalidValue("accounting_method", "must be Accrual or Cash")
	}
	debits := postedDebits(rm, end.Format(time.DateOnly))
	type section struct{ class, title, group string }
	var rows []any
	for _, sec := range []section{{"Asset", "ASSETS", "TotalAssets"}, {"Liability", "LIABILITIES", "Liabilities"}, {"Equity", "EQUITY", "Equity"}} {
		var data []map[string]any
		total := money.Zero
		for id, a := range rm.Entities["Account"] {
			bal, ok := debits[id]
			if !ok || classOf(a) != sec.class {
				continue
			}
			if sec.class != "Asset" {
				bal = bal.Neg()
			}
			total = total.Add(bal)
			data = append(data, map[string]any{"type": "Data", "ColData": []map[string]any{
				{"value": a["Name"], "id": id}, {"value": bal.StringFixed(2)}}})
		}
		sort.Slice(data, func(i, j int) bool {
			return data[i]["ColData"].([]map[string]any)[0]["value"].(string) < data[j]["ColData"].([]map[string]any)[0]["value"].(string)
		})
		rows = append(rows, map[string]any{"type": "Section", "group": sec.group,
			"Header":  map[string]any{"ColData": []map[string]any{{"value": sec.title}, {"value": ""}}},
			"Rows":    map[string]any{"Row": data},
			"Summary": map[string]any{"ColData": []map[string]any{{"value": "Total " + sec.title}, {"value": total.StringFixed(2)}}}})
	}
	return map[string]any{
		"Header": map[string]any{"Time": qboTime(s.now()), "ReportName": "BalanceSheet", "ReportBasis": "Accrual",
			"StartPeriod": end.Format("2006") + "-01-01", "EndPeriod": end.Format(time.DateOnly), "Currency": rm.Company.HomeCurrency,
			"Option": []map[string]any{{"Name": "AccountingStandard", "Value": "GAAP"}, {"Name": "NoReportData", "Value": "false"}}},
		"Columns": map[string]any{"Column": []map[string]any{{"ColTitle": "", "ColType": "Account"}, {"ColTitle": "Total", "ColType": "Money"}}},
		"Rows":    map[string]any{"Row": rows},
	}, nil
}

// postedDebits sums, per account id, the home-currency postings dated on or
// before end: debits positive, credits negative.
func postedDebits(rm *realm, end string) map[string]money.Decimal {
	out := map[string]money.Decimal{}
	add := func(id string, v money.Decimal) {
		if id != "" {
			out[id] = out[id].Add(v)
		}
	}
	items := rm.Entities["Item"]
	for _, kind := range []struct {
		entity string
		sign   int64
	}{{"Bill", 1}, {"Purchase", 1}, {"VendorCredit", -1}, {"Invoice", -1}, {"CreditMemo", 1}, {"JournalEntry", 1}} {
		for _, doc := range rm.Entities[kind.entity] {
			date, _ := doc["TxnDate"].(string)
			if date == "" || date > end {
				continue
			}
			rate := money.FromInt(1)
			if r, ok := decimalOf(doc["ExchangeRate"]); ok && r.Sign() > 0 {
				rate = r
			}
			lines, _ := doc["Line"].([]any)
			for _, l := range lines {
				line, _ := l.(map[string]any)
				amount, ok := decimalOf(line["Amount"])
				if !ok {
					continue
				}
				amount = amount.Mul(rate).Round(2).Mul(money.FromInt(kind.sign))
				switch line["DetailType"] {
				case "AccountBasedExpenseLineDetail":
					add(refOf(line, "AccountBasedExpenseLineDetail", "AccountRef"), amount)
				case "ItemBasedExpenseLineDetail":
					it := items[refOf(line, "ItemBasedExpenseLineDetail", "ItemRef")]
					if a := refOf(it, "AssetAccountRef"); a != "" && it["Type"] == "Inventory" {
						add(a, amount)
					} else {
						add(refOf(it, "ExpenseAccountRef"), amount)
					}
				case "SalesItemLineDetail":
					add(refOf(items[refOf(line, "SalesItemLineDetail", "ItemRef")], "IncomeAccountRef"), amount)
				case "JournalEntryLineDetail":
					if refOf(line, "JournalEntryLineDetail", "PostingType") == "Credit" {
						amount = amount.Neg()
					}
					add(refOf(line, "JournalEntryLineDetail", "AccountRef"), amount)
				}
			}
		}
	}
	return out
}

// refOf follows keys through nested objects to a reference's value (or a string).
func refOf(o map[string]any, keys ...string) string {
	var cur any = o
	for _, k := range keys {
		m, _ := cur.(map[string]any)
		if m == nil {
			return ""
		}
		cur = m[k]
	}
	switch v := cur.(type) {
	case string:
		return v
	case map[string]any:
		s, _ := v["value"].(string)
		return s
	}
	return ""
}

func decimalOf(v any) (money.Decimal, bool) {
	var s string
	switch n := v.(type) {
	case json.Number:
		s = n.String()
	case string:
		s = n
	default:
		return money.Zero, false
	}
	d, err := money.Parse(s)
	return d, err == nil
}

// classOf is the account's Classification, or the one its AccountType implies.
func classOf(a obj) string {
	if c, _ := a["Classification"].(string); c != "" {
		return c
	}
	switch a["AccountType"] {
	case "Bank", "Accounts Receivable", "Other Current Asset", "Fixed Asset", "Other Asset":
		return "Asset"
	case "Accounts Payable", "Credit Card", "Other Current Liability", "Long Term Liability":
		return "Liability"
	case "Equity":
		return "Equity"
	}
	return ""
}
