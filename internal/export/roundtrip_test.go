package export_test

import (
	"context"
	"encoding/csv"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/money"
)

// readCSV reads an exported CSV (BOM and all).
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "\ufeff") {
		t.Fatal("CSV has no UTF-8 byte-order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// sameValue compares a CSV cell with a spreadsheet's rendering of it:
// numbers by value (ignoring thousands separators and a currency code).
func sameValue(csvCell, sheetCell string) bool {
	if csvCell == sheetCell {
		return true
	}
	a, errA := money.Parse(csvCell)
	clean := strings.ReplaceAll(strings.TrimSpace(strings.TrimRight(sheetCell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ ")), ",", "")
	b, errB := money.Parse(clean)
	return errA == nil && errB == nil && a.Cmp(b) == 0
}

// TestXLSXOpensElsewhere checks the workbook against the CSV of the same
// rows: read back with excelize always, converted by LibreOffice and read
// by openpyxl (read-only, which trusts the dimension element) when installed.
func TestXLSXOpensElsewhere(t *testing.T) {
	fx := newFixture(t)
	f := may2024
	f.IncludeExported = true
	_, xlsxPath, err := fx.export(t, export.FormatXLSX, f)
	if err != nil {
		t.Fatal(err)
	}
	_, csvPath, err := fx.export(t, export.FormatCSV, f)
	if err != nil {
		t.Fatal(err)
	}
	want := readCSV(t, csvPath)

	t.Run("libreoffice", func(t *testing.T) {
		soffice, err := exec.LookPath("soffice")
		if err != nil {
			t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
		}
		out := t.TempDir()
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(t.TempDir()),
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, xlsxPath)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
		b, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(filepath.Base(xlsxPath), ".xlsx")+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		compareTables(t, want, got)
	})

	t.Run("openpyxl", func(t *testing.T) {
		// Debian's python3 first: a pyenv shim on PATH may lack Debian's modules.
		python := ""
		for _, p := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(p, "-c", "import openpyxl").Run() == nil {
				python = p
				break
			}
		}
		if python == "" {
			t.Skip("python3-openpyxl is not installed")
		}
		script := `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb[sys.argv[2]]
print(ws.max_row, ws.max_column, sum(1 for _ in ws.iter_rows()))`
		b, err := exec.Command(python, "-c", script, xlsxPath, export.SheetName).CombinedOutput()
		if err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, b)
		}
		fields := strings.Fields(string(b))
		wantRows, wantCols := strconv.Itoa(len(want)), strconv.Itoa(len(want[0]))
		if len(fields) != 3 || fields[0] != wantRows || fields[1] != wantCols || fields[2] != wantRows {
			t.Fatalf("openpyxl read-only sees rows, columns, iterated rows = %v; want %s %s %s", fields, wantRows, wantCols, wantRows)
		}
	})
}

func compareTables(t *testing.T, want, got [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	bad := 0
	for i := range want {
		for j := range want[i] {
			g := ""
			if j < len(got[i]) {
				g = got[i][j]
			}
			if !sameValue(want[i][j], g) {
				if bad++; bad <= 10 {
					t.Errorf("row %d %s: %q, want %q", i+1, want[0][j], g, want[i][j])
				}
			}
		}
	}
}

type sageDoc struct {
	Customers []struct {
		ID   int64  `xml:"Id"`
		Name string `xml:"CompanyName"`
	} `xml:"Customers>Customer"`
	Invoices []struct {
		Number string `xml:"InvoiceNumber"`
		Type   string `xml:"InvoiceType"`
		Items  []struct {
			Net string `xml:"TotalNet"`
		} `xml:"InvoiceItems>Item"`
	} `xml:"Invoices>Invoice"`
}

func TestSageXMLParses(t *testing.T) {
	fx := newFixture(t)
	res, path, err := fx.export(t, export.FormatSageXML, may2024)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc sageDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	items, credits := 0, 0
	for _, inv := range doc.Invoices {
		items += len(inv.Items)
		if inv.Type == "ServiceCredit" {
			credits++
		}
	}
	if items != res.Batch.RowCount || len(doc.Customers) == 0 || credits == 0 {
		t.Fatalf("parsed %d customers, %d invoices, %d items (%d credits); batch has %d rows",
			len(doc.Customers), len(doc.Invoices), items, credits, res.Batch.RowCount)
	}
}

// TestIIFBalances parses the IIF: headers first, and every TRNS block sums to zero.
func TestIIFBalances(t *testing.T) {
	fx := newFixture(t)
	_, path, err := fx.export(t, export.FormatIIF, may2024)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	if !strings.HasPrefix(lines[0], "!TRNS\t") || !strings.HasPrefix(lines[1], "!SPL\t") || lines[2] != "!ENDTRNS" {
		t.Fatalf("headers = %q", lines[:3])
	}
	cols := strings.Split(lines[1], "\t")
	amountCol := 6
	if cols[amountCol] != "AMOUNT" {
		t.Fatalf("AMOUNT is not column %d: %v", amountCol, cols)
	}
	var sum money.Decimal
	blocks, open := 0, false
	for i, l := range lines[3:] {
		f := strings.Split(l, "\t")
		switch f[0] {
		case "TRNS":
			if open {
				t.Fatalf("line %d: TRNS inside a block", i+4)
			}
			open, sum = true, money.Zero
			fallthrough
		case "SPL":
			if len(f) != len(cols) && f[0] == "SPL" {
				t.Fatalf("line %d has %d fields, want %d", i+4, len(f), len(cols))
			}
			sum = sum.Add(money.MustParse(f[amountCol]))
		case "ENDTRNS":
			if !sum.IsZero() {
				t.Fatalf("block %d does not balance: %s", blocks+1, sum)
			}
			open = false
			blocks++
		default:
			t.Fatalf("line %d: unexpected %q", i+4, f[0])
		}
	}
	if open || blocks == 0 {
		t.Fatalf("%d blocks, last open=%v", blocks, open)
	}
}

// TestHistory: a second export finds nothing new; deleting the batch frees
// its items again, and only them.
func TestHistory(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	first, _, err := fx.export(t, export.FormatCSV, may2024)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := fx.export(t, export.FormatCSV, may2024); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("second export: %v, want nothing to export", err)
	}
	sel, err := fx.svc.Select(ctx, fx.profile, export.FormatCSV, may2024, fx.src)
	if err != nil || len(sel.Rows) != 0 || sel.Skipped != first.Batch.RowCount {
		t.Fatalf("selection after export: %d rows, %d skipped, %v", len(sel.Rows), sel.Skipped, err)
	}
	// Asked for explicitly, exported items come back.
	again := may2024
	again.IncludeExported = true
	if sel, _ := fx.svc.Select(ctx, fx.profile, export.FormatCSV, again, fx.src); len(sel.Rows) != first.Batch.RowCount {
		t.Fatalf("include exported: %d rows", len(sel.Rows))
	}
	if err := fx.store.DeleteExportBatch(ctx, first.Batch.ID); err != nil {
		t.Fatal(err)
	}
	second, _, err := fx.export(t, export.FormatCSV, may2024)
	if err != nil {
		t.Fatal(err)
	}
	if second.Batch.RowCount != first.Batch.RowCount || second.Batch.SHA256 != first.Batch.SHA256 {
		t.Fatalf("after delete: %d rows (sha %s), want %d (sha %s)", second.Batch.RowCount, second.Batch.SHA256, first.Batch.RowCount, first.Batch.SHA256)
	}
}
