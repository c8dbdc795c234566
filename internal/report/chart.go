// Package report sums what the sync journal knows into the Dashboard's
// chart: billed vs synced vs paid, per month and per customer.
//
// Rules:
//   - Only the journal is read: every Autotask invoice a sync has taken up,
//     with the document as sent (its date, currency and ledger customer),
//     its total, and the payments read back from the ledger. Invoices a
//     preview blocked never reach the journal, so they are not in "billed".
//   - Billed is every such invoice that is not voided; synced is the part in
//     the ledger (sent or written back); paid is what the ledger says was
//     paid or credited on those. Credit notes count negative.
//   - A month is the invoice's own date, so the three bars of a month are
//     the same invoices at three stages.
//   - Amounts of different currencies are never added: one currency is
//     charted (the one with the most invoices) and the rest are counted.
package report

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Totals are one bar group's three amounts.
type Totals struct {
	Billed, Synced, Paid money.Decimal
}

func (t *Totals) add(o Totals) {
	t.Billed, t.Synced, t.Paid = t.Billed.Add(o.Billed), t.Synced.Add(o.Synced), t.Paid.Add(o.Paid)
}

// Bar is one group of the chart: a month ("2024-05") or a ledger customer id.
type Bar struct {
	Key string
	Totals
	Invoices int
}

// Chart is the chart of one currency.
type Chart struct {
	Currency   money.Currency
	Currencies []money.Currency // every currency seen, most invoices first
	Invoices   int              // charted
	LeftOut    int              // in other currencies, or without a document
	Months     []Bar            // oldest first, no gaps
	Customers  []Bar            // most billed first
	Others     int              // customers beyond the top ones
}

// entry is one journal row with its document read.
type entry struct {
	month    string
	customer string
	currency money.Currency
	Totals
}

// Build sums entries into the chart of the last months months (ending at
// the newest invoice's month) and the top customers over the same months.
func Build(entries []store.JournalEntry, months, top int) Chart {
	var c Chart
	var list []entry
	count := map[money.Currency]int{}
	for _, j := range entries {
		e, ok := read(j)
		if !ok {
			if j.State != store.JournalVoided {
				c.LeftOut++
			}
			continue
		}
		list = append(list, e)
		count[e.currency]++
	}
	for cur := range count {
		c.Currencies = append(c.Currencies, cur)
	}
	sort.Slice(c.Currencies, func(i, k int) bool {
		a, b := c.Currencies[i], c.Currencies[k]
		return count[a] > count[b] || (count[a] == count[b] && a < b)
	})
	if len(c.Currencies) == 0 {
		return c
	}
	c.Currency = c.Currencies[0]
	last := ""
	for _, e := range list {
		if e.currency == c.Currency && e.month > last {
			last = e.month
		}
	}
	keys := monthsEnding(last, months)
	first := keys[0]
	byMonth := map[string]*Bar{}
	for _, k := range keys {
		c.Months = append(c.Months, Bar{Key: k})
	}
	for i := range c.Months {
		byMonth[c.Months[i].Key] = &c.Months[i]
	}
	byCustomer := map[string]*Bar{}
	for _, e := range list {
		if e.currency != c.Currency || e.month < first {
			c.LeftOut++
			continue
		}
		c.Invoices++
		m := byMonth[e.month]
		m.add(e.Totals)
		m.Invoices++
		b := byCustomer[e.customer]
		if b == nil {
			b = &Bar{Key: e.customer}
			byCustomer[e.customer] = b
		}
		b.add(e.Totals)
		b.Invoices++
	}
	for _, b := range byCustomer {
		c.Customers = append(c.Customers, *b)
	}
	sort.Slice(c.Customers, func(i, k int) bool {
		a, b := c.Customers[i], c.Customers[k]
		if d := a.Billed.Abs().Cmp(b.Billed.Abs()); d != 0 {
			return d > 0
		}
		return a.Key < b.Key
	})
	if len(c.Customers) > top {
		c.Others = len(c.Customers) - top
		c.Customers = c.Customers[:top]
	}
	return c
}

// read takes the month, customer and currency from the document as sent;
// a row without one (found in the ledger by a manual copy) is left out.
func read(j store.JournalEntry) (entry, bool) {
	if j.State == store.JournalVoided || j.Payload == "" {
		return entry{}, false
	}
	var doc ledger.Document
	if err := json.Unmarshal([]byte(j.Payload), &doc); err != nil || doc.Date.IsZero() || doc.Currency == "" {
		return entry{}, false
	}
	sign := money.FromInt(1)
	if doc.Kind == ledger.KindCreditNote && !j.Total.IsNegative() {
		sign = money.FromInt(-1)
	}
	e := entry{month: doc.Date.UTC().Format("2006-01"), customer: doc.CustomerID, currency: doc.Currency,
		Totals: Totals{Billed: j.Total.Mul(sign), Synced: money.Zero, Paid: money.Zero}}
	if j.State == store.JournalSent || j.State == store.JournalWrittenBack {
		e.Synced = e.Billed
		e.Paid = j.AmountPaid.Abs().Mul(sign)
	}
	return e, true
}

// monthsEnding lists n months ("2006-01") ending at last, oldest first.
func monthsEnding(last string, n int) []string {
	end, err := time.Parse("2006-01", last)
	if err != nil || n < 1 {
		return []string{last}
	}
	out := make([]string, n)
	for i := range n {
		out[i] = end.AddDate(0, i-n+1, 0).Format("2006-01")
	}
	return out
}
