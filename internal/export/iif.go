package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// IIF writes QuickBooks Desktop's Intuit Interchange Format: tab-separated,
// one TRNS/SPL…/ENDTRNS block per invoice after the !TRNS, !SPL and
// !ENDTRNS header lines.
//
// Mapping:
//   - TRNS: TRNSTYPE INVOICE (CREDIT MEMO when the lines' total is
//     negative); DATE MM/DD/YYYY; ACCNT "Accounts Receivable"; NAME the
//     customer; AMOUNT the document total (net plus tax; negative for a
//     credit memo); DOCNUM the invoice number; MEMO the invoice comments.
//   - SPL per item: ACCNT the billing code's GL account ("Sales" when it has
//     none); AMOUNT minus the line's net (QuickBooks books income as
//     credits); QNTY minus the quantity; PRICE the unit price; INVITEM the
//     billing code name; MEMO the item name.
//   - One SPL for the tax: ACCNT "Sales Tax Payable", AMOUNT minus the sum of
//     the items' tax.
//
// The block balances by construction: TRNS AMOUNT is the sum of the rounded
// split amounts with the sign flipped. IIF has no currency column, so
// amounts are the invoice's, in the customer's currency; in a multi-currency
// company file the customer must already use that currency. Items and
// accounts that QuickBooks does not know are created or refused by
// QuickBooks on import, so set up the GL accounts and items first.
type IIF struct {
	buf *bufio.Writer
	cur []*Row
}

const (
	iifARAccount    = "Accounts Receivable"
	iifTaxAccount   = "Sales Tax Payable"
	iifSalesAccount = "Sales"
)

var iifHeader = []string{
	"!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO",
	"!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO\tQNTY\tPRICE\tINVITEM",
	"!ENDTRNS",
}

// NewIIF writes the header lines.
func NewIIF(w io.Writer) (*IIF, error) {
	b := bufio.NewWriterSize(w, 64<<10)
	for _, l := range iifHeader {
		if _, err := b.WriteString(l + "\r\n"); err != nil {
			return nil, fmt.Errorf("export: iif: %w", err)
		}
	}
	return &IIF{buf: b}, nil
}

// Write collects the rows of the current invoice; rows must come grouped by
// invoice, and only invoiced items can be written.
func (f *IIF) Write(r *Row) error {
	if r.Invoice == nil {
		return fmt.Errorf("export: iif: item %d is not on an invoice", r.ItemID)
	}
	if len(f.cur) > 0 && f.cur[0].Invoice.ID != r.Invoice.ID {
		if err := f.flush(); err != nil {
			return err
		}
	}
	f.cur = append(f.cur, r)
	return nil
}

func (f *IIF) flush() error {
	if len(f.cur) == 0 {
		return nil
	}
	rows := f.cur
	f.cur = f.cur[:0]
	first := rows[0]
	cur := first.currency()
	var net, tax money.Decimal
	for _, r := range rows {
		net = net.Add(money.RoundAmount(r.ExtendedPrice, cur))
		tax = tax.Add(money.RoundAmount(r.TaxDollars, cur))
	}
	total := net.Add(tax)
	kind := "INVOICE"
	if total.IsNegative() {
		kind = "CREDIT MEMO"
	}
	date := first.Invoice.Date.UTC().Format("01/02/2006")
	name, doc := iifField(first.Account.Name), iifField(first.Invoice.Number)
	line := func(fields ...string) {
		f.buf.WriteString(strings.Join(fields, "\t"))
		f.buf.WriteString("\r\n")
	}
	line("TRNS", "", kind, date, iifARAccount, name, total.String(), doc, iifField(first.Invoice.Comments))
	for _, r := range rows {
		acct := r.GLAccount
		if acct == "" {
			acct = iifSalesAccount
		}
		line("SPL", "", kind, date, iifField(acct), name, money.RoundAmount(r.ExtendedPrice, cur).Neg().String(), doc,
			iifField(r.ItemName), money.RoundQuantity(r.Quantity).Neg().String(), money.RoundUnitPrice(r.Rate).String(),
			iifField(r.BillingCode))
	}
	line("SPL", "", kind, date, iifTaxAccount, name, tax.Neg().String(), doc, "Sales tax", "", "", "")
	_, err := f.buf.WriteString("ENDTRNS\r\n")
	if err != nil {
		return fmt.Errorf("export: iif: invoice %s: %w", first.Invoice.Number, err)
	}
	return nil
}

func (f *IIF) Close() error {
	if err := f.flush(); err != nil {
		return err
	}
	if err := f.buf.Flush(); err != nil {
		return fmt.Errorf("export: iif: %w", err)
	}
	return nil
}

// iifField keeps a value on its line and in its column: IIF has no quoting,
// so tabs and line breaks become spaces, and a leading quote (which
// QuickBooks strips) is dropped.
func iifField(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\r', '\n':
			return ' '
		}
		return r
	}, s)
	return strings.TrimLeft(s, `"`)
}
