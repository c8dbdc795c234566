package procure_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/procure"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/store"
)

var _ procure.JournalLedger = (*procure.Exact)(nil)

// exactPostEnv is the expense and inventory engines against an Exact
// division: expense reports as purchase entries, inventory journals as
// general journal entries. The inventory locations are not mapped: Exact
// carries no location tracking for Billbridge.
type exactPostEnv struct {
	*postEnv
	sim    *exactsim.Server
	client *exact.Client
	ledger *procure.Exact
}

func newExactPostEnv(t *testing.T) *exactPostEnv {
	t.Helper()
	e := &exactPostEnv{postEnv: newPostEnv(t, "exact")}
	xs, err := exactsim.New(exactsim.Options{MinuteLimit: 100000, DayLimit: 100000, AccessTokenTTL: 10000 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })
	access, _ := xs.IssueToken(exactsim.DemoApp.ClientID)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base: httpx.NewTransport(httpx.Options{Name: "exact", Counter: e.lCalls, MaxRetries: 8, Sleep: noSleep})}}
	e.sim, e.client = xs, exact.NewClient(xs.APIBaseURL(), hc, exactDivision, exact.WithSleep(noSleep))
	e.ledger = procure.NewExact(e.client)
	e.expenses.Ledger, e.inventory.Ledger = procure.NewExactExpenses(e.ledger, ""), e.ledger
	// The simulator's division: 4510 travel, 4500 general costs, 3000
	// stock, 7000 cost of sales, 7090 stock differences.
	e.accounts = map[string]string{"travel": "4510", "meals": "4500", "mileage": "4510", "cogs": "7000", "inventory": "3000", "adjust": "7090"}
	e.inventory.Settings = procure.InventorySettings{InventoryAccount: "3000", CostOfSalesAccount: "7000", AdjustmentAccount: "7090"}
	e.lCalls.Reset()
	xs.ResetRequestLog()
	return e
}

// entries counts Exact's purchase entries by YourRef, for the numbers given.
func (e *exactPostEnv) entries(t *testing.T, numbers []string) map[string]int {
	t.Helper()
	out := map[string]int{}
	es, err := e.client.PurchaseEntriesByYourRef(context.Background(), numbers)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range es {
		out[x.YourRef]++
	}
	return out
}

// journals counts Exact's general journal entries by our reference (the
// Notes of every line), for the references given.
func (e *exactPostEnv) journals(t *testing.T, refs []string) map[string]int {
	t.Helper()
	ls, err := e.client.GeneralJournalEntryLinesByNotes(context.Background(), refs)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{}
	for _, l := range ls {
		if ids[l.Notes] == nil {
			ids[l.Notes] = map[string]bool{}
		}
		ids[l.Notes][l.EntryID] = true
	}
	out := map[string]int{}
	for ref, s := range ids {
		out[ref] = len(s)
	}
	return out
}

// refusals counts the answers Exact counts towards its error block.
func (e *exactPostEnv) refusals() int {
	n := 0
	for _, r := range e.sim.Requests() {
		if r.Status >= 400 && r.Status <= 404 {
			n++
		}
	}
	return n
}

func journalRefs(sum procure.PostingSummary) []string {
	var refs []string
	for _, p := range sum.Journals {
		refs = append(refs, p.Journal.Reference)
	}
	return refs
}

// TestExactExpenseReportEntries: each approved report is one purchase entry
// payable to the employee, billable and non-billable items as cost lines,
// the company-card item left off and listed; a second run sends nothing.
func TestExactExpenseReportEntries(t *testing.T) {
	e := newExactPostEnv(t)
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
	var numbers []string
	for _, p := range sum.Bills {
		numbers = append(numbers, p.Bill.Number)
	}
	got := e.entries(t, numbers)
	for _, n := range numbers {
		if got[n] != 1 {
			t.Errorf("%s is in Exact %d times", n, got[n])
		}
	}
	if n := posts(e.sim, "purchaseentry/PurchaseEntries"); n != sum.Sent {
		t.Errorf("%d purchase entries posted, want %d", n, sum.Sent)
	}
	if n := e.refusals(); n != 0 {
		t.Errorf("Exact refused %d calls; every refusal counts towards its block", n)
	}
	t.Logf("exact: %s; ledger calls %d (%v)", sum, e.lCalls.Total(), e.lCalls.Snapshot())

	e.lCalls.Reset()
	again, err := e.expenses.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.Sent != 0 || again.Skipped != sum.Sent {
		t.Errorf("re-run: %s; want nothing sent", again)
	}
	for n, c := range e.entries(t, numbers) {
		if c != 1 {
			t.Errorf("%s is in Exact %d times after the re-run", n, c)
		}
	}
	if e.lCalls.Count("POST")+e.lCalls.Count("PUT") > 0 {
		t.Errorf("re-run wrote to Exact: %v", e.lCalls.Snapshot())
	}
}

