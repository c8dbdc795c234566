// Package generate builds a deterministic, seeded month of MSP billing data
// in the simulator's Dataset format: companies across countries, currencies
// and tax regions, and invoices whose billing items cover every shape the
// sync and the exports must handle (time, products, recurring services,
// block hours, retainers, milestones, setup fees, expenses, shipping,
// surcharges, credits, zero, voided and half-processed invoices).
//
// Money is computed with money.Decimal, never float64; invoice totals are
// the exact sum of their items' totalAmount except for the one invoice
// Autotask is still processing. The same Options give byte-identical JSON.
package generate

import (
	"encoding/json"
	"math/rand/v2"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// Options size the month. Zero values take the defaults shown.
type Options struct {
	Seed            int64
	Companies       int       // customers; default 40
	Invoices        int       // default 120
	ItemsPerInvoice int       // average billing items per invoice; default 12
	Month           time.Time // any time in the month; default May 2024
	// UninvoicedShare is the share of extra posted items that are not yet on
	// an invoice (invoiceID 0); default 0.05.
	UninvoicedShare float64
}

func (o Options) withDefaults() Options {
	if o.Companies <= 0 {
		o.Companies = 40
	}
	if o.Invoices <= 0 {
		o.Invoices = 120
	}
	if o.ItemsPerInvoice <= 0 {
		o.ItemsPerInvoice = 12
	}
	if o.Month.IsZero() {
		o.Month = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	}
	o.Month = time.Date(o.Month.Year(), o.Month.Month(), 1, 0, 0, 0, 0, time.UTC)
	if o.UninvoicedShare <= 0 {
		o.UninvoicedShare = 0.05
	}
	return o
}

// gen carries the state of one generation run. Everything is appended in a
// fixed order and no map is iterated, so output depends only on Options.
type gen struct {
	opts  Options
	rng   *rand.Rand
	d     autotasksim.Dataset
	ids   map[string]int64
	start time.Time // first day of the month
	end   time.Time // last day of the month

	ref       refs
	companies []company
	reports   []expenseReport
	reportOf  map[int64]int // resource id → index in reports
}

// Month generates the data set for one month.
func Month(opts Options) autotasksim.Dataset {
	opts = opts.withDefaults()
	g := &gen{
		opts:     opts,
		rng:      rand.New(rand.NewPCG(uint64(opts.Seed), 0x5eed)),
		d:        autotasksim.Dataset{},
		reportOf: map[int64]int{},
		start:    opts.Month,
		end:      opts.Month.AddDate(0, 1, -1),
		ids: map[string]int64{
			"Companies": 29683100, "Contacts": 29690000, "CompanyLocations": 1000, "Contracts": 29684500,
			"ContractServices": 150, "Invoices": 8400, "BillingItems": 1200000, "ExpenseReports": 500,
			"ExpenseItems": 2400, "PurchaseOrders": 700, "PurchaseOrderItems": 3000,
			"PurchaseOrderItemReceiving": 9000, "InventoryItems": 400, "InventoryLocations": 10, "InventoryTransfers": 700,
			"Products": 29682950, "BillingCodes": 29682800, "Resources": 29682890,
			"TaxRegions": 100, "TaxCategories": 10, "Taxes": 200, "Currencies": 1, "Countries": 1,
			"PaymentTerms": 1, "OrganizationalLevel1s": 1, "OrganizationalLevel2s": 1,
			"OrganizationalLevelAssociations": 1,
		},
	}
	g.references()
	g.makeCompanies()
	g.makeInvoices()
	g.makeProcurement()
	g.expenseExtras()
	g.inventoryMoves()
	return g.d
}

// next returns the next id of an entity.
func (g *gen) next(entity string) int64 {
	id := g.ids[entity]
	g.ids[entity] = id + 1
	return id
}

func (g *gen) add(entity string, r autotasksim.Record) autotasksim.Record {
	g.d[entity] = append(g.d[entity], r)
	return r
}

// pick returns a random element.
func pick[T any](g *gen, xs []T) T { return xs[g.rng.IntN(len(xs))] }

func n(v int64) json.Number { return json.Number(itoa(v)) }

func itoa(v int64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// amt writes a Decimal as Autotask does: a JSON number with 4 decimals.
func amt(d money.Decimal) json.Number { return json.Number(d.StringFixed(4)) }

func dec(s string) money.Decimal { return money.MustParse(s) }

// cents returns a random amount between lo and hi with 2 decimals.
func (g *gen) cents(lo, hi int64) money.Decimal {
	return money.New(lo*100+g.rng.Int64N((hi-lo)*100+1), 2)
}

func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// tsMillis is postedOnTime's format: milliseconds, as in live responses.
func tsMillis(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// day returns a random working day of the month at midnight.
func (g *gen) day() time.Time {
	for {
		t := g.start.AddDate(0, 0, g.rng.IntN(g.end.Day()))
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			return t
		}
	}
}

// nullable returns nil for 0, the id otherwise: Autotask writes null for
// every absent reference.
func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return n(id)
}
