package exactsim

import (
	"fmt"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

var invoiceStatus = map[int64]string{10: "Concept", 20: "Open", 50: "Verwerkt"}

var invoiceTypes = map[int64]string{8020: "Verkoopfactuur", 8021: "Verkoopcreditnota", 8023: "Directe verkoopfactuur", 8024: "Directe creditnota"}

// postSalesInvoice creates a sales invoice with its lines in one deep
// insert. Exact numbers the invoice from the journal; a number sent by the
// client is not used (it cannot be overruled).
func postSalesInvoice(c *call, in record) (record, *apiError) {
	now := c.s.now()
	if in["InvoiceDate"] == nil {
		in["InvoiceDate"] = now.Truncate(24 * time.Hour)
	}
	date := in["InvoiceDate"].(time.Time)
	h, aerr := checkHeader(c, in, "OrderedBy", date)
	if aerr != nil {
		return nil, aerr
	}
	if in.str("InvoiceTo") == "" {
		in["InvoiceTo"] = in["OrderedBy"]
	}
	invoiceTo := c.div.byID("Account", "ID", in.str("InvoiceTo"))
	if invoiceTo == nil {
		return nil, badRequest("InvoiceTo: account " + in.str("InvoiceTo") + " does not exist.")
	}
	typ := in.int("Type")
	if typ == 0 {
		typ = 8020
	}
	if invoiceTypes[typ] == "" {
		return nil, badRequest("Type: invalid value " + strconv.FormatInt(typ, 10) + " (8020 invoice, 8021 credit note, 8023, 8024).")
	}
	status := in.int("Status")
	if status == 0 {
		status = 20
	}
	if status != 10 && status != 20 {
		return nil, badRequest("Status: a new invoice is 10 (draft) or 20 (open); it is processed through PrintedSalesInvoices.")
	}
	lines := in.lines("SalesInvoiceLines")
	if len(lines) == 0 {
		return nil, badRequest("SalesInvoiceLines: an invoice needs at least one line.")
	}
	id := newID()
	net, vat := money.Zero, money.Zero
	for i, l := range lines {
		if aerr := invoiceLine(c, l, h.currency, i); aerr != nil {
			return nil, aerr
		}
		l["ID"], l["InvoiceID"], l["LineNumber"], l["Division"] = newID(), id, int64(i+1), int64(c.div.Division.Code)
		net, vat = net.Add(l.dec("AmountFC")), vat.Add(l.dec("VATAmountFC"))
	}
	num, aerr := entryNumber(c, h.journal, 0)
	if aerr != nil {
		return nil, aerr
	}
	in["InvoiceID"], in["InvoiceNumber"], in["Type"], in["TypeDescription"] = id, num, typ, invoiceTypes[typ]
	in["Status"], in["StatusDescription"] = status, invoiceStatus[status]
	in["AmountFCExclVat"], in["VATAmountFC"], in["VATAmountDC"] = net, vat, vat
	in["AmountFC"], in["AmountDC"] = net.Add(vat), net.Add(vat)
	in["OrderedByName"], in["InvoiceToName"], in["JournalDescription"] = h.customer.str("Name"), invoiceTo.str("Name"), h.journal.str("Description")
	in["Division"], in["Created"], in["Modified"] = int64(c.div.Division.Code), now, now
	c.div.insert("SalesInvoice", in)
	return in, nil
}

// invoiceLine validates one line and works out its amounts: NetPrice is
// UnitPrice less Discount (a fraction); AmountFC is Quantity × NetPrice,
// unless only AmountFC was sent.
func invoiceLine(c *call, l record, cur money.Currency, i int) *apiError {
	if l.str("Item") == "" {
		return badRequest(fmt.Sprintf("Line %d: Mandatory: Item", i+1))
	}
	item := c.div.byID("Item", "ID", l.str("Item"))
	if item == nil {
		return badRequest(fmt.Sprintf("Line %d: Item %s does not exist.", i+1, l.str("Item")))
	}
	l["ItemCode"], l["ItemDescription"] = item.str("Code"), item.str("Description")
	if l.str("Description") == "" {
		l["Description"] = item.str("Description")
	}
	if l["Quantity"] == nil {
		l["Quantity"] = money.FromInt(1)
	}
	qty := l.dec("Quantity")
	switch {
	case l["UnitPrice"] != nil:
		disc := l.dec("Discount")
		if disc.IsNegative() || disc.Cmp(money.FromInt(1)) > 0 {
			return badRequest(fmt.Sprintf("Line %d: Discount must be a fraction between 0 and 1.", i+1))
		}
		l["NetPrice"] = l.dec("UnitPrice").Mul(money.FromInt(1).Sub(disc))
		l["AmountFC"] = money.RoundAmount(qty.Mul(l.dec("NetPrice")), cur)
	case l["AmountFC"] != nil:
		l["AmountFC"] = money.RoundAmount(l.dec("AmountFC"), cur)
		if !qty.IsZero() {
			p, _ := l.dec("AmountFC").Div(qty, 4)
			l["UnitPrice"], l["NetPrice"] = p, p
		}
	default:
		return badRequest(fmt.Sprintf("Line %d: UnitPrice or AmountFC is required.", i+1))
	}
	l["AmountDC"] = l["AmountFC"]
	gl := l.str("GLAccount")
	if gl == "" {
		gl = item.str("GLRevenue")
	}
	glr := c.div.byID("GLAccount", "ID", gl)
	if glr == nil {
		return badRequest(fmt.Sprintf("Line %d: GLAccount %s does not exist (and the item has no revenue account).", i+1, gl))
	}
	l["GLAccount"], l["GLAccountDescription"] = glr.str("ID"), glr.str("Description")
	code := l.str("VATCode")
	if code == "" {
		code = item.str("SalesVatCode")
	}
	if aerr := vatLine(c, l, code, cur, i); aerr != nil {
		return aerr
	}
	l["VATAmountDC"] = l["VATAmountFC"]
	return nil
}

// postPrinted processes (finalises) an invoice: status 50, booked, and its
// receivable opened.
func postPrinted(c *call, in record) (record, *apiError) {
	if in.str("InvoiceID") == "" {
		return nil, badRequest("Mandatory: InvoiceID")
	}
	inv := c.div.byID("SalesInvoice", "InvoiceID", in.str("InvoiceID"))
	if inv == nil {
		return nil, badRequest("InvoiceID: sales invoice " + in.str("InvoiceID") + " does not exist.")
	}
	if inv.int("Status") == 50 {
		return nil, badRequest(fmt.Sprintf("Invoice %d has already been processed.", inv.int("InvoiceNumber")))
	}
	now := c.s.now()
	inv["Status"], inv["StatusDescription"], inv["Modified"] = int64(50), invoiceStatus[50], now
	c.div.touch(inv)
	h := &header{customer: c.div.byID("Account", "ID", inv.str("InvoiceTo")), journal: c.div.find("Journal", "Code", inv.str("Journal"))}
	addReceivable(c, inv, h, inv.str("InvoiceID"), inv["InvoiceDate"].(time.Time))
	in["InvoiceID"], in["Division"], in["InvoiceDate"] = inv.str("InvoiceID"), int64(c.div.Division.Code), inv["InvoiceDate"]
	in["DocumentCreationSuccess"] = fmt.Sprintf("Invoice %d has been processed.", inv.int("InvoiceNumber"))
	if b, _ := in["SendEmailToCustomer"].(bool); b {
		in["EmailCreationSuccess"] = "E-mail sent to " + h.customer.str("Email")
	}
	c.div.insert("PrintedSalesInvoice", in)
	return in, nil
}
