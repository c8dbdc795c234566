package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/money"
)

// ledgerRows are the generated month's invoiced rows (credits, six
// currencies and 4-decimal quantities among them), as a ledger export selects them.
func ledgerRows(t *testing.T, keep func(*export.Row) bool) []*export.Row {
	t.Helper()
	fx := newFixture(t)
	f := may2024
	f.IncludeExported = true
	sel, err := fx.svc.Select(context.Background(), fx.profile, export.FormatSage50CSV, f, fx.src)
	if err != nil {
		t.Fatal(err)
	}
	var out []*export.Row
	for _, r := range sel.Rows {
		// An invoice Autotask has not numbered yet blocks every ledger file
		// (TestLedgerProblems); the user waits for it, as these rows do.
		if r.Invoice.Number != "" && (keep == nil || keep(r)) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		t.Fatal("no invoiced rows in the generated month")
	}
	return out
}

// mapFor maps every tax pair of rows to a code of format f, in sorted order
// of the pairs: zero-rated pairs to the ledger's zero code.
func mapFor(rows []*export.Row, f export.Format) export.LedgerMap {
	m := export.LedgerMap{Tax: map[export.TaxNames]string{}, DueDays: 30, SalesTaxAccount: "23100"}
	rate := map[export.TaxNames]money.Decimal{}
	for _, r := range rows {
		k := export.TaxNames{Region: r.TaxRegion, Category: r.TaxCategory}
		if !r.TaxDollars.IsZero() || rate[k].IsZero() {
			rate[k] = r.TaxRate
		}
	}
	keys := make([]export.TaxNames, 0, len(rate))
	for k := range rate {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Region+keys[i].Category < keys[j].Region+keys[j].Category })
	for i, k := range keys {
		zero := rate[k].IsZero()
		switch f {
		case export.FormatSage50CSV:
			m.Tax[k] = "T" + strconv.Itoa(10+i)
			if zero {
				m.Tax[k] = "T0"
			}
		case export.FormatXeroCSV:
			m.Tax[k] = fmt.Sprintf("%s%% (%s)", rate[k], k.Region)
		case export.FormatQBOCSV:
			m.Tax[k] = "TAX"
			if zero {
				m.Tax[k] = "NON"
			}
		default:
			m.Tax[k] = strconv.Itoa(i + 1)
		}
	}
	return m
}

func writeLedger(t *testing.T, f export.Format, rows []*export.Row, m export.LedgerMap) ([]byte, *export.LedgerWriter, error) {
	t.Helper()
	var b bytes.Buffer
	w, err := export.NewWriter(f, &b, export.Meta{Ledger: &m})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	err = w.Close()
	return b.Bytes(), w.(*export.LedgerWriter), err
}

func noCredits(r *export.Row) bool { return !r.Invoice.Total.IsNegative() }

// TestLedgerGoldenAndRoundTrip writes each ledger format, compares it with
// its golden file, then reads it back with encoding/csv alone and
// recomputes each invoice's amounts against Autotask's.
func TestLedgerGoldenAndRoundTrip(t *testing.T) {
	for _, f := range export.LedgerFormats() {
		t.Run(string(f), func(t *testing.T) {
			var keep func(*export.Row) bool
			if f == export.FormatQBOCSV {
				keep = noCredits // QBO's invoice import takes no credits (TestLedgerProblems)
			}
			rows := ledgerRows(t, keep)
			b, w, err := writeLedger(t, f, rows, mapFor(rows, f))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, string(f)+".golden", b)
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			totals, _, _ := w.Summary()
			roundTrip(t, f, recs, rows, totals)
		})
	}
}

// autotaskInvoice is what Autotask says of one invoice, from the rows.
type autotaskInvoice struct {
	net, gross money.Decimal
	cur        money.Currency
	credit     bool
}

