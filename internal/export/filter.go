package export

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// DateBasis says which date the range of a Filter applies to.
type DateBasis string

const (
	ByItemDate    DateBasis = "item-date"
	ByInvoiceDate DateBasis = "invoice-date"
)

// Filter selects the billing items of an export. It is stored with the
// batch as JSON, so its field names are part of the history's format.
type Filter struct {
	From time.Time `json:"from"` // first day, inclusive
	To   time.Time `json:"to"`   // last day, inclusive
	By   DateBasis `json:"by"`
	// OnlyInvoiced leaves out posted items not yet on an invoice. Sage XML
	// and IIF write invoices, so they always behave as if it were set.
	OnlyInvoiced bool `json:"onlyInvoiced,omitempty"`
	// LinesOfBusiness are organisational level 2 ids; empty means all.
	LinesOfBusiness []int64 `json:"linesOfBusiness,omitempty"`
	// Companies are Autotask company ids; empty means all.
	Companies []int64 `json:"companies,omitempty"`
	// BillingCodeTypes are billingCodeType picklist values; empty means all.
	BillingCodeTypes []int `json:"billingCodeTypes,omitempty"`
	// IncludeExported also selects items already in an export batch.
	IncludeExported bool `json:"includeExported,omitempty"`
}

// maxRangeDays bounds one export to about a year and a month, so a typo in
// a year cannot ask Autotask for a decade of items.
const maxRangeDays = 400

// Validate checks the filter and fills the default date basis.
func (f *Filter) Validate() error {
	if f.By == "" {
		f.By = ByItemDate
	}
	if f.By != ByItemDate && f.By != ByInvoiceDate {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a date to filter by", f.By),
			"Filter by item-date or invoice-date.")
	}
	if f.From.IsZero() || f.To.IsZero() {
		return apperr.New(apperr.Invalid, "The export needs a date range", "Choose the first and the last day to export.")
	}
	f.From, f.To = day(f.From), day(f.To)
	if f.To.Before(f.From) {
		return apperr.New(apperr.Invalid, "The last day is before the first day", "Swap the dates or choose a later last day.")
	}
	if f.To.Sub(f.From) > maxRangeDays*24*time.Hour {
		return apperr.New(apperr.Invalid, fmt.Sprintf("The date range is longer than %d days", maxRangeDays),
			"Export at most a year at a time.")
	}
	return nil
}

// day is the UTC midnight of t's calendar date.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// inRange reports whether t's date lies in [From, To].
func (f Filter) inRange(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	d := day(t.UTC())
	return !d.Before(f.From) && !d.After(f.To)
}
