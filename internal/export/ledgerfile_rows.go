package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/syncer"
)

// TaxNames is an Autotask tax region and tax category by name, as export
// rows carry them.
type TaxNames struct{ Region, Category string }

// LedgerMap is a profile's mappings for one ledger, as the row-by-row
// writers (NewWriter) take them. Build it from the same accepted rules the
// sync uses (mapping.FromStore for the ledger's organisation), keyed by the
// names export rows carry; DocsFromPlan is the other way in, straight from
// a sync plan.
type LedgerMap struct {
	// Tax is the ledger tax code of each region × category (Sage: T0–T99).
	Tax map[TaxNames]string
	// ZeroTaxCode is used for items without tax whose pair is unmapped, as
	// the sync uses the ledger's zero rate; empty makes them problems too.
	ZeroTaxCode string
	// Accounts maps billing code names to the income account (Sage nominal
	// code); a billing code not in it uses its own GL account.
	Accounts map[string]string
	// Items maps billing code names to the ledger's item (product/service).
	Items map[string]string
	// Customers maps Autotask company ids to the ledger's customer reference;
	// others get the format's default (Sage 50: Sage50AccountRef).
	Customers map[int64]string
	// TaxRates are the rates of the ledger's tax codes, when known: a line
	// without tax in Autotask whose pair maps to a taxed code gets
	// ZeroTaxCode instead, as the sync does, so the ledger adds no tax.
	TaxRates map[string]money.Decimal
	// TermDays maps Autotask payment term ids to due days (the payment term
	// mappings); other invoices keep Autotask's due date, as in the sync.
	TermDays map[int64]int
	// DueDays sets the due date of invoices with neither a mapped term nor
	// an Autotask due date; 0 means the invoice date.
	DueDays int
	// SalesTaxAccount is the G/L account of the sales tax distribution (Sage 50 US).
	SalesTaxAccount string
	// RoundingAccount and AdjustmentCap add the sync's rounding adjustment
	// line (see roundingAdjust); empty or zero adds none.
	RoundingAccount string
	AdjustmentCap   money.Decimal
	// BaseCurrency is the ledger's home currency; QuickBooks' import has no
	// currency column, so other currencies are refused when it is set.
	BaseCurrency money.Currency
}

// layout is one ledger format: its header and how a document becomes rows.
type layout interface {
	header() []string
	// records renders d, reporting problems and shortened text on c.
	records(d *LedgerDoc, c *check) [][]string
	// customerRef is the default reference of a customer with no mapping.
	customerRef(a *Account) string
	// finish reports problems across documents (e.g. reference collisions).
	finish() []LedgerProblem
}

func layoutOf(f Format, m LedgerMap) (layout, error) {
	switch f {
	case FormatSage50CSV:
		return &sage50Layout{seen: map[string]int64{}}, nil
	case FormatXeroCSV:
		return xeroLayout{}, nil
	case FormatQBOCSV:
		return qboLayout{base: string(m.BaseCurrency)}, nil
	case FormatSage50USCSV:
		return sage50USLayout{taxAccount: m.SalesTaxAccount}, nil
	}
	return nil, fmt.Errorf("export: %q is not a ledger format", f)
}

// LedgerWriter writes a ledger import file row by row: rows come grouped by
// invoice (as Source gives them) and each invoice becomes one document. A
// blocking problem anywhere makes Close fail with every problem listed, so
// WriteAtomic discards the file: an import file is whole or not written.
type LedgerWriter struct {
	format   Format
	m        LedgerMap
	lay      layout
	buf      *bufio.Writer
	w        *csv.Writer
	cur      []*Row
	totals   LedgerTotals
	problems []LedgerProblem
	notes    []string
}

