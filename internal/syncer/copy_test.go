package syncer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// liveDocs lists the Xero invoices that are not voided or deleted, by the
// Autotask invoice id in their reference (revisions included).
func (e *env) liveDocs(t *testing.T) map[string][]xero.Invoice {
	t.Helper()
	invs, err := e.xc.Invoices(context.Background(), xero.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]xero.Invoice{}
	for _, inv := range invs {
		if inv.Status == xero.StatusVoided || inv.Status == xero.StatusDeleted {
			continue
		}
		ref := refOf(inv.Reference)
		if i := strings.Index(ref, "-R"); i > 0 {
			ref = ref[:i]
		}
		out[ref] = append(out[ref], inv)
	}
	return out
}

// readyInvoice is the first invoice (not a credit) the preview would send.
func (e *env) readyInvoice(t *testing.T) syncer.Planned {
	t.Helper()
	pre, err := e.engine.Preview(context.Background(), e.opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pre.Plan.Invoices {
		if !p.Blocked() && p.Action == syncer.ActionSend && p.Doc.Total().Sign() > 0 {
			return p
		}
	}
	t.Fatal("no invoice is ready")
	return syncer.Planned{}
}

func (e *env) autotaskInvoice(t *testing.T, id int64) map[string]any {
	t.Helper()
	for _, r := range e.at.Dataset()["Invoices"] {
		if toString(r["id"]) == itoa(id) {
			return r
		}
	}
	t.Fatalf("no Autotask invoice %d", id)
	return nil
}

func TestCopyOneWithoutOverwriteNeverCreatesTwice(t *testing.T) {
	e := newEnv(t, 20)
	ctx := context.Background()
	p := e.readyInvoice(t)
	ref := syncer.OurRef(p.InvoiceID)

	first, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, false)
	if err != nil || first.Outcome != syncer.CopyCreated || first.Err() != nil {
		t.Fatalf("first copy: %+v, %v", first, err)
	}
	if got := e.liveDocs(t)[ref]; len(got) != 1 || got[0].InvoiceNumber != p.InvoiceNumber {
		t.Fatalf("Xero holds %d live documents for %s: %+v", len(got), ref, got)
	}
	if e.autotaskInvoice(t, p.InvoiceID)["webServiceDate"] == nil {
		t.Error("the copied invoice is not marked in Autotask")
	}

	again, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, false)
	if err != nil {
		t.Fatal(err)
	}
	want := "Invoice " + p.InvoiceNumber + " is already in the ledger as " + p.InvoiceNumber + "; it was not created again."
	if again.Outcome != syncer.CopyExists || !strings.HasPrefix(again.Message, want) || again.LedgerID != first.LedgerID {
		t.Fatalf("second copy: %+v; want outcome exists and a message starting %q", again, want)
	}
	if n := len(e.liveDocs(t)[ref]); n != 1 {
		t.Fatalf("after the second copy Xero holds %d documents for %s", n, ref)
	}

	// A month sync afterwards skips it too.
	sum, err := e.engine.Sync(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(e.liveDocs(t)[ref]); n != 1 || sum.Sent == 0 {
		t.Fatalf("after the sync (%s) Xero holds %d documents for %s", sum, n, ref)
	}

	// The run log has the copy's line.
	lines, err := e.store.RunLines(ctx, again.RunID)
	if err != nil || len(lines) != 1 || lines[0].Status != syncer.CopyExists || lines[0].Message != again.Message {
		t.Fatalf("run lines of the copy: %+v, %v", lines, err)
	}
}

// A second install (an empty journal) finds the invoice in the ledger,
// remembers it and does not create it again.
func TestCopyOneSecondInstallFindsTheLedgerDocument(t *testing.T) {
	e := newEnv(t, 20)
	ctx := context.Background()
	p := e.readyInvoice(t)
	if _, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, false); err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	prof := store.Profile{Name: "Second install", LedgerKind: "xero", LedgerTenantID: orgUS.TenantID}
	if err := other.CreateProfile(ctx, &prof); err != nil {
		t.Fatal(err)
	}
	rules, _ := e.store.MappingRules(ctx, e.engine.ProfileID)
	if err := other.SaveMappingRules(ctx, prof.ID, rules); err != nil {
		t.Fatal(err)
	}
	second := *e.engine
	second.Store, second.ProfileID = other, prof.ID
	res, err := second.CopyOne(ctx, e.opts, p.InvoiceID, false)
	if err != nil || res.Outcome != syncer.CopyExists {
		t.Fatalf("copy from the second install: %+v, %v", res, err)
	}
	if n := len(e.liveDocs(t)[syncer.OurRef(p.InvoiceID)]); n != 1 {
		t.Fatalf("Xero holds %d documents", n)
	}
	rows, _ := other.Journal(ctx, prof.ID, store.JournalWrittenBack)
	if len(rows) != 1 || rows[0].LedgerID != res.LedgerID {
		t.Fatalf("the second install's journal: %+v", rows)
	}
}

