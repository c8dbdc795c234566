package generate

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// itemRefs are the reference fields of BillingItems, written null when a
// line does not carry them.
var itemRefs = []string{"ticketID", "taskID", "projectID", "contractID", "contractServiceID", "contractBlockID",
	"ticketChargeID", "projectChargeID", "contractChargeID", "timeEntryID", "serviceID", "milestoneID",
	"expenseItemID", "roleID", "itemApproverID", "contractServiceBundleID", "serviceBundleID", "vendorID", "configurationItemID"}

// invoiceKind marks the awkward invoices every run contains.
type invoiceKind int

const (
	kindNormal invoiceKind = iota
	kindVoided
	kindZero
	kindNegative
	kindUnfinished
)

func (g *gen) kindOf(i int) invoiceKind {
	switch {
	case i == g.opts.Invoices-1 && g.opts.Invoices > 1:
		return kindUnfinished
	case i == 1:
		return kindVoided
	case i == 2:
		return kindZero
	case i == 3:
		return kindNegative
	}
	return kindNormal
}

func (g *gen) makeInvoices() {
	billed := make([]bool, len(g.companies))
	invoiceDate := g.end
	items := 0
	for i := 0; i < g.opts.Invoices; i++ {
		ci := i % len(g.companies)
		if i >= len(g.companies) {
			ci = g.rng.IntN(len(g.companies))
		}
		c := &g.companies[ci]
		kind := g.kindOf(i)
		var lines []line
		switch kind {
		case kindZero:
			l := g.laborLine(c, false)
			lines = []line{l, g.creditLine(c, l.qty.Mul(l.rate).Round(4))}
		case kindNegative:
			lines = []line{g.creditLine(c, g.cents(50, 400))}
		default:
			if !billed[ci] {
				lines = g.firstInvoiceLines(c, ci)
				billed[ci] = true
			}
			want := 1 + g.rng.IntN(2*g.opts.ItemsPerInvoice-1)
			for len(lines) < want {
				lines = append(lines, g.randomLine(c))
			}
			if g.rng.IntN(8) == 0 {
				lines = append(lines, g.creditLine(c, g.cents(10, 150)))
			}
			if i%9 == 4 {
				lines = append(lines, g.surcharge(c, lines))
			}
		}
		id := g.next("Invoices")
		emit := lines
		var pending money.Decimal
		if kind == kindUnfinished && len(lines) > 1 {
			// Autotask is still attaching items: the total already counts
			// the lines that are not yet visible.
			emit = lines[:len(lines)/2]
			for _, l := range lines[len(lines)/2:] {
				t, _ := priced(c, l)
				pending = pending.Add(t.total)
			}
		}
		var total, tax money.Decimal
		for _, l := range emit {
			a := g.emitItem(id, c, l, invoiceDate)
			total, tax = total.Add(a.total), tax.Add(a.tax)
		}
		items += len(emit)
		g.emitInvoice(id, i, c, kind, total.Add(pending), tax, invoiceDate)
	}
	// Posted items not yet invoiced.
	extra := int(float64(items) * g.opts.UninvoicedShare)
	for k := 0; k < extra; k++ {
		c := &g.companies[g.rng.IntN(len(g.companies))]
		g.emitItem(0, c, g.randomLine(c), invoiceDate)
	}
	g.emitExpenseReports()
}

// firstInvoiceLines are the agreement lines of a company's first invoice:
// recurring services, and where the company has them a setup fee, block
// hours, a retainer and a milestone.
func (g *gen) firstInvoiceLines(c *company, ci int) []line {
	var out []line
	for _, s := range c.services {
		out = append(out, g.serviceLine(c, s))
	}
	m := g.ref.material
	if ci%5 == 0 {
		out = append(out, g.fixedLine(c, typeSetup, subSetup, m["setup"], "Onboarding fee – new agreement", dec("500.0000"), c.contract, 0))
	}
	if c.block != 0 {
		out = append(out, g.fixedLine(c, typeBlock, subBlock, m["block"], "Block of 20 hours", dec("2750.0000"), c.block, 0))
	}
	if c.retainer != 0 {
		out = append(out, g.fixedLine(c, typeRetainer, subRetainer, m["retainer"], "Monthly retainer "+g.start.Format("01/2006"), dec("1850.0000"), c.retainer, 0))
	}
	if c.project != 0 {
		out = append(out, g.fixedLine(c, typeMilestone, subMilestone, g.ref.milestone, "Milestone 2 of 3: cut-over weekend", g.cents(2500, 15000), c.project, 1))
	}
	return out
}

