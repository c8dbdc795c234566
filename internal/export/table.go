package export

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Table is any list the window shows (a mapping tab, the compare report,
// the sync preview, a run's lines), as text: a header and rows of cells.
// WriteTable saves it with the same safety as the billing-item exports.
type Table struct {
	Sheet   string // the Excel worksheet's name; cut to Excel's 31 characters
	Columns []string
	Rows    [][]string
}

// Check refuses a table that would make a broken or misleading file.
func (t Table) Check() error {
	if len(t.Columns) == 0 {
		return apperr.New(apperr.Invalid, "The list has no columns to export", "Show at least one column, then export again.")
	}
	for i, r := range t.Rows {
		if len(r) != len(t.Columns) {
			return apperr.New(apperr.Invalid, fmt.Sprintf("Row %d of the list has %d cells for %d columns", i+1, len(r), len(t.Columns)),
				"Reload the screen and export again; if it happens again, save a support bundle from Settings.")
		}
	}
	if len(t.Rows)+1 > maxXLSXRows {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%d rows do not fit an Excel sheet", len(t.Rows)),
			"Filter the list to fewer rows, or export it as CSV.")
	}
	return nil
}

// plainNumber is a cell that is a number and nothing else: no leading
// zeros (an invoice number "00123" stays text), at most 15 digits before
// the point so a spreadsheet double holds it exactly.
var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$`)

// IsPlainNumber reports whether a list cell is written as a number: in
// Excel as a numeric cell, in CSV without the formula guard (a negative
// amount must not become the text "'-12.50").
func IsPlainNumber(s string) bool { return plainNumber.MatchString(s) }

// tableText is a text cell made safe for a spreadsheet.
func tableText(s string) string {
	if IsPlainNumber(s) {
		return s
	}
	return Neutralize(s)
}

// WriteTableCSV writes t as RFC 4180 CSV, UTF-8 with a byte-order mark.
func WriteTableCSV(w io.Writer, t Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	buf := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(buf)
	cw.UseCRLF = true
	if _, err := buf.WriteString(utf8BOM); err != nil {
		return fmt.Errorf("export: list csv: %w", err)
	}
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = Neutralize(c)
	}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("export: list csv: header: %w", err)
	}
	for n, r := range t.Rows {
		for i, c := range r {
			rec[i] = tableText(c)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("export: list csv: row %d: %w", n+1, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: list csv: %w", err)
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("export: list csv: %w", err)
	}
	return nil
}

// WriteTableXLSX writes t as one Excel worksheet through excelize's
// StreamWriter, zipped straight to w as XLSX does: a bold frozen header
// with an autofilter, numbers as numbers, text guarded against formulas.
func WriteTableXLSX(w io.Writer, t Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close() // removes the StreamWriter's temporary file
	sheet := sheetName(t.Sheet)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("export: list xlsx: %w", err)
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}}})
	if err != nil {
		return fmt.Errorf("export: list xlsx: header style: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("export: list xlsx: %w", err)
	}
	for i, c := range t.Columns {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(c, t.Rows, i)); err != nil {
			return fmt.Errorf("export: list xlsx: width: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return fmt.Errorf("export: list xlsx: panes: %w", err)
	}
	cells := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		cells[i] = excelize.Cell{StyleID: header, Value: Neutralize(c)}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fmt.Errorf("export: list xlsx: header: %w", err)
	}
	for n, r := range t.Rows {
		for i, c := range r {
			cells[i] = tableCell(c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("export: list xlsx: row %d: %w", n+1, err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("export: list xlsx: autofilter: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("export: list xlsx: %w", err)
	}
	zw := &dimensionZip{Writer: zip.NewWriter(w), ref: "A1:" + last}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return zw }
	if err := f.Write(io.Discard); err != nil {
		return fmt.Errorf("export: list xlsx: write: %w", err)
	}
	return nil
}

// tableCell is a number cell for a plain number, guarded text otherwise.
func tableCell(s string) any {
	if s == "" {
		return nil
	}
	if IsPlainNumber(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	return Neutralize(s)
}

// columnWidth fits a column to its header and its first rows, within bounds.
func columnWidth(header string, rows [][]string, col int) float64 {
	n := utf8.RuneCountInString(header)
	for _, r := range rows[:min(len(rows), 200)] {
		n = max(n, utf8.RuneCountInString(r[col]))
	}
	return float64(min(max(n+2, 8), 60))
}

// sheetName makes a worksheet name Excel accepts: no []:*?/\ and at most
// 31 characters.
func sheetName(s string) string {
	out := make([]rune, 0, 31)
	for _, r := range s {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			r = '_'
		}
		if r < 0x20 {
			continue
		}
		out = append(out, r)
		if len(out) == 31 {
			break
		}
	}
	if len(out) == 0 || out[0] == '\'' {
		return "List"
	}
	return string(out)
}
