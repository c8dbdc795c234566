package qbosim

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// prepareJournal checks a JournalEntry as QuickBooks does: at least one
// line, every line a JournalEntryLineDetail with a PostingType of Debit or
// Credit on an active account (and an active class when one is named), a
// positive amount, and debits equal to credits. A duplicate DocNumber is
// allowed, as with QuickBooks' default "warn" setting, which the API does
// not enforce for journals.
func prepareJournal(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	if _, ok := o["TxnDate"]; !ok {
		o["TxnDate"] = s.now().Format(time.DateOnly)
	}
	if ref(o, "CurrencyRef") == "" {
		o["CurrencyRef"] = map[string]any{"value": rm.Company.HomeCurrency}
	}
	if cur := ref(o, "CurrencyRef"); cur != rm.Company.HomeCurrency && !rm.Company.MultiCurrency {
		return errBusiness("Multicurrency is off for this company; CurrencyRef must be "+rm.Company.HomeCurrency, "CurrencyRef")
	}
	raw, _ := o["Line"].([]any)
	if len(raw) == 0 {
		return errRequired("Line")
	}
	debit, credit := money.Zero, money.Zero
	for i, v := range raw {
		l, _ := v.(map[string]any)
		l["Id"] = fmt.Sprint(i)
		a, ok, f := num(l["Amount"])
		if f != nil {
			return f
		}
		if !ok {
			return errRequired(fmt.Sprintf("Line[%d].Amount", i))
		}
		if a.Sign() < 0 {
			return errBusiness("Journal entry line amounts cannot be negative; use PostingType Credit instead", "Line.Amount")
		}
		if dt, _ := l["DetailType"].(string); dt != "JournalEntryLineDetail" {
			if dt == "" {
				return errRequired(fmt.Sprintf("Line[%d].DetailType", i))
			}
			return errBusiness("Line DetailType "+dt+" is not valid on a journal entry", "Line.DetailType")
		}
		d := field(l, "JournalEntryLineDetail")
		if d == nil {
			return errRequired(fmt.Sprintf("Line[%d].JournalEntryLineDetail", i))
		}
		acct := ref(d, "AccountRef")
		if acct == "" {
			return errRequired("JournalEntryLineDetail.AccountRef")
		}
		if ac := lookup(rm, "Account", acct); ac == nil || !active(ac) {
			return errInvalidRef("AccountRef", acct)
		}
		if cl := ref(d, "ClassRef"); cl != "" {
			if c := lookup(rm, "Class", cl); c == nil || !active(c) {
				return errInvalidRef("ClassRef", cl)
			}
		}
		switch pt, _ := d["PostingType"].(string); pt {
		case "Debit":
			debit = debit.Add(a)
		case "Credit":
			credit = credit.Add(a)
		case "":
			return errRequired("JournalEntryLineDetail.PostingType")
		}
		l["Amount"] = amt(a)
	}
	if !debit.Round(2).Equal(credit.Round(2)) {
		return errBusiness(fmt.Sprintf("Your journal entry is out of balance: debits %s, credits %s. The total debits must equal the total credits.",
			debit.StringFixed(2), credit.StringFixed(2)), "Line")
	}
	o["TotalAmt"] = amt(debit)
	return nil
}
