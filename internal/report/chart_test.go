package report_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/report"
	"github.com/billbridge/billbridge/internal/store"
)

func entry(id int64, state, date, customer, cur, total, paid string, kind ledger.DocKind) store.JournalEntry {
	d, _ := time.Parse(time.DateOnly, date)
	payload, _ := json.Marshal(ledger.Document{Kind: kind, CustomerID: customer, Date: d, Currency: money.Currency(cur)})
	return store.JournalEntry{AutotaskInvoiceID: id, State: state, Total: money.MustParse(total), AmountPaid: money.MustParse(paid), Payload: string(payload)}
}

func TestBuild(t *testing.T) {
	inv, cn := ledger.KindInvoice, ledger.KindCreditNote
	entries := []store.JournalEntry{
		entry(1, store.JournalWrittenBack, "2024-05-03", "C1", "USD", "100.00", "100.00", inv),
		entry(2, store.JournalSent, "2024-05-20", "C2", "USD", "50.25", "0", inv),
		entry(3, store.JournalFailed, "2024-05-21", "C2", "USD", "10.00", "0", inv),
		entry(4, store.JournalWrittenBack, "2024-03-09", "C1", "USD", "20.00", "5.00", cn),
		entry(5, store.JournalVoided, "2024-05-01", "C1", "USD", "999.00", "0", inv),
		entry(6, store.JournalSent, "2024-05-02", "E1", "EUR", "70.00", "0", inv),
		entry(7, store.JournalSent, "2022-01-31", "C3", "USD", "5.00", "0", inv),
		{AutotaskInvoiceID: 8, State: store.JournalSent, Total: money.MustParse("1")}, // found in the ledger: no document
	}
	c := report.Build(entries, 3, 1)
	if c.Currency != "USD" || len(c.Currencies) != 2 || c.Currencies[1] != "EUR" {
		t.Fatalf("currency %q of %v", c.Currency, c.Currencies)
	}
	// Left out: the EUR invoice, the 2022 one, the one without a document.
	if c.Invoices != 4 || c.LeftOut != 3 {
		t.Fatalf("invoices %d, left out %d", c.Invoices, c.LeftOut)
	}
	months := []struct{ key, billed, synced, paid string }{
		{"2024-03", "-20.00", "-20.00", "-5.00"},
		{"2024-04", "0", "0", "0"},
		{"2024-05", "160.25", "150.25", "100.00"},
	}
	if len(c.Months) != len(months) {
		t.Fatalf("months = %+v", c.Months)
	}
	for i, want := range months {
		got := c.Months[i]
		if got.Key != want.key || !got.Billed.Equal(money.MustParse(want.billed)) || !got.Synced.Equal(money.MustParse(want.synced)) || !got.Paid.Equal(money.MustParse(want.paid)) {
			t.Errorf("month %d = %s %s/%s/%s, want %+v", i, got.Key, got.Billed, got.Synced, got.Paid, want)
		}
	}
	// The top customer by billed: C1 (100 - 20 = 80) before C2 (60.25).
	if len(c.Customers) != 1 || c.Customers[0].Key != "C1" || !c.Customers[0].Billed.Equal(money.MustParse("80")) || c.Others != 1 {
		t.Fatalf("customers = %+v, others %d", c.Customers, c.Others)
	}
}

func TestBuildEmpty(t *testing.T) {
	c := report.Build(nil, 12, 8)
	if c.Currency != "" || len(c.Months) != 0 || len(c.Customers) != 0 {
		t.Fatalf("empty chart = %+v", c)
	}
}