func TestCopyOneOverwriteVoidsAndReplaces(t *testing.T) {
	for _, numbering := range []bool{false, true} {
		t.Run(map[bool]string{false: "autotask numbers", true: "ledger numbers"}[numbering], func(t *testing.T) {
			var edits []func(autotasksim.Dataset)
			if numbering {
				edits = append(edits, ledgerNumbered)
			}
			e := newEnv(t, 20, edits...)
			e.opts.LedgerNumbering = numbering
			ctx := context.Background()
			p := e.readyInvoice(t)
			ref := syncer.OurRef(p.InvoiceID)
			first, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, false)
			if err != nil || first.Outcome != syncer.CopyCreated {
				t.Fatalf("copy: %+v, %v", first, err)
			}
			prev := first
			for rev := 2; rev <= 3; rev++ {
				res, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, true)
				if err != nil || res.Outcome != syncer.CopyReplaced || res.ReplacedID != prev.LedgerID || res.LedgerID == prev.LedgerID {
					t.Fatalf("overwrite %d: %+v, %v (previous %+v)", rev, res, err, prev)
				}
				if !strings.Contains(res.Message, "the old ledger document was voided and") {
					t.Errorf("overwrite message %q does not say what happened", res.Message)
				}
				live := e.liveDocs(t)[ref]
				if len(live) != 1 || live[0].InvoiceID != res.LedgerID {
					t.Fatalf("after overwrite %d Xero holds %d live documents for %s", rev, len(live), ref)
				}
				old, err := e.xc.Invoice(ctx, prev.LedgerID)
				if err != nil || old.Status != xero.StatusVoided {
					t.Fatalf("the replaced document is %q, %v; want VOIDED", old.Status, err)
				}
				suffix := "-R" + itoa(int64(rev))
				if !strings.HasSuffix(live[0].Reference, ref+suffix) {
					t.Errorf("replacement reference %q, want it to end %s", live[0].Reference, ref+suffix)
				}
				at := e.autotaskInvoice(t, p.InvoiceID)
				if numbering {
					if toString(at["invoiceNumber"]) != res.LedgerNumber {
						t.Errorf("Autotask invoiceNumber %v, want the new ledger number %s", at["invoiceNumber"], res.LedgerNumber)
					}
				} else if res.LedgerNumber != p.InvoiceNumber+suffix {
					t.Errorf("replacement number %q, want %q", res.LedgerNumber, p.InvoiceNumber+suffix)
				}
				prev = res
			}
			rows, _ := e.store.Journal(ctx, e.engine.ProfileID)
			if len(rows) != 1 || rows[0].State != store.JournalWrittenBack || rows[0].LedgerID != prev.LedgerID {
				t.Fatalf("journal after the overwrites: %+v", rows)
			}
		})
	}
}

func TestCopyOneRefusals(t *testing.T) {
	e := newEnv(t, 20)
	ctx := context.Background()
	p := e.readyInvoice(t)
	first, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.xc.CreatePayments(ctx, []xero.Payment{{Invoice: xero.InvoiceRef(first.LedgerID), Account: xero.AccountRef("090"),
		Amount: money.MustParse("1.00"), Date: xero.DateOf(p.Doc.Date)}}, "")
	if err != nil || len(res.Failed) > 0 {
		t.Fatalf("pay: %v %v", err, res.Failed)
	}
	// The simulated Xero says "paid" only when settled; the partial payment
	// is what Overwrite must not unpick, so settle it.
	inv, _ := e.xc.Invoice(ctx, first.LedgerID)
	if _, err := e.xc.CreatePayments(ctx, []xero.Payment{{Invoice: xero.InvoiceRef(first.LedgerID), Account: xero.AccountRef("090"),
		Amount: inv.AmountDue, Date: xero.DateOf(p.Doc.Date)}}, ""); err != nil {
		t.Fatal(err)
	}
	paid, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, true)
	if err != nil {
		t.Fatal(err)
	}
	if paid.Outcome != syncer.CopyFailed || !strings.Contains(paid.Message, "with payments recorded; Overwrite would void it") ||
		apperr.CodeOf(paid.Err()) != apperr.Conflict {
		t.Fatalf("overwrite of a paid invoice: %+v", paid)
	}
	if live := e.liveDocs(t)[syncer.OurRef(p.InvoiceID)]; len(live) != 1 || live[0].InvoiceID != first.LedgerID {
		t.Fatalf("the paid invoice was touched: %+v", live)
	}

	// A part payment Billbridge has not read yet: the ledger itself refuses
	// to void, and the result passes its reason on.
	part := e.readyInvoice(t)
	partCopy, err := e.engine.CopyOne(ctx, e.opts, part.InvoiceID, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.xc.CreatePayments(ctx, []xero.Payment{{Invoice: xero.InvoiceRef(partCopy.LedgerID), Account: xero.AccountRef("090"),
		Amount: money.MustParse("1.00"), Date: xero.DateOf(part.Doc.Date)}}, ""); err != nil {
		t.Fatal(err)
	}
	partRes, err := e.engine.CopyOne(ctx, e.opts, part.InvoiceID, true)
	if err != nil {
		t.Fatal(err)
	}
	if partRes.Outcome != syncer.CopyFailed || !strings.Contains(partRes.Message, "so nothing was replaced") {
		t.Fatalf("overwrite of a part-paid invoice: %+v", partRes)
	}
	t.Logf("part-paid: %s", partRes.Message)
	if live := e.liveDocs(t)[syncer.OurRef(part.InvoiceID)]; len(live) != 1 || live[0].InvoiceID != partCopy.LedgerID {
		t.Fatalf("the part-paid invoice was touched: %+v", live)
	}

	_, err = e.engine.CopyOne(ctx, e.opts, 987654321, false)
	if apperr.CodeOf(err) != apperr.NotFound || !strings.Contains(err.Error(), "no Autotask invoice with id 987654321") {
		t.Fatalf("unknown id: %v", err)
	}
}

