package exactsim

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/money"
)

// Purchase and general journal entries: bookings straight to GL accounts.
// Text lengths are the entry screens' input limits (Exact's REST reference
// lists none); the client checks the same numbers.
const (
	entryDescriptionMax = 60
	entryYourRefMax     = 30
)

// seedPurchaseBooks adds what purchase and general journal entries need: a
// purchase journal (60), a general journal (90) and cost, stock and
// payable GL accounts.
func seedPurchaseBooks(d *divisionData, base func(record) record) {
	for _, j := range []struct {
		code, desc string
		typ        int64
	}{{"60", "Inkoopboek", 22}, {"90", "Memoriaal", 90}} {
		d.insert("Journal", base(record{"ID": newID(), "Code": j.code, "Description": j.desc, "Type": j.typ,
			"Currency": d.Division.Currency, "AllowVAT": j.typ == 22, "IsBlocked": false, "_numFrom": int64(1), "_numTo": int64(999999)}))
	}
	for _, g := range []struct {
		code, desc string
		typ        int64
	}{{"1600", "Crediteuren", 22}, {"3000", "Voorraad", 32}, {"4500", "Algemene kosten", 111}, {"4510", "Reiskosten", 111},
		{"7000", "Kostprijs omzet", 111}, {"7090", "Voorraadverschillen", 111}} {
		d.insert("GLAccount", base(record{"ID": newID(), "Code": g.code, "Description": g.desc, "Type": g.typ,
			"BalanceSide": "D", "BalanceType": balanceType(g.typ), "IsBlocked": false}))
	}
}

// entryJournal checks a journal reference: present, of the type, not blocked.
func entryJournal(c *call, field, code string, typ int64, kind string) (record, *apiError) {
	if code == "" {
		return nil, badRequest("Mandatory: " + field)
	}
	j := c.div.find("Journal", "Code", code)
	switch {
	case j == nil || j.int("Type") != typ:
		return nil, badRequest(field + ": '" + code + "' is not a " + kind + " journal in this division.")
	case j["IsBlocked"] == true:
		return nil, badRequest(field + ": '" + code + "' is blocked.")
	}
	return j, nil
}

// entryGL checks and describes a line's GL account.
func entryGL(c *call, l record, i int) *apiError {
	id := l.str("GLAccount")
	gl := c.div.byID("GLAccount", "ID", id)
	switch {
	case id == "":
		return badRequest(fmt.Sprintf("Line %d: Mandatory: GLAccount", i+1))
	case gl == nil:
		return badRequest(fmt.Sprintf("Line %d: GLAccount %s does not exist.", i+1, id))
	case gl["IsBlocked"] == true:
		return badRequest(fmt.Sprintf("Line %d: GLAccount %s is blocked.", i+1, gl.str("Code")))
	case l["AmountFC"] == nil:
		return badRequest(fmt.Sprintf("Line %d: Mandatory: AmountFC", i+1))
	}
	if n := utf8.RuneCountInString(l.str("Description")); n > entryDescriptionMax {
		return badRequest(fmt.Sprintf("Line %d: Description: the value is %d characters long; the maximum is %d.", i+1, n, entryDescriptionMax))
	}
	l["GLAccountCode"], l["GLAccountDescription"] = gl.str("Code"), gl.str("Description")
	return nil
}

func entryCurrency(c *call, in record) (money.Currency, *apiError) {
	cur := in.str("Currency")
	if cur == "" {
		cur = c.div.Division.Currency
	}
	if c.div.find("Currency", "Code", cur) == nil {
		return "", badRequest("Currency: '" + cur + "' does not exist.")
	}
	in["Currency"] = cur
	return money.Currency(cur), nil
}

