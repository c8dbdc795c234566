package app

import (
	"fmt"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/report"
)

// Dashboard is the Dashboard's chart: billed vs synced vs paid per month and
// per customer, from the sync journal (see internal/report for what counts).
type Dashboard struct {
	deps Deps

	mu    sync.Mutex
	names map[int64]map[string]string // ledger customer names per profile, read once
}

func NewDashboard(deps Deps) *Dashboard {
	return &Dashboard{deps: deps, names: map[int64]map[string]string{}}
}

// chartMonths and chartCustomers size the chart.
const (
	chartMonths    = 12
	chartCustomers = 8
)

// ChartBarDTO is one group of bars; money as decimal strings in the
// chart's currency, rounded to its minor units.
type ChartBarDTO struct {
	Key      string `json:"key"`   // 2024-05, or the ledger customer id
	Label    string `json:"label"` // May 2024, or the customer's name
	Billed   string `json:"billed"`
	Synced   string `json:"synced"`
	Paid     string `json:"paid"`
	Invoices int    `json:"invoices"`
}

// ChartDTO is the chart of one currency.
type ChartDTO struct {
	Currency   string        `json:"currency"`
	Currencies []string      `json:"currencies"` // every currency seen, most invoices first
	Invoices   int           `json:"invoices"`
	LeftOut    int           `json:"leftOut"` // other currencies, older months, no document
	Months     []ChartBarDTO `json:"months"`
	Customers  []ChartBarDTO `json:"customers"`
	Others     int           `json:"others"` // customers beyond the top ones
	Note       string        `json:"note"`   // why names are missing, if they are
}

// Chart sums a profile's journal into the chart.
func (d *Dashboard) Chart(profileID int64) (ChartDTO, error) {
	ctx := d.deps.Lifecycle.Context()
	if _, err := d.deps.Store.Profile(ctx, profileID); err != nil {
		return ChartDTO{}, fmt.Errorf("app: chart: %w", err)
	}
	entries, err := d.deps.Store.Journal(ctx, profileID)
	if err != nil {
		return ChartDTO{}, fmt.Errorf("app: chart: %w", err)
	}
	c := report.Build(entries, chartMonths, chartCustomers)
	out := ChartDTO{Currency: string(c.Currency), Currencies: []string{}, Invoices: c.Invoices, LeftOut: c.LeftOut,
		Months: []ChartBarDTO{}, Customers: []ChartBarDTO{}, Others: c.Others}
	for _, cur := range c.Currencies {
		out.Currencies = append(out.Currencies, string(cur))
	}
	for _, m := range c.Months {
		label := m.Key
		if t, err := time.Parse("2006-01", m.Key); err == nil {
			label = t.Format("Jan 2006")
		}
		out.Months = append(out.Months, barDTO(m, label, c.Currency))
	}
	var names map[string]string
	if len(c.Customers) > 0 {
		names, out.Note = d.customerNames(profileID, c.Customers)
	}
	for _, b := range c.Customers {
		label := names[b.Key]
		if label == "" {
			label = "Customer " + b.Key
		}
		out.Customers = append(out.Customers, barDTO(b, label, c.Currency))
	}
	return out, nil
}

// customerNames names the ledger customers, asking the ledger once per
// profile (and again when a customer is new). The journal keeps only ids;
// without the ledger the chart still shows, with ids for names.
func (d *Dashboard) customerNames(profileID int64, bars []report.Bar) (map[string]string, string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	names := d.names[profileID]
	missing := names == nil
	for _, b := range bars {
		if _, ok := names[b.Key]; !ok {
			missing = true
		}
	}
	if !missing {
		return names, ""
	}
	ctx := d.deps.Lifecycle.Context()
	p, err := d.deps.Store.Profile(ctx, profileID)
	if err == nil {
		lg, lerr := connect.Ledger(ctx, d.deps.connectDeps(), p)
		if err = lerr; err == nil {
			cs, cerr := lg.Customers(ctx)
			if err = cerr; err == nil {
				names = make(map[string]string, len(cs))
				for _, c := range cs {
					names[c.ID] = c.Name
				}
				d.names[profileID] = names
				return names, ""
			}
		}
	}
	if d.deps.Logger != nil {
		d.deps.Logger.Warn("chart: ledger customer names not read", "profile", profileID, "err", err)
	}
	return names, "The ledger did not answer, so customers are shown by their ledger id."
}

func barDTO(b report.Bar, label string, cur money.Currency) ChartBarDTO {
	places := cur.MinorUnits()
	return ChartBarDTO{Key: b.Key, Label: label, Billed: b.Billed.StringFixed(places), Synced: b.Synced.StringFixed(places),
		Paid: b.Paid.StringFixed(places), Invoices: b.Invoices}
}
