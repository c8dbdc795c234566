package procure

import (
	"fmt"
	"log/slog"
)

// Line is one document's outcome, for the run log.
type Line struct {
	Reference string `json:"reference"`
	Status    string `json:"status"` // ready, blocked, skipped, none, sent, failed
	LedgerID  string `json:"ledgerId"`
	Message   string `json:"message"`
}

// outline is what a run reads of a planned document, whatever it is (a
// bill, an order, a journal), so one loop can count and send them all.
type outline struct {
	ref, action string
	problems    []Problem
	notes       []string
}

// planned is a planned document of some engine.
type planned interface{ outline() outline }

func (p Planned) outline() outline {
	return outline{p.Bill.Reference, p.Action, p.Problems, p.Notes}
}

func (p PlannedOrder) outline() outline {
	return outline{p.Order.Reference, p.Action, p.Problems, p.Notes}
}

func (p PlannedJournal) outline() outline {
	return outline{p.Journal.Reference, p.Action, p.Problems, p.Notes}
}

func (o outline) blocked() bool { return len(o.problems) > 0 }

// message is the problems, each with its fix, and the notes.
func (o outline) message() string {
	msg := ""
	for _, pr := range o.problems {
		msg += pr.Message + ". " + pr.Fix + "\n"
	}
	for _, n := range o.notes {
		msg += n + "\n"
	}
	return msg
}

// tally counts what a run did. Every engine counts into one and copies it
// into its own exported summary type, so the counting rules are written
// once.
type tally struct {
	dryRun                                        bool
	planned, sent, failed, blocked, skipped, noOp int
	resolved                                      int // 'sending' rows settled by lookup
	created                                       int // parties created
	lines                                         []Line
}

// plan counts a document that is not sent: skipped, with nothing to post,
// blocked, or (in a preview) ready.
func (t *tally) plan(o outline) {
	l := Line{Reference: o.ref, Status: "ready", Message: o.message()}
	switch {
	case o.action == ActionSkip:
		t.skipped++
		l.Status = "skipped"
	case o.action == ActionNone:
		t.noOp++
		l.Status = "none"
	case o.blocked():
		t.blocked++
		l.Status = "blocked"
	default:
		t.planned++
	}
	t.lines = append(t.lines, l)
}

// done counts a document the ledger was asked for, by its line's status.
func (t *tally) done(l Line) {
	if l.Status == "sent" {
		t.sent++
	} else {
		t.failed++
	}
	t.lines = append(t.lines, l)
}

// preview counts every planned document of a dry run.
func preview[T planned](docs []T) tally {
	t := tally{dryRun: true}
	for _, p := range docs {
		t.plan(p.outline())
	}
	return t
}

// headline is the start of every summary's one-line text.
func headline(what string, dryRun bool, planned, sent, failed, blocked, skipped int) string {
	if dryRun {
		what += " preview"
	}
	return fmt.Sprintf("%s: %d ready, %d sent, %d failed, %d blocked, %d already in the ledger",
		what, planned, sent, failed, blocked, skipped)
}

// logOr is l, or a logger that discards when there is none.
func logOr(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}