// NewLedgerWriter writes the header row of format f (UTF-8 without a
// byte-order mark, CRLF line ends: the ledgers match header names exactly,
// and a BOM would become part of the first one).
func NewLedgerWriter(f Format, w io.Writer, m LedgerMap) (*LedgerWriter, error) {
	lay, err := layoutOf(f, m)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(w, 64<<10)
	lw := &LedgerWriter{format: f, m: m, lay: lay, buf: buf, w: csv.NewWriter(buf), totals: LedgerTotals{Format: f}}
	lw.w.UseCRLF = true
	if err := lw.w.Write(lay.header()); err != nil {
		return nil, fmt.Errorf("export: %s: header: %w", f, err)
	}
	return lw, nil
}

// Write collects the rows of the current invoice.
func (lw *LedgerWriter) Write(r *Row) error {
	if r.Invoice == nil {
		return fmt.Errorf("export: %s: item %d is not on an invoice", lw.format, r.ItemID)
	}
	if len(lw.cur) > 0 && lw.cur[0].Invoice.ID != r.Invoice.ID {
		if err := lw.flush(); err != nil {
			return err
		}
	}
	lw.cur = append(lw.cur, r)
	return nil
}

func (lw *LedgerWriter) flush() error {
	if len(lw.cur) == 0 {
		return nil
	}
	d := &LedgerDoc{}
	c := &check{doc: d, format: lw.format}
	*d = docFromRows(lw.cur, lw.m, lw.lay, c)
	lw.cur = lw.cur[:0]
	recs := lw.lay.records(d, c)
	lw.problems = append(lw.problems, c.problems...)
	lw.notes = append(append(lw.notes, d.Notes...), c.notes...)
	lw.totals.add(d, len(recs))
	if len(lw.problems) > 0 {
		return nil // keep going to list every problem; Close fails
	}
	for _, rec := range recs {
		if err := lw.w.Write(rec); err != nil {
			return fmt.Errorf("export: %s: %s: %w", lw.format, d.label(), err)
		}
	}
	return nil
}

// Close writes the last invoice and fails when any invoice is blocked.
func (lw *LedgerWriter) Close() error {
	if err := lw.flush(); err != nil {
		return err
	}
	lw.problems = append(lw.problems, lw.lay.finish()...)
	if len(lw.problems) > 0 {
		return ProblemsError(lw.format, lw.problems)
	}
	lw.w.Flush()
	if err := lw.w.Error(); err != nil {
		return fmt.Errorf("export: %s: %w", lw.format, err)
	}
	if err := lw.buf.Flush(); err != nil {
		return fmt.Errorf("export: %s: %w", lw.format, err)
	}
	return nil
}

// Summary returns the file's totals, blocking problems and the notes on
// shortened text, once Close has run.
func (lw *LedgerWriter) Summary() (LedgerTotals, []LedgerProblem, []string) {
	return lw.totals, lw.problems, lw.notes
}

// ProblemsError is the user-facing error of a blocked ledger file: it lists
// up to ten problems and the first one's fix.
func ProblemsError(f Format, ps []LedgerProblem) error {
	var b strings.Builder
	fmt.Fprintf(&b, "The %s file cannot be written: %d problem(s)", f, len(ps))
	for i, p := range ps {
		if i == 10 {
			fmt.Fprintf(&b, "; and %d more", len(ps)-10)
			break
		}
		b.WriteString("; " + p.Message)
	}
	return apperr.New(apperr.Invalid, b.String(), ps[0].Fix+" Then preview the export again.")
}

// WriteLedger writes docs as format f when nothing blocks them, and returns
// the preview either way (with ProblemsError when blocked).
func WriteLedger(w io.Writer, f Format, docs []LedgerDoc, m LedgerMap) (LedgerPreview, error) {
	p, err := PreviewLedger(f, docs, m)
	if err != nil {
		return p, err
	}
	if p.Blocked() {
		return p, ProblemsError(f, p.Problems)
	}
	buf := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(buf)
	cw.UseCRLF = true
	if err := cw.Write(p.Header); err != nil {
		return p, fmt.Errorf("export: %s: %w", f, err)
	}
	if err := cw.WriteAll(p.Rows); err != nil {
		return p, fmt.Errorf("export: %s: %w", f, err)
	}
	if err := buf.Flush(); err != nil {
		return p, fmt.Errorf("export: %s: %w", f, err)
	}
	return p, nil
}

