package xerosim

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// maxBatch is the most documents one request may carry (Xero's advice,
// enforced here so a client that sends more learns it in tests).
const maxBatch = 50

func (c *call) getInvoices() {
	if len(c.parts) == 2 {
		for _, inv := range c.org.Invoices {
			if strings.EqualFold(inv.InvoiceID, c.parts[1]) || inv.InvoiceNumber == c.parts[1] {
				c.ok("Invoices", []*Invoice{inv}, nil)
				return
			}
		}
		c.notFound()
		return
	}
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	ids, numbers, contacts, statuses := c.idList("IDs"), c.idList("InvoiceNumbers"), c.idList("ContactIDs"), c.idList("Statuses")
	since, hasSince := c.modifiedSince()
	var out []*Invoice
	for _, inv := range c.org.Invoices {
		switch {
		case ids != nil && !ids[strings.ToLower(inv.InvoiceID)]:
		case numbers != nil && !numbers[strings.ToLower(inv.InvoiceNumber)]:
		case contacts != nil && (inv.Contact == nil || !contacts[strings.ToLower(inv.Contact.ContactID)]):
		case statuses != nil && !statuses[strings.ToLower(inv.Status)]:
		case hasSince && !inv.UpdatedDateUTC.After(since):
		case !matches(inv, where):
		default:
			out = append(out, inv)
		}
	}
	page, info, err := pageOf(c, out)
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	if info == nil { // unpaged lists come without line items, as at Xero
		for i, inv := range page {
			cp := *inv
			cp.LineItems = nil
			page[i] = &cp
		}
	}
	c.ok("Invoices", nonNil(page), info)
}

func (c *call) saveInvoices() {
	raws, maps, ok := c.decodeElements("Invoices", maxBatch)
	if !ok {
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &Invoice{}
		_ = json.Unmarshal(raw, in)
		if len(c.parts) == 2 {
			in.InvoiceID = c.parts[1]
		}
		out, errs, warns := c.saveInvoice(in, maps[i])
		out.HasErrors = len(errs) > 0
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		if len(warns) > 0 {
			out.Warnings = toMessages(warns)
		}
		res.add(out, errs)
	}
	c.finish("Invoices", res)
}

func (c *call) findInvoice(id, number string) *Invoice {
	for _, inv := range c.org.Invoices {
		if (id != "" && strings.EqualFold(inv.InvoiceID, id)) || (id == "" && number != "" && inv.Type == "ACCREC" && inv.InvoiceNumber == number) {
			return inv
		}
	}
	return nil
}

func (c *call) saveInvoice(in *Invoice, has map[string]any) (*Invoice, []string, []string) {
	var cur *Invoice
	if in.InvoiceID != "" {
		if cur = c.findInvoice(in.InvoiceID, ""); cur == nil {
			return in, []string{"Invoice " + in.InvoiceID + " could not be found"}, nil
		}
	} else if c.r.Method == http.MethodPost && in.InvoiceNumber != "" {
		cur = c.findInvoice("", in.InvoiceNumber)
	}
	if cur == nil {
		return c.createInvoice(in, has)
	}
	return c.updateInvoice(cur, in, has)
}

func (c *call) createInvoice(in *Invoice, has map[string]any) (*Invoice, []string, []string) {
	var errs []string
	if in.Type != "ACCREC" && in.Type != "ACCPAY" {
		return in, []string{"Invoice Type must be ACCREC or ACCPAY"}, nil
	}
	next := &Invoice{Type: in.Type, InvoiceNumber: strings.TrimSpace(in.InvoiceNumber), Url: in.Url, SentToContact: in.SentToContact}
	next.Status = in.Status
	if next.Status == "" {
		next.Status = "DRAFT"
	}
	if next.Status != "DRAFT" && next.Status != "SUBMITTED" && next.Status != "AUTHORISED" {
		errs = append(errs, "Invoice Status must be DRAFT, SUBMITTED or AUTHORISED when creating an invoice")
	}
	errs = append(errs, c.mergeDoc(&next.docCore, &in.docCore, has, true)...)
	errs = append(errs, c.checkContactActive(next.Contact)...)
	if _, ok := has["DueDate"]; ok {
		next.DueDate = day(in.DueDate.Time)
		next.DueDateString = dateString(next.DueDate)
	}
	if next.Type == "ACCPAY" {
		// Reference is "ACCREC only": Xero keeps none on a bill.
		next.Reference = ""
	}
	if next.Type == "ACCREC" {
		if next.InvoiceNumber == "" {
			next.InvoiceNumber = c.nextNumber("INV", func(n string) bool { return c.findInvoice("", n) != nil })
		} else if c.findInvoice("", next.InvoiceNumber) != nil {
			errs = append(errs, "Invoice # must be unique.")
		}
	}
	e, warns := c.priceLines(&next.docCore, lineMaps(has), lineRules{unitdp: c.unitdp(), needAccount: next.Status != "DRAFT", sales: next.Type == "ACCREC"})
	errs = append(errs, e...)
	if next.SentToContact && next.Status != "AUTHORISED" {
		errs = append(errs, "Only approved invoices can be marked as sent to contact")
	}
	if len(errs) > 0 {
		in.docCore.LineItems = next.LineItems
		return in, errs, warns
	}
	next.InvoiceID = newID()
	next.AmountDue = next.Total
	next.UpdatedDateUTC = msDate{c.s.now()}
	c.org.Invoices = append(c.org.Invoices, next)
	c.markContact(next.Contact.ContactID, next.Type == "ACCREC")
	out := *next
	return &out, nil, warns
}

