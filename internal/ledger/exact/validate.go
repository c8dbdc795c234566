package exact

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Catalog is the division's reference lists, read once per run, against
// which documents are checked before they are sent: a code Exact does not
// know costs a 400, and ten of those an hour block the connection.
// A nil map is not checked.
type Catalog struct {
	VATCodes          map[string]VATCode          // by trimmed Code
	GLAccounts        map[string]GLAccount        // by ID
	Journals          map[string]Journal          // by Code
	PaymentConditions map[string]PaymentCondition // by Code
	Currencies        map[string]Currency         // by Code
	Items             map[string]Item             // by ID; optional
	Accounts          map[string]bool             // account IDs; optional
}

// LoadCatalog reads VAT codes, GL accounts, journals, payment conditions and
// currencies (five lists, one call each unless a list runs past 60) and
// keeps them for validating documents.
func (c *Client) LoadCatalog(ctx context.Context) (*Catalog, error) {
	cat := &Catalog{}
	vat, err := c.VATCodes(ctx)
	if err != nil {
		return nil, err
	}
	gl, err := c.GLAccounts(ctx)
	if err != nil {
		return nil, err
	}
	journals, err := c.Journals(ctx)
	if err != nil {
		return nil, err
	}
	pcs, err := c.PaymentConditions(ctx)
	if err != nil {
		return nil, err
	}
	curs, err := c.Currencies(ctx)
	if err != nil {
		return nil, err
	}
	cat.VATCodes = keyBy(vat, func(v VATCode) string { return strings.TrimSpace(v.Code) })
	cat.GLAccounts = keyBy(gl, func(g GLAccount) string { return strings.ToLower(g.ID) })
	cat.Journals = keyBy(journals, func(j Journal) string { return strings.TrimSpace(j.Code) })
	cat.PaymentConditions = keyBy(pcs, func(p PaymentCondition) string { return strings.TrimSpace(p.Code) })
	cat.Currencies = keyBy(curs, func(c Currency) string { return c.Code })
	c.SetCatalog(cat)
	return cat, nil
}

// SetCatalog sets the lists documents are checked against; nil checks only
// required fields.
func (c *Client) SetCatalog(cat *Catalog) {
	c.mu.Lock()
	c.catalog = cat
	c.mu.Unlock()
}

func (c *Client) cat() *Catalog {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.catalog == nil {
		return &Catalog{}
	}
	return c.catalog
}

func keyBy[T any](xs []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(xs))
	for _, x := range xs {
		m[key(x)] = x
	}
	return m
}

// invalid is the error for a document Billbridge will not send.
func invalid(doc, field, problem, fix string) error {
	return apperr.New(apperr.Invalid, fmt.Sprintf("%s cannot go to Exact Online: %s %s", doc, field, problem), fix)
}

// checkCode checks an optional payment condition or VAT code.
func (c *Client) checkCode(doc, field string, code *string, kind string) error {
	if code == nil || *code == "" {
		return nil
	}
	cat := c.cat()
	known := true
	switch kind {
	case "payment condition":
		if cat.PaymentConditions != nil {
			_, known = cat.PaymentConditions[strings.TrimSpace(*code)]
		}
	case "VAT code":
		if cat.VATCodes != nil {
			_, known = cat.VATCodes[strings.TrimSpace(*code)]
		}
	}
	if !known {
		return invalid(doc, field, fmt.Sprintf("%q is not a %s in Exact", *code, kind),
			fmt.Sprintf("Map it to one of Exact's %ss in Billbridge's mappings (refresh the lists if it was added in Exact just now).", kind))
	}
	return nil
}