// docFromRows builds one document from an invoice's rows with the profile's
// mappings: one line per billing item, priced as the sync prices lines
// (quantity × unit price when that gives the item's extended price, else
// one unit at the extended price; the sign on the price, never the quantity).
func docFromRows(rows []*Row, m LedgerMap, lay layout, c *check) LedgerDoc {
	first := rows[0]
	inv, acct := first.Invoice, first.Account
	cur := money.Currency(first.Currency)
	d := LedgerDoc{InvoiceID: inv.ID, Number: inv.Number, CompanyID: acct.ID, Kind: ledger.KindInvoice, Date: inv.Date,
		DueDate: dueDate(inv, m), Currency: cur, ExchangeRate: inv.ExchangeRate, Reference: inv.OrderNumber,
		AutotaskTotal: inv.Total, Customer: customerOfAccount(acct)}
	if ref, ok := m.Customers[acct.ID]; ok {
		d.Customer.ID = ref
	} else {
		d.Customer.ID = lay.customerRef(acct)
	}
	reported := map[TaxNames]bool{}
	for _, r := range rows {
		l := ledger.Line{ItemCode: m.Items[r.BillingCode], AccountCode: r.GLAccount, Description: strings.TrimSpace(r.ItemName),
			TaxAmount: money.RoundAmount(r.TaxDollars, cur)}
		if a, ok := m.Accounts[r.BillingCode]; ok {
			l.AccountCode = a
		}
		if l.Description == "" {
			l.Description = r.BillingCode
		}
		k := TaxNames{r.TaxRegion, r.TaxCategory}
		code, ok := m.Tax[k]
		switch {
		case r.TaxDollars.IsZero() && m.ZeroTaxCode != "" && (!ok || m.taxed(code)):
			// No tax in Autotask: the ledger's zero rate, so it adds none.
			l.TaxCode = m.ZeroTaxCode
		case ok:
			l.TaxCode = code
		case !reported[k]:
			reported[k] = true
			c.problems = append(c.problems, LedgerProblem{Invoice: d.label(), InvoiceID: d.InvoiceID, Problem: syncer.Problem{Code: syncer.ProblemUnmappedTax,
				Message: fmt.Sprintf("%s: tax region %q with tax category %q is not mapped to a %s tax code", d.label(), r.TaxRegion, r.TaxCategory, c.format),
				Fix:     "Map the pair in Mappings → Tax for this ledger."}})
		}
		qty, price := money.RoundQuantity(r.Quantity), money.RoundUnitPrice(r.Rate)
		if qty.IsZero() || !qty.Mul(price).Round(4).Equal(r.ExtendedPrice.Round(4)) {
			qty, price = money.FromInt(1), money.RoundUnitPrice(r.ExtendedPrice)
		}
		if qty.IsNegative() {
			qty, price = qty.Neg(), price.Neg()
		}
		l.Quantity, l.UnitPrice = qty, price
		l.Amount = qty.Mul(price).Round(cur.MinorUnits())
		d.Lines = append(d.Lines, l)
	}
	roundingAdjust(&d, m)
	if inv.Total.IsNegative() {
		d.Kind = ledger.KindCreditNote
		for i := range d.Lines {
			l := &d.Lines[i]
			l.UnitPrice, l.Amount, l.TaxAmount = l.UnitPrice.Neg(), l.Amount.Neg(), l.TaxAmount.Neg()
		}
	}
	return d
}

