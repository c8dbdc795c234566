package syncer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/store"
)

// Resolve settles every journal row left 'sending' (a crash or a lost
// answer) by looking the document up in the ledger: found → sent with the
// ledger's id; not found → failed, to be sent again. It never resends.
func (e *Engine) Resolve(ctx context.Context) (int, error) {
	rows, err := e.journal(ctx, store.JournalSending)
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	refs := make([]ledger.DocRef, len(rows))
	for i, r := range rows {
		refs[i] = ledger.DocRef{Kind: ledger.DocKind(r.DocKind), Number: r.Number, OurRef: r.OurRef}
	}
	found, err := e.Ledger.FindDocuments(ctx, refs)
	if err != nil {
		return 0, fmt.Errorf("syncer: look up documents left sending: %w", err)
	}
	byRef := map[ledger.DocRef]ledger.Found{}
	for _, f := range found {
		byRef[f.Ref] = f
	}
	for i := range rows {
		if f, ok := byRef[refs[i]]; ok {
			rows[i].State, rows[i].LedgerID, rows[i].LedgerNumber, rows[i].Error = store.JournalSent, f.ID, f.Number, ""
		} else {
			rows[i].State, rows[i].Error = store.JournalFailed, "not in the ledger after an interrupted send; sent again next run"
		}
	}
	return len(rows), e.Store.SaveJournal(ctx, rows)
}

// WriteBack marks every sent invoice in Autotask: with Autotask numbering
// the webServiceDate, with ledger numbering the ledger's number in
// invoiceNumber (how Autotask's own integrations record a sync). Autotask
// updates one record per call, so this is one call per invoice.
func (e *Engine) WriteBack(ctx context.Context, ledgerNumbering bool, sum *Summary) error {
	rows, err := e.journal(ctx, store.JournalSent)
	if err != nil {
		return err
	}
	now := autotask.Time{Time: e.now().Truncate(time.Second)}
	// One invoice Autotask refuses does not hold back the others: it stays
	// 'sent' and is written back by the next run. Stop only when Autotask
	// keeps refusing (it is down or the threshold is reached).
	var failures []error
	for _, r := range rows {
		if ledgerNumbering {
			err = e.Autotask.SetInvoiceNumber(ctx, r.AutotaskInvoiceID, r.LedgerNumber)
		} else {
			err = e.Autotask.SetInvoiceWebServiceDate(ctx, r.AutotaskInvoiceID, now)
		}
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("syncer: write back invoice %d: %w", r.AutotaskInvoiceID, err)
			}
			failures = append(failures, fmt.Errorf("syncer: write back invoice %d: %w", r.AutotaskInvoiceID, err))
			if len(failures) >= maxWriteBackFailures {
				break
			}
			continue
		}
		r.State = store.JournalWrittenBack
		if err := e.Store.SaveJournal(ctx, []store.JournalEntry{r}); err != nil {
			return err
		}
		sum.WrittenBack++
	}
	return errors.Join(failures...)
}

// maxWriteBackFailures: after this many refused write-backs in one run
// Autotask is taken to be failing as a whole and the run stops.
const maxWriteBackFailures = 5

// cursorPayments is when payments were last read.
const cursorPayments = "payments_since"

// paymentsCursor is the cursor of this engine's organisation: each ledger
// is read from its own last run.
func (e *Engine) paymentsCursor() string {
	if e.Organisation == "" {
		return cursorPayments
	}
	return cursorPayments + ":" + e.Organisation
}

// PaymentsBack reads what the ledger says was paid since the last run and
// sets paidDate, with the date of the payment that settled the invoice, on
// each fully paid Autotask invoice. Partial payments are kept in the journal
// (Autotask has no field for them) until the invoice is settled.
func (e *Engine) PaymentsBack(ctx context.Context, sum *Summary) error {
	started := e.now()
	since := started.AddDate(0, -3, 0)
	if v, err := e.Store.Cursor(ctx, e.ProfileID, e.paymentsCursor()); err != nil {
		return err
	} else if v != "" {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			since = t.Add(-5 * time.Minute) // clock skew between us and the ledger
		}
	}
	ss, err := e.Ledger.SettlementsSince(ctx, since)
	if err != nil {
		return fmt.Errorf("syncer: read payments: %w", err)
	}
	rows, err := e.journal(ctx, store.JournalWrittenBack)
	if err != nil {
		return err
	}
	byLedger := map[string]store.JournalEntry{}
	for _, r := range rows {
		byLedger[r.LedgerID] = r
	}
	for _, s := range ss {
		r, ok := byLedger[s.DocumentID]
		if !ok || r.PaidDate != "" {
			continue
		}
		r.AmountPaid = s.AmountPaid.Add(s.AmountCredited)
		if s.AmountDue.Sign() <= 0 && !s.FullyPaidOn.IsZero() {
			d := s.FullyPaidOn.UTC()
			if err := e.Autotask.SetInvoicePaidDate(ctx, r.AutotaskInvoiceID, autotask.Date(d.Year(), d.Month(), d.Day())); err != nil {
				return fmt.Errorf("syncer: mark invoice %d paid: %w", r.AutotaskInvoiceID, err)
			}
			r.PaidDate = d.Format(time.DateOnly)
			sum.Paid++
			sum.Lines = append(sum.Lines, store.RunLine{AutotaskInvoiceID: r.AutotaskInvoiceID, Status: "paid", LedgerID: r.LedgerID,
				LedgerNumber: r.LedgerNumber, Message: "paid in full on " + r.PaidDate + " (" + r.AmountPaid.StringFixed(2) + ")"})
		}
		if err := e.Store.SaveJournal(ctx, []store.JournalEntry{r}); err != nil {
			return err
		}
	}
	return e.Store.SetCursor(ctx, e.ProfileID, e.paymentsCursor(), started.Format(time.RFC3339))
}
