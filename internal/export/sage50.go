package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/syncer"
)

// Sage 50 Accounts (UK) cannot import into its Invoices module; sales
// invoices are imported as audit-trail transactions (File → Import → Audit
// Trail Transactions), type SI for an invoice and SC for a credit. Source:
// shared/api-notes/sage.md §2, checked against Sage's own knowledge base.
//
// The 15 columns, in Sage's order, with a header row:
//
//	Type, Account Reference, Nominal A/C Ref, Department Code, Date,
//	Reference, Details, Net Amount, Tax Code, Tax Amount, Exchange Rate,
//	Extra Reference, User Name, Project Refn, Cost Code Refn
//
// What Billbridge writes:
//   - Type SI, or SC for a credit note, with positive amounts (the Sage UI's
//     convention for credits; sage.md notes it is not confirmed by an import
//     test).
//   - Account Reference: the mapped Sage account (≤ 8 characters, no
//     spaces), or Sage50AccountRef of the Autotask company for customers
//     Sage does not have yet — create those first from the Customer Records
//     CSV (WriteSage50Customers).
//   - Nominal A/C Ref: the mapped income account, else the billing code's GL
//     account (≤ 8, written as text so leading zeros survive).
//   - Department Code blank; Date DD/MM/YYYY; Reference the Autotask invoice
//     number (≤ 30), so Sage groups the rows of one invoice.
//   - One row per invoice × nominal code × tax code, Details = the first line
//     description of the group (≤ 60, shortened with a note), Net Amount and
//     Tax Amount with 2 decimals, Tax Code T0–T99 from the tax mapping.
//   - Exchange Rate: the invoice's rate when Autotask has one for a foreign
//     currency, else blank (= 1). Amounts are in the customer's currency; the
//     Sage account must be set to that currency.
//   - Extra Reference: the customer's order number (≤ 30); User Name,
//     Project Refn and Cost Code Refn blank.
//
// Identifiers that do not fit (account reference, nominal code, invoice
// number, tax code) block the file; Sage matches on them, so shortening
// would post to the wrong account.
type sage50Layout struct {
	seen map[string]int64 // generated account reference → company, for collisions
	dup  []LedgerProblem
}

var sage50Header = []string{"Type", "Account Reference", "Nominal A/C Ref", "Department Code", "Date", "Reference", "Details",
	"Net Amount", "Tax Code", "Tax Amount", "Exchange Rate", "Extra Reference", "User Name", "Project Refn", "Cost Code Refn"}

var sageTaxCode = regexp.MustCompile(`^T([0-9]|[1-9][0-9])$`)

func (*sage50Layout) header() []string { return sage50Header }

func (s *sage50Layout) customerRef(a *Account) string {
	return Sage50AccountRef(a.ID, a.Number, a.Name)
}

func (s *sage50Layout) records(d *LedgerDoc, c *check) [][]string {
	typ := "SI"
	if d.Kind == ledger.KindCreditNote {
		typ = "SC"
	}
	ref := c.ref("Sage account reference", d.Customer.ID, 8, "Map the company to its Sage account in Mappings → Customers (at most 8 characters).")
	if strings.ContainsRune(ref, ' ') {
		c.fail(ProblemNotImportable, fmt.Sprintf("Sage account reference %q contains a space", ref), "Use a Sage account reference without spaces.")
	}
	if prev, ok := s.seen[ref]; ok && prev != d.CompanyID && ref != "" {
		s.dup = append(s.dup, LedgerProblem{Invoice: d.label(), InvoiceID: d.InvoiceID, Problem: problemf(ProblemRefCollision,
			fmt.Sprintf("%s: companies %d and %d both have Sage account reference %q", d.label(), prev, d.CompanyID, ref),
			"Map one of the companies to another Sage account in Mappings → Customers.")})
	}
	s.seen[ref] = d.CompanyID
	number := c.ref("Invoice number (Sage Reference)", d.Number, 30, "Wait until Autotask has numbered the invoice.")
	extra := c.text("Extra Reference", d.Reference, 30)
	rate := ""
	if !d.ExchangeRate.IsZero() && !d.ExchangeRate.Equal(money.FromInt(1)) {
		rate = d.ExchangeRate.String()
	}
	type group struct {
		nominal, tax, details string
		net, vat              money.Decimal
	}
	var order []string
	groups := map[string]*group{}
	for _, l := range d.Lines {
		k := l.AccountCode + "\x00" + l.TaxCode
		g, ok := groups[k]
		if !ok {
			g = &group{nominal: l.AccountCode, tax: l.TaxCode, details: l.Description}
			groups[k] = g
			order = append(order, k)
		}
		g.net, g.vat = g.net.Add(l.Amount), g.vat.Add(l.TaxAmount)
	}
	date := d.Date.UTC().Format("02/01/2006")
	out := make([][]string, 0, len(order))
	for _, k := range order {
		g := groups[k]
		nominal := c.ref("Nominal code", g.nominal, 8, "Set a GL account on the billing code in Autotask, or map the billing code to a Sage nominal code in Mappings → Billing codes.")
		if g.tax != "" && !sageTaxCode.MatchString(g.tax) {
			c.fail(ProblemBadTaxCode, fmt.Sprintf("tax code %q is not a Sage tax code (T0–T99)", g.tax), "Map the tax region and category to a Sage tax code such as T1 in Mappings → Tax.")
		}
		out = append(out, []string{typ, cell(ref), cell(nominal), "", date, cell(number), cell(c.text("Details", g.details, 60)),
			fixed(g.net, d.Currency), g.tax, fixed(g.vat, d.Currency), rate, cell(extra), "", "", ""})
	}
	return out
}

