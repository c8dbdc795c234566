package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/billbridge/billbridge/internal/money"
)

// SheetName is the one worksheet of an Excel export.
const SheetName = "Billing items"

// XLSX writes an Excel workbook with excelize's StreamWriter: real dates,
// money with a number format naming its currency, a frozen header row, an
// autofilter and column widths.
//
// Memory stays bounded for any number of rows: the StreamWriter spills the
// sheet to a temporary file, and the File's ZipWriter hook points at a
// zip.Writer on the output, so File.Write(io.Discard) zips straight to w
// instead of building the whole workbook in memory (excelize's default).
// That path does not patch zip64 headers, so a workbook must stay under
// 4 GB, far beyond Excel's 1,048,576-row limit at our row width.
//
// The StreamWriter declares <dimension ref="A1"/> however many rows follow;
// openpyxl in read-only mode trusts that and reads one row. The zip hook
// rewrites the element with the real range as the sheet is copied in.
type XLSX struct {
	out   io.Writer
	file  *excelize.File
	sw    *excelize.StreamWriter
	cols  []Column
	cells []any
	row   int // rows written, header included

	header, date, qty int
	money             map[moneyStyle]int
	err               error
}

type moneyStyle struct {
	currency string
	unit     bool // unit price: up to 4 decimals
}

// maxXLSXRows is Excel's row limit, header included.
const maxXLSXRows = 1_048_576

// NewXLSX starts a workbook on w and writes the header row.
func NewXLSX(w io.Writer, m Meta) (*XLSX, error) {
	if m.Rows+1 > maxXLSXRows {
		return nil, fmt.Errorf("export: xlsx: %d rows do not fit Excel's %d-row sheet; export a shorter period or use CSV", m.Rows, maxXLSXRows-1)
	}
	f := excelize.NewFile()
	x := &XLSX{out: w, file: f, cols: Columns(true), money: map[moneyStyle]int{}}
	x.cells = make([]any, len(x.cols))
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return nil, fmt.Errorf("export: xlsx: %w", err)
	}
	var err error
	if x.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}}}); err != nil {
		return nil, fmt.Errorf("export: xlsx: header style: %w", err)
	}
	fmtDate, fmtQty := "yyyy-mm-dd", "#,##0.00##"
	if x.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate}); err != nil {
		return nil, fmt.Errorf("export: xlsx: date style: %w", err)
	}
	if x.qty, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fmtQty}); err != nil {
		return nil, fmt.Errorf("export: xlsx: quantity style: %w", err)
	}
	if x.sw, err = f.NewStreamWriter(SheetName); err != nil {
		return nil, fmt.Errorf("export: xlsx: %w", err)
	}
	// Widths and panes must come before the first row.
	for i, c := range x.cols {
		if err := x.sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, fmt.Errorf("export: xlsx: width: %w", err)
		}
	}
	if err := x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, fmt.Errorf("export: xlsx: panes: %w", err)
	}
	for i, name := range ColumnNames(true) {
		x.cells[i] = excelize.Cell{StyleID: x.header, Value: name}
	}
	if err := x.setRow(); err != nil {
		return nil, err
	}
	return x, nil
}

func (x *XLSX) setRow() error {
	if x.row >= maxXLSXRows {
		return fmt.Errorf("export: xlsx: more than %d rows do not fit an Excel sheet; export a shorter period or use CSV", maxXLSXRows-1)
	}
	x.row++
	cell, _ := excelize.CoordinatesToCellName(1, x.row)
	if err := x.sw.SetRow(cell, x.cells); err != nil {
		return fmt.Errorf("export: xlsx: row %d: %w", x.row, err)
	}
	return nil
}

func (x *XLSX) Write(r *Row) error {
	for i, c := range x.cols {
		v, err := x.cell(c.Value(r))
		if err != nil {
			return fmt.Errorf("export: xlsx: item %d, %s: %w", r.ItemID, c.Name, err)
		}
		x.cells[i] = v
	}
	return x.setRow()
}