func (g *gen) randomLine(c *company) line {
	switch r := g.rng.IntN(20); {
	case r < 9:
		return g.laborLine(c, false)
	case r < 12:
		return g.laborLine(c, true)
	case r < 16:
		return g.productLine(c)
	case r < 17:
		return g.shippingLine(c)
	default:
		return g.expenseLine(c)
	}
}

func (g *gen) shippingLine(c *company) line {
	sh := g.ref.material["shipping"]
	return line{itemType: typeCharge, subType: subShipping, code: sh, name: "Shipping & Handling", desc: "Courier – next day (UPS)",
		qty: money.FromInt(1), rate: g.cents(9, 85), ourCost: g.cents(5, 9), taxCat: sh.taxCategory, l2: 2, date: g.day(),
		refs: map[string]int64{"ticketChargeID": 55000 + g.rng.Int64N(9000)}}
}

// surcharge is 3 % of the invoice's extended prices, for card payers.
func (g *gen) surcharge(c *company, lines []line) line {
	var sub money.Decimal
	for _, l := range lines {
		sub = sub.Add(l.qty.Mul(l.rate))
	}
	if sub.IsNegative() {
		sub = money.Zero
	}
	sc := g.ref.material["surcharge"]
	return line{itemType: typeCharge, subType: subSurcharge, code: sc, name: "Card payment surcharge (3 %)", desc: "Credit card surcharge",
		qty: money.FromInt(1), rate: sub.Mul(dec("0.03")).Round(2), taxCat: catExempt, l2: -1, date: g.end,
		refs: map[string]int64{"contractChargeID": 77000 + g.rng.Int64N(9000)}}
}

// amounts are one item's customer-currency and internal-currency values.
type amounts struct {
	rate, ext, tax, total     money.Decimal
	iRate, iExt, iTax, iTotal money.Decimal
}

func priced(c *company, l line) (amounts, money.Decimal) {
	taxRate := c.region.rates[l.taxCat]
	if c.taxExempt {
		taxRate = money.Zero
	}
	var a amounts
	a.iRate = l.rate
	a.rate = priceIn(l.rate, c.currency)
	a.ext = l.qty.Mul(a.rate).Round(4)
	a.tax = a.ext.Mul(taxRate).Round(2)
	a.total = a.ext.Add(a.tax)
	a.iExt = l.qty.Mul(a.iRate).Round(4)
	a.iTax = a.iExt.Mul(taxRate).Round(2)
	a.iTotal = a.iExt.Add(a.iTax)
	return a, taxRate
}

