package app

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/runner"
)

// RetryResultDTO is what a retry of one invoice did: created (it is in the
// ledger now), exists (it was already there and was not sent again),
// blocked or failed (the message says why and what to fix).
type RetryResultDTO struct {
	RunID         int64  `json:"runId"`
	InvoiceID     int64  `json:"invoiceId"`
	InvoiceNumber string `json:"invoiceNumber"`
	Outcome       string `json:"outcome"`
	LedgerNumber  string `json:"ledgerNumber"`
	Message       string `json:"message"`
}

// RetryInvoice sends one invoice again, typically one the ledger refused
// (the "Retry" of a failed run line or notification). It is the manual copy
// of one invoice without Overwrite, with the Settings' options: whatever
// the journal or the ledger already holds is never created a second time.
// It waits for no sync; one runs at a time.
func (s *Sync) RetryInvoice(profileID, invoiceID int64) (RetryResultDTO, error) {
	if invoiceID <= 0 {
		return RetryResultDTO{}, apperr.New(apperr.Invalid, "No invoice was chosen to retry", "Choose a failed invoice in History → Runs, then Retry.")
	}
	s.mu.Lock()
	if s.cancel != nil {
		s.mu.Unlock()
		return RetryResultDTO{}, apperr.New(apperr.Conflict, "A sync is running", "Wait for it to finish, then retry the invoice.")
	}
	// Not cancellable from the window: one invoice is a handful of calls.
	s.cancel = func() {}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}()
	ctx := s.deps.Lifecycle.Context()
	eng, opts, _, err := runner.Open(ctx, s.deps.connectDeps(), profileID, runner.Choices{Thru: time.Now()})
	if err != nil {
		return RetryResultDTO{}, fmt.Errorf("app: retry invoice %d: %w", invoiceID, err)
	}
	res, err := eng.CopyOne(ctx, opts, invoiceID, false)
	if err != nil {
		return RetryResultDTO{}, fmt.Errorf("app: retry invoice %d: %w", invoiceID, err)
	}
	audit(s.deps, profileID, "sync.retry", fmt.Sprintf("Run %d: retried invoice %s: %s", res.RunID, orInvoiceID(res.InvoiceNumber, invoiceID), res.Message))
	return RetryResultDTO{RunID: res.RunID, InvoiceID: res.InvoiceID, InvoiceNumber: res.InvoiceNumber, Outcome: res.Outcome,
		LedgerNumber: res.LedgerNumber, Message: res.Message}, nil
}

func orInvoiceID(number string, id int64) string {
	if number != "" {
		return number
	}
	return fmt.Sprintf("id %d", id)
}
