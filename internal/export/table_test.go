package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/export"
)

var listTable = export.Table{
	Sheet:   "Preview: May/June [draft]",
	Columns: []string{"Invoice", "Customer", "Total", "Note"},
	Rows: [][]string{
		{"00123", "=HYPERLINK(\"http://x\")", "-12.50", "-discount"},
		{"INV-2", "Bäckerei Müller", "1234.5", ""},
		{"7", "@evil", "0.10", "+1"},
	},
}

func TestWriteTableCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteTableCSV(&buf, listTable); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "\ufeff") || !strings.Contains(buf.String(), "\r\n") {
		t.Fatalf("no BOM or CRLF: %q", buf.String()[:20])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Invoice", "Customer", "Total", "Note"},
		{"00123", "'=HYPERLINK(\"http://x\")", "-12.50", "'-discount"},
		{"INV-2", "Bäckerei Müller", "1234.5", ""},
		{"7", "'@evil", "0.10", "'+1"},
	}
	for i := range want {
		for k := range want[i] {
			if recs[i][k] != want[i][k] {
				t.Errorf("row %d col %d = %q, want %q", i, k, recs[i][k], want[i][k])
			}
		}
	}
}

func TestWriteTableXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteTableXLSX(&buf, listTable); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Preview_ May_June _draft_" {
		t.Errorf("sheet name = %q", sheet)
	}
	tests := []struct {
		cell, value string
		kind        excelize.CellType
	}{
		{"A1", "Invoice", excelize.CellTypeSharedString},
		{"A2", "00123", excelize.CellTypeSharedString}, // leading zero: text
		{"A4", "7", excelize.CellTypeNumber},
		{"B2", "'=HYPERLINK(\"http://x\")", excelize.CellTypeSharedString},
		{"C2", "-12.5", excelize.CellTypeNumber},
		{"D2", "'-discount", excelize.CellTypeSharedString},
		{"B3", "Bäckerei Müller", excelize.CellTypeSharedString},
	}
	for _, tt := range tests {
		v, err := f.GetCellValue(sheet, tt.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		kind, _ := f.GetCellType(sheet, tt.cell)
		// A number cell carries no type attribute; text is shared or inline.
		same := kind == tt.kind || (tt.kind == excelize.CellTypeNumber && kind == excelize.CellTypeUnset) ||
			(tt.kind == excelize.CellTypeSharedString && kind == excelize.CellTypeInlineString)
		if v != tt.value || !same {
			t.Errorf("%s = %q (type %v), want %q (type %v)", tt.cell, v, kind, tt.value, tt.kind)
		}
	}
	if formula, _ := f.GetCellFormula(sheet, "B2"); formula != "" {
		t.Errorf("B2 is a formula: %q", formula)
	}
}

func TestTableCheck(t *testing.T) {
	tests := []struct {
		name string
		t    export.Table
		ok   bool
	}{
		{"fine", listTable, true},
		{"no rows", export.Table{Columns: []string{"A"}}, true},
		{"no columns", export.Table{}, false},
		{"ragged", export.Table{Columns: []string{"A", "B"}, Rows: [][]string{{"1"}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.t.Check()
			if (err == nil) != tt.ok {
				t.Fatalf("Check = %v", err)
			}
			if err != nil && apperr.Public(err).Fix == "" {
				t.Fatalf("no fix: %v", err)
			}
		})
	}
}
