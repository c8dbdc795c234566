package generate

import (
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// expenseExtras adds the expense shapes the billed items do not make: on
// the first report, a non-billable item (an internal lunch, reimbursed to
// the employee) and a hotel paid by company card (not reimbursable). They
// are made after everything else and draw nothing from the random source,
// so the invoices (and the export golden files) stay as they were; the
// report's totals are brought up to date.
func (g *gen) expenseExtras() {
	if len(g.reports) == 0 {
		return
	}
	r := g.reports[0]
	lunch, hotel := dec("42.5000"), dec("189.0000")
	date := g.start.AddDate(0, 0, 13)
	for _, x := range []struct {
		desc, gl     string
		amount       any
		category     int64
		reimbursable bool
	}{
		{"Team lunch – quarterly planning", "Meals & Subsistence", lunch, 2, true},
		{"Hotel – vendor conference (company card)", "Travel", hotel, 1, false},
	} {
		reimb := amt(lunch)
		if !x.reimbursable {
			reimb = amt(dec("0"))
		}
		amount := amt(hotel)
		if x.reimbursable {
			amount = amt(lunch)
		}
		g.add("ExpenseItems", autotasksim.Record{"id": n(g.next("ExpenseItems")), "expenseReportID": n(r.id), "companyID": nil,
			"description": x.desc, "expenseDate": ts(date), "expenseCategory": n(x.category), "expenseCurrencyID": n(g.ref.currencies[0].id),
			"expenseCurrencyExpenseAmount": amount, "internalCurrencyExpenseAmount": amount,
			"internalCurrencyReimbursementAmount": reimb, "reimbursementCurrencyReimbursementAmount": reimb,
			"isBillableToCompany": false, "isReimbursable": x.reimbursable, "isRejected": false, "haveReceipt": true, "miles": nil,
			"paymentType": n(map[bool]int64{true: 2, false: 1}[x.reimbursable]), "workType": nil, "ticketID": nil,
			"purchaseOrderNumber": "", "glCode": x.gl})
	}
	for _, rec := range g.d["ExpenseReports"] {
		if rec["id"] == n(r.id) {
			total := r.total.Add(lunch).Add(hotel)
			due := r.total.Add(lunch)
			rec["internalCurrencyExpenseTotal"], rec["amountDue"], rec["reimbursementCurrencyAmountDue"] = amt(total), amt(due), amt(due)
		}
	}
}