// emitItem writes one BillingItems record and returns its amounts as they
// count toward the invoice (zero when not invoiced).
func (g *gen) emitItem(invoiceID int64, c *company, l line, invoiceDate time.Time) struct{ total, tax money.Decimal } {
	a, _ := priced(c, l)
	if invoiceID == 0 {
		// Not invoiced yet: Autotask shows no tax or total until it is.
		a.tax, a.total, a.iTax, a.iTotal = money.Zero, money.Zero, money.Zero, money.Zero
	}
	posted := l.date.AddDate(0, 0, 1+g.rng.IntN(3))
	if posted.After(invoiceDate) {
		posted = invoiceDate
	}
	var org any
	if l.l2 >= 0 && g.rng.IntN(15) != 0 {
		org = n(g.ref.orgAssoc[c.orgL1][l.l2])
	}
	nonBillable := int64(0)
	if l.nonBillable {
		nonBillable = 1
	}
	var full, group any
	if l.full != "" {
		full, group = l.full, l.code.name
	}
	r := autotasksim.Record{
		"id": n(g.next("BillingItems")), "invoiceID": n(invoiceID), "companyID": n(c.id), "billingCodeID": n(l.code.id),
		"billingItemType": n(l.itemType), "subType": n(l.subType), "itemName": l.name, "description": l.desc,
		"itemDate": ts(l.date), "postedDate": ts(posted),
		"postedOnTime": tsMillis(posted.Add(time.Duration(8*3600+g.rng.IntN(9*3600)) * time.Second).Add(time.Duration(g.rng.IntN(1000)) * time.Millisecond)),
		"quantity":     amt(l.qty), "rate": amt(a.rate), "extendedPrice": amt(a.ext), "taxDollars": amt(a.tax), "totalAmount": amt(a.total),
		"ourCost": amt(l.ourCost), "taxCategoryID": n(g.ref.categories[l.taxCat]), "purchaseOrderNumber": l.po,
		"nonBillable": n(nonBillable), "sortOrderID": nil, "organizationalLevelAssociationID": org, "webServiceDate": nil,
		"internalCurrencyRate": amt(a.iRate), "internalCurrencyExtendedPrice": amt(a.iExt),
		"internalCurrencyTaxDollars": amt(a.iTax), "internalCurrencyTotalAmount": amt(a.iTotal),
		"lineItemFullDescription": full, "lineItemGroupDescription": group, "accountManagerWhenApprovedID": nil,
	}
	for _, k := range itemRefs {
		r[k] = nil
	}
	for k, v := range l.refs {
		r[k] = nullable(v)
	}
	g.add("BillingItems", r)
	return struct{ total, tax money.Decimal }{a.total, a.tax}
}

func (g *gen) emitInvoice(id int64, i int, c *company, kind invoiceKind, total, tax money.Decimal, date time.Time) {
	created := date.Add(17*time.Hour + time.Duration(i)*time.Second)
	r := autotasksim.Record{
		"id": n(id), "companyID": n(c.id), "invoiceNumber": fmt.Sprintf("%d", 24000+i), "invoiceDateTime": ts(date),
		"fromDate": ts(g.start), "toDate": ts(g.end), "dueDate": ts(date.AddDate(0, 0, g.ref.termDays[c.term])),
		"paymentTerm": n(g.ref.terms[c.term]), "invoiceTotal": amt(total), "totalTaxValue": amt(tax), "taxGroup": n(1),
		"taxRegionName": c.region.name, "invoiceStatus": n(1), "invoiceTaxMethodExternalCode": nil, "isVoided": false,
		"voidedDate": nil, "voidedByResourceID": nil, "paidDate": nil, "webServiceDate": nil, "comments": "",
		"batchID": n(int64(300 + i/50)), "createDateTime": ts(created), "creatorResourceID": n(g.ref.resources[i%len(g.ref.resources)]),
		"invoiceEditorTemplateID": n(1), "orderNumber": "",
	}
	switch kind {
	case kindVoided:
		r["isVoided"], r["voidedDate"], r["voidedByResourceID"], r["invoiceStatus"] = true, ts(date.AddDate(0, 0, 1)), n(g.ref.resources[0]), n(4)
		r["comments"] = "Voided: billed to the wrong company"
	case kindUnfinished:
		r["invoiceNumber"], r["comments"] = "", "Invoice still processing in Autotask"
	case kindNegative:
		r["comments"] = "Credit note – Gutschrift für Ausfallzeit"
	}
	if kind == kindNormal && i%10 == 7 {
		// Already synced by an earlier run; some already paid.
		r["webServiceDate"] = tsMillis(created.Add(26 * time.Hour))
		if i%20 == 17 {
			r["paidDate"], r["invoiceStatus"] = ts(date.AddDate(0, 0, 12)), n(3)
		}
	}
	if i%6 == 5 {
		r["orderNumber"] = fmt.Sprintf("PO-%d", 4400+i)
	}
	g.add("Invoices", r)
}
