package accounts

import (
	"strings"

	"github.com/billbridge/billbridge/internal/store"
)

// merge decides, field by field, what each side of a pair gets (see the
// package documentation for the rules).
func merge(in Input, co Company, a Account, by string, newLink bool) Pair {
	pr := Pair{Company: co, Account: a, By: by, NewLink: newLink}
	av, ev := co.Fields.Clean(), a.Fields.Clean()
	base, hasBase := in.Bases[co.ID]
	if hasBase && !strings.EqualFold(base.AccountID, a.ID) {
		hasBase = false // the company was relinked: the old base says nothing
	}
	ba, be := base.Autotask.Clean(), base.Ledger.Clean()
	resA, resE := av, ev
	for _, f := range FieldNames {
		x, y := av.Get(f), ev.Get(f)
		if x == y {
			continue
		}
		winner, reason, listed := decide(in.Direction, x != ba.Get(f), y != be.Get(f), hasBase, co, a)
		val, loserVal := x, y
		if winner == SideLedger {
			val, loserVal = y, x
		}
		if val == "" && loserVal != "" {
			// Never blank a field: the other side keeps its value.
			val = loserVal
			reason += "; the empty value was not copied, so nothing is lost"
		}
		if x != val && toAutotask(in.Direction) {
			pr.ToAutotask = append(pr.ToAutotask, Change{Field: f, From: x, To: val})
			resA.Set(f, val)
		}
		if y != val && toLedger(in.Direction) {
			pr.ToLedger = append(pr.ToLedger, Change{Field: f, From: y, To: val})
			resE.Set(f, val)
		}
		if listed {
			pr.Conflicts = append(pr.Conflicts, Conflict{CompanyID: co.ID, AccountID: a.ID, Name: co.Fields.Name, Field: f,
				AutotaskValue: x, LedgerValue: y, Winner: winner, Reason: reason})
		}
	}
	// A side the direction does not write to keeps its values; the base
	// records each side as it will be.
	pr.Result = Base{AccountID: a.ID, Autotask: resA, Ledger: resE}
	pr.SaveBase = newLink || !hasBase || ba != resA || be != resE
	return pr
}

// decide picks the side whose value of field f wins; listed says whether
// the decision is a conflict for the run log.
func decide(dir string, aChanged, eChanged, hasBase bool, co Company, a Account) (winner, reason string, listed bool) {
	aChanged, eChanged = !hasBase || aChanged, !hasBase || eChanged
	switch dir {
	case store.AccountsToLedger:
		if hasBase && eChanged && !aChanged {
			return SideAutotask, "changed only in Exact, but accounts go from Autotask to Exact: Autotask's value is kept", true
		}
		if hasBase && eChanged && aChanged {
			return SideAutotask, "changed on both sides; accounts go from Autotask to Exact", true
		}
		return SideAutotask, "", false
	case store.AccountsToAutotask:
		if hasBase && aChanged && !eChanged {
			return SideLedger, "changed only in Autotask, but accounts go from Exact to Autotask: Exact's value is kept", true
		}
		if hasBase && aChanged && eChanged {
			return SideLedger, "changed on both sides; accounts go from Exact to Autotask", true
		}
		return SideLedger, "", false
	}
	switch {
	case hasBase && aChanged && !eChanged:
		return SideAutotask, "", false
	case hasBase && eChanged && !aChanged:
		return SideLedger, "", false
	}
	why := "changed on both sides"
	if !hasBase {
		why = "different on both sides when first linked"
	}
	if a.Modified.After(co.Modified) {
		return SideLedger, why + "; Exact's change is the most recent", true
	}
	return SideAutotask, why + "; Autotask's change is the most recent", true
}
