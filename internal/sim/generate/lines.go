package generate

import (
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Values of BillingItems.billingItemType and subType; they match the
// simulator's picklists (whose labels are the simulator's own, since
// Autotask does not publish them).
const (
	typeLabor, typeExpense, typeCharge, typeMilestone, typeRecurring = 1, 2, 3, 4, 5
	typeBlock, typeRetainer, typeSetup, typeCredit                   = 7, 8, 9, 10

	subTicketTime, subTaskTime, subTicketCharge, subProjectCharge, subContractCharge = 1, 2, 3, 4, 5
	subService, subExpense, subMilestone, subBlock, subRetainer                      = 6, 7, 8, 9, 10
	subSetup, subShipping, subSurcharge, subCredit                                   = 11, 12, 13, 14
)

// line is one billing item before it is priced in the customer's currency.
type line struct {
	itemType, subType int64
	code              billingCode
	name, desc        string
	full              string        // lineItemFullDescription
	qty, rate         money.Decimal // rate in internal currency
	ourCost           money.Decimal
	taxCat            int
	l2                int // organisational level 2 index; -1 = none
	date              time.Time
	nonBillable       bool
	po                string
	refs              map[string]int64
}

var ticketTitles = []string{
	"Outlook keeps asking for password", "New starter: laptop and accounts", "VPN drops every 10 minutes",
	"Drucker im 2. OG druckt nicht", "Réinitialisation du mot de passe", "Teams calls choppy 🎧",
	"Backup job failed on FS01", "プリンターが動かない", "Replace failing SSD in reception PC", "MFA enrolment for finance team",
}

const longText = "Investigated intermittent authentication failures reported by several users. Reviewed Entra ID sign-in logs, " +
	"found conditional-access policy blocking legacy clients; updated policy scope, re-registered devices, " +
	"verified with users (Müller, Dupont, 田中) that sign-in works. Documented the change in the customer runbook ✅. "

func (g *gen) hours() money.Decimal {
	// Quarter hours plus odd minutes: 3.1750 h is 3 h 10.5 min.
	return money.New(25+g.rng.Int64N(780), 2).Add(money.New(int64(g.rng.IntN(4))*25, 4)).Round(4)
}

func (g *gen) laborLine(c *company, project bool) line {
	wt := pick(g, g.ref.workTypes[:3])
	l := line{itemType: typeLabor, subType: subTicketTime, code: wt, qty: g.hours(), rate: wt.rate, taxCat: catLabor, l2: 0, date: g.day(),
		refs: map[string]int64{"ticketID": 40000 + g.rng.Int64N(9000), "timeEntryID": 700000 + g.rng.Int64N(90000)}}
	r := pick(g, g.ref.roles)
	l.refs["roleID"] = r.id
	l.refs["itemApproverID"] = pick(g, g.ref.resources)
	if g.rng.IntN(3) == 0 {
		l.rate = r.rate // role rate instead of work type rate
	}
	title := pick(g, ticketTitles)
	l.name = fmt.Sprintf("T%s.%04d - %s", l.date.Format("20060102"), g.rng.IntN(9999), title)
	l.desc = title
	if g.rng.IntN(12) == 0 {
		l.desc = strings.Repeat(longText, 5)
		l.full = l.name + "\n" + l.desc
	}
	if project {
		l.subType, l.code, l.rate, l.l2 = subTaskTime, g.ref.workTypes[3], g.ref.workTypes[3].rate, 1
		delete(l.refs, "ticketID")
		l.refs["taskID"] = 9000 + g.rng.Int64N(900)
		l.refs["projectID"] = 300 + g.rng.Int64N(90)
		l.name = "Project task: " + pick(g, []string{"Migrate file shares", "Deploy Intune baseline", "Firewall replacement", "Umzug Serverraum"})
		l.desc = l.name
	}
	if g.rng.IntN(25) == 0 {
		l.nonBillable, l.rate = true, money.Zero
		l.desc += " (goodwill, no charge)"
	}
	return l
}

func (g *gen) productLine(c *company) line {
	p := pick(g, g.ref.products)
	qty := money.FromInt(1 + g.rng.Int64N(12))
	if strings.Contains(p.name, "per metre") {
		qty = money.New(5+g.rng.Int64N(900), 1) // 0.5 m to 90 m
	}
	l := line{itemType: typeCharge, subType: subTicketCharge, code: p.code, name: p.name, desc: p.name + " (SKU " + p.sku + ")",
		qty: qty, rate: p.price, ourCost: p.cost, taxCat: p.code.taxCategory, l2: 2, date: g.day(),
		refs: map[string]int64{"ticketID": 40000 + g.rng.Int64N(9000), "ticketChargeID": 55000 + g.rng.Int64N(9000)}}
	switch g.rng.IntN(3) {
	case 1:
		l.subType = subProjectCharge
		l.refs = map[string]int64{"projectID": 300 + g.rng.Int64N(90), "projectChargeID": 66000 + g.rng.Int64N(9000)}
	case 2:
		l.subType = subContractCharge
		l.refs = map[string]int64{"contractID": c.contract, "contractChargeID": 77000 + g.rng.Int64N(9000)}
	}
	if g.rng.IntN(3) == 0 {
		l.po = fmt.Sprintf("PO-%d", 4400+g.rng.IntN(600))
	}
	return l
}

func (g *gen) serviceLine(c *company, s service) line {
	return line{itemType: typeRecurring, subType: subService, code: s.code, name: s.code.name,
		desc: fmt.Sprintf("%s – %s", s.code.name, g.start.Format("January 2006")), qty: money.FromInt(s.qty),
		rate: s.code.rate, ourCost: s.code.cost, taxCat: s.code.taxCategory, l2: 0, date: g.start,
		refs: map[string]int64{"contractID": c.contract, "contractServiceID": s.id, "serviceID": s.code.id + 1000}}
}

func (g *gen) fixedLine(c *company, itemType, subType int64, code billingCode, name string, amount money.Decimal, contract int64, l2 int) line {
	l := line{itemType: itemType, subType: subType, code: code, name: name, desc: name, qty: money.FromInt(1), rate: amount,
		taxCat: code.taxCategory, l2: l2, date: g.start, refs: map[string]int64{"contractID": contract}}
	switch subType {
	case subBlock:
		l.refs["contractBlockID"] = 1800 + g.rng.Int64N(200)
		l.qty, l.rate = money.FromInt(20), amount.Mul(dec("0.05")).Round(4) // 20 hours
	case subMilestone:
		l.refs["milestoneID"] = 5100 + g.rng.Int64N(400)
		l.refs["projectID"] = 300 + g.rng.Int64N(90)
	}
	return l
}

func (g *gen) creditLine(c *company, amount money.Decimal) line {
	cr := g.ref.material["credit"]
	return line{itemType: typeCredit, subType: subCredit, code: cr, name: "Credit: service level breach",
		desc: "Credit for SLA breach on ticket T" + g.start.Format("20060102") + " – Entschädigung", qty: money.FromInt(-1),
		rate: amount, taxCat: catLabor, l2: 0, date: g.day(), refs: map[string]int64{"contractID": c.contract}}
}