// TestExactInventoryJournals: sold stocked products get one cost-of-sales
// journal per invoice (Exact tracks no stock for Billbridge, so every
// product is journaled), the stocktake an adjustment, and the move to the
// van nothing — Exact has no location tracking here — listed with a note; a
// second run sends nothing.
func TestExactInventoryJournals(t *testing.T) {
	e := newExactPostEnv(t)
	ctx := context.Background()
	sum, err := e.inventory.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Sent == 0 || sum.Failed != 0 || sum.Blocked != 0 {
		t.Fatalf("%s\n%+v", sum, sum.Lines)
	}
	var cogs, adj, trf int
	for _, p := range sum.Journals {
		switch {
		case strings.HasPrefix(p.Journal.Reference, "COGS-"):
			cogs++
			if strings.Contains(strings.Join(p.Notes, " "), "tracked inventory item") {
				t.Errorf("%s: a product left to the ledger, which Exact does not track: %v", p.Journal.Reference, p.Notes)
			}
		case p.Journal.Reference == "ADJ-7001":
			adj++
			if p.Action != procure.ActionSend || len(p.Journal.Lines) != 2 || p.Journal.Lines[0].Amount.Sign() >= 0 ||
				p.Journal.Lines[0].Account != "3000" || p.Journal.Lines[1].Account != "7090" {
				t.Errorf("stocktake loss %+v: want a credit to stock (3000) against stock differences (7090)", p)
			}
		case p.Journal.Reference == "TRF-7002":
			trf++
			if p.Action != procure.ActionNone || len(p.Journal.Lines) != 0 || len(p.Notes) == 0 {
				t.Errorf("transfer %+v: want nothing to post, with a note", p)
			}
		}
	}
	if cogs == 0 || adj != 1 || trf != 1 || sum.NoOp == 0 {
		t.Errorf("%d cost-of-sales journals, %d adjustments, %d transfers, %d no-op", cogs, adj, trf, sum.NoOp)
	}
	refs := journalRefs(sum)
	got := e.journals(t, refs)
	sent := 0
	for _, p := range sum.Journals {
		want := 0
		if p.Action == procure.ActionSend {
			want, sent = 1, sent+1
		}
		if got[p.Journal.Reference] != want {
			t.Errorf("%s (%s) is in Exact %d times, want %d", p.Journal.Reference, p.Action, got[p.Journal.Reference], want)
		}
	}
	if n := posts(e.sim, "GeneralJournalEntries"); n != sent || n != sum.Sent {
		t.Errorf("%d general journal entries posted, want %d", n, sum.Sent)
	}
	if n := e.refusals(); n != 0 {
		t.Errorf("Exact refused %d calls; every refusal counts towards its block", n)
	}
	t.Logf("exact: %s; ledger calls %d (%v)", sum, e.lCalls.Total(), e.lCalls.Snapshot())

	e.lCalls.Reset()
	again, err := e.inventory.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.Sent != 0 || again.Skipped != sum.Sent {
		t.Errorf("re-run: %s; want nothing sent", again)
	}
	for ref, c := range e.journals(t, refs) {
		if c != 1 {
			t.Errorf("%s is in Exact %d times after the re-run", ref, c)
		}
	}
	if e.lCalls.Count("POST")+e.lCalls.Count("PUT") > 0 {
		t.Errorf("re-run wrote to Exact: %v", e.lCalls.Snapshot())
	}
}

// TestExactJournalCrashResolvesByLookup: Exact takes the journals and the
// process dies before the journal commit; the next run finds them by the
// reference in their lines' notes and posts none again.
func TestExactJournalCrashResolvesByLookup(t *testing.T) {
	e := newExactPostEnv(t)
	ctx := context.Background()
	e.inventory.Ledger = &crashingJournals{JournalLedger: e.ledger}
	if _, err := e.inventory.Run(ctx); !errors.Is(err, errCrash) {
		t.Fatalf("first run: %v, want the crash", err)
	}
	sending, err := e.store.PostingJournal(ctx, e.inventory.ProfileID, "",
		[]string{store.PostingCOGS, store.PostingAdjustment, store.PostingTransfer}, store.ProcureSending)
	if err != nil {
		t.Fatal(err)
	}
	if len(sending) == 0 {
		t.Fatal("no journal row left 'sending' by the crash")
	}
	posted := posts(e.sim, "GeneralJournalEntries")
	e.inventory.Ledger = e.ledger
	sum, err := e.inventory.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Resolved != len(sending) || sum.Sent != 0 {
		t.Errorf("after restart: %s (resolved %d of %d); want all resolved, none resent", sum, sum.Resolved, len(sending))
	}
	if n := posts(e.sim, "GeneralJournalEntries"); n != posted {
		t.Errorf("%d general journal entries posted after the restart", n-posted)
	}
	refs := make([]string, len(sending))
	for i, r := range sending {
		refs[i] = r.Reference
	}
	got := e.journals(t, refs)
	for _, ref := range refs {
		if got[ref] != 1 {
			t.Errorf("%s is in Exact %d times", ref, got[ref])
		}
	}
}

// TestExactMappedLocationsRefusedLocally: locations mapped to trackings
// (left from another ledger) give the transfer — and the stocktake, whose
// lines carry its location's tracking — lines Exact cannot carry; they fail
// alone, before any call, with what to do about it, and the cost of sales
// is posted.
func TestExactMappedLocationsRefusedLocally(t *testing.T) {
	e := newExactPostEnv(t)
	e.saveLinks(t, procureLocation(e.locations[0], "Region", "North"), procureLocation(e.locations[1], "Region", "South"))
	sum, err := e.inventory.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	failed := map[string]bool{}
	for _, l := range sum.Lines {
		if l.Status != "failed" {
			continue
		}
		failed[l.Reference] = true
		if !strings.Contains(l.Message, "no location tracking") || !strings.Contains(l.Message, "Unmap the inventory locations") {
			t.Errorf("%s: %s; want the tracking named, with the fix", l.Reference, l.Message)
		}
	}
	if !failed["TRF-7002"] || len(failed) > 2 || (len(failed) == 2 && !failed["ADJ-7001"]) || sum.Sent == 0 {
		t.Errorf("%s; failed %v: want the transfer (and at most the stocktake) failed, the rest sent", sum, failed)
	}
	if n := e.refusals(); n != 0 {
		t.Errorf("%d calls reached Exact and were refused", n)
	}
	var refs []string
	for ref := range failed {
		refs = append(refs, ref)
	}
	if got := e.journals(t, refs); len(got) != 0 {
		t.Errorf("failed journals in Exact: %v", got)
	}
}
