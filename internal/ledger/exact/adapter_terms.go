package exact

import (
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
)

// PaymentDays is the number of calendar days from an invoice's date to its
// due date, counted on the dates alone so a daylight-saving change in
// between does not shift it.
func PaymentDays(date, due time.Time) int {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	return int(day(due).Sub(day(date)).Hours() / 24)
}

// paymentCondition is the payment condition a document is booked with: the
// one mapped to its payment days (AdapterOptions.PaymentConditions), or ""
// when none is, and then Exact gets the due date alone.
//
// A document carries its due date, not its Autotask payment term; the
// mapping of a term to a condition also sets the term's due days to the
// condition's, so the days name the condition. Two conditions with the
// same days cannot both be mapped (the Mappings screen refuses it).
func (a *Adapter) paymentCondition(d ledger.Document) string {
	if len(a.opts.PaymentConditions) == 0 || d.Date.IsZero() || d.DueDate.IsZero() {
		return ""
	}
	return a.opts.PaymentConditions[PaymentDays(d.Date, d.DueDate)]
}

// setTerms sets the payment condition and due date of a sales entry or
// invoice header: with a condition Exact works the due date out itself
// (end-of-month rules included), without one it gets Autotask's.
func (a *Adapter) setTerms(d ledger.Document, condition *string, due *Date) {
	if c := a.paymentCondition(d); c != "" {
		*condition = c
		return
	}
	if !d.DueDate.IsZero() {
		*due = DateOf(d.DueDate)
	}
}
