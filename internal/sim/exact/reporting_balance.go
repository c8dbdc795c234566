package exactsim

import (
	"cmp"
	"slices"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// reportingBalances computes financial/ReportingBalance from what the
// division has booked: sales entries (lines credit revenue, VAT credits 1500,
// the total debits 1300 Debiteuren), purchase entries (lines and VAT debit,
// the total credits 1600 Crediteuren) and general journal entries (each
// line, positive a debit). Sales invoices and purchase orders book nothing
// here. Rows group one GL account's amounts by reporting year, period,
// transaction type and status, as Exact groups them; Amount is debit minus
// credit and AmountCredit is the credits' size (positive).
func reportingBalances(d *divisionData) []record {
	type key struct {
		gl           string
		year, period int64
		typ, status  int64
	}
	sums := map[key]*record{}
	post := func(glID string, date time.Time, typ, status int64, amount money.Decimal) {
		gl := d.byID("GLAccount", "ID", glID)
		if gl == nil || amount.IsZero() {
			return
		}
		k := key{gl.str("ID"), int64(date.Year()), int64(date.Month()), typ, status}
		r := sums[k]
		if r == nil {
			r = &record{"GLAccount": gl.str("ID"), "GLAccountCode": gl.str("Code"), "GLAccountDescription": gl.str("Description"),
				"BalanceType": gl.str("BalanceType"), "ReportingYear": k.year, "ReportingPeriod": k.period, "Type": typ, "Status": status,
				"Division": int64(d.Division.Code), "Amount": money.Zero, "AmountDebit": money.Zero, "AmountCredit": money.Zero, "Count": int64(0)}
			sums[k] = r
		}
		(*r)["Amount"] = r.dec("Amount").Add(amount)
		if amount.Sign() > 0 {
			(*r)["AmountDebit"] = r.dec("AmountDebit").Add(amount)
		} else {
			(*r)["AmountCredit"] = r.dec("AmountCredit").Sub(amount)
		}
		(*r)["Count"] = r.int("Count") + 1
	}
	idOf := func(code string) string { return d.find("GLAccount", "Code", code).str("ID") }
	for _, e := range d.Tables["SalesEntry"] {
		date, _ := e["EntryDate"].(time.Time)
		for _, l := range e.lines("SalesEntryLines") {
			post(l.str("GLAccount"), date, e.int("Type"), e.int("Status"), l.dec("AmountDC").Neg())
			post(idOf("1500"), date, e.int("Type"), e.int("Status"), l.dec("VATAmountDC").Neg())
		}
		post(idOf("1300"), date, e.int("Type"), e.int("Status"), e.dec("AmountDC"))
	}
	for _, e := range d.Tables["PurchaseEntry"] {
		date, _ := e["EntryDate"].(time.Time)
		for _, l := range e.lines("PurchaseEntryLines") {
			post(l.str("GLAccount"), date, e.int("Type"), e.int("Status"), l.dec("AmountDC"))
			post(idOf("1500"), date, e.int("Type"), e.int("Status"), l.dec("VATAmountDC"))
		}
		post(idOf("1600"), date, e.int("Type"), e.int("Status"), e.dec("AmountDC").Neg())
	}
	for _, e := range d.Tables["GeneralJournalEntry"] {
		for _, l := range e.lines("GeneralJournalEntryLines") {
			date, _ := l["Date"].(time.Time)
			post(l.str("GLAccount"), date, e.int("Type"), e.int("Status"), l.dec("AmountDC"))
		}
	}
	out := make([]record, 0, len(sums))
	for _, r := range sums {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b record) int {
		return cmp.Or(cmp.Compare(a.int("ReportingYear"), b.int("ReportingYear")), cmp.Compare(a.int("ReportingPeriod"), b.int("ReportingPeriod")),
			cmp.Compare(a.str("GLAccountCode"), b.str("GLAccountCode")), cmp.Compare(a.int("Type"), b.int("Type")), cmp.Compare(a.int("Status"), b.int("Status")))
	})
	for i, r := range out {
		r["ID"], r["_seq"] = int64(i+1), int64(i+1)
	}
	return out
}
