package accounts

import (
	"fmt"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/store"
)

// Sides, as run lines and conflicts name them.
const (
	SideAutotask = "autotask"
	SideLedger   = "exact"
)

// Input is what Plan decides from: the records read from both sides, the
// stored links (Autotask company id → Exact account id) and the base of
// each linked pair.
type Input struct {
	Direction string // store.AccountsToLedger, AccountsToAutotask or AccountsBoth
	Companies []Company
	Accounts  []Account
	Links     map[int64]string
	Bases     map[int64]Base
}

// Base is a pair's shared fields on each side after the last run.
type Base struct {
	AccountID string `json:"accountId"`
	Autotask  Fields `json:"autotask"`
	Ledger    Fields `json:"exact"`
}

// Pair is a linked company and account and what to write to each.
type Pair struct {
	Company    Company
	Account    Account
	By         string   // link, number, name
	NewLink    bool     // not stored yet
	ToLedger   []Change // fields to write to the Exact account
	ToAutotask []Change // fields to write to the Autotask company
	Result     Base     // each side's values once the changes are made: the next base
	SaveBase   bool     // the stored base differs from Result (or there is none)
	Conflicts  []Conflict
}

// Conflict is a field changed on both sides (or, in one-way mode, on the
// destination), with the side that won.
type Conflict struct {
	CompanyID     int64  `json:"companyId"`
	AccountID     string `json:"accountId"`
	Name          string `json:"name"`
	Field         string `json:"field"`
	AutotaskValue string `json:"autotaskValue"`
	LedgerValue   string `json:"exactValue"`
	Winner        string `json:"winner"` // autotask or exact
	Reason        string `json:"reason"`
}

// Suggestion is a close name offered for linking, never applied silently.
type Suggestion struct {
	CompanyID   int64   `json:"companyId"`
	CompanyName string  `json:"companyName"`
	AccountID   string  `json:"accountId"`
	AccountName string  `json:"accountName"`
	Score       float64 `json:"score"`
}

// Problem is something a person must settle; nothing is written for it.
type Problem struct {
	CompanyID int64  `json:"companyId"`
	AccountID string `json:"accountId"`
	Name      string `json:"name"`
	Message   string `json:"message"`
	Fix       string `json:"fix"`
}

// Plan is what a run will do.
type Plan struct {
	Pairs          []Pair
	CreateLedger   []Company // companies to create as Exact accounts
	CreateAutotask []Account // accounts to create as Autotask companies
	Conflicts      []Conflict
	Suggestions    []Suggestion
	Problems       []Problem
}

// Empty reports whether the plan writes nothing anywhere.
func (p Plan) Empty() bool {
	if len(p.CreateLedger)+len(p.CreateAutotask) > 0 {
		return false
	}
	for _, pr := range p.Pairs {
		if len(pr.ToLedger)+len(pr.ToAutotask) > 0 {
			return false
		}
	}
	return true
}

func toLedger(dir string) bool   { return dir == store.AccountsToLedger || dir == store.AccountsBoth }
func toAutotask(dir string) bool { return dir == store.AccountsToAutotask || dir == store.AccountsBoth }