// cell turns a value into an excelize cell of the right type. Money crosses
// into float64 only here, because a spreadsheet number is a binary double:
// a value of at most 15 significant digits (every Autotask amount) is
// written by excelize as its shortest decimal form, which is the same digits.
func (x *XLSX) cell(v Value) (any, error) {
	if v.Blank {
		return nil, nil
	}
	switch v.Kind {
	case KindText:
		return Neutralize(v.Text), nil
	case KindDate:
		return excelize.Cell{StyleID: x.date, Value: v.Date}, nil
	case KindID:
		return v.Int, nil
	}
	f, err := strconv.ParseFloat(v.Num.String(), 64)
	if err != nil {
		return nil, err
	}
	if v.Kind == KindQuantity {
		return excelize.Cell{StyleID: x.qty, Value: f}, nil
	}
	style, err := x.moneyStyle(moneyStyle{currency: v.Currency, unit: v.Kind == KindUnitPrice})
	if err != nil {
		return nil, err
	}
	return excelize.Cell{StyleID: style, Value: f}, nil
}

// moneyStyle returns (creating once) the number format of amounts in a
// currency: its minor units, thousands separators, and the ISO code, so a
// sheet mixing EUR and JPY customers cannot be misread.
func (x *XLSX) moneyStyle(k moneyStyle) (int, error) {
	if id, ok := x.money[k]; ok {
		return id, nil
	}
	places := int(money.Currency(k.currency).MinorUnits())
	num := "#,##0"
	if places > 0 {
		num += "." + strings.Repeat("0", places)
	}
	if k.unit && places < 4 {
		if places == 0 {
			num += "."
		}
		num += strings.Repeat("#", 4-places)
	}
	code := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, k.currency)
	format := num
	if code != "" {
		format = fmt.Sprintf(`%s "%s";-%s "%s"`, num, code, num, code)
	}
	id, err := x.file.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	x.money[k] = id
	return id, nil
}

// Close adds the autofilter, finishes the sheet and zips the workbook to
// the output.
func (x *XLSX) Close() error {
	defer x.file.Close() // removes the StreamWriter's temporary file
	last, _ := excelize.CoordinatesToCellName(len(x.cols), x.row)
	if err := x.file.AutoFilter(SheetName, "A1:"+last, nil); err != nil {
		return fmt.Errorf("export: xlsx: autofilter: %w", err)
	}
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	zw := &dimensionZip{Writer: zip.NewWriter(x.out), ref: "A1:" + last}
	x.file.ZipWriter = func(io.Writer) excelize.ZipWriter { return zw }
	if err := x.file.Write(io.Discard); err != nil {
		return fmt.Errorf("export: xlsx: write: %w", err)
	}
	if !zw.fixed {
		return fmt.Errorf("export: xlsx: the worksheet's dimension element was not found")
	}
	return nil
}

// dimensionZip is the zip.Writer excelize writes the workbook through; it
// corrects the worksheet's dimension element on the way.
type dimensionZip struct {
	*zip.Writer
	ref   string
	fixed bool
}

func (z *dimensionZip) Create(name string) (io.Writer, error) {
	w, err := z.Writer.Create(name)
	if err != nil || !strings.HasPrefix(name, "xl/worksheets/sheet") {
		return w, err
	}
	return &dimensionFixer{w: w, z: z}, nil
}

func (z *dimensionZip) AddFS(fsys fs.FS) error { return z.Writer.AddFS(fsys) }

// dimensionFixer holds back the start of the sheet XML until the dimension
// element has passed, rewrites it, then streams the rest untouched.
type dimensionFixer struct {
	w    io.Writer
	z    *dimensionZip
	head []byte
	done bool
}

var dimensionRE = regexp.MustCompile(`<dimension ref="[^"]*"`)

// headLimit bounds the bytes held back: the dimension element comes right
// after the worksheet's opening tag and sheet properties.
const headLimit = 64 << 10

func (d *dimensionFixer) Write(p []byte) (int, error) {
	if d.done {
		return d.w.Write(p)
	}
	d.head = append(d.head, p...)
	end := bytes.Index(d.head, []byte("<sheetData"))
	if end < 0 && len(d.head) < headLimit {
		return len(p), nil
	}
	if end < 0 {
		end = len(d.head)
	}
	if loc := dimensionRE.FindIndex(d.head[:end]); loc != nil {
		fixed := append([]byte{}, d.head[:loc[0]]...)
		fixed = append(fixed, `<dimension ref="`+d.z.ref+`"`...)
		d.head = append(fixed, d.head[loc[1]:]...)
		d.z.fixed = true
	}
	d.done = true
	if _, err := d.w.Write(d.head); err != nil {
		return 0, err
	}
	d.head = nil
	return len(p), nil
}
