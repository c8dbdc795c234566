package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Format is a file format Billbridge exports to.
type Format string

const (
	FormatCSV     Format = "csv"
	FormatXLSX    Format = "xlsx"
	FormatSageXML Format = "sage-xml"
	FormatIIF     Format = "iif"
)

// Formats lists every format, in the order the UI offers them.
func Formats() []Format { return []Format{FormatCSV, FormatXLSX, FormatSageXML, FormatIIF} }

// ParseFormat reads a format name as the CLI and the UI send it.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range append(Formats(), LedgerFormats()...) {
		if f == k {
			return f, nil
		}
	}
	return "", apperr.New(apperr.Invalid, fmt.Sprintf("%q is not an export format", s),
		"Choose csv, xlsx, sage-xml, iif, sage50-csv, xero-csv, qbo-csv or sage50us-csv.")
}

// Extension is the file name extension of the format, with the dot.
func (f Format) Extension() string {
	switch f {
	case FormatXLSX:
		return ".xlsx"
	case FormatSageXML:
		return ".xml"
	case FormatIIF:
		return ".iif"
	}
	return ".csv"
}

// PerInvoice reports whether the format writes documents (invoices) rather
// than lines: such formats need rows grouped by invoice, and only invoiced
// items.
func (f Format) PerInvoice() bool { return f == FormatSageXML || f == FormatIIF || f.IsLedger() }

// Meta is what a writer needs besides the rows.
type Meta struct {
	// Accounts are the customers the rows belong to, for formats that list
	// customers before invoices (Sage). Order is kept.
	Accounts []*Account
	// Rows, when known (0 = unknown), lets the Excel writer declare the
	// sheet's size up front.
	Rows int
	// Created is written into formats that carry a creation time.
	Created time.Time
	// Ledger holds the profile's mappings for a ledger import format
	// (LedgerFormats); without them every taxed line is unmapped and blocks.
	Ledger *LedgerMap
}

// Writer writes rows of one file. Rows of formats where PerInvoice is true
// must come grouped by invoice. Close finishes the document; it does not
// close the underlying io.Writer.
type Writer interface {
	Write(r *Row) error
	Close() error
}

// NewWriter returns a writer of format f on w.
func NewWriter(f Format, w io.Writer, m Meta) (Writer, error) {
	switch f {
	case FormatCSV:
		return NewCSV(w)
	case FormatXLSX:
		return NewXLSX(w, m)
	case FormatSageXML:
		return NewSageXML(w, m)
	case FormatIIF:
		return NewIIF(w)
	}
	if f.IsLedger() {
		var lm LedgerMap
		if m.Ledger != nil {
			lm = *m.Ledger
		}
		return NewLedgerWriter(f, w, lm)
	}
	return nil, fmt.Errorf("export: unknown format %q", f)
}

// dateText is how CSV, IIF and the preview write a date.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// Text returns the value as the CSV file and the preview show it. Text is
// neutralised against formula injection.
func (v Value) String() string {
	if v.Blank {
		return ""
	}
	switch v.Kind {
	case KindText:
		return Neutralize(v.Text)
	case KindDate:
		return dateText(v.Date)
	case KindID:
		return fmt.Sprint(v.Int)
	}
	return v.Num.String()
}
