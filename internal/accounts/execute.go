package accounts

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

// Line actions.
const (
	ActLink           = "link"
	ActCreateLedger   = "create-exact"
	ActCreateAutotask = "create-autotask"
	ActUpdateLedger   = "update-exact"
	ActUpdateAutotask = "update-autotask"
	ActConflict       = "conflict"
	ActSuggestion     = "suggestion"
	ActProblem        = "problem"
)

func detail(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func changeText(cs []Change) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Field
	}
	return strings.Join(names, ", ")
}

// recordOnly reports whether err is about one record (the run goes on).
func recordOnly(err error) bool {
	c := apperr.CodeOf(err)
	return c == apperr.Invalid || c == apperr.Conflict || c == apperr.NotFound
}

// failed fills a line from err.
func failed(l store.AccountRunLine, err error) store.AccountRunLine {
	pub := apperr.Public(err)
	l.Status, l.Message, l.Fix = "failed", pub.Message, pub.Fix
	return l
}

// execute carries out p, appending a line per action to res; it stops at
// the first error that is not about one record.
func (r *Runner) execute(ctx context.Context, p Plan, res *Result) error {
	add := func(l store.AccountRunLine) {
		switch l.Status {
		case "done":
			res.Done++
		case "failed":
			res.Failed++
		}
		res.Lines = append(res.Lines, l)
	}
	// step runs one action; fatal errors stop the run.
	step := func(l *store.AccountRunLine, do func() error) error {
		if err := do(); err != nil {
			add(failed(*l, err))
			if !recordOnly(err) {
				return err
			}
			return nil
		}
		l.Status = "done"
		add(*l)
		return nil
	}
	for _, pr := range p.Pairs {
		name := pr.Company.Fields.Name
		ok := true
		if len(pr.ToLedger) > 0 {
			l := store.AccountRunLine{Action: ActUpdateLedger, CompanyID: pr.Company.ID, AccountID: pr.Account.ID, Name: name,
				Message: "Exact account updated: " + changeText(pr.ToLedger), Detail: detail(pr.ToLedger)}
			n := res.Failed
			if err := step(&l, func() error { return r.Ledger.UpdateAccount(ctx, pr.Account.ID, pr.ToLedger) }); err != nil {
				return err
			}
			ok = ok && res.Failed == n
		}
		if len(pr.ToAutotask) > 0 {
			l := store.AccountRunLine{Action: ActUpdateAutotask, CompanyID: pr.Company.ID, AccountID: pr.Account.ID, Name: name,
				Message: "Autotask company updated: " + changeText(pr.ToAutotask), Detail: detail(pr.ToAutotask)}
			n := res.Failed
			if err := step(&l, func() error { return r.Autotask.UpdateCompany(ctx, pr.Company.ID, pr.ToAutotask) }); err != nil {
				return err
			}
			ok = ok && res.Failed == n
		}
		if !ok || !pr.SaveBase {
			continue
		}
		if err := r.savePair(ctx, pr.Company.ID, pr.Result, "linked by the accounts sync ("+pr.By+")"); err != nil {
			return err
		}
		if pr.NewLink {
			add(store.AccountRunLine{Action: ActLink, Status: "done", CompanyID: pr.Company.ID, AccountID: pr.Account.ID, Name: name,
				Message: fmt.Sprintf("Linked to Exact account %s %q by %s", pr.Account.Code, pr.Account.Fields.Name, pr.By)})
		}
	}
	for _, co := range p.CreateLedger {
		l := store.AccountRunLine{Action: ActCreateLedger, CompanyID: co.ID, Name: co.Fields.Name}
		err := step(&l, func() error {
			a, err := r.Ledger.CreateAccount(ctx, co)
			if err != nil {
				return err
			}
			l.AccountID, l.Message = a.ID, fmt.Sprintf("Exact account %s created", a.Code)
			return r.savePair(ctx, co.ID, Base{AccountID: a.ID, Autotask: co.Fields.Clean(), Ledger: a.Fields.Clean()}, "created in Exact by the accounts sync")
		})
		if err != nil {
			return err
		}
	}
	for _, a := range p.CreateAutotask {
		l := store.AccountRunLine{Action: ActCreateAutotask, AccountID: a.ID, Name: a.Fields.Name}
		err := step(&l, func() error {
			id, err := r.Autotask.CreateCompany(ctx, a)
			if err != nil {
				return err
			}
			l.CompanyID, l.Message = id, fmt.Sprintf("Autotask company %d created", id)
			// The new company holds exactly what was sent: the account's values.
			return r.savePair(ctx, id, Base{AccountID: a.ID, Autotask: a.Fields.Clean(), Ledger: a.Fields.Clean()}, "created in Autotask by the accounts sync")
		})
		if err != nil {
			return err
		}
	}
	for _, c := range p.Conflicts {
		res.Lines = append(res.Lines, conflictLine(c))
	}
	var rules []store.MappingRule
	for _, s := range p.Suggestions {
		res.Lines = append(res.Lines, suggestionLine(s))
		rules = append(rules, store.MappingRule{Kind: store.MapCustomer, SourceKey: strconv.FormatInt(s.CompanyID, 10), Target: s.AccountID,
			Suggested: true, Note: fmt.Sprintf("%q looks like Exact account %q (%.0f %% alike)", s.CompanyName, s.AccountName, s.Score*100)})
	}
	if len(rules) > 0 {
		if err := r.Store.SaveMappingRules(ctx, r.ProfileID, rules); err != nil {
			return err
		}
	}
	for _, pb := range p.Problems {
		res.Lines = append(res.Lines, problemLine(pb))
	}
	return nil
}

