package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/procure"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
)

// The Purchases screen's other tabs: Autotask purchase orders sent as ledger
// purchase orders, approved expense reports as bills payable to the
// employee, and inventory journals (cost of sales, adjustments, transfers).
// Their previews and results are the bills' DTOs: a document is a "bill"
// whose vendor is the supplier, the employee or the journal's kind, and
// whose status may also be "none" (nothing to post, with the reason in its
// notes).

// PurchaseKindInput is the form of a tab: what to send (orders, expenses or
// inventory) and the window (YYYY-MM-DD): orders by submit date, expense
// reports by approved date, inventory by invoice and transfer date.
type PurchaseKindInput struct {
	ProfileID int64  `json:"profileId"`
	Kind      string `json:"kind"`
	From      string `json:"from"`
	To        string `json:"to"`
}

// ExpenseCategoryDTO is one Autotask expense category and the ledger
// account (and tax code) its expenses are booked to; "" when unmapped.
type ExpenseCategoryDTO struct {
	ProfileID   int64  `json:"profileId"`
	Value       int    `json:"value"` // Autotask's picklist value
	Label       string `json:"label"`
	Account     string `json:"account"`
	AccountName string `json:"accountName"`
	TaxCode     string `json:"taxCode"`
}

// InventorySettingsDTO are the accounts inventory journals post to. The
// inventory and cost of sales accounts are the purchase settings' own.
type InventorySettingsDTO struct {
	ProfileID          int64  `json:"profileId"`
	InventoryAccount   string `json:"inventoryAccount"`
	CostOfSalesAccount string `json:"costOfSalesAccount"`
	AdjustmentAccount  string `json:"adjustmentAccount"`
}

// PreviewKind lists every document of the window and what it becomes, what
// blocks it, or that the ledger already has it. It sends nothing.
func (s *Purchases) PreviewKind(in PurchaseKindInput) (PurchasePreviewDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	k, err := s.openKind(ctx, in)
	if err != nil {
		return PurchasePreviewDTO{}, err
	}
	res, _, err := runner.RunKind(ctx, s.deps.Store, k, true)
	if err != nil {
		return PurchasePreviewDTO{}, fmt.Errorf("app: %s preview: %w", in.Kind, err)
	}
	out := PurchasePreviewDTO{Bills: billDTOs(res.Docs), Ready: res.Planned, Blocked: res.Blocked, AlreadySent: res.Skipped,
		Totals: currencyTotals(res.Docs, "ready"), Summary: res.Summary}
	seen := map[string]bool{}
	for _, b := range res.Docs {
		if b.NewVendor && b.Status == "ready" && !seen[b.Vendor] {
			seen[b.Vendor] = true
			out.NewVendors++
		}
	}
	return out, nil
}

// RunKind sends the ready documents of the window and records the run. One
// purchases run of any kind goes at a time.
func (s *Purchases) RunKind(in PurchaseKindInput) (PurchaseResultDTO, error) {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return PurchaseResultDTO{}, apperr.New(apperr.Conflict, "Purchases are already being sent", "Wait for that run to finish, then preview again.")
	}
	s.running = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.running = false
		s.mu.Unlock()
	}()
	ctx := s.deps.Lifecycle.Context()
	k, err := s.openKind(ctx, in)
	if err != nil {
		return PurchaseResultDTO{}, err
	}
	res, run, err := runner.RunKind(ctx, s.deps.Store, k, false)
	if err != nil {
		return PurchaseResultDTO{}, fmt.Errorf("app: %s: %w", in.Kind, err)
	}
	audit(s.deps, in.ProfileID, "purchases.run", fmt.Sprintf("Run %d: %s", run.ID, res.Summary))
	return PurchaseResultDTO{RunID: run.ID, Sent: res.Sent, Failed: res.Failed, Blocked: res.Blocked, Skipped: res.Skipped, Created: res.Created,
		Resolved: res.Resolved, Calls: k.Calls.Total(), Summary: res.Summary, Bills: billDTOs(res.Docs), Totals: currencyTotals(res.Docs, "sent")}, nil
}

