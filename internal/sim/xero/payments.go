package xerosim

import (
	"encoding/json"
	"net/http"
	"strings"
)

func (c *call) getPayments() {
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	since, hasSince := c.modifiedSince()
	var out []*Payment
	for _, p := range c.org.Payments {
		switch {
		case len(c.parts) == 2 && !strings.EqualFold(p.PaymentID, c.parts[1]):
		case hasSince && !p.UpdatedDateUTC.After(since):
		case !matches(p, where):
		default:
			out = append(out, p)
		}
	}
	if len(c.parts) == 2 && len(out) == 0 {
		c.notFound()
		return
	}
	page, info, err := pageOf(c, out)
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	c.ok("Payments", nonNil(page), info)
}

// savePayments: PUT creates many, POST creates one, POST /Payments/{id}
// with Status DELETED removes one.
func (c *call) savePayments() {
	raws, maps, ok := c.decodeElements("Payments", maxBatch)
	if !ok {
		return
	}
	if c.r.Method == http.MethodPost && len(c.parts) == 1 && len(raws) > 1 {
		c.fail(http.StatusBadRequest, fieldErrors("POST /Payments creates one payment; use PUT for several"))
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &Payment{}
		_ = json.Unmarshal(raw, in)
		var out *Payment
		var errs []string
		if len(c.parts) == 2 {
			out, errs = c.deletePayment(c.parts[1], in, maps[i])
		} else {
			out, errs = c.createPayment(in)
		}
		out.HasErrors = len(errs) > 0
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		res.add(out, errs)
	}
	c.finish("Payments", res)
}

func (c *call) createPayment(in *Payment) (*Payment, []string) {
	var errs []string
	var inv *Invoice
	if in.Invoice == nil || (in.Invoice.InvoiceID == "" && in.Invoice.InvoiceNumber == "") {
		errs = append(errs, "An Invoice or CreditNote must be specified")
	} else if inv = c.findInvoice(in.Invoice.InvoiceID, in.Invoice.InvoiceNumber); inv == nil {
		errs = append(errs, "Invoice could not be found")
	} else if inv.Status != "AUTHORISED" {
		errs = append(errs, "Payment can only be made against Authorised documents")
	}
	var acct *Account
	if in.Account != nil {
		for _, a := range c.org.Accounts {
			if (in.Account.AccountID != "" && strings.EqualFold(a.AccountID, in.Account.AccountID)) || (in.Account.AccountID == "" && a.Code == in.Account.Code) {
				acct = a
			}
		}
	}
	switch {
	case acct == nil:
		errs = append(errs, "Account could not be found")
	case acct.Type != "BANK" && !acct.EnablePaymentsToAccount:
		errs = append(errs, "Payments cannot be made to account "+acct.Code+"; it must be a bank account or allow payments")
	}
	if in.Date.IsZero() {
		errs = append(errs, "Date must be specified")
	}
	if in.Amount.Sign() <= 0 {
		errs = append(errs, "Payment amount must be greater than zero")
	} else if !in.Amount.Equal(in.Amount.Round(2)) {
		errs = append(errs, "Payment amount can have at most 2 decimal places")
	} else if inv != nil && in.Amount.Cmp(inv.AmountDue) > 0 {
		errs = append(errs, "Payment amount exceeds the amount outstanding on this document")
	}
	if len(errs) > 0 {
		return in, errs
	}
	p := &Payment{PaymentID: newID(), Invoice: &DocRef{InvoiceID: inv.InvoiceID, InvoiceNumber: inv.InvoiceNumber},
		Account: &AccountRef{AccountID: acct.AccountID, Code: acct.Code}, Date: day(in.Date.Time), Amount: in.Amount,
		CurrencyRate: in.CurrencyRate, Reference: in.Reference, IsReconciled: in.IsReconciled, Status: "AUTHORISED",
		PaymentType: "ACCRECPAYMENT", UpdatedDateUTC: msDate{c.s.now()}}
	if inv.Type == "ACCPAY" {
		p.PaymentType = "ACCPAYPAYMENT"
	}
	c.org.Payments = append(c.org.Payments, p)
	inv.Payments = append(inv.Payments, PaymentRef{PaymentID: p.PaymentID, Date: p.Date, Amount: p.Amount, Reference: p.Reference})
	applyToInvoice(inv, p.Amount, true, p.Date)
	inv.UpdatedDateUTC = p.UpdatedDateUTC
	out := *p
	return &out, nil
}

func (c *call) deletePayment(id string, in *Payment, has map[string]any) (*Payment, []string) {
	if _, ok := has["Status"]; !ok || in.Status != "DELETED" {
		return in, []string{"A payment can only be updated to Status DELETED"}
	}
	for _, p := range c.org.Payments {
		if !strings.EqualFold(p.PaymentID, id) {
			continue
		}
		if p.Status == "DELETED" {
			return in, []string{"Payment has already been deleted"}
		}
		p.Status, p.UpdatedDateUTC = "DELETED", msDate{c.s.now()}
		if inv := c.findInvoice(p.Invoice.InvoiceID, ""); inv != nil {
			applyToInvoice(inv, p.Amount.Neg(), true, msDate{})
			for i, r := range inv.Payments {
				if r.PaymentID == p.PaymentID {
					inv.Payments = append(inv.Payments[:i], inv.Payments[i+1:]...)
					break
				}
			}
			inv.UpdatedDateUTC = p.UpdatedDateUTC
		}
		out := *p
		return &out, nil
	}
	return in, []string{"Payment " + id + " could not be found"}
}
