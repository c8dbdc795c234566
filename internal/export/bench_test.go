package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/money"
)

var (
	benchAccounts = func() []*export.Account {
		out := make([]*export.Account, 50)
		for i := range out {
			cur := []string{"USD", "EUR", "GBP", "JPY"}[i%4]
			out[i] = &export.Account{ID: int64(i + 1), Name: fmt.Sprintf("Customer %d GmbH & Co. KG", i+1), Number: fmt.Sprintf("C%05d", i+1), Currency: cur}
		}
		return out
	}()
)

// sampleRow builds a realistic row without Autotask; rows of 20 share an invoice.
func sampleRow(i int) export.Row {
	a := benchAccounts[(i/20)%len(benchAccounts)]
	day := time.Date(2024, 5, 1+i%28, 0, 0, 0, 0, time.UTC)
	inv := &export.Invoice{ID: int64(i/20 + 1), Number: fmt.Sprint(24000 + i/20), Date: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), ExchangeRate: money.FromInt(1)}
	qty := money.New(int64(25+i%700), 2)
	rate := money.New(12500, 2)
	ext := qty.Mul(rate).Round(4)
	tax := ext.Mul(money.New(8, 2)).Round(2)
	return export.Row{ItemID: int64(1_000_000 + i), Account: a, Invoice: inv, ItemDate: day, PostedDate: day.AddDate(0, 0, 1),
		BillingCode: "Remote Support", BillingCodeExternal: "4000-RS", GLAccount: "4000", BillingCodeType: "Work Type",
		ItemType: "Labor", SubType: "Ticket Time", ItemName: fmt.Sprintf("T20240501.%04d - Outlook keeps asking for password", i%10000),
		Description: "Investigated sign-in failures; updated policy (Müller, 田中)", ApprovedBy: "Dana Scully", RoleID: 29683461,
		TicketID: int64(40000 + i%9000), Quantity: qty, Rate: rate, ExtendedPrice: ext, TaxDollars: tax, TotalAmount: ext.Add(tax),
		InternalRate: rate, InternalExtendedPrice: ext, InternalTaxDollars: tax, InternalTotalAmount: ext.Add(tax),
		TaxRegion: "New York", TaxCategory: "Labor", TaxRate: money.New(8, 0), Currency: a.Currency, InternalCurrency: "USD"}
}

// peakHeap samples HeapInuse every few milliseconds until stop is called.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak.Load() }
}

// BenchmarkExport1M streams 1,000,000 rows to each format, generating rows
// on the fly so only the writer's memory is measured, and reports rows/s and
// the peak heap in use. Run: go test -run '^$' -bench Export1M -benchtime 1x ./internal/export/
func BenchmarkExport1M(b *testing.B) {
	const rows = 1_000_000
	for _, format := range export.Formats() {
		b.Run(string(format), func(b *testing.B) {
			for n := 0; n < b.N; n++ {
				path := filepath.Join(b.TempDir(), "bench"+format.Extension())
				runtime.GC()
				stop := peakHeap()
				start := time.Now()
				_, err := export.WriteAtomic(path, func(f *os.File) error {
					w, err := export.NewWriter(format, f, export.Meta{Accounts: benchAccounts, Rows: rows})
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