func TestCopyOneBlockedSendsNothing(t *testing.T) {
	e := newEnv(t, 30)
	ctx := context.Background()
	pre, err := e.engine.Preview(ctx, e.opts)
	if err != nil {
		t.Fatal(err)
	}
	var blocked *syncer.Planned
	for i, p := range pre.Plan.Invoices {
		if p.Blocked() {
			blocked = &pre.Plan.Invoices[i]
			break
		}
	}
	if blocked == nil {
		t.Fatal("the generated month has no blocked invoice")
	}
	res, err := e.engine.CopyOne(ctx, e.opts, blocked.InvoiceID, true)
	if err != nil {
		t.Fatal(err)
	}
	want := blocked.Problems[0].Message + ". " + blocked.Problems[0].Fix
	if res.Outcome != syncer.CopyBlocked || !strings.HasPrefix(res.Message, want) || apperr.CodeOf(res.Err()) != apperr.Invalid {
		t.Fatalf("copy of a blocked invoice: %+v; want the message to start %q", res, want)
	}
	if n := len(e.liveDocs(t)); n != 0 {
		t.Fatalf("Xero holds %d documents", n)
	}
}

// deletingLedger deletes drafts, as a ledger adapter may (syncer.DraftDeleter).
type deletingLedger struct {
	ledger.Ledger
	xc *xero.Client
}

func (d deletingLedger) DeleteDraft(ctx context.Context, _ ledger.DocKind, id, key string) error {
	_, err := d.xc.DeleteInvoice(ctx, id, key)
	return err
}

// Xero voids approved invoices only; a draft is deleted, which Overwrite
// does when the ledger can, and otherwise says what to do.
func TestCopyOneOverwriteOfADraft(t *testing.T) {
	e := newEnv(t, 20)
	ctx := context.Background()
	e.opts.Status = ledger.StatusDraft
	p := e.readyInvoice(t)
	first, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, false)
	if err != nil || first.Outcome != syncer.CopyCreated {
		t.Fatalf("copy: %+v, %v", first, err)
	}
	res, err := e.engine.CopyOne(ctx, e.opts, p.InvoiceID, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != syncer.CopyFailed || !strings.Contains(res.Message, "It is a draft, which this ledger deletes rather than voids: approve it in the ledger") {
		t.Fatalf("overwrite of a draft without a deleter: %+v", res)
	}
	e.engine.Ledger = deletingLedger{Ledger: e.engine.Ledger, xc: e.xc}
	res, err = e.engine.CopyOne(ctx, e.opts, p.InvoiceID, true)
	if err != nil || res.Outcome != syncer.CopyReplaced {
		t.Fatalf("overwrite of a draft with a deleter: %+v, %v", res, err)
	}
	old, err := e.xc.Invoice(ctx, first.LedgerID)
	if err != nil || old.Status != xero.StatusDeleted {
		t.Fatalf("the replaced draft is %q, %v; want DELETED", old.Status, err)
	}
	if live := e.liveDocs(t)[syncer.OurRef(p.InvoiceID)]; len(live) != 1 || live[0].InvoiceID != res.LedgerID {
		t.Fatalf("live documents: %+v", live)
	}
}
