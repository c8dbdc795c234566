package generate

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

type expenseReport struct {
	id       int64
	resource int64
	total    money.Decimal
}

// expenseLine creates an ExpenseItem on the resource's monthly report and
// the billing item that recharges it to the customer.
func (g *gen) expenseLine(c *company) line {
	res := pick(g, g.ref.resources)
	ri, ok := g.reportOf[res]
	if !ok {
		ri = len(g.reports)
		g.reports = append(g.reports, expenseReport{id: g.next("ExpenseReports"), resource: res})
		g.reportOf[res] = ri
	}
	code := pick(g, g.ref.expenseCodes)
	date := g.day()
	qty, rate := money.FromInt(1), g.cents(12, 480)
	var miles any
	category := int64(1)
	switch code.name {
	case "Mileage":
		m := money.FromInt(8 + g.rng.Int64N(180))
		qty, rate, miles, category = m, code.rate, amt(m), 3
	case "Meals & Subsistence":
		category = 2
	}
	amount := qty.Mul(rate).Round(2)
	g.reports[ri].total = g.reports[ri].total.Add(amount)
	itemID := g.next("ExpenseItems")
	g.add("ExpenseItems", autotasksim.Record{"id": n(itemID), "expenseReportID": n(g.reports[ri].id), "companyID": n(c.id),
		"description": fmt.Sprintf("%s – %s", code.name, cityOf(c.country.code)), "expenseDate": ts(date),
		"expenseCategory": n(category), "expenseCurrencyID": n(g.ref.currencies[0].id), "expenseCurrencyExpenseAmount": amt(amount),
		"internalCurrencyExpenseAmount": amt(amount), "internalCurrencyReimbursementAmount": amt(amount),
		"reimbursementCurrencyReimbursementAmount": amt(amount), "isBillableToCompany": true, "isReimbursable": true,
		"isRejected": false, "haveReceipt": code.name != "Mileage", "miles": miles, "paymentType": n(2), "workType": n(g.ref.workTypes[1].id),
		"ticketID": n(40000 + g.rng.Int64N(9000)), "purchaseOrderNumber": "", "glCode": code.name})
	return line{itemType: typeExpense, subType: subExpense, code: code, name: code.name, desc: "Expense: " + code.name,
		qty: qty, rate: rate, ourCost: amount, taxCat: code.taxCategory, l2: 0, date: date,
		refs: map[string]int64{"expenseItemID": itemID}}
}

func (g *gen) emitExpenseReports() {
	for _, r := range g.reports {
		g.add("ExpenseReports", autotasksim.Record{"id": n(r.id), "name": fmt.Sprintf("Expenses %s", g.start.Format("January 2006")),
			"submitterID": n(r.resource), "approverID": n(g.ref.resources[0]), "status": n(3), "submit": true,
			"submitDate": ts(g.end), "approvedDate": ts(g.end), "weekEnding": ts(g.end),
			"internalCurrencyExpenseTotal": amt(r.total), "amountDue": amt(r.total), "reimbursementCurrencyAmountDue": amt(r.total),
			"internalCurrencyCashAdvanceAmount": amt(money.Zero), "reimbursementCurrencyCashAdvanceAmount": amt(money.Zero),
			"reimbursementCurrencyID": n(g.ref.currencies[0].id), "quickBooksReferenceNumber": "", "rejectionReason": nil,
			"organizationalLevelAssociationID": n(g.ref.orgAssoc[0][0])})
	}
}

// makeProcurement creates purchase orders from the vendors with items and
// receipts; every third order arrives in two shipments with a back order.
func (g *gen) makeProcurement() {
	vendors := g.d["Companies"][:3]
	count := max(3, g.opts.Invoices/10)
	for i := 0; i < count; i++ {
		c := &g.companies[g.rng.IntN(len(g.companies))]
		po := g.next("PurchaseOrders")
		submitted := g.day()
		status := int64(4)
		split := i%3 == 0
		if split {
			status = 3
		}
		freight := g.cents(0, 60)
		g.add("PurchaseOrders", autotasksim.Record{"id": n(po), "vendorID": vendors[i%3]["id"], "status": n(status),
			"purchaseOrderNumber": fmt.Sprintf("PO-%d", 4400+i), "purchaseForCompanyID": n(c.id), "createDateTime": ts(submitted),
			"submitDateTime": ts(submitted), "creatorResourceID": n(g.ref.resources[0]), "paymentTerm": n(g.ref.terms[2]),
			"freight": amt(freight), "internalCurrencyFreight": amt(freight), "shipToName": c.name, "shipToAddress1": "1 Main Street",
			"shipToCity": cityOf(c.country.code), "shipToPostalCode": "10001", "vendorInvoiceNumber": fmt.Sprintf("VI-%06d", 100000+i*37),
			"generalMemo": "", "taxRegionID": n(c.region.id), "shippingType": n(1), "showEachTaxInGroup": false, "showTaxCategory": false})
		lines := 1 + g.rng.IntN(3)
		for k := 0; k < lines; k++ {
			p := pick(g, g.ref.products[:6]) // hardware only
			qty := 2 + g.rng.Int64N(10)
			item := g.next("PurchaseOrderItems")
			g.add("PurchaseOrderItems", autotasksim.Record{"id": n(item), "orderID": n(po), "productID": n(p.id), "quantity": n(qty),
				"unitCost": amt(p.cost), "internalCurrencyUnitCost": amt(p.cost), "memo": p.name, "inventoryLocationID": n(g.ref.invLocation),
				"estimatedArrivalDate": ts(submitted.AddDate(0, 0, 3)), "ticketID": nil, "projectID": nil, "contractID": nil, "salesOrderID": nil})
			first := qty
			if split && k == 0 {
				first = qty / 2
			}
			g.receive(item, first, 0, qty-first, submitted.AddDate(0, 0, 2), i)
			if first < qty && g.rng.IntN(2) == 0 {
				g.receive(item, qty-first, first, 0, submitted.AddDate(0, 0, 9), i)
			}
		}
	}
	g.threeShipmentPO(count)
	g.dropShipPO(count + 1)
}

func (g *gen) receive(item, now, before, back int64, date time.Time, i int) {
	g.add("PurchaseOrderItemReceiving", autotasksim.Record{"id": n(g.next("PurchaseOrderItemReceiving")), "purchaseOrderItemID": n(item),
		"quantityNowReceiving": n(now), "quantityPreviouslyReceived": n(before), "quantityBackOrdered": n(back),
		"receiveDate": ts(date), "receivedByResourceID": n(g.ref.resources[1]),
		"serialNumber": fmt.Sprintf("SN%08d", 10000000+int(item)*3+int(before)), "vendorInvoiceNumber": fmt.Sprintf("VI-%06d", 100000+i*37)})
}
