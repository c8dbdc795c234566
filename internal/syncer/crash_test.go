package syncer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// crashing lets the ledger accept the second batch of documents and then
// "dies": the answer is lost and every later call fails, as when the process
// is killed between the ledger's commit and the journal's.
type crashing struct {
	ledger.Ledger
	calls int
	dead  bool
}

var errCrash = errors.New("crash: process killed")

func (c *crashing) CreateDocuments(ctx context.Context, docs []ledger.Document, key string) ([]ledger.Result, error) {
	if c.dead {
		return nil, errCrash
	}
	res, err := c.Ledger.CreateDocuments(ctx, docs, key)
	if c.calls++; c.calls == 2 && err == nil {
		c.dead = true
		return nil, errCrash
	}
	return res, err
}

func (c *crashing) FindDocuments(ctx context.Context, refs []ledger.DocRef) ([]ledger.Found, error) {
	if c.dead {
		return nil, errCrash
	}
	return c.Ledger.FindDocuments(ctx, refs)
}

func TestCrashAfterLedgerAcceptedResolvesByLookup(t *testing.T) {
	for _, numbering := range []bool{false, true} {
		t.Run(map[bool]string{false: "autotask numbers", true: "ledger numbers"}[numbering], func(t *testing.T) {
			var edits []func(autotasksim.Dataset)
			if numbering {
				edits = append(edits, ledgerNumbered)
			}
			e := newEnv(t, 200, edits...)
			ctx := context.Background()
			e.opts.LedgerNumbering = numbering
			real := e.engine.Ledger
			e.engine.Ledger = &crashing{Ledger: real}
			if _, err := e.engine.Sync(ctx, e.opts); !errors.Is(err, errCrash) {
				t.Fatalf("first run: %v, want the crash", err)
			}
			sending, _ := e.store.Journal(ctx, e.engine.ProfileID, store.JournalSending)
			if len(sending) == 0 {
				t.Fatal("no journal row left 'sending' by the crash")
			}
			before := e.ledgerDocs(t)
			e.engine.Ledger = real
			sum, err := e.engine.Sync(ctx, e.opts)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Resolved != len(sending) {
				t.Errorf("resolved %d, want %d", sum.Resolved, len(sending))
			}
			after := e.ledgerDocs(t)
			for _, j := range sending {
				if before[j.OurRef] != 1 || after[j.OurRef] != 1 {
					t.Errorf("%s: %d in Xero before restart, %d after; want exactly 1", j.OurRef, before[j.OurRef], after[j.OurRef])
				}
			}
			for ref, n := range after {
				if n != 1 {
					t.Errorf("%s is in Xero %d times", ref, n)
				}
			}
			left, _ := e.store.Journal(ctx, e.engine.ProfileID, store.JournalSending, store.JournalSent, store.JournalFailed)
			if len(left) != 0 {
				t.Errorf("%d journal rows not written back after the restart", len(left))
			}
		})
	}
}

func TestFaultsNoDuplicates(t *testing.T) {
	e := newEnv(t, 200)
	ctx := context.Background()
	e.xs.SetFaults(xerosim.Faults{Status429Burst: 3, ErrorRate: 0.1, Status5xx: 503, ResetRate: 0.1, Seed: 3})
	var sum, more int
	for range 5 { // a run stopped by faults is run again, as the scheduler would
		s, err := e.engine.Sync(ctx, e.opts)
		sum += s.Sent
		if err == nil {
			more++
			break
		}
		t.Logf("run stopped: %v", err)
	}
	if more == 0 {
		t.Fatal("no run completed under 10 % faults")
	}
	e.xs.SetFaults(xerosim.Faults{})
	for ref, n := range e.ledgerDocs(t) {
		if n != 1 {
			t.Errorf("%s is in Xero %d times", ref, n)
		}
	}
	if sum == 0 {
		t.Error("nothing was sent")
	}
}

func TestPaymentsBack(t *testing.T) {
	e := newEnv(t, 60)
	ctx := context.Background()
	if _, err := e.engine.Sync(ctx, e.opts); err != nil {
		t.Fatal(err)
	}
	rows, _ := e.store.Journal(ctx, e.engine.ProfileID, store.JournalWrittenBack)
	var invs []store.JournalEntry
	for _, r := range rows {
		if r.DocKind == "invoice" && r.Total.Sign() > 0 {
			invs = append(invs, r)
		}
	}
	if len(invs) < 3 {
		t.Fatalf("only %d invoices sent", len(invs))
	}
	full, part, multiA := invs[0], invs[1], invs[2]
	paidOn := time.Date(2024, 6, 14, 0, 0, 0, 0, time.UTC)
	pay := func(id string, amount money.Decimal, on time.Time) {
		res, err := e.xc.CreatePayments(ctx, []xero.Payment{{Invoice: xero.InvoiceRef(id), Account: xero.AccountRef("090"), Amount: amount, Date: xero.DateOf(on)}}, "")
		if err != nil || len(res.Failed) > 0 {
			t.Fatalf("pay: %v %v", err, res.Failed)
		}
	}
	pay(full.LedgerID, money.MustParse("1.00"), paidOn.AddDate(0, 0, -5))
	pay(full.LedgerID, full.Total.Sub(money.MustParse("1.00")), paidOn)
	pay(part.LedgerID, money.MustParse("1.00"), paidOn)
	pay(multiA.LedgerID, multiA.Total, paidOn.AddDate(0, 0, 1))
	sum, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Paid != 2 {
		t.Errorf("marked %d paid, want 2", sum.Paid)
	}
	data := e.at.Dataset()
	paid := map[string]string{}
	for _, r := range data["Invoices"] {
		if v, ok := r["paidDate"].(string); ok {
			paid[toString(r["id"])] = v
		}
	}
	if got := paid[itoa(full.AutotaskInvoiceID)]; got[:10] != "2024-06-14" {
		t.Errorf("fully paid invoice paidDate = %q, want the payment's date 2024-06-14", got)
	}
	if got := paid[itoa(part.AutotaskInvoiceID)]; got != "" {
		t.Errorf("partly paid invoice got paidDate %q", got)
	}
	if got := paid[itoa(multiA.AutotaskInvoiceID)]; got[:10] != "2024-06-15" {
		t.Errorf("second paid invoice paidDate = %q", got)
	}
}
