package exactsim

import (
	"fmt"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// header is what sales entries and sales invoices share: the customer,
// the sales journal, currency, payment condition and due date.
type header struct {
	customer, journal, condition record
	currency                     money.Currency
}

// checkHeader validates the references a sales document carries.
func checkHeader(c *call, in record, customerField string, date time.Time) (*header, *apiError) {
	h := &header{}
	if in.str(customerField) == "" {
		return nil, badRequest("Mandatory: " + customerField)
	}
	if h.customer = c.div.byID("Account", "ID", in.str(customerField)); h.customer == nil {
		return nil, badRequest(customerField + ": account " + in.str(customerField) + " does not exist.")
	}
	if in.str("Journal") == "" {
		return nil, badRequest("Mandatory: Journal")
	}
	if h.journal = c.div.find("Journal", "Code", in.str("Journal")); h.journal == nil || h.journal.int("Type") != 20 {
		return nil, badRequest("Journal: '" + in.str("Journal") + "' is not a sales journal in this division.")
	}
	if b, _ := h.journal["IsBlocked"].(bool); b {
		return nil, badRequest("Journal: '" + in.str("Journal") + "' is blocked.")
	}
	cur := in.str("Currency")
	if cur == "" {
		cur = c.div.Division.Currency
	}
	if c.div.find("Currency", "Code", cur) == nil {
		return nil, badRequest("Currency: '" + cur + "' does not exist.")
	}
	h.currency = money.Currency(cur)
	in["Currency"] = cur
	cond := in.str("PaymentCondition")
	if cond == "" {
		cond = h.customer.str("PaymentConditionSales")
	}
	if cond != "" {
		if h.condition = c.div.find("PaymentCondition", "Code", cond); h.condition == nil {
			return nil, badRequest("PaymentCondition: '" + cond + "' does not exist.")
		}
		in["PaymentCondition"], in["PaymentConditionDescription"] = cond, h.condition.str("Description")
	}
	if in["DueDate"] == nil {
		in["DueDate"] = date.AddDate(0, 0, int(h.condition.int("PaymentDays")))
	}
	return h, nil
}

// vatLine sets VATCode, VATPercentage and VATAmountFC of a line with a
// net AmountFC; a VAT amount sent by the client is kept.
func vatLine(c *call, l record, code string, cur money.Currency, i int) *apiError {
	if code == "" {
		return nil
	}
	vc := c.div.vatCode(code)
	if vc == nil {
		return badRequest(fmt.Sprintf("Line %d: VATCode '%s' does not exist.", i+1, code))
	}
	l["VATCode"], l["VATCodeDescription"], l["VATPercentage"] = vc.str("Code"), vc.str("Description"), vc.dec("Percentage")
	if l["VATAmountFC"] == nil {
		l["VATAmountFC"] = money.RoundAmount(l.dec("AmountFC").Mul(vc.dec("Percentage")), cur)
	}
	return nil
}

// postSalesEntry books a sales entry: customer, sales journal and at least
// one line with a GL account and a net amount. A requested EntryNumber
// inside the journal's range is kept; outside it Exact numbers the entry.
func postSalesEntry(c *call, in record) (record, *apiError) {
	now := c.s.now()
	if in["EntryDate"] == nil {
		in["EntryDate"] = now.Truncate(24 * time.Hour)
	}
	h, aerr := checkHeader(c, in, "Customer", in["EntryDate"].(time.Time))
	if aerr != nil {
		return nil, aerr
	}
	lines := in.lines("SalesEntryLines")
	if len(lines) == 0 {
		return nil, badRequest("SalesEntryLines: an entry needs at least one line.")
	}
	typ := in.int("Type")
	if typ == 0 {
		typ = 20
	}
	if typ != 20 && typ != 21 {
		return nil, badRequest("Type: invalid value " + strconv.FormatInt(typ, 10) + " (20 sales entry, 21 sales credit note).")
	}
	id := newID()
	net, vat := money.Zero, money.Zero
	for i, l := range lines {
		gl := c.div.byID("GLAccount", "ID", l.str("GLAccount"))
		switch {
		case l.str("GLAccount") == "":
			return nil, badRequest(fmt.Sprintf("Line %d: Mandatory: GLAccount", i+1))
		case gl == nil:
			return nil, badRequest(fmt.Sprintf("Line %d: GLAccount %s does not exist.", i+1, l.str("GLAccount")))
		case l["AmountFC"] == nil:
			return nil, badRequest(fmt.Sprintf("Line %d: Mandatory: AmountFC", i+1))
		}
		l["ID"], l["EntryID"], l["LineNumber"], l["Division"] = newID(), id, int64(i+1), int64(c.div.Division.Code)
		l["GLAccountCode"], l["GLAccountDescription"] = gl.str("Code"), gl.str("Description")
		l["AmountFC"] = money.RoundAmount(l.dec("AmountFC"), h.currency)
		l["AmountDC"] = l["AmountFC"]
		if aerr := vatLine(c, l, l.str("VATCode"), h.currency, i); aerr != nil {
			return nil, aerr
		}
		l["VATAmountDC"], l["VATBaseAmountFC"], l["VATBaseAmountDC"] = l["VATAmountFC"], l["AmountFC"], l["AmountFC"]
		net, vat = net.Add(l.dec("AmountFC")), vat.Add(l.dec("VATAmountFC"))
	}
	num, aerr := entryNumber(c, h.journal, in.int("EntryNumber"))
	if aerr != nil {
		return nil, aerr
	}
	in["EntryID"], in["EntryNumber"], in["InvoiceNumber"], in["Type"] = id, num, num, typ
	in["AmountFC"], in["AmountDC"], in["VATAmountFC"], in["VATAmountDC"] = net.Add(vat), net.Add(vat), vat, vat
	in["CustomerName"], in["JournalDescription"], in["Status"], in["StatusDescription"] = h.customer.str("Name"), h.journal.str("Description"), int64(20), "Open"
	in["Division"], in["Created"], in["Modified"], in["Rate"] = int64(c.div.Division.Code), now, now, money.FromInt(1)
	in["ReportingYear"], in["ReportingPeriod"] = int64(in["EntryDate"].(time.Time).Year()), int64(in["EntryDate"].(time.Time).Month())
	c.div.insert("SalesEntry", in)
	addReceivable(c, in, h, id, in["EntryDate"].(time.Time))
	return in, nil
}

// entryNumber keeps a wanted number inside the journal's range when it is
// free; otherwise it takes the journal's next free number.
func entryNumber(c *call, journal record, want int64) (int64, *apiError) {
	from, to := journal.int("_numFrom"), journal.int("_numTo")
	used := func(n int64) bool {
		for _, t := range []string{"SalesEntry", "SalesInvoice"} {
			for _, r := range c.div.Tables[t] {
				if r.str("Journal") == journal.str("Code") && (r.int("EntryNumber") == n || r.int("InvoiceNumber") == n) {
					return true
				}
			}
		}
		return false
	}
	if want >= from && want <= to && want != 0 {
		if used(want) {
			return 0, badRequest(fmt.Sprintf("EntryNumber: entry number %d already exists in journal %s.", want, journal.str("Code")))
		}
		return want, nil
	}
	for {
		n := c.div.next("number:"+journal.str("Code"), from)
		if n > to {
			return 0, badRequest("Journal " + journal.str("Code") + ": no free entry numbers left in its range.")
		}
		if !used(n) {
			return n, nil
		}
	}
}

// addReceivable opens the outstanding item of a booked sales document.
func addReceivable(c *call, doc record, h *header, entryID string, date time.Time) {
	num := doc.int("InvoiceNumber")
	c.div.insert("Receivable", record{"ID": newID(), "Account": h.customer.str("ID"), "AccountCode": h.customer.str("Code"),
		"AccountName": h.customer.str("Name"), "AmountDC": doc.dec("AmountDC"), "AmountFC": doc.dec("AmountFC"),
		"Currency": doc.str("Currency"), "Description": doc.str("Description"), "DueDate": doc["DueDate"], "EntryDate": date,
		"EntryID": entryID, "EntryNumber": num, "InvoiceDate": date, "InvoiceNumber": num, "IsFullyPaid": false,
		"Journal": h.journal.str("Code"), "JournalDescription": h.journal.str("Description"), "PaymentCondition": doc["PaymentCondition"],
		"Status": int64(20), "TransactionEntryID": entryID, "YourRef": doc["YourRef"], "Division": int64(c.div.Division.Code),
		"Created": c.s.now(), "Modified": c.s.now(), "_paid": money.Zero})
}
