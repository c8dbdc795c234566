package accounts

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// Cursor names in sync_cursors.
const (
	cursorAutotask = "accounts.autotask.modified"
	cursorLedger   = "accounts.exact.timestamp"
)

// cursorMargin is how far before a run's start the next run reads Autotask
// from, for clocks that disagree; re-reading a record costs nothing, since
// the base says it did not change.
const cursorMargin = 5 * time.Minute

// Runner runs the accounts flow of one profile.
type Runner struct {
	Store     *store.Store
	ProfileID int64
	Autotask  AutotaskSide
	Ledger    LedgerSide
	Log       *slog.Logger
	Now       func() time.Time // default time.Now
	Calls     func() int       // API calls made so far, for the run log; nil: not counted
}

// Options are a run's choices.
type Options struct {
	Direction string // "" = the profile's setting
	DryRun    bool   // plan only: write nothing, store nothing
}

// Result is what a run did.
type Result struct {
	RunID     int64                  `json:"runId"`
	Direction string                 `json:"direction"`
	Plan      Plan                   `json:"-"`
	Done      int                    `json:"done"`
	Failed    int                    `json:"failed"`
	Problems  int                    `json:"problems"`
	Conflicts int                    `json:"conflicts"`
	Lines     []store.AccountRunLine `json:"lines"`
}

func (r Result) String() string {
	return fmt.Sprintf("accounts (%s): %d done, %d failed, %d conflicts, %d waiting on you", r.Direction, r.Done, r.Failed, r.Conflicts, r.Problems)
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Runner) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.New(slog.DiscardHandler)
}

// Run reads both sides, plans and (unless a dry run) carries the plan out.
// Refusals of single records (apperr Invalid or Conflict) become failed
// lines and the run goes on; anything else (unavailable, rate limited,
// reconnect) stops it, and the run is recorded as failed.
func (r *Runner) Run(ctx context.Context, opts Options) (Result, error) {
	settings, err := r.Store.AccountSettingsOf(ctx, r.ProfileID)
	if err != nil {
		return Result{}, err
	}
	dir := settings.Direction
	if opts.Direction != "" {
		dir = opts.Direction
	}
	if dir != store.AccountsToLedger && dir != store.AccountsToAutotask && dir != store.AccountsBoth {
		return Result{}, apperr.New(apperr.Invalid, fmt.Sprintf("%q is not a direction for accounts", dir),
			"Use to-ledger (Autotask → Exact), to-autotask (Exact → Autotask) or both.")
	}
	started := r.now()
	in, exactTS, err := r.read(ctx, dir)
	if err != nil {
		return Result{}, err
	}
	plan := MakePlan(in)
	res := Result{Direction: dir, Plan: plan, Conflicts: len(plan.Conflicts), Problems: len(plan.Problems)}
	if opts.DryRun {
		res.Lines = planLines(plan)
		return res, nil
	}
	optsJSON, _ := json.Marshal(map[string]string{"direction": dir})
	run := store.Run{ProfileID: r.ProfileID, Kind: store.RunKindAccounts, Options: string(optsJSON)}
	if err := r.Store.StartRun(ctx, &run); err != nil {
		return res, err
	}
	res.RunID = run.ID
	callsBefore := r.calls()
	runErr := r.execute(ctx, plan, &res)
	run.Sent, run.Failed, run.Blocked, run.Skipped = res.Done, res.Failed, res.Problems, len(plan.Suggestions)
	run.APICalls = r.calls() - callsBefore
	run.Summary, run.Status = res.String(), "done"
	if runErr != nil {
		run.Status, run.Error = "failed", apperr.Public(runErr).Message
	}
	if err := r.Store.FinishAccountRun(ctx, &run, res.Lines); err != nil {
		return res, err
	}
	if runErr != nil {
		return res, runErr
	}
	// The cursors move only when nothing failed and nothing waits, so the
	// next run reads those records again.
	if res.Failed == 0 && res.Problems == 0 {
		if err := r.Store.SetCursor(ctx, r.ProfileID, cursorAutotask, started.Add(-cursorMargin).UTC().Format(time.RFC3339)); err != nil {
			return res, err
		}
		if err := r.Store.SetCursor(ctx, r.ProfileID, cursorLedger, strconv.FormatInt(exactTS, 10)); err != nil {
			return res, err
		}
	}
	return res, nil
}

func (r *Runner) calls() int {
	if r.Calls == nil {
		return 0
	}
	return r.Calls()
}

