package procure_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

var (
	_ procure.JournalLedger = (*procure.Xero)(nil)
	_ procure.JournalLedger = (*procure.QBO)(nil)
)

func moneyOne() money.Decimal { return money.FromInt(1) }

// TestExpenseReportBills: each approved report is one bill to the
// employee, the company-card item left off and listed, billable and
// non-billable items as cost lines; a second run sends nothing.
func TestExpenseReportBills(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newPostEnv(t, kind)
			e.mapCategories(t)
			ctx := context.Background()
			sum, err := e.expenses.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Sent == 0 || sum.Failed != 0 || sum.Blocked != 0 {
				t.Fatalf("%s\n%+v", sum, sum.Lines)
			}
			first := sum.Bills[0].Bill
			var billable, nonBillable int
			for _, l := range first.Lines {
				if strings.Contains(l.Description, "(billable") {
					billable++
				} else if strings.Contains(l.Description, "(non-billable)") {
					nonBillable++
				}
				if strings.Contains(l.Description, "company card") {
					t.Errorf("company-card item on the payable: %s", l.Description)
				}
			}
			if billable == 0 || nonBillable == 0 {
				t.Errorf("%s: %d billable, %d non-billable lines; want both", first.Reference, billable, nonBillable)
			}
			if !strings.Contains(strings.Join(sum.Bills[0].Notes, "\n"), "paid by the company") {
				t.Errorf("company-card item not listed: %v", sum.Bills[0].Notes)
			}
			got := e.ledgerBills(t)
			for _, p := range sum.Bills {
				if got[p.Bill.Number] != 1 {
					t.Errorf("%s is in the ledger %d times", p.Bill.Number, got[p.Bill.Number])
				}
			}
			t.Logf("%s: %s; ledger calls %d", kind, sum, e.lCalls.Total())

			e.lCalls.Reset()
			again, err := e.expenses.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Sent != 0 || again.Skipped != sum.Sent {
				t.Errorf("re-run: %s; want nothing sent", again)
			}
			for n, c := range e.ledgerBills(t) {
				if c != 1 {
					t.Errorf("%s is in the ledger %d times after the re-run", n, c)
				}
			}
			if e.lCalls.Count("POST")+e.lCalls.Count("PUT") > 0 {
				t.Errorf("re-run wrote to the ledger: %v", e.lCalls.Snapshot())
			}
		})
	}
}

// TestExpenseProblems names what blocks a report: an unmapped category, an
// employee with no contact, an item with no amount.
func TestExpenseProblems(t *testing.T) {
	noAmount := func(d autotasksim.Dataset) {
		d["ExpenseItems"][0]["reimbursementCurrencyReimbursementAmount"] = json.Number("0.0000")
		d["ExpenseItems"][0]["internalCurrencyReimbursementAmount"] = json.Number("0.0000")
	}
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newPostEnv(t, kind, noAmount)
			e.expenses.Settings.CreateEmployees = false
			sum, err := e.expenses.Preview(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			codes := map[string]string{}
			for _, p := range sum.Bills {
				for _, pr := range p.Problems {
					codes[pr.Code] = pr.Message + " — " + pr.Fix
				}
			}
			for _, want := range []string{procure.ProblemUnmappedCategory, procure.ProblemEmployeeMissing, procure.ProblemAmountMissing} {
				if codes[want] == "" {
					t.Errorf("no %s problem", want)
				} else {
					t.Logf("%s: %s", want, codes[want])
				}
			}
			if e.lCalls.Count("POST")+e.lCalls.Count("PUT") > 0 {
				t.Errorf("preview wrote to the ledger: %v", e.lCalls.Snapshot())
			}
		})
	}
}