func (r *Runner) savePair(ctx context.Context, companyID int64, b Base, note string) error {
	return r.Store.SaveAccountPair(ctx, r.ProfileID, store.AccountPair{CompanyID: companyID, AccountID: b.AccountID, Base: detail(b)}, note)
}

func conflictLine(c Conflict) store.AccountRunLine {
	return store.AccountRunLine{Action: ActConflict, Status: "done", CompanyID: c.CompanyID, AccountID: c.AccountID, Name: c.Name,
		Message: fmt.Sprintf("%s: Autotask has %q, Exact has %q; %s wins (%s)", c.Field, c.AutotaskValue, c.LedgerValue, c.Winner, c.Reason),
		Detail:  detail(c)}
}

func suggestionLine(s Suggestion) store.AccountRunLine {
	return store.AccountRunLine{Action: ActSuggestion, Status: "skipped", CompanyID: s.CompanyID, AccountID: s.AccountID, Name: s.CompanyName,
		Message: fmt.Sprintf("%q looks like Exact account %q (%.0f %% alike); neither is created while this waits", s.CompanyName, s.AccountName, s.Score*100),
		Fix:     "Accept the suggestion in Mappings → Customers if they are the same customer; otherwise link the company to its own account there.",
		Detail:  detail(s)}
}

func problemLine(p Problem) store.AccountRunLine {
	return store.AccountRunLine{Action: ActProblem, Status: "skipped", CompanyID: p.CompanyID, AccountID: p.AccountID, Name: p.Name,
		Message: p.Message, Fix: p.Fix}
}

// planLines describes a plan without carrying it out (a dry run).
func planLines(p Plan) []store.AccountRunLine {
	var out []store.AccountRunLine
	for _, pr := range p.Pairs {
		if pr.NewLink {
			out = append(out, store.AccountRunLine{Action: ActLink, Status: "planned", CompanyID: pr.Company.ID, AccountID: pr.Account.ID,
				Name: pr.Company.Fields.Name, Message: "would link by " + pr.By})
		}
		if len(pr.ToLedger) > 0 {
			out = append(out, store.AccountRunLine{Action: ActUpdateLedger, Status: "planned", CompanyID: pr.Company.ID, AccountID: pr.Account.ID,
				Name: pr.Company.Fields.Name, Message: "would update in Exact: " + changeText(pr.ToLedger), Detail: detail(pr.ToLedger)})
		}
		if len(pr.ToAutotask) > 0 {
			out = append(out, store.AccountRunLine{Action: ActUpdateAutotask, Status: "planned", CompanyID: pr.Company.ID, AccountID: pr.Account.ID,
				Name: pr.Company.Fields.Name, Message: "would update in Autotask: " + changeText(pr.ToAutotask), Detail: detail(pr.ToAutotask)})
		}
	}
	for _, co := range p.CreateLedger {
		out = append(out, store.AccountRunLine{Action: ActCreateLedger, Status: "planned", CompanyID: co.ID, Name: co.Fields.Name, Message: "would create in Exact"})
	}
	for _, a := range p.CreateAutotask {
		out = append(out, store.AccountRunLine{Action: ActCreateAutotask, Status: "planned", AccountID: a.ID, Name: a.Fields.Name, Message: "would create in Autotask"})
	}
	for _, c := range p.Conflicts {
		l := conflictLine(c)
		l.Status = "planned"
		out = append(out, l)
	}
	for _, s := range p.Suggestions {
		out = append(out, suggestionLine(s))
	}
	for _, pb := range p.Problems {
		out = append(out, problemLine(pb))
	}
	return out
}
