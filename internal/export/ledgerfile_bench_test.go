package export_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/export"
)

// BenchmarkLedgerExport1M streams 1,000,000 rows (50,000 invoices of 20) to
// each ledger import format, as BenchmarkExport1M does for the others. Run:
// go test -run '^$' -bench LedgerExport1M -benchtime 1x ./internal/export/
func BenchmarkLedgerExport1M(b *testing.B) {
	const rows = 1_000_000
	m := export.LedgerMap{Tax: map[export.TaxNames]string{{Region: "New York", Category: "Labor"}: "T1"}, SalesTaxAccount: "23100", DueDays: 30}
	for _, format := range export.LedgerFormats() {
		b.Run(string(format), func(b *testing.B) {
			for n := 0; n < b.N; n++ {
				path := filepath.Join(b.TempDir(), "bench"+format.Extension())
				runtime.GC()
				stop := peakHeap()
				start := time.Now()
				_, err := export.WriteAtomic(path, func(f *os.File) error {
					w, err := export.NewWriter(format, f, export.Meta{Ledger: &m, Rows: rows})
					if err != nil {
						return err
					}
					for i := 0; i < rows; i++ {
						r := sampleRow(i)
						if err := w.Write(&r); err != nil {
							return err
						}
					}
					return w.Close()
				})
				took := time.Since(start)
				peak := stop()
				if err != nil {
					b.Fatal(err)
				}
				st, _ := os.Stat(path)
				b.ReportMetric(float64(rows)/took.Seconds(), "rows/s")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
			}
		})
	}
}
