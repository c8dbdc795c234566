package procure

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"

	"github.com/billbridge/billbridge/internal/store"
)

// Every engine sends the same way: settle what an earlier run left
// 'sending' by looking it up in the ledger, plan, and send in batches with
// the journal committed before and after each ledger call. An unknown
// outcome is settled by lookup at once and never resent. journal and flow
// are that discipline, written once for bills, orders and postings.

// row points at the fields of a journal entry that sending reads and
// settles; the procurement and posting journals keep different entries.
type row struct{ reference, key, state, ledgerID, err *string }

func procureRow(e *store.ProcureEntry) row {
	return row{&e.Reference, &e.IdempotencyKey, &e.State, &e.LedgerID, &e.Error}
}

func postingRow(e *store.PostingEntry) row {
	return row{&e.Reference, &e.IdempotencyKey, &e.State, &e.LedgerID, &e.Error}
}

// journal is one engine's journal and how its rows are looked up.
type journal[E any] struct {
	load func(ctx context.Context, states ...string) ([]E, error)
	save func(ctx context.Context, rows []E) error
	row  func(*E) row
	// find looks rows up in the ledger: the ids it has, by reference.
	find func(ctx context.Context, rows []E) (map[string]string, error)
	// refused is the message of a line the ledger refused.
	refused func(e E, err error) string
	// notes keeps the plan's notes on a sent line.
	notes  bool
	what   string // for errors and the log: what is sent
	lookup string // what is looked up, when not what
	log    *slog.Logger
}

// procureJournal is an organisation's part of the procurement journal
// (bills, or orders under OrderJournal).
func procureJournal(st *store.Store, profileID int64, organisation string) journal[store.ProcureEntry] {
	return journal[store.ProcureEntry]{
		load: func(ctx context.Context, states ...string) ([]store.ProcureEntry, error) {
			return st.ProcureJournal(ctx, profileID, organisation, states...)
		},
		save: st.SaveProcureJournal, row: procureRow}
}

// postingJournal is an organisation's posting journal of some kinds.
func postingJournal(st *store.Store, profileID int64, organisation string, kinds ...string) journal[store.PostingEntry] {
	return journal[store.PostingEntry]{
		load: func(ctx context.Context, states ...string) ([]store.PostingEntry, error) {
			return st.PostingJournal(ctx, profileID, organisation, kinds, states...)
		},
		save: st.SavePostingJournal, row: postingRow}
}

// covered returns the references already sending or sent.
func (j journal[E]) covered(ctx context.Context) (map[string]bool, error) {
	rows, err := j.load(ctx, store.ProcureSending, store.ProcureSent)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for i := range rows {
		out[*j.row(&rows[i]).reference] = true
	}
	return out, nil
}

// resolve settles every row left 'sending' by looking it up in the ledger:
// found → sent; not found → failed, to be sent again next run.
func (j journal[E]) resolve(ctx context.Context) (int, error) {
	rows, err := j.load(ctx, store.ProcureSending)
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	found, err := j.find(ctx, rows)
	if err != nil {
		return 0, fmt.Errorf("procure: look up %s left sending: %w", cmp.Or(j.lookup, j.what), err)
	}
	for i := range rows {
		r := j.row(&rows[i])
		if id, ok := found[*r.reference]; ok {
			*r.state, *r.ledgerID, *r.err = store.ProcureSent, id, ""
		} else {
			*r.state, *r.err = store.ProcureFailed, "not in the ledger after an interrupted send; sent again next run"
		}
	}
	return len(rows), j.save(ctx, rows)
}

// send journals entries as sending, makes the ledger call with a key made
// of theirs, and journals each result into t; notes are the sent lines'
// messages. When the call fails its outcome is unknown: the rows are
// resolved by lookup at once, and stay 'sending' for the next run if that
// fails too.
func (j journal[E]) send(ctx context.Context, entries []E, notes []string, call func(key string) ([]Result, error), t *tally) error {
	if len(entries) == 0 {
		return nil
	}
	if err := j.save(ctx, entries); err != nil {
		return err
	}
	keys := make([]string, len(entries))
	for i := range entries {
		keys[i] = *j.row(&entries[i]).key
	}
	res, err := call(key(keys...))
	if err != nil {
		logOr(j.log).Warn("create "+j.what+" failed; resolving by lookup", "err", err)
		if _, rerr := j.resolve(ctx); rerr != nil {
			return fmt.Errorf("procure: send %s: %w (and the lookup failed: %v)", j.what, err, rerr)
		}
		return j.countResolved(ctx, entries, t)
	}
	for i, re := range res {
		en := j.row(&entries[i])
		l := Line{Reference: *en.reference}
		if j.notes {
			l.Message = notes[i]
		}
		if re.Err != nil {
			*en.state, *en.err = store.ProcureFailed, re.Err.Error()
			l.Status, l.Message = "failed", j.refused(entries[i], re.Err)
		} else {
			*en.state, *en.ledgerID, *en.err = store.ProcureSent, re.ID, ""
			l.Status, l.LedgerID = "sent", re.ID
		}
		t.done(l)
	}
	return j.save(ctx, entries)
}