// openKind validates a tab's form and opens its engine.
func (s *Purchases) openKind(ctx context.Context, in PurchaseKindInput) (*runner.KindEngine, error) {
	if err := runner.CheckPurchaseKind(in.Kind); err != nil {
		return nil, err
	}
	if in.Kind == runner.PurchaseKindBills {
		return nil, apperr.New(apperr.Invalid, "Bills from goods receipts have their own preview", "Use the Bills from goods receipts tab.")
	}
	w, err := kindWindow(in.From, in.To)
	if err != nil {
		return nil, err
	}
	p, err := s.deps.Store.Profile(ctx, in.ProfileID)
	if err != nil {
		return nil, fmt.Errorf("app: %s: %w", in.Kind, err)
	}
	return runner.OpenKind(ctx, s.deps.connectDeps(), p, in.Kind, w)
}

func kindWindow(from, to string) (procure.Window, error) {
	f, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return procure.Window{}, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not a date", from), "Pick the first date from the calendar (YYYY-MM-DD).")
	}
	t, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return procure.Window{}, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not a date", to), "Pick the last date from the calendar (YYYY-MM-DD).")
	}
	if t.Before(f) {
		return procure.Window{}, apperr.New(apperr.Invalid, fmt.Sprintf("The window ends (%s) before it starts (%s)", to, from), "Choose a last date on or after the first.")
	}
	return procure.Window{From: f, Thru: t}, nil
}

// ExpenseCategories lists Autotask's expense categories, each with the
// ledger account its expenses are booked to.
func (s *Purchases) ExpenseCategories(profileID int64) ([]ExpenseCategoryDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	p, err := s.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: expense categories: %w", err)
	}
	at, err := connect.Autotask(ctx, s.deps.connectDeps(), p)
	if err != nil {
		return nil, err
	}
	labels, err := at.Picklist(ctx, autotask.EntityExpenseItems, "expenseCategory")
	if err != nil {
		return nil, fmt.Errorf("app: expense categories: %w", err)
	}
	links, err := s.deps.Store.PostingLinks(ctx, profileID, "", store.PostingLinkCategory)
	if err != nil {
		return nil, fmt.Errorf("app: expense categories: %w", err)
	}
	mapped := map[string]store.PostingLink{}
	for _, l := range links {
		mapped[l.SourceKey] = l
	}
	chart, err := s.chart(ctx, profileID)
	if err != nil {
		return nil, err
	}
	out := make([]ExpenseCategoryDTO, 0, len(labels))
	for v, label := range labels {
		n, err := strconv.Atoi(v)
		if err != nil {
			continue // Autotask's expense categories are numbers; anything else is not one
		}
		l := mapped[v]
		out = append(out, ExpenseCategoryDTO{ProfileID: profileID, Value: n, Label: label, Account: l.Target, AccountName: chart[l.Target], TaxCode: l.Target2})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out, nil
}

// SaveExpenseCategory maps one expense category to a ledger account (and
// tax code); an empty account unmaps it. It returns the category as saved.
func (s *Purchases) SaveExpenseCategory(in ExpenseCategoryDTO) (ExpenseCategoryDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	if in.Value <= 0 {
		return ExpenseCategoryDTO{}, apperr.New(apperr.Invalid, fmt.Sprintf("%d is not an Autotask expense category", in.Value), "Pick the category from the list.")
	}
	in.AccountName = ""
	if in.Account != "" {
		name, err := s.inChart(ctx, in.ProfileID, in.Account, "expense")
		if err != nil {
			return ExpenseCategoryDTO{}, err
		}
		in.AccountName = name
	}
	link := store.PostingLink{Kind: store.PostingLinkCategory, SourceKey: strconv.Itoa(in.Value), Target: in.Account, Target2: in.TaxCode}
	if err := s.deps.Store.SavePostingLinks(ctx, in.ProfileID, "", []store.PostingLink{link}); err != nil {
		return ExpenseCategoryDTO{}, fmt.Errorf("app: save expense category: %w", err)
	}
	audit(s.deps, in.ProfileID, "purchases.expense-category", fmt.Sprintf("Expense category %d (%s) → account %q, tax code %q", in.Value, in.Label, in.Account, in.TaxCode))
	return in, nil
}

