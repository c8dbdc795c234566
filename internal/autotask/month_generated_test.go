package autotask_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
)

// generatedMonth is the benchmark's data: 500 invoices and about 10,000
// invoiced items of a generated MSP month (May 2024, the generator's default).
func generatedMonth() (autotasksim.Dataset, time.Time, time.Time) {
	data := generate.Month(generate.Options{Seed: 7, Companies: 120, Invoices: 500, ItemsPerInvoice: 20})
	from := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	return data, from, from.AddDate(0, 1, 0)
}

// minRequestsFor applies minRequests' formula to an actual data set: it
// counts the invoices in the window, their items per chunk of 500 invoice ids
// (in the id order QueryIn sends), their distinct companies and the rows of
// each lookup table.
func minRequestsFor(t testing.TB, data autotasksim.Dataset, from, to time.Time) (min, invoices, items int) {
	num := func(v any) int64 {
		n, _ := v.(json.Number).Int64()
		return n
	}
	var invIDs []int64
	companies := map[int64]bool{}
	for _, r := range data[autotask.EntityInvoices] {
		d, err := autotask.ParseTime(r["invoiceDateTime"].(string))
		if err != nil {
			t.Fatal(err)
		}
		if !d.Before(from) && d.Before(to) {
			invIDs = append(invIDs, num(r["id"]))
			if r["companyID"] != nil {
				companies[num(r["companyID"])] = true
			}
		}
	}
	slices.Sort(invIDs)
	chunkOf := map[int64]int{}
	for i, id := range invIDs {
		chunkOf[id] = i / 500
	}
	perChunk := map[int]int{}
	for _, r := range data[autotask.EntityBillingItems] {
		if r["invoiceID"] == nil {
			continue
		}
		if ch, ok := chunkOf[num(r["invoiceID"])]; ok {
			perChunk[ch]++
			items++
		}
	}
	min = max(1, ceilDiv(len(invIDs), 500))
	for _, n := range perChunk {
		min += max(1, ceilDiv(n, 500))
	}
	if len(companies) > 0 {
		min += ceilDiv(len(companies), 500)
	}
	for e := range lookupSizes {
		min += max(1, ceilDiv(len(data[e]), 500))
	}
	return min, len(invIDs), items
}

func TestReadGeneratedMonthUsesMinimumRequests(t *testing.T) {
	data, from, to := generatedMonth()
	want, invoices, items := minRequestsFor(t, data, from, to)
	s := startSim(t, data, nil)
	counter := httpx.NewCounter()
	c := connectSim(t, s, simHTTP(counter))
	counter.Reset()
	r, err := readMonth(context.Background(), c, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.invoices) != invoices || r.items != items || invoices != 500 || items < 9000 {
		t.Fatalf("read %d invoices and %d items; the data has %d and %d", len(r.invoices), r.items, invoices, items)
	}
	if got := int(counter.Total()); got != want {
		t.Fatalf("%d requests, the minimum is %d: %v", got, want, counter.Snapshot())
	}
	t.Logf("%d invoices, %d items: %d requests (minimum %d)", invoices, items, counter.Total(), want)
}