func (c *call) updateInvoice(cur *Invoice, in *Invoice, has map[string]any) (*Invoice, []string, []string) {
	present := func(k string) bool { _, ok := has[k]; return ok }
	settled := !cur.AmountPaid.IsZero() || !cur.AmountCredited.IsZero()
	if cur.Status == "PAID" || cur.Status == "VOIDED" || cur.Status == "DELETED" {
		return in, []string{"This document cannot be edited as it is " + cur.Status}, nil
	}
	next := *cur
	next.LineItems = cloneLines(cur.LineItems)
	var errs []string
	if present("Status") && in.Status != cur.Status {
		if !transition(cur.Status, in.Status, settled) {
			errs = append(errs, "Invoice status cannot be changed from "+cur.Status+" to "+in.Status)
		}
		next.Status = in.Status
	}
	if next.Status == "VOIDED" || next.Status == "DELETED" {
		if len(errs) > 0 {
			return in, errs, nil
		}
		cur.Status, cur.AmountDue = next.Status, money.Zero
		cur.UpdatedDateUTC = msDate{c.s.now()}
		out := *cur
		return &out, nil, nil
	}
	if settled && present("LineItems") {
		return in, []string{"This document cannot be edited as it has a payment or credit note allocated to it"}, nil
	}
	errs = append(errs, c.mergeDoc(&next.docCore, &in.docCore, has, false)...)
	if present("Contact") || (next.Status != cur.Status && next.Status != "DRAFT") {
		errs = append(errs, c.checkContactActive(next.Contact)...) // approving counts as creating
	}
	if present("DueDate") {
		next.DueDate = day(in.DueDate.Time)
		next.DueDateString = dateString(next.DueDate)
	}
	if present("Url") {
		next.Url = in.Url
	}
	if present("SentToContact") {
		next.SentToContact = in.SentToContact
	}
	if present("InvoiceNumber") && in.InvoiceNumber != cur.InvoiceNumber && next.Type == "ACCREC" {
		if c.findInvoice("", in.InvoiceNumber) != nil {
			errs = append(errs, "Invoice # must be unique.")
		}
		next.InvoiceNumber = in.InvoiceNumber
	}
	lines := lineMaps(has)
	if !present("LineItems") {
		lines = make([]any, len(next.LineItems))
		for i := range lines { // stored lines: every amount is present
			lines[i] = map[string]any{"Quantity": 1, "UnitAmount": 1}
		}
	}
	e, warns := c.priceLines(&next.docCore, lines, lineRules{unitdp: max(c.unitdp(), 2), needAccount: next.Status != "DRAFT", sales: next.Type == "ACCREC"})
	errs = append(errs, e...)
	if next.SentToContact && next.Status != "AUTHORISED" {
		errs = append(errs, "Only approved invoices can be marked as sent to contact")
	}
	if len(errs) > 0 {
		return in, errs, warns
	}
	next.AmountDue = next.Total.Sub(next.AmountPaid).Sub(next.AmountCredited)
	next.UpdatedDateUTC = msDate{c.s.now()}
	*cur = next
	out := *cur
	return &out, nil, warns
}

func cloneLines(ls []*LineItem) []*LineItem {
	out := make([]*LineItem, len(ls))
	for i, l := range ls {
		cp := *l
		out[i] = &cp
	}
	return out
}

// applyToInvoice records money received or credited against an invoice.
func applyToInvoice(inv *Invoice, amount money.Decimal, paid bool, on msDate) {
	if paid {
		inv.AmountPaid = inv.AmountPaid.Add(amount)
	} else {
		inv.AmountCredited = inv.AmountCredited.Add(amount)
	}
	inv.AmountDue = inv.Total.Sub(inv.AmountPaid).Sub(inv.AmountCredited)
	if inv.AmountDue.IsZero() {
		inv.Status, inv.FullyPaidOnDate = "PAID", on
	} else if inv.Status == "PAID" {
		inv.Status, inv.FullyPaidOnDate = "AUTHORISED", msDate{}
	}
}