func autotaskInvoices(rows []*export.Row) map[string]*autotaskInvoice {
	out := map[string]*autotaskInvoice{}
	for _, r := range rows {
		a, ok := out[r.Invoice.Number]
		cur := money.Currency(r.Currency)
		if !ok {
			a = &autotaskInvoice{cur: cur, gross: money.RoundAmount(r.Invoice.Total, cur), credit: r.Invoice.Total.IsNegative()}
			out[r.Invoice.Number] = a
		}
		a.net = a.net.Add(money.RoundAmount(r.ExtendedPrice, cur))
	}
	return out
}

func roundTrip(t *testing.T, f export.Format, recs [][]string, rows []*export.Row, totals export.LedgerTotals) {
	t.Helper()
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	num := func(rec []string, name string) money.Decimal {
		i, ok := col[name]
		if !ok {
			t.Fatalf("no column %q in %v", name, recs[0])
		}
		d, err := money.Parse(rec[i])
		if err != nil {
			t.Fatalf("%s %q: %v", name, rec[i], err)
		}
		return d
	}
	want := autotaskInvoices(rows)
	net, gross := map[string]money.Decimal{}, map[string]money.Decimal{}
	credits := 0
	for _, rec := range recs[1:] {
		switch f {
		case export.FormatSage50CSV:
			if len(rec) != 15 {
				t.Fatalf("%d columns, want Sage's 15", len(rec))
			}
			ref, sign := rec[col["Reference"]], money.FromInt(1)
			if rec[0] == "SC" {
				sign = money.FromInt(-1)
				credits++
			}
			n := num(rec, "Net Amount").Mul(sign)
			net[ref] = net[ref].Add(n)
			gross[ref] = gross[ref].Add(n).Add(num(rec, "Tax Amount").Mul(sign))
		case export.FormatXeroCSV:
			ref := rec[col["InvoiceNumber"]]
			cur := money.Currency(rec[col["Currency"]])
			line := num(rec, "Quantity").Mul(num(rec, "UnitAmount")).Round(cur.MinorUnits())
			if line.IsNegative() && want[ref].credit {
				credits++
			}
			net[ref] = net[ref].Add(line)
		case export.FormatQBOCSV:
			ref := rec[col["Invoice number"]]
			net[ref] = net[ref].Add(num(rec, "Item Amount"))
		case export.FormatSage50USCSV:
			ref := rec[col["Invoice/CM #"]]
			gross[ref] = gross[ref].Sub(num(rec, "Amount"))
			if rec[col["Description"]] != "Sales tax" {
				net[ref] = net[ref].Sub(num(rec, "Amount"))
			}
		}
	}
	if f == export.FormatSage50USCSV {
		distributionCounts(t, recs, col)
	}
	if len(net) != len(want) {
		t.Fatalf("%d invoices in the file, Autotask has %d", len(net), len(want))
	}
	differences := strings.Join(totals.Differences, "\n")
	for number, a := range want {
		if !net[number].Equal(a.net) {
			t.Errorf("invoice %s: net %s in the file, Autotask %s", number, net[number], a.net)
		}
		if g, ok := gross[number]; ok && !g.Equal(a.gross) && !strings.Contains(differences, "Invoice "+number+":") {
			t.Errorf("invoice %s: gross %s in the file, Autotask %s, and the difference is not named", number, g, a.gross)
		}
	}
	if f != export.FormatQBOCSV && f != export.FormatSage50USCSV && credits == 0 {
		t.Error("the file has no credit")
	}
	if totals.Documents != len(want) || len(totals.ByCurrency) < 3 {
		t.Errorf("totals = %+v", totals)
	}
}

// distributionCounts checks each row's Number of Distributions equals the
// rows of its invoice.
func distributionCounts(t *testing.T, recs [][]string, col map[string]int) {
	t.Helper()
	rows := map[string]int{}
	for _, rec := range recs[1:] {
		rows[rec[col["Invoice/CM #"]]]++
	}
	for _, rec := range recs[1:] {
		if n, _ := strconv.Atoi(rec[col["Number of Distributions"]]); n != rows[rec[col["Invoice/CM #"]]] {
			t.Fatalf("invoice %s says %d distributions, has %d", rec[col["Invoice/CM #"]], n, rows[rec[col["Invoice/CM #"]]])
		}
	}
}