// ValidateAccount checks a new account.
func (c *Client) ValidateAccount(a Account) error {
	doc := "account " + a.Name
	if strings.TrimSpace(a.Name) == "" {
		return invalid("account", "Name", "is empty", "Give the company a name in Autotask.")
	}
	if a.Country != "" && !isCountry(a.Country) {
		return invalid(doc, "Country", fmt.Sprintf("%q is not a two-letter ISO country code", a.Country), "Set the company's country in Autotask.")
	}
	if err := checkAccountText(doc, a.texts()); err != nil {
		return err
	}
	if err := c.checkCode(doc, "PaymentConditionSales", &a.PaymentConditionSales, "payment condition"); err != nil {
		return err
	}
	return c.checkCode(doc, "SalesVATCode", &a.SalesVATCode, "VAT code")
}

// ValidateSalesEntry checks e before it is sent and writes VAT codes as
// Exact spells them (padded). Every problem names the Autotask invoice and
// the field.
func (c *Client) ValidateSalesEntry(e *SalesEntry) error {
	doc := salesEntryDoc(*e)
	if err := c.checkHeader(doc, "Customer", e.Customer, e.Journal, e.Currency, e.PaymentCondition); err != nil {
		return err
	}
	if e.EntryDate.IsZero() {
		return invalid(doc, "EntryDate", "is missing", "Give the invoice a date in Autotask.")
	}
	if e.Type != 0 && e.Type != SalesEntryTypeInvoice && e.Type != SalesEntryTypeCredit {
		return invalid(doc, "Type", fmt.Sprintf("%d is neither 20 (invoice) nor 21 (credit)", e.Type), "This is a Billbridge bug; send a support bundle.")
	}
	if e.EntryNumber < 0 {
		return invalid(doc, "EntryNumber", "is negative", "Leave the entry number to Exact.")
	}
	if len(e.SalesEntryLines) == 0 {
		return invalid(doc, "SalesEntryLines", "has no lines", "Exact needs at least one line; check the invoice in Autotask.")
	}
	cat := c.cat()
	for i := range e.SalesEntryLines {
		l := &e.SalesEntryLines[i]
		field := fmt.Sprintf("line %d", i+1)
		if err := checkGL(cat, doc, field, l.GLAccount, true); err != nil {
			return err
		}
		code, err := checkVAT(cat, doc, field, l.VATCode)
		if err != nil {
			return err
		}
		l.VATCode = code
	}
	return nil
}

// ValidateSalesInvoice checks inv before it is sent, as ValidateSalesEntry.
func (c *Client) ValidateSalesInvoice(inv *SalesInvoice) error {
	doc := salesInvoiceDoc(*inv)
	if err := c.checkHeader(doc, "OrderedBy", inv.OrderedBy, inv.Journal, inv.Currency, inv.PaymentCondition); err != nil {
		return err
	}
	if inv.InvoiceTo != "" {
		if err := c.checkAccount(doc, "InvoiceTo", inv.InvoiceTo); err != nil {
			return err
		}
	}
	if inv.Type != 0 && inv.Type != InvoiceTypeSales && inv.Type != InvoiceTypeCredit {
		return invalid(doc, "Type", fmt.Sprintf("%d is neither 8020 (invoice) nor 8021 (credit note)", inv.Type), "This is a Billbridge bug; send a support bundle.")
	}
	if len(inv.SalesInvoiceLines) == 0 {
		return invalid(doc, "SalesInvoiceLines", "has no lines", "Exact needs at least one line; check the invoice in Autotask.")
	}
	cat := c.cat()
	for i := range inv.SalesInvoiceLines {
		l := &inv.SalesInvoiceLines[i]
		field := fmt.Sprintf("line %d", i+1)
		if !isGUID(l.Item) {
			return invalid(doc, field+" Item", "is missing", "Map the billing code to an Exact item in Billbridge's mappings.")
		}
		if cat.Items != nil {
			if _, ok := cat.Items[strings.ToLower(l.Item)]; !ok {
				return invalid(doc, field+" Item", "is not an item in Exact", "Map the billing code to an existing Exact item (refresh the lists if it was added just now).")
			}
		}
		if err := checkGL(cat, doc, field, l.GLAccount, false); err != nil {
			return err
		}
		code, err := checkVAT(cat, doc, field, l.VATCode)
		if err != nil {
			return err
		}
		l.VATCode = code
	}
	return nil
}