func (s *sage50Layout) finish() []LedgerProblem { return s.dup }

// Sage50AccountRef generates a stable Sage account reference (≤ 8
// characters, A–Z and 0–9) for an Autotask company: its company number when
// that already is one, else up to four letters of its name and four base-36
// digits of its id (e.g. "ACME00QX"). Stable: the same company always gets
// the same reference, so the mapping screen can show it before the first
// export. Two companies can collide only when their names share the letters
// and their ids agree modulo 36⁴; the writer reports that as a problem.
func Sage50AccountRef(companyID int64, number, name string) string {
	if n := strings.ToUpper(strings.TrimSpace(number)); n != "" && len(n) <= 8 && isRefText(n) {
		return n
	}
	var letters []rune
	for _, r := range strings.ToUpper(mapping.Normalize(name)) {
		if len(letters) == 4 {
			break
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			letters = append(letters, r)
		}
	}
	id := strings.ToUpper(strconv.FormatInt(companyID%(36*36*36*36), 36))
	for len(id) < 4 {
		id = "0" + id
	}
	return string(letters) + id
}

func isRefText(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func problemf(code, msg, fix string) syncer.Problem {
	return syncer.Problem{Code: code, Message: msg, Fix: fix}
}

// Sage50CustomerHeader is the Customer Records import's leading columns as
// far as their order is confirmed (shared/api-notes/sage.md §2: "A/C, Name,
// Address Line 1-5, Contact Name, Telephone, Fax, Analysis 1-3, Department,
// VAT Number, …"). The later columns (Credit Limit, Terms, Default Nominal
// Code, Tax Code, E-mail, …) are not written: their positions are not
// confirmed, and a column in the wrong place would import into the wrong field.
var Sage50CustomerHeader = []string{"A/C", "Name", "Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4",
	"Address Line 5", "Contact Name", "Telephone", "Fax", "Analysis 1", "Analysis 2", "Analysis 3", "Department", "VAT Number"}

// WriteSage50Customers writes the Customer Records CSV for the documents'
// customers whose reference is not in existing (the accounts Sage already
// has), one row per account, in first-seen order. Account references are
// checked as in the transactions file; names over 60 characters block,
// since the name identifies the customer to the accountant.
func WriteSage50Customers(w io.Writer, docs []LedgerDoc, existing map[string]bool) (int, error) {
	buf := bufio.NewWriter(w)
	cw := csv.NewWriter(buf)
	cw.UseCRLF = true
	if err := cw.Write(Sage50CustomerHeader); err != nil {
		return 0, fmt.Errorf("export: sage 50 customers: %w", err)
	}
	seen := map[string]bool{}
	var problems []LedgerProblem
	n := 0
	for i := range docs {
		d := &docs[i]
		ref := d.Customer.ID
		if existing[ref] || seen[ref] {
			continue
		}
		seen[ref] = true
		c := &check{doc: d, format: FormatSage50CSV}
		c.ref("Sage account reference", ref, 8, "Map the company to a Sage account reference of at most 8 characters in Mappings → Customers.")
		c.ref("Customer name", d.Customer.Name, 60, "Shorten the company name in Autotask to 60 characters.")
		a := d.Customer.Address
		lines := append(append([]string{}, a.Lines...), a.City, a.Region, a.PostalCode)
		var addr []string
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				addr = append(addr, cell(c.text("Address line", l, 60)))
			}
		}
		if len(addr) > 5 {
			addr = append(addr[:4], strings.Join(addr[4:], ", "))
		}
		for len(addr) < 5 {
			addr = append(addr, "")
		}
		contact := strings.TrimSpace(d.Customer.ContactFirst + " " + d.Customer.ContactLast)
		rec := append([]string{cell(ref), cell(d.Customer.Name)}, addr...)
		rec = append(rec, cell(c.text("Contact Name", contact, 30)), cell(c.text("Telephone", d.Customer.Phone, 30)), "", "", "", "", "",
			cell(c.text("VAT Number", d.Customer.TaxNumber, 20)))
		problems = append(problems, c.problems...)
		if err := cw.Write(rec); err != nil {
			return n, fmt.Errorf("export: sage 50 customers: %w", err)
		}
		n++
	}
	if len(problems) > 0 {
		return 0, ProblemsError(FormatSage50CSV, problems)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, fmt.Errorf("export: sage 50 customers: %w", err)
	}
	return n, buf.Flush()
}
