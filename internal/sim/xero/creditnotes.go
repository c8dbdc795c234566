package xerosim

import (
	"encoding/json"
	"net/http"
	"strings"
)

func (c *call) findCreditNote(id string) *CreditNote {
	for _, cn := range c.org.CreditNotes {
		if strings.EqualFold(cn.CreditNoteID, id) || cn.CreditNoteNumber == id {
			return cn
		}
	}
	return nil
}

func (c *call) getCreditNotes() {
	if len(c.parts) == 2 {
		if cn := c.findCreditNote(c.parts[1]); cn != nil {
			c.ok("CreditNotes", []*CreditNote{cn}, nil)
			return
		}
		c.notFound()
		return
	}
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	since, hasSince := c.modifiedSince()
	var out []*CreditNote
	for _, cn := range c.org.CreditNotes {
		if (!hasSince || cn.UpdatedDateUTC.After(since)) && matches(cn, where) {
			out = append(out, cn)
		}
	}
	page, info, err := pageOf(c, out)
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	c.ok("CreditNotes", nonNil(page), info)
}

func (c *call) saveCreditNotes() {
	raws, maps, ok := c.decodeElements("CreditNotes", maxBatch)
	if !ok {
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &CreditNote{}
		_ = json.Unmarshal(raw, in)
		if len(c.parts) == 2 {
			in.CreditNoteID = c.parts[1]
		}
		out, errs, warns := c.saveCreditNote(in, maps[i])
		out.HasErrors = len(errs) > 0
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		if len(warns) > 0 {
			out.Warnings = toMessages(warns)
		}
		res.add(out, errs)
	}
	c.finish("CreditNotes", res)
}

func (c *call) saveCreditNote(in *CreditNote, has map[string]any) (*CreditNote, []string, []string) {
	if in.CreditNoteID != "" {
		cur := c.findCreditNote(in.CreditNoteID)
		if cur == nil {
			return in, []string{"Credit note " + in.CreditNoteID + " could not be found"}, nil
		}
		// Updates are status changes only in this simulator.
		if _, ok := has["Status"]; !ok || !transition(cur.Status, in.Status, len(cur.Allocations) > 0) {
			return in, []string{"Credit note status cannot be changed from " + cur.Status + " to " + in.Status}, nil
		}
		cur.Status, cur.UpdatedDateUTC = in.Status, msDate{c.s.now()}
		out := *cur
		return &out, nil, nil
	}
	var errs []string
	if in.Type != "ACCRECCREDIT" && in.Type != "ACCPAYCREDIT" {
		return in, []string{"Credit note Type must be ACCRECCREDIT or ACCPAYCREDIT"}, nil
	}
	next := &CreditNote{Type: in.Type, CreditNoteNumber: strings.TrimSpace(in.CreditNoteNumber)}
	next.Status = in.Status
	if next.Status == "" {
		next.Status = "DRAFT"
	}
	if next.Status != "DRAFT" && next.Status != "SUBMITTED" && next.Status != "AUTHORISED" {
		errs = append(errs, "Credit note Status must be DRAFT, SUBMITTED or AUTHORISED when creating a credit note")
	}
	errs = append(errs, c.mergeDoc(&next.docCore, &in.docCore, has, true)...)
	errs = append(errs, c.checkContactActive(next.Contact)...)
	if next.Type == "ACCRECCREDIT" {
		if next.CreditNoteNumber == "" {
			next.CreditNoteNumber = c.nextNumber("CN", func(n string) bool { return c.findCreditNote(n) != nil })
		} else if c.findCreditNote(next.CreditNoteNumber) != nil {
			errs = append(errs, "Credit Note # must be unique.")
		}
	}
	e, warns := c.priceLines(&next.docCore, lineMaps(has), lineRules{unitdp: c.unitdp(), needAccount: next.Status != "DRAFT", sales: next.Type == "ACCRECCREDIT"})
	errs = append(errs, e...)
	if len(errs) > 0 {
		return in, errs, warns
	}
	next.CreditNoteID = newID()
	next.RemainingCredit = next.Total
	next.UpdatedDateUTC = msDate{c.s.now()}
	c.org.CreditNotes = append(c.org.CreditNotes, next)
	out := *next
	return &out, nil, warns
}

// allocateCreditNote applies credit to invoices: PUT /CreditNotes/{id}/Allocations.
func (c *call) allocateCreditNote() {
	cn := c.findCreditNote(c.parts[1])
	if cn == nil {
		c.notFound()
		return
	}
	raws, _, ok := c.decodeElements("Allocations", maxBatch)
	if !ok {
		return
	}
	res := &batchResult{}
	for _, raw := range raws {
		in := Allocation{}
		_ = json.Unmarshal(raw, &in)
		errs := c.allocate(cn, &in)
		in.StatusAttributeString = statusString(errs)
		in.ValidationErrors = toMessages(errs)
		res.add(in, errs)
	}
	c.finish("Allocations", res)
}

func (c *call) allocate(cn *CreditNote, a *Allocation) []string {
	var inv *Invoice
	if a.Invoice != nil {
		inv = c.findInvoice(a.Invoice.InvoiceID, a.Invoice.InvoiceNumber)
	}
	wantType := map[string]string{"ACCRECCREDIT": "ACCREC", "ACCPAYCREDIT": "ACCPAY"}[cn.Type]
	switch {
	case cn.Status != "AUTHORISED":
		return []string{"Only authorised credit notes can be allocated"}
	case inv == nil:
		return []string{"Invoice could not be found"}
	case inv.Status != "AUTHORISED":
		return []string{"Credit can only be allocated to authorised invoices"}
	case inv.Type != wantType:
		return []string{"A " + cn.Type + " credit note can only be allocated to " + wantType + " invoices"}
	case inv.Contact == nil || cn.Contact == nil || inv.Contact.ContactID != cn.Contact.ContactID:
		return []string{"The credit note and the invoice must have the same contact"}
	case a.Amount.Sign() <= 0 || !a.Amount.Equal(a.Amount.Round(2)):
		return []string{"Allocation amount must be positive with at most 2 decimal places"}
	case a.Amount.Cmp(cn.RemainingCredit) > 0:
		return []string{"Allocation amount exceeds the remaining credit"}
	case a.Amount.Cmp(inv.AmountDue) > 0:
		return []string{"Allocation amount exceeds the amount due on the invoice"}
	}
	if a.Date.IsZero() {
		a.Date = day(c.s.now())
	}
	a.AllocationID = newID()
	a.Invoice = &DocRef{InvoiceID: inv.InvoiceID, InvoiceNumber: inv.InvoiceNumber}
	cn.Allocations = append(cn.Allocations, *a)
	cn.RemainingCredit = cn.RemainingCredit.Sub(a.Amount)
	if cn.RemainingCredit.IsZero() {
		cn.Status = "PAID"
	}
	now := msDate{c.s.now()}
	cn.UpdatedDateUTC, inv.UpdatedDateUTC = now, now
	inv.CreditNotes = append(inv.CreditNotes, CreditNoteRef{CreditNoteID: cn.CreditNoteID, CreditNoteNumber: cn.CreditNoteNumber, AppliedAmount: a.Amount})
	applyToInvoice(inv, a.Amount, false, a.Date)
	return nil
}