// postPurchaseEntry books a supplier invoice in a purchase journal:
// Supplier (an account with IsSupplier), Journal (type 22) and at least one
// line with a GL account and a net amount are mandatory.
func postPurchaseEntry(c *call, in record) (record, *apiError) {
	now := c.s.now()
	if in.str("EntryID") != "" {
		return nil, badRequest("EntryID is assigned by Exact Online and cannot be set.")
	}
	sup := in.str("Supplier")
	if sup == "" {
		return nil, badRequest("Mandatory: Supplier")
	}
	acc := c.div.byID("Account", "ID", sup)
	switch {
	case acc == nil:
		return nil, badRequest("Supplier: account " + sup + " does not exist.")
	case acc["IsSupplier"] != true:
		return nil, badRequest("Supplier: account " + strings.TrimSpace(acc.str("Code")) + " " + acc.str("Name") + " is not a supplier.")
	case acc["Blocked"] == true:
		return nil, badRequest("Supplier: account " + strings.TrimSpace(acc.str("Code")) + " " + acc.str("Name") + " is blocked.")
	}
	journal, aerr := entryJournal(c, "Journal", in.str("Journal"), 22, "purchase")
	if aerr != nil {
		return nil, aerr
	}
	for f, max := range map[string]int{"Description": entryDescriptionMax, "YourRef": entryYourRefMax} {
		if n := utf8.RuneCountInString(in.str(f)); n > max {
			return nil, badRequest(fmt.Sprintf("%s: the value is %d characters long; the maximum is %d.", f, n, max))
		}
	}
	typ := in.int("Type")
	if typ == 0 {
		typ = 30
	}
	if typ != 30 && typ != 31 {
		return nil, badRequest(fmt.Sprintf("Type: invalid value %d (30 purchase entry, 31 purchase credit note).", typ))
	}
	cur, aerr := entryCurrency(c, in)
	if aerr != nil {
		return nil, aerr
	}
	if in["EntryDate"] == nil {
		in["EntryDate"] = now.Truncate(24 * time.Hour)
	}
	if in["DueDate"] == nil {
		in["DueDate"] = in["EntryDate"]
	}
	lines := in.lines("PurchaseEntryLines")
	if len(lines) == 0 {
		return nil, badRequest("PurchaseEntryLines: an entry needs at least one line.")
	}
	id := newID()
	net, vat := money.Zero, money.Zero
	for i, l := range lines {
		if aerr := entryGL(c, l, i); aerr != nil {
			return nil, aerr
		}
		l["ID"], l["EntryID"], l["LineNumber"], l["Division"], l["Type"] = newID(), id, int64(i+1), int64(c.div.Division.Code), typ
		l["AmountFC"] = money.RoundAmount(l.dec("AmountFC"), cur)
		l["AmountDC"] = l["AmountFC"]
		if aerr := vatLine(c, l, l.str("VATCode"), cur, i); aerr != nil {
			return nil, aerr
		}
		l["VATAmountDC"], l["VATBaseAmountFC"], l["VATBaseAmountDC"] = l["VATAmountFC"], l["AmountFC"], l["AmountFC"]
		net, vat = net.Add(l.dec("AmountFC")), vat.Add(l.dec("VATAmountFC"))
	}
	date := in["EntryDate"].(time.Time)
	in["EntryID"], in["EntryNumber"], in["Type"] = id, c.div.next("number:"+journal.str("Code"), journal.int("_numFrom")), typ
	in["AmountFC"], in["AmountDC"], in["VATAmountFC"], in["VATAmountDC"] = net.Add(vat), net.Add(vat), vat, vat
	in["SupplierName"], in["JournalDescription"], in["Status"], in["StatusDescription"] = acc.str("Name"), journal.str("Description"), int64(20), "Open"
	in["Division"], in["Created"], in["Modified"], in["Rate"] = int64(c.div.Division.Code), now, now, money.FromInt(1)
	in["ReportingYear"], in["ReportingPeriod"] = int64(date.Year()), int64(date.Month())
	c.div.insert("PurchaseEntry", in)
	return in, nil
}

// postGeneralJournalEntry books a general journal entry: JournalCode (type
// 90) and at least two lines, each with a GL account and an amount
// (positive debit, negative credit), whose amounts balance.
func postGeneralJournalEntry(c *call, in record) (record, *apiError) {
	now := c.s.now()
	if in.str("EntryID") != "" {
		return nil, badRequest("EntryID is assigned by Exact Online and cannot be set.")
	}
	journal, aerr := entryJournal(c, "JournalCode", in.str("JournalCode"), 90, "general")
	if aerr != nil {
		return nil, aerr
	}
	typ := in.int("Type")
	if typ == 0 {
		typ = 90
	}
	if typ != 10 && typ != 90 {
		return nil, badRequest(fmt.Sprintf("Type: invalid value %d (10 opening balance, 90 other).", typ))
	}
	cur, aerr := entryCurrency(c, in)
	if aerr != nil {
		return nil, aerr
	}
	lines := in.lines("GeneralJournalEntryLines")
	if len(lines) < 2 {
		return nil, badRequest("GeneralJournalEntryLines: an entry needs at least two lines.")
	}
	id := newID()
	num := c.div.next("number:"+journal.str("Code"), journal.int("_numFrom"))
	sum := money.Zero
	for i, l := range lines {
		if aerr := entryGL(c, l, i); aerr != nil {
			return nil, aerr
		}
		if l["Date"] == nil {
			l["Date"] = now.Truncate(24 * time.Hour)
		}
		l["ID"], l["EntryID"], l["EntryNumber"], l["LineNumber"], l["Division"] = newID(), id, num, int64(i+1), int64(c.div.Division.Code)
		l["AmountFC"] = money.RoundAmount(l.dec("AmountFC"), cur)
		l["AmountDC"], l["Created"], l["Modified"] = l["AmountFC"], now, now
		sum = sum.Add(l.dec("AmountFC"))
	}
	if !sum.IsZero() {
		return nil, badRequest(fmt.Sprintf("The entry is not in balance: the lines add up to %s.", sum.StringFixed(2)))
	}
	date := lines[0]["Date"].(time.Time)
	in["EntryID"], in["EntryNumber"], in["Type"], in["JournalDescription"] = id, num, typ, journal.str("Description")
	in["Status"], in["StatusDescription"], in["Division"], in["Created"], in["Modified"] = int64(20), "Open", int64(c.div.Division.Code), now, now
	in["FinancialYear"], in["FinancialPeriod"], in["ExchangeRate"] = int64(date.Year()), int64(date.Month()), money.FromInt(1)
	c.div.insert("GeneralJournalEntry", in)
	for _, l := range lines {
		c.div.insert("GeneralJournalEntryLine", l)
	}
	return in, nil
}