// countResolved counts entries as the lookup after a failed call left them.
func (j journal[E]) countResolved(ctx context.Context, entries []E, t *tally) error {
	rows, err := j.load(ctx)
	if err != nil {
		return err
	}
	byRef := map[string]row{}
	for i := range rows {
		r := j.row(&rows[i])
		byRef[*r.reference] = r
	}
	for i := range entries {
		ref := *j.row(&entries[i]).reference
		l := Line{Reference: ref, Status: "sent"}
		r, ok := byRef[ref]
		if ok {
			l.LedgerID = *r.ledgerID
		}
		if !ok || *r.state != store.ProcureSent {
			l.Status, l.Message = "failed", "the ledger did not answer and does not have it; it is sent again next run"
		}
		t.done(l)
	}
	return nil
}

// byReference maps what the ledger found to the references of the journal
// rows it was looked up for: refs[i] is how row references[i] is found.
func byReference[R comparable, F any](references []string, refs []R, found []F, of func(F) (R, string)) map[string]string {
	ids := map[R]string{}
	for _, f := range found {
		r, id := of(f)
		ids[r] = id
	}
	out := map[string]string{}
	for i, r := range refs {
		if id, ok := ids[r]; ok {
			out[references[i]] = id
		}
	}
	return out
}

// docsOf is the documents of planned ones, for the ledger call.
func docsOf[P, D any](ps []P, doc func(P) D) []D {
	out := make([]D, len(ps))
	for i, p := range ps {
		out[i] = doc(p)
	}
	return out
}

// flow is one engine's run: its journal, how a planned document becomes a
// journal entry and a ledger call, and the batch size.
type flow[T any, P interface {
	*T
	planned
}, E any] struct {
	journal[E]
	batch  int
	entry  func(P) E
	create func(ctx context.Context, docs []P, key string) ([]Result, error)
	// ready links or creates the parties (payee) of the documents to send,
	// and blocks those it cannot; nil when documents have none.
	payee func(P) payee
	ready func(ctx context.Context, send []payee, t *tally) error
}

// run resolves what an earlier run left 'sending', plans, counts what is
// not to be sent, readies the rest and sends it in batches. It returns the
// planned documents as sent (with the parties readied) and the count.
func (f flow[T, P, E]) run(ctx context.Context, plan func(context.Context) ([]T, error)) ([]T, tally, error) {
	var t tally
	var err error
	if t.resolved, err = f.resolve(ctx); err != nil {
		return nil, t, err
	}
	docs, err := plan(ctx)
	if err != nil {
		return nil, t, err
	}
	var send []P
	for i := range docs {
		p := P(&docs[i])
		if o := p.outline(); o.blocked() || o.action != ActionSend {
			t.plan(o)
			continue
		}
		send = append(send, p)
	}
	if f.ready != nil {
		ps := make([]payee, len(send))
		for i, p := range send {
			ps[i] = f.payee(p)
		}
		if err := f.ready(ctx, ps, &t); err != nil {
			return docs, t, err
		}
	}
	for batch := range slices.Chunk(send, max(f.batch, 1)) {
		var entries []E
		var out []P
		var notes []string
		for _, p := range batch {
			o := p.outline()
			if o.blocked() {
				t.plan(o)
				continue
			}
			entries, out, notes = append(entries, f.entry(p)), append(out, p), append(notes, o.message())
		}
		call := func(k string) ([]Result, error) { return f.create(ctx, out, k) }
		if err := f.send(ctx, entries, notes, call, &t); err != nil {
			return docs, t, err
		}
	}
	return docs, t, nil
}