func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// MakePlan links, and decides creates, updates and conflicts. It is pure:
// the same input gives the same plan, in company-id order.
func MakePlan(in Input) Plan {
	var p Plan
	companies := append([]Company(nil), in.Companies...)
	sort.Slice(companies, func(i, j int) bool { return companies[i].ID < companies[j].ID })
	accounts := append([]Account(nil), in.Accounts...)
	sort.Slice(accounts, func(i, j int) bool { return accounts[i].ID < accounts[j].ID })

	byID := map[string]*Account{}
	byNumber := map[string]*Account{}
	byName := map[string][]*Account{}
	for i := range accounts {
		a := &accounts[i]
		byID[strings.ToLower(a.ID)] = a
		for _, n := range []string{a.Code, strings.TrimSpace(a.SearchCode)} {
			if n != "" && byNumber[n] == nil {
				byNumber[n] = a
			}
		}
		byName[nameKey(a.Fields.Name)] = append(byName[nameKey(a.Fields.Name)], a)
	}
	// Accounts already linked to some company are never linked again, nor
	// created in Autotask, even when that company was not read this time.
	linkedAccount := map[string]int64{}
	for co, acct := range in.Links {
		linkedAccount[strings.ToLower(acct)] = co
	}
	claimed := map[string]bool{}
	matched := map[int64]bool{}
	held := map[int64]bool{}
	companyByID := map[int64]bool{}
	for _, co := range companies {
		companyByID[co.ID] = true
	}

	pair := func(co Company, a *Account, by string, stored bool) {
		claimed[strings.ToLower(a.ID)] = true
		matched[co.ID] = true
		p.Pairs = append(p.Pairs, merge(in, co, *a, by, !stored))
	}
	// Pass 1: stored links.
	for _, co := range companies {
		acctID, ok := in.Links[co.ID]
		if !ok {
			continue
		}
		a := byID[strings.ToLower(acctID)]
		if a == nil {
			matched[co.ID] = true
			p.Problems = append(p.Problems, Problem{CompanyID: co.ID, AccountID: acctID, Name: co.Fields.Name,
				Message: fmt.Sprintf("Autotask company %q is linked to Exact account %s, which Exact no longer has (or which is not a customer)", co.Fields.Name, acctID),
				Fix:     "Link the company to another Exact account in Mappings → Customers, or remove its link so that Billbridge creates or finds the account again."})
			continue
		}
		pair(co, a, "link", true)
	}
	// Pass 2: company number = account code or search code.
	for _, co := range companies {
		n := strings.TrimSpace(co.Number)
		if matched[co.ID] || n == "" {
			continue
		}
		if a := byNumber[n]; a != nil && !claimed[strings.ToLower(a.ID)] && linkedAccount[strings.ToLower(a.ID)] == 0 {
			pair(co, a, "number", false)
		}
	}
	// Pass 3: exact name.
	for _, co := range companies {
		if matched[co.ID] {
			continue
		}
		var free []*Account
		for _, a := range byName[nameKey(co.Fields.Name)] {
			if !claimed[strings.ToLower(a.ID)] && linkedAccount[strings.ToLower(a.ID)] == 0 {
				free = append(free, a)
			}
		}
		switch len(free) {
		case 0:
		case 1:
			pair(co, free[0], "name", false)
		default:
			matched[co.ID] = true
			p.Problems = append(p.Problems, Problem{CompanyID: co.ID, Name: co.Fields.Name,
				Message: fmt.Sprintf("%d Exact accounts are called %q; Billbridge cannot tell which one is Autotask company %d", len(free), co.Fields.Name, co.ID),
				Fix:     "Link the company to one of them in Mappings → Customers (or give it the account's code as its company number in Autotask)."})
		}
	}
	// Pass 4: close names are suggested; both records wait for the user.
	free := func(a *Account) bool {
		return !claimed[strings.ToLower(a.ID)] && linkedAccount[strings.ToLower(a.ID)] == 0
	}
	heldAccount := map[string]bool{}
	for _, co := range companies {
		if matched[co.ID] {
			continue
		}
		best, score := (*Account)(nil), 0.0
		for i := range accounts {
			a := &accounts[i]
			if !free(a) || heldAccount[strings.ToLower(a.ID)] {
				continue
			}
			if s := mapping.Similarity(co.Fields.Name, a.Fields.Name); s > score {
				best, score = a, s
			}
		}
		if best != nil && score >= mapping.SuggestThreshold {
			held[co.ID] = true
			heldAccount[strings.ToLower(best.ID)] = true
			p.Suggestions = append(p.Suggestions, Suggestion{CompanyID: co.ID, CompanyName: co.Fields.Name, AccountID: best.ID,
				AccountName: best.Fields.Name, Score: score})
		}
	}
	// What is left is created on the other side, where the direction
	// allows, unless a record there has the same name or number: that
	// would be a duplicate (it is linked elsewhere, or ambiguous).
	companyNames, companyNumbers := map[string]bool{}, map[string]bool{}
	for _, co := range companies {
		companyNames[nameKey(co.Fields.Name)] = true
		if n := strings.TrimSpace(co.Number); n != "" {
			companyNumbers[n] = true
		}
	}
	for _, co := range companies {
		if matched[co.ID] || held[co.ID] || !co.Active || !toLedger(in.Direction) {
			continue
		}
		if n := strings.TrimSpace(co.Number); len(byName[nameKey(co.Fields.Name)]) > 0 || (n != "" && byNumber[n] != nil) {
			p.Problems = append(p.Problems, duplicateProblem(co.ID, "", co.Fields.Name, "Exact already has an account with this name or number, linked to another company"))
			continue
		}
		p.CreateLedger = append(p.CreateLedger, co)
	}
	for i := range accounts {
		a := &accounts[i]
		key := strings.ToLower(a.ID)
		if claimed[key] || heldAccount[key] {
			continue
		}
		if co, ok := linkedAccount[key]; ok {
			if !companyByID[co] {
				p.Problems = append(p.Problems, Problem{CompanyID: co, AccountID: a.ID, Name: a.Fields.Name,
					Message: fmt.Sprintf("Exact account %q is linked to Autotask company %d, which Autotask did not return (deleted, or not a customer)", a.Fields.Name, co),
					Fix:     "Make the company a customer in Autotask again, or link the account to another company in Mappings → Customers."})
			}
			continue
		}
		if !a.Customer || !toAutotask(in.Direction) {
			continue
		}
		if companyNames[nameKey(a.Fields.Name)] || (a.Code != "" && companyNumbers[a.Code]) {
			p.Problems = append(p.Problems, duplicateProblem(0, a.ID, a.Fields.Name, "Autotask already has a company with this name or number, linked to another account"))
			continue
		}
		if strings.TrimSpace(a.Fields.Phone) == "" {
			p.Problems = append(p.Problems, Problem{AccountID: a.ID, Name: a.Fields.Name,
				Message: fmt.Sprintf("Exact account %q has no phone number, which Autotask requires for a new company", a.Fields.Name),
				Fix:     "Add a phone number to the account in Exact, then run the accounts sync again."})
			continue
		}
		p.CreateAutotask = append(p.CreateAutotask, *a)
	}
	for _, pr := range p.Pairs {
		p.Conflicts = append(p.Conflicts, pr.Conflicts...)
	}
	return p
}

func duplicateProblem(companyID int64, accountID, name, why string) Problem {
	return Problem{CompanyID: companyID, AccountID: accountID, Name: name,
		Message: fmt.Sprintf("%q is not created: %s", name, why),
		Fix:     "Link the two records that belong together in Mappings → Customers, or rename one of them."}
}