// roundingAdjust is the sync's rounding rule: lines rounded to the
// currency's minor units can miss Autotask's total (kept to 4 decimals) by
// pennies; one adjustment line on the rounding account, within the cap,
// makes the file equal Autotask's total. Beyond the cap, or without a
// rounding account, the difference stays and the totals name it.
func roundingAdjust(d *LedgerDoc, m LedgerMap) {
	if m.RoundingAccount == "" || m.AdjustmentCap.IsZero() {
		return
	}
	sum := money.Zero
	for _, l := range d.Lines {
		sum = sum.Add(l.Amount).Add(l.TaxAmount)
	}
	diff := money.RoundAmount(d.AutotaskTotal, d.Currency).Sub(sum)
	if diff.IsZero() || diff.Abs().Cmp(m.AdjustmentCap) > 0 {
		return
	}
	d.Lines = append(d.Lines, ledger.Line{Description: "Rounding adjustment (Autotask amounts have 4 decimals)", Quantity: money.FromInt(1),
		UnitPrice: diff, Amount: diff, AccountCode: m.RoundingAccount, TaxCode: m.ZeroTaxCode, Adjustment: true})
	d.Notes = append(d.Notes, fmt.Sprintf("%s: rounding adjustment of %s on account %s", d.label(), diff.StringFixed(d.Currency.MinorUnits()), m.RoundingAccount))
}

// dueDate is the sync's rule: a mapped payment term's days from the invoice
// date, else Autotask's due date, else DueDays.
func dueDate(inv *Invoice, m LedgerMap) time.Time {
	if days, ok := m.TermDays[inv.PaymentTermID]; ok && inv.PaymentTermID != 0 {
		return inv.Date.AddDate(0, 0, days)
	}
	if !inv.DueDate.IsZero() {
		return inv.DueDate
	}
	return inv.Date.AddDate(0, 0, m.DueDays)
}

// taxed reports whether the ledger's tax code has a rate other than zero.
func (m LedgerMap) taxed(code string) bool {
	r, ok := m.TaxRates[code]
	return ok && !r.IsZero()
}

func customerOfAccount(a *Account) ledger.Customer {
	c := ledger.Customer{Name: strings.TrimSpace(a.Name), AccountNumber: a.Number, Phone: a.Phone, TaxNumber: a.TaxID,
		Currency: money.Currency(a.Currency)}
	for _, l := range []string{a.Address1, a.Address2} {
		if l != "" {
			c.Address.Lines = append(c.Address.Lines, l)
		}
	}
	c.Address.City, c.Address.Region, c.Address.PostalCode, c.Address.Country = a.City, a.State, a.PostalCode, a.Country
	return c
}

// cell neutralises text against formula injection, as every CSV cell of
// Billbridge's files is; numbers are written as numbers.
func cell(s string) string { return Neutralize(s) }

// fixed writes an amount with exactly the currency's decimals.
func fixed(d money.Decimal, cur money.Currency) string {
	return money.RoundAmount(d, cur).StringFixed(cur.MinorUnits())
}

// DocsFromRows builds the documents of rows (grouped by invoice, as Source
// gives them) for format f, for the preview and the Sage 50 customer file;
// problems are the mapping problems found on the way.
func DocsFromRows(rows []*Row, f Format, m LedgerMap) ([]LedgerDoc, []LedgerProblem, error) {
	lay, err := layoutOf(f, m)
	if err != nil {
		return nil, nil, err
	}
	var docs []LedgerDoc
	var problems []LedgerProblem
	for i := 0; i < len(rows); {
		if rows[i].Invoice == nil {
			return nil, nil, fmt.Errorf("export: %s: item %d is not on an invoice", f, rows[i].ItemID)
		}
		j := i + 1
		for j < len(rows) && rows[j].Invoice != nil && rows[j].Invoice.ID == rows[i].Invoice.ID {
			j++
		}
		d := &LedgerDoc{}
		c := &check{doc: d, format: f}
		*d = docFromRows(rows[i:j], m, lay, c)
		docs = append(docs, *d)
		problems = append(problems, c.problems...)
		i = j
	}
	return docs, problems, nil
}
