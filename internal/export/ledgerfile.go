package export

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/syncer"
)

// Ledger import formats: files an accountant's ledger imports as they are.
// Each writes documents (invoices and credit notes) already mapped to the
// ledger's customers, accounts, items and tax codes, so they share one
// document model (LedgerDoc) with the API sync.
const (
	FormatSage50CSV   Format = "sage50-csv"
	FormatXeroCSV     Format = "xero-csv"
	FormatQBOCSV      Format = "qbo-csv"
	FormatSage50USCSV Format = "sage50us-csv"
)

// LedgerFormats lists the ledger import formats, in the order the UI offers them.
func LedgerFormats() []Format {
	return []Format{FormatSage50CSV, FormatXeroCSV, FormatQBOCSV, FormatSage50USCSV}
}

// IsLedger reports whether f is a ledger import format, which needs the
// profile's ledger mappings (Meta.Ledger) to be written.
func (f Format) IsLedger() bool {
	for _, k := range LedgerFormats() {
		if f == k {
			return true
		}
	}
	return false
}

// LedgerDoc is one Autotask invoice as a ledger document. Line amounts
// follow ledger.Line: on a credit note they are positive and Kind carries
// the sign, as the sync sends them.
type LedgerDoc struct {
	InvoiceID int64
	Number    string // the Autotask invoice number
	CompanyID int64
	// Customer is what the ledger knows the customer by: Customer.ID is the
	// ledger's reference (Sage account reference, Xero contact name, QBO
	// customer display name, Sage 50 US customer id).
	Customer     ledger.Customer
	Kind         ledger.DocKind
	Date         time.Time
	DueDate      time.Time
	Currency     money.Currency
	ExchangeRate money.Decimal // zero: the ledger's own rate
	Reference    string        // the customer's order number
	Lines        []ledger.Line
	// AutotaskTotal is Autotask's invoice total, tax included, in the
	// customer currency, signed (negative for credits).
	AutotaskTotal money.Decimal
	// Notes say what was done to the document on the way (a rounding line).
	Notes []string
}

// sign is -1 for credit notes, 1 otherwise.
func (d *LedgerDoc) sign() money.Decimal {
	if d.Kind == ledger.KindCreditNote {
		return money.FromInt(-1)
	}
	return money.FromInt(1)
}

// net and tax are the document's sums as written, signed.
func (d *LedgerDoc) net() money.Decimal {
	s := money.Zero
	for _, l := range d.Lines {
		s = s.Add(l.Amount)
	}
	return s.Mul(d.sign())
}

func (d *LedgerDoc) tax() money.Decimal {
	s := money.Zero
	for _, l := range d.Lines {
		s = s.Add(l.TaxAmount)
	}
	return s.Mul(d.sign())
}

// label names the document as the user knows it.
func (d *LedgerDoc) label() string {
	if d.Number != "" {
		return "Invoice " + d.Number
	}
	return fmt.Sprintf("Autotask invoice id %d", d.InvoiceID)
}

// Problem codes of ledger files, beside the sync's (syncer.Problem*).
const (
	ProblemTooLong        = "value_too_long"
	ProblemMissing        = "value_missing"
	ProblemBadTaxCode     = "bad_tax_code"
	ProblemRefCollision   = "account_reference_collision"
	ProblemNotImportable  = "not_importable"
	ProblemNominalMissing = "nominal_code_missing"
	ProblemFileLimit      = "file_limit"
)

// LedgerProblem blocks a file: it says which invoice, what is wrong and how
// to fix it, like the sync preview's problems.
type LedgerProblem struct {
	Invoice   string `json:"invoice"`
	InvoiceID int64  `json:"invoiceId"` // the Autotask invoice it blocks; 0 blocks the whole file
	syncer.Problem
}

// check collects a document's problems and notes while its rows are built.
type check struct {
	doc      *LedgerDoc
	format   Format
	problems []LedgerProblem
	notes    []string
}

func (c *check) fail(code, msg, fix string) {
	c.problems = append(c.problems, LedgerProblem{Invoice: c.doc.label(), InvoiceID: c.doc.InvoiceID, Problem: syncer.Problem{Code: code, Message: c.doc.label() + ": " + msg, Fix: fix}})
}

// ref checks an identifier the ledger matches on (account reference,
// nominal code, invoice number): it must be present and fit, because a
// shortened identifier would point at something else.
func (c *check) ref(field, v string, max int, fix string) string {
	n := utf8.RuneCountInString(v)
	switch {
	case v == "":
		code := ProblemMissing
		if strings.Contains(strings.ToLower(field), "nominal") {
			code = ProblemNominalMissing
		}
		c.fail(code, fmt.Sprintf("%s is empty; %s needs one", field, c.format), fix)
	case n > max:
		c.fail(ProblemTooLong, fmt.Sprintf("%s %q has %d characters; %s takes at most %d", field, v, n, c.format, max), fix)
	}
	return v
}

// text shortens free text to max characters and says so in the notes: a
// description may be shortened, an identifier never (see ref).
func (c *check) text(field, v string, max int) string {
	v = strings.Join(strings.Fields(v), " ") // CSV cells stay on one line
	if utf8.RuneCountInString(v) <= max {
		return v
	}
	out := truncate(v, max)
	c.notes = append(c.notes, fmt.Sprintf("%s: %s shortened to %d characters (the %s limit): %q", c.doc.label(), field, max, c.format, out))
	return out
}

// LedgerCurrencyTotal sums one currency's documents as written, and
// Autotask's invoice totals for the same documents.
type LedgerCurrencyTotal struct {
	Currency      string        `json:"currency"`
	Invoices      int           `json:"invoices"`
	Credits       int           `json:"credits"`
	Net           money.Decimal `json:"net"`
	Tax           money.Decimal `json:"tax"`
	Gross         money.Decimal `json:"gross"`
	AutotaskGross money.Decimal `json:"autotaskGross"`
}