// InventorySettings returns the accounts inventory journals post to.
func (s *Purchases) InventorySettings(profileID int64) (InventorySettingsDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	st, err := s.deps.Store.PurchaseSettingsOf(ctx, profileID)
	if err != nil {
		return InventorySettingsDTO{}, fmt.Errorf("app: inventory settings: %w", err)
	}
	adj, err := runner.AdjustmentAccount(ctx, s.deps.Store, profileID)
	if err != nil {
		return InventorySettingsDTO{}, fmt.Errorf("app: inventory settings: %w", err)
	}
	return InventorySettingsDTO{ProfileID: profileID, InventoryAccount: st.InventoryAccount, CostOfSalesAccount: st.CostOfSalesAccount, AdjustmentAccount: adj}, nil
}

// SaveInventorySettings checks the accounts against the ledger's chart and
// stores them: the inventory and cost of sales accounts in the purchase
// settings (the bills use them too), the adjustment account beside them.
func (s *Purchases) SaveInventorySettings(in InventorySettingsDTO) (InventorySettingsDTO, error) {
	ctx := s.deps.Lifecycle.Context()
	if in.InventoryAccount != "" || in.CostOfSalesAccount != "" || in.AdjustmentAccount != "" {
		chart, err := s.chart(ctx, in.ProfileID)
		if err != nil {
			return InventorySettingsDTO{}, err
		}
		for _, a := range []struct{ code, what string }{{in.InventoryAccount, "inventory asset"}, {in.CostOfSalesAccount, "cost of sales"}, {in.AdjustmentAccount, "inventory adjustment"}} {
			if _, ok := chart[a.code]; a.code != "" && !ok {
				return InventorySettingsDTO{}, notInChart(a.code, a.what)
			}
		}
	}
	st, err := s.deps.Store.PurchaseSettingsOf(ctx, in.ProfileID)
	if err != nil {
		return InventorySettingsDTO{}, fmt.Errorf("app: save inventory settings: %w", err)
	}
	st.InventoryAccount, st.CostOfSalesAccount = in.InventoryAccount, in.CostOfSalesAccount
	if err := s.deps.Store.SavePurchaseSettings(ctx, in.ProfileID, st); err != nil {
		return InventorySettingsDTO{}, fmt.Errorf("app: save inventory settings: %w", err)
	}
	if err := runner.SaveAdjustmentAccount(ctx, s.deps.Store, in.ProfileID, in.AdjustmentAccount); err != nil {
		return InventorySettingsDTO{}, fmt.Errorf("app: save inventory settings: %w", err)
	}
	audit(s.deps, in.ProfileID, "purchases.inventory-settings", fmt.Sprintf("Inventory: inventory account %q, cost of sales account %q, adjustment account %q",
		in.InventoryAccount, in.CostOfSalesAccount, in.AdjustmentAccount))
	return s.InventorySettings(in.ProfileID)
}

// inChart returns an account's name, or that the ledger's chart has no
// such account.
func (s *Purchases) inChart(ctx context.Context, profileID int64, code, what string) (string, error) {
	chart, err := s.chart(ctx, profileID)
	if err != nil {
		return "", err
	}
	name, ok := chart[code]
	if !ok {
		return "", notInChart(code, what)
	}
	return name, nil
}

func notInChart(code, what string) error {
	return apperr.New(apperr.Invalid, fmt.Sprintf("The ledger has no account %q for %s", code, what),
		"Pick the "+what+" account from the list of your ledger's accounts.")
}