func (c *Client) checkHeader(doc, customerField, customer, journal, currency, paymentCondition string) error {
	if err := c.checkAccount(doc, customerField, customer); err != nil {
		return err
	}
	cat := c.cat()
	if strings.TrimSpace(journal) == "" {
		return invalid(doc, "Journal", "is missing", "Choose the Exact sales journal in Billbridge's Mappings (Sales journal, above the tabs).")
	}
	if cat.Journals != nil {
		j, ok := cat.Journals[strings.TrimSpace(journal)]
		switch {
		case !ok:
			return invalid(doc, "Journal", fmt.Sprintf("%q is not a journal in Exact", journal), "Choose an existing sales journal in Billbridge's Mappings (Sales journal, above the tabs).")
		case j.Type != JournalTypeSales:
			return invalid(doc, "Journal", fmt.Sprintf("%q is not a sales journal", journal), "Choose a sales journal (type 20) in Billbridge's Mappings (Sales journal, above the tabs).")
		case j.IsBlocked:
			return invalid(doc, "Journal", fmt.Sprintf("%q is blocked in Exact", journal), "Unblock the journal in Exact or choose another.")
		}
	}
	if currency != "" {
		if len(currency) != 3 {
			return invalid(doc, "Currency", fmt.Sprintf("%q is not a currency code", currency), "Check the invoice's currency in Autotask.")
		}
		if cat.Currencies != nil {
			if _, ok := cat.Currencies[currency]; !ok {
				return invalid(doc, "Currency", fmt.Sprintf("%s is not set up in this division", currency), "Add the currency in Exact (Master data → Currencies), then sync again.")
			}
		}
	}
	return c.checkCode(doc, "PaymentCondition", &paymentCondition, "payment condition")
}

func (c *Client) checkAccount(doc, field, id string) error {
	if strings.TrimSpace(id) == "" {
		return invalid(doc, field, "is missing", "Link the Autotask company to an Exact account first.")
	}
	if !isGUID(id) {
		return invalid(doc, field, fmt.Sprintf("%q is not an Exact id", id), "Link the Autotask company to an Exact account again.")
	}
	if cat := c.cat(); cat.Accounts != nil && !cat.Accounts[strings.ToLower(id)] {
		return invalid(doc, field, "is not an account in Exact", "The account may have been deleted in Exact; link the company again.")
	}
	return nil
}

func checkGL(cat *Catalog, doc, field, id string, required bool) error {
	if id == "" && !required {
		return nil
	}
	if !isGUID(id) {
		return invalid(doc, field+" GLAccount", "is missing", "Map the billing code to an Exact revenue GL account in Billbridge's mappings.")
	}
	if cat.GLAccounts != nil {
		g, ok := cat.GLAccounts[strings.ToLower(id)]
		if !ok {
			return invalid(doc, field+" GLAccount", "is not a GL account in Exact", "Map the billing code to an existing GL account (refresh the lists if it was added just now).")
		}
		if g.IsBlocked {
			return invalid(doc, field+" GLAccount", fmt.Sprintf("%s is blocked in Exact", g.Code), "Unblock the GL account in Exact or map the billing code to another.")
		}
	}
	return nil
}

// checkVAT returns the VAT code as Exact spells it.
func checkVAT(cat *Catalog, doc, field, code string) (string, error) {
	if code == "" || cat.VATCodes == nil {
		return code, nil
	}
	v, ok := cat.VATCodes[strings.TrimSpace(code)]
	if !ok {
		return "", invalid(doc, field+" VATCode", fmt.Sprintf("%q is not a VAT code in Exact", strings.TrimSpace(code)),
			"Map the Autotask tax category to an Exact VAT code in Billbridge's mappings.")
	}
	if v.IsBlocked {
		return "", invalid(doc, field+" VATCode", fmt.Sprintf("%q is blocked in Exact", strings.TrimSpace(code)), "Map the tax category to another VAT code.")
	}
	return v.Code, nil
}