// read gathers the plan's input: everything on a first run, otherwise what
// changed since the cursors, plus each changed record's linked counterpart,
// plus both records of links made since (accepted suggestions); when a
// changed record is not linked, the whole other side, to match it against.
func (r *Runner) read(ctx context.Context, dir string) (Input, int64, error) {
	in := Input{Direction: dir, Links: map[int64]string{}, Bases: map[int64]Base{}}
	rules, err := r.Store.MappingRules(ctx, r.ProfileID)
	if err != nil {
		return in, 0, err
	}
	in.Links = mapping.FromStore(rules, "").Customers
	pairs, err := r.Store.AccountPairs(ctx, r.ProfileID, "")
	if err != nil {
		return in, 0, err
	}
	for _, p := range pairs {
		var b Base
		if err := json.Unmarshal([]byte(p.Base), &b); err != nil {
			r.log().Warn("accounts: unreadable base, pair is treated as new", "company", p.CompanyID, "err", err)
			continue
		}
		in.Bases[p.CompanyID] = b
	}
	atCursor, err := r.Store.Cursor(ctx, r.ProfileID, cursorAutotask)
	if err != nil {
		return in, 0, err
	}
	exCursor, err := r.Store.Cursor(ctx, r.ProfileID, cursorLedger)
	if err != nil {
		return in, 0, err
	}
	since := int64(1)
	if n, err := strconv.ParseInt(exCursor, 10, 64); err == nil && n > 0 {
		since = n
	}
	accounts, ts, err := r.Ledger.AccountsSince(ctx, since)
	if err != nil {
		return in, 0, err
	}
	if ts < since {
		ts = since
	}
	var companies []Company
	full := atCursor == ""
	if full {
		companies, err = r.Autotask.AllCompanies(ctx)
	} else {
		t, perr := time.Parse(time.RFC3339, atCursor)
		if perr != nil {
			return in, 0, fmt.Errorf("accounts: cursor %q: %w", atCursor, perr)
		}
		companies, err = r.Autotask.CompaniesChangedSince(ctx, t)
	}
	if err != nil {
		return in, 0, err
	}
	haveCo := map[int64]bool{}
	for _, c := range companies {
		haveCo[c.ID] = true
	}
	haveAc := map[string]bool{}
	for _, a := range accounts {
		haveAc[strings.ToLower(a.ID)] = true
	}
	linkedTo := map[string]int64{}
	for co, ac := range in.Links {
		linkedTo[strings.ToLower(ac)] = co
	}
	var needCo []int64
	var needAc []string
	wholeLedger, wholeAutotask := false, false
	for _, c := range companies {
		ac, ok := in.Links[c.ID]
		switch {
		case !ok && c.Active:
			wholeLedger = since > 1 // a first run read every account already
		case ok && !haveAc[strings.ToLower(ac)]:
			needAc = append(needAc, ac)
			haveAc[strings.ToLower(ac)] = true
		}
	}
	for _, a := range accounts {
		co, ok := linkedTo[strings.ToLower(a.ID)]
		switch {
		case !ok && a.Customer:
			wholeAutotask = !full
		case ok && !haveCo[co]:
			needCo = append(needCo, co)
			haveCo[co] = true
		}
	}
	for co, ac := range in.Links {
		if _, based := in.Bases[co]; based {
			continue
		}
		if !haveCo[co] {
			needCo, haveCo[co] = append(needCo, co), true
		}
		if !haveAc[strings.ToLower(ac)] {
			needAc, haveAc[strings.ToLower(ac)] = append(needAc, ac), true
		}
	}
	if wholeAutotask {
		all, err := r.Autotask.AllCompanies(ctx)
		if err != nil {
			return in, 0, err
		}
		for _, c := range all {
			if !haveCo[c.ID] {
				companies, haveCo[c.ID] = append(companies, c), true
			}
		}
	}
	if n := missingCompanies(needCo, companies); len(n) > 0 {
		got, err := r.Autotask.CompaniesByID(ctx, n)
		if err != nil {
			return in, 0, err
		}
		companies = append(companies, got...)
	}
	if wholeLedger {
		all, _, err := r.Ledger.AccountsSince(ctx, 1)
		if err != nil {
			return in, 0, err
		}
		for _, a := range all {
			if !haveAc[strings.ToLower(a.ID)] {
				accounts, haveAc[strings.ToLower(a.ID)] = append(accounts, a), true
			}
		}
	}
	if len(needAc) > 0 {
		got, err := r.Ledger.AccountsByID(ctx, needAc)
		if err != nil {
			return in, 0, err
		}
		accounts = append(accounts, got...)
	}
	in.Companies = dedupCompanies(companies)
	in.Accounts = dedupAccounts(accounts)
	return in, ts, nil
}

// missingCompanies keeps the ids still missing from companies (a whole
// read may have brought them in).
func missingCompanies(ids []int64, companies []Company) []int64 {
	have := map[int64]bool{}
	for _, c := range companies {
		have[c.ID] = true
	}
	var out []int64
	for _, id := range ids {
		if !have[id] {
			out = append(out, id)
		}
	}
	return out
}

func dedupCompanies(cs []Company) []Company {
	seen := map[int64]bool{}
	out := cs[:0:0]
	for _, c := range cs {
		if !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, c)
		}
	}
	return out
}

func dedupAccounts(as []Account) []Account {
	seen := map[string]bool{}
	out := as[:0:0]
	for _, a := range as {
		k := strings.ToLower(a.ID)
		if !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}