// TestInventoryJournals: sold stocked products get one cost-of-sales
// journal per invoice (none for the product the ledger tracks itself), the
// stocktake an adjustment and the move to the van a transfer between
// trackings; a second run sends nothing.
func TestInventoryJournals(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newPostEnv(t, kind)
			ctx := context.Background()
			sum, err := e.inventory.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Sent == 0 || sum.Failed != 0 || sum.Blocked != 0 {
				t.Fatalf("%s\n%+v", sum, sum.Lines)
			}
			var cogs, adj, trf, trackedNotes int
			for _, p := range sum.Journals {
				switch {
				case strings.HasPrefix(p.Journal.Reference, "COGS-"):
					cogs++
					for _, l := range p.Journal.Lines {
						if strings.Contains(l.Description, " "+e.tracked+" ") {
							t.Errorf("%s: a line for the ledger-tracked item %s", p.Journal.Reference, e.tracked)
						}
					}
					if strings.Contains(strings.Join(p.Notes, " "), "tracked inventory item") {
						trackedNotes++
					}
				case p.Journal.Reference == "ADJ-7001":
					adj++
					if len(p.Journal.Lines) != 2 || p.Journal.Lines[0].Amount.Sign() >= 0 {
						t.Errorf("stocktake loss: lines %+v, want a credit to inventory", p.Journal.Lines)
					}
				case p.Journal.Reference == "TRF-7002":
					trf++
					if p.Action != procure.ActionSend || p.Journal.Lines[0].Tracking == p.Journal.Lines[1].Tracking {
						t.Errorf("transfer %+v: want a journal between two trackings", p)
					}
				}
			}
			if cogs == 0 || adj != 1 || trf != 1 || trackedNotes == 0 {
				t.Errorf("%d cost-of-sales journals, %d adjustments, %d transfers, %d notes on tracked items", cogs, adj, trf, trackedNotes)
			}
			got := e.ledgerJournals(t)
			for _, p := range sum.Journals {
				if p.Action == procure.ActionSend && got[p.Journal.Reference] != 1 {
					t.Errorf("%s is in the ledger %d times", p.Journal.Reference, got[p.Journal.Reference])
				}
			}
			t.Logf("%s: %s; ledger calls %d", kind, sum, e.lCalls.Total())

			e.lCalls.Reset()
			again, err := e.inventory.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Sent != 0 || again.Skipped != sum.Sent {
				t.Errorf("re-run: %s; want nothing sent", again)
			}
			for ref, c := range e.ledgerJournals(t) {
				if c != 1 {
					t.Errorf("%s is in the ledger %d times after the re-run", ref, c)
				}
			}
		})
	}
}

// TestTransferSameTrackingIsListed: a transfer between locations in the
// same tracking posts nothing and is listed.
func TestTransferSameTrackingIsListed(t *testing.T) {
	e := newPostEnv(t, "xero")
	e.saveLinks(t, procureLocation(e.locations[1], "Region", "North"))
	sum, err := e.inventory.Preview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sum.Journals {
		if p.Journal.Reference == "TRF-7002" && (p.Action != procure.ActionNone || len(p.Notes) == 0) {
			t.Errorf("transfer %+v: want no journal, with a note", p)
		}
	}
	if sum.NoOp == 0 {
		t.Errorf("%s: nothing listed as no-op", sum)
	}
}

// crashingJournals accepts the journals and then loses the answer.
type crashingJournals struct {
	procure.JournalLedger
	dead bool
}

func (c *crashingJournals) CreateJournals(ctx context.Context, js []procure.Journal, key string) ([]procure.Result, error) {
	if c.dead {
		return nil, errCrash
	}
	_, _ = c.JournalLedger.CreateJournals(ctx, js, key)
	c.dead = true
	return nil, errCrash
}

func (c *crashingJournals) FindJournals(ctx context.Context, refs []string) (map[string]string, error) {
	if c.dead {
		return nil, errCrash
	}
	return c.JournalLedger.FindJournals(ctx, refs)
}

// TestJournalCrashResolvesByLookup: journals the ledger saved before a
// crash are found by reference on the next run, never sent twice.
func TestJournalCrashResolvesByLookup(t *testing.T) {
	for _, kind := range ledgers {
		t.Run(kind, func(t *testing.T) {
			e := newPostEnv(t, kind)
			ctx := context.Background()
			real := e.inventory.Ledger
			e.inventory.Ledger = &crashingJournals{JournalLedger: real}
			if _, err := e.inventory.Run(ctx); err == nil {
				t.Fatal("first run: no error, want the crash")
			}
			e.inventory.Ledger = real
			sum, err := e.inventory.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Resolved == 0 || sum.Sent != 0 {
				t.Errorf("after restart: %s (resolved %d); want all resolved, none resent", sum, sum.Resolved)
			}
			for ref, c := range e.ledgerJournals(t) {
				if c != 1 {
					t.Errorf("%s is in the ledger %d times", ref, c)
				}
			}
		})
	}
}
