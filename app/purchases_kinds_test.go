package app_test

import (
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

// The Purchases screen's other tabs on the demo (Xero): each kind previews
// to documents or to named problems with fixes; expenses are held back
// until their categories are mapped, then a run sends the bills and a
// second run sends none, and both runs are in the run log.
func TestPurchaseKindsOnTheDemo(t *testing.T) {
	deps, _ := newDeps(t)
	demo := app.NewDemo(deps)
	t.Cleanup(func() { demo.Stop() })
	st, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	id := st.Profile.ID
	pu := app.NewPurchases(deps)
	form := func(kind string) app.PurchaseKindInput {
		return app.PurchaseKindInput{ProfileID: id, Kind: kind, From: "2024-05-01", To: "2024-05-31"}
	}

	for _, bad := range []app.PurchaseKindInput{
		{ProfileID: id, Kind: "receipts", From: "2024-05-01", To: "2024-05-31"},
		{ProfileID: id, Kind: "bills", From: "2024-05-01", To: "2024-05-31"},
		{ProfileID: id, Kind: "expenses", From: "2024-05-31", To: "2024-05-01"},
	} {
		if _, err := pu.PreviewKind(bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("PreviewKind(%+v) = %v; want invalid", bad, err)
		}
	}

	for _, kind := range []string{"orders", "expenses", "inventory"} {
		pre, err := pu.PreviewKind(form(kind))
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if len(pre.Bills) == 0 {
			t.Fatalf("%s: no documents (%s)", kind, pre.Summary)
		}
		for _, b := range pre.Bills {
			if b.Status == "blocked" && (len(b.Problems) == 0 || b.Problems[0].Code == "" || b.Problems[0].Fix == "") {
				t.Errorf("%s %s is blocked without a named problem and fix: %+v", kind, b.Reference, b.Problems)
			}
		}
		t.Logf("%s: %s; totals %+v", kind, pre.Summary, pre.Totals)
	}

	// Expenses: the first preview names the unmapped categories.
	pre, err := pu.PreviewKind(form("expenses"))
	if err != nil {
		t.Fatal(err)
	}
	if pre.Blocked == 0 || !hasProblem(pre.Bills, "unmapped_category") {
		t.Fatalf("expenses before mapping: %s", pre.Summary)
	}
	cats, err := pu.ExpenseCategories(id)
	if err != nil || len(cats) == 0 {
		t.Fatalf("expense categories = %v, %v", cats, err)
	}
	if _, err := pu.SaveExpenseCategory(app.ExpenseCategoryDTO{ProfileID: id, Value: cats[0].Value, Account: "999"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("an account not in the chart: %v", err)
	}
	for _, c := range cats {
		c.Account = "429"
		if saved, err := pu.SaveExpenseCategory(c); err != nil || saved.AccountName != "General Expenses" {
			t.Fatalf("save category = %+v, %v", saved, err)
		}
	}
	pre, err = pu.PreviewKind(form("expenses"))
	if err != nil {
		t.Fatal(err)
	}
	if pre.Blocked != 0 || pre.Ready == 0 {
		t.Fatalf("expenses after mapping: %s", pre.Summary)
	}
	res, err := pu.RunKind(form("expenses"))
	if err != nil {
		t.Fatal(err)
	}
	if res.RunID == 0 || res.Sent != pre.Ready || res.Failed != 0 || !strings.HasPrefix(res.Summary, "expenses:") {
		t.Fatalf("expenses run: %+v", res)
	}
	again, err := pu.RunKind(form("expenses"))
	if err != nil {
		t.Fatal(err)
	}
	if again.Sent != 0 || again.Skipped != res.Sent {
		t.Fatalf("second expenses run: %s", again.Summary)
	}
	runs, err := pu.Runs(10)
	if err != nil || len(runs) != 2 || runs[1].ID != res.RunID || runs[1].Kind != "purchases" || !strings.HasPrefix(runs[1].Summary, "expenses:") || runs[1].Thru != "2024-05-31" {
		t.Fatalf("runs = %+v, %v", runs, err)
	}
	lines, err := pu.RunLines(res.RunID)
	if err != nil || len(lines) != len(res.Bills) {
		t.Fatalf("run lines = %d, %v", len(lines), err)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l.Reference, "EXP-") || (l.Status == "sent" && (l.LedgerID == "" || l.Vendor == "" || l.Amount == "")) {
			t.Errorf("run line %+v", l)
		}
	}

	// Inventory: the accounts are checked against the chart and stored.
	inv, err := pu.InventorySettings(id)
	if err != nil {
		t.Fatal(err)
	}
	inv.AdjustmentAccount = "999"
	if _, err := pu.SaveInventorySettings(inv); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("an adjustment account not in the chart: %v", err)
	}
	inv.InventoryAccount, inv.CostOfSalesAccount, inv.AdjustmentAccount = "630", "310", "429"
	if inv, err = pu.SaveInventorySettings(inv); err != nil || inv.AdjustmentAccount != "429" || inv.CostOfSalesAccount != "310" {
		t.Fatalf("inventory settings = %+v, %v", inv, err)
	}
	if set, err := pu.Settings(id); err != nil || set.InventoryAccount != "630" {
		t.Fatalf("purchase settings after inventory = %+v, %v", set, err)
	}
	if cats, err := pu.ExpenseCategories(id); err != nil || len(cats) == 0 || cats[0].Account != "429" {
		t.Fatalf("the adjustment account must not show as a category: %+v, %v", cats, err)
	}
	pre, err = pu.PreviewKind(form("inventory"))
	if err != nil {
		t.Fatal(err)
	}
	if hasProblem(pre.Bills, "account_missing") {
		t.Errorf("inventory with accounts set: %s", pre.Summary)
	}
	// The demo month's stocktake (one unit short) and van restock.
	var adj, trf bool
	for _, b := range pre.Bills {
		adj = adj || strings.HasPrefix(b.Reference, "ADJ-")
		trf = trf || strings.HasPrefix(b.Reference, "TRF-")
	}
	if !adj || !trf {
		t.Errorf("inventory preview has no adjustment (%v) or transfer (%v): %s", adj, trf, pre.Summary)
	}
}

func hasProblem(bills []app.PurchaseBillDTO, code string) bool {
	for _, b := range bills {
		for _, p := range b.Problems {
			if p.Code == code {
				return true
			}
		}
	}
	return false
}