// LedgerTotals are a ledger file's totals: net, tax, gross and the count of
// documents per currency, each against Autotask's invoice totals; every
// document whose gross differs from Autotask's is named in Differences.
type LedgerTotals struct {
	Format     Format                `json:"format"`
	Documents  int                   `json:"documents"`
	Rows       int                   `json:"rows"`
	ByCurrency []LedgerCurrencyTotal `json:"byCurrency"`
	// Differences names the first maxDifferences documents whose gross
	// differs from Autotask's; DifferenceCount counts them all.
	Differences     []string `json:"differences"`
	DifferenceCount int      `json:"differenceCount"`
}

const maxDifferences = 100

func (t *LedgerTotals) add(d *LedgerDoc, rows int) {
	t.Documents++
	t.Rows += rows
	var c *LedgerCurrencyTotal
	for i := range t.ByCurrency {
		if t.ByCurrency[i].Currency == string(d.Currency) {
			c = &t.ByCurrency[i]
		}
	}
	if c == nil {
		t.ByCurrency = append(t.ByCurrency, LedgerCurrencyTotal{Currency: string(d.Currency)})
		c = &t.ByCurrency[len(t.ByCurrency)-1]
	}
	if d.Kind == ledger.KindCreditNote {
		c.Credits++
	} else {
		c.Invoices++
	}
	net, tax := d.net(), d.tax()
	gross := net.Add(tax)
	want := money.RoundAmount(d.AutotaskTotal, d.Currency)
	c.Net, c.Tax, c.Gross = c.Net.Add(net), c.Tax.Add(tax), c.Gross.Add(gross)
	c.AutotaskGross = c.AutotaskGross.Add(want)
	if !gross.Equal(want) {
		if t.DifferenceCount++; t.DifferenceCount > maxDifferences {
			return
		}
		t.Differences = append(t.Differences, fmt.Sprintf("%s: the file has %s %s, Autotask's invoice total is %s (difference %s)",
			d.label(), gross.StringFixed(d.Currency.MinorUnits()), d.Currency, want.StringFixed(d.Currency.MinorUnits()),
			gross.Sub(want).StringFixed(d.Currency.MinorUnits())))
	}
}

// DocsFromPlan turns a sync preview into ledger documents, so a file for a
// ledger carries exactly the lines a sync to that ledger would send: the same
// item, account, tax and customer mappings, line mode and rounding
// adjustments (syncer.BuildPlan on the same snapshot, rules and settings).
// Invoices the plan blocks come back as problems; invoices the plan would
// not send (voided, already sent) are left out. Customers the ledger does
// not have yet get ref(company) as their reference (for Sage 50, use
// Sage50AccountRef).
func DocsFromPlan(snap *syncer.Snapshot, plan *syncer.Plan, ref func(companyID int64, name string) string) ([]LedgerDoc, []LedgerProblem) {
	totals := map[int64]money.Decimal{}
	for _, inv := range snap.Invoices {
		totals[inv.ID] = inv.InvoiceTotal
	}
	var docs []LedgerDoc
	var problems []LedgerProblem
	for _, p := range plan.Invoices {
		if p.Action != syncer.ActionSend {
			continue
		}
		d := LedgerDoc{InvoiceID: p.InvoiceID, Number: p.InvoiceNumber, CompanyID: p.CompanyID, Customer: p.Customer,
			Kind: p.Doc.Kind, Date: p.Doc.Date, DueDate: p.Doc.DueDate, Currency: p.Doc.Currency, ExchangeRate: p.Doc.ExchangeRate,
			Reference: p.Doc.Reference, Lines: p.Doc.Lines, AutotaskTotal: totals[p.InvoiceID]}
		if d.Number == "" {
			d.Number = p.Doc.Number
		}
		for _, pr := range p.Problems {
			problems = append(problems, LedgerProblem{Invoice: d.label(), InvoiceID: d.InvoiceID, Problem: pr})
		}
		if p.Blocked() {
			continue
		}
		if d.Customer.ID == "" && ref != nil {
			d.Customer.ID = ref(p.CompanyID, p.CompanyName)
		}
		docs = append(docs, d)
	}
	return docs, problems
}

// LedgerPreview is what the wizard shows before a ledger file is written:
// exactly the rows the file will hold, every blocking problem, where text was
// shortened, and the totals.
type LedgerPreview struct {
	Format   Format          `json:"format"`
	Header   []string        `json:"header"`
	Rows     [][]string      `json:"rows"`
	Problems []LedgerProblem `json:"problems"`
	Notes    []string        `json:"notes"`
	Totals   LedgerTotals    `json:"totals"`
}

// Blocked reports whether the file cannot be written.
func (p LedgerPreview) Blocked() bool { return len(p.Problems) > 0 }

// PreviewLedger renders docs in format f with the mappings m.
func PreviewLedger(f Format, docs []LedgerDoc, m LedgerMap) (LedgerPreview, error) {
	lay, err := layoutOf(f, m)
	if err != nil {
		return LedgerPreview{}, err
	}
	p := LedgerPreview{Format: f, Header: lay.header(), Totals: LedgerTotals{Format: f}}
	for i := range docs {
		c := &check{doc: &docs[i], format: f}
		recs := lay.records(&docs[i], c)
		p.Rows = append(p.Rows, recs...)
		p.Problems = append(p.Problems, c.problems...)
		p.Notes = append(append(p.Notes, docs[i].Notes...), c.notes...)
		p.Totals.add(&docs[i], len(recs))
	}
	p.Problems = append(p.Problems, lay.finish()...)
	return p, nil
}
