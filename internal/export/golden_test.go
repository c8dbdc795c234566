package export_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/billbridge/billbridge/internal/export"
)

// TestGoldenFiles exports the generated month in every format and compares
// the files byte for byte (the workbook as a dump of its cells, number
// formats included, since zip bytes are not the point).
func TestGoldenFiles(t *testing.T) {
	for _, format := range export.Formats() {
		t.Run(string(format), func(t *testing.T) {
			fx := newFixture(t)
			res, path, err := fx.export(t, format, may2024)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if format == export.FormatXLSX {
				b = dumpXLSX(t, path)
			}
			golden(t, string(format)+".golden", b)
			text := string(b)
			// The month holds customers billed in other currencies and credits.
			wants := map[export.Format][]string{
				export.FormatCSV:     {"EUR", "GBP", "JPY", "Credit", "Café Crème Holdings", "Internal Currency Total Tax"},
				export.FormatXLSX:    {"EUR", "GBP", "JPY", "Credit", "Café Crème Holdings", "Internal Currency Total Tax"},
				export.FormatSageXML: {"EUR", "GBP", "ServiceCredit", "Café Crème Holdings"},
				export.FormatIIF:     {"CREDIT MEMO", "Café Crème Holdings"},
			}
			for _, want := range wants[format] {
				if !strings.Contains(text, want) {
					t.Errorf("%s output has no %q", format, want)
				}
			}
			if res.Batch.RowCount == 0 || len(res.Totals.ByCurrency) < 3 {
				t.Errorf("result = %+v", res)
			}
		})
	}
}

// dumpXLSX lists every cell with its raw value and number format, plus the
// sheet's frozen pane and autofilter.
func dumpXLSX(t *testing.T, path string) []byte {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	panes, _ := f.GetPanes(export.SheetName)
	fmt.Fprintf(&b, "panes: freeze=%v ySplit=%d topLeft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
	rows, err := f.Rows(export.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range cols {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, n)
			style, _ := f.GetCellStyle(export.SheetName, cell)
			st, _ := f.GetStyle(style)
			format := ""
			if st != nil && st.CustomNumFmt != nil {
				format = *st.CustomNumFmt
			}
			typ, _ := f.GetCellType(export.SheetName, cell)
			fmt.Fprintf(&b, "%s\t%d\t%q\t%s\n", cell, typ, v, format)
		}
	}
	return b.Bytes()
}
