package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// Purchases on the demo, as the screen drives it: the settings are checked
// against the ledger's chart; the first preview holds the bills back until
// the products have ledger items (the fix says which); then the order
// received in three shipments is three bills (PO-4403 in the 30-invoice
// month, PO-4412 in the demo's 120), the euro drop-ship one bill, a run sends them, a second run sends none, and
// the run is in the run log with its bills.
func TestPurchasesOnTheDemo(t *testing.T) {
	deps, dir := newDeps(t)
	demo := app.NewDemo(deps)
	t.Cleanup(func() { demo.Stop() })
	st, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	id := st.Profile.ID
	pu := app.NewPurchases(deps)

	def, err := pu.Defaults(id)
	if err != nil || def.From != "2024-05-01" || def.To != "2024-05-31" {
		t.Fatalf("defaults = %+v, %v", def, err)
	}
	set, err := pu.Settings(id)
	if err != nil || set.BillDate != "received-date" || !set.CreateVendors || set.Approve {
		t.Fatalf("settings = %+v, %v", set, err)
	}
	accts, err := pu.LedgerAccounts(id)
	if err != nil || len(accts) == 0 {
		t.Fatalf("ledger accounts = %v, %v", accts, err)
	}
	set.InventoryAccount, set.CostOfSalesAccount = "630", "999"
	if _, err := pu.SaveSettings(set); apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(apperr.Public(err).Message, `"999"`) {
		t.Fatalf("an account not in the chart: %v", err)
	}
	set.CostOfSalesAccount, set.BillDate = "310", "yesterday"
	if _, err := pu.SaveSettings(set); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("a bad bill date: %v", err)
	}
	set.BillDate = "received-date"
	if set, err = pu.SaveSettings(set); err != nil || set.InventoryAccount != "630" {
		t.Fatalf("save = %+v, %v", set, err)
	}

	form := app.PurchaseInput{ProfileID: id, From: def.From, To: def.To}
	if _, err := pu.Preview(app.PurchaseInput{ProfileID: id, From: "2024-05-31", To: "2024-05-01"}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("a window backwards: %v", err)
	}
	pre, err := pu.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	skus := map[string]bool{}
	for _, b := range pre.Bills {
		for _, p := range b.Problems {
			if _, after, ok := strings.Cut(p.Fix, "create a ledger item with the code "); ok {
				skus[strings.Trim(after, `".`)] = true
			}
		}
	}
	if pre.Blocked == 0 || len(skus) == 0 {
		t.Fatalf("first preview: %s; want bills held back for their items", pre.Summary)
	}

	// The bookkeeper follows the fix: the items are created in Xero.
	p, err := deps.Store.Profile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	xc, err := connect.Xero(context.Background(), connect.Deps{Store: deps.Store, Secrets: deps.Secrets, LockDir: dir}, p)
	if err != nil {
		t.Fatal(err)
	}
	var items []xero.Item
	for s := range skus {
		items = append(items, xero.Item{Code: s, Name: s})
	}
	if res, err := xc.CreateItems(context.Background(), items, ""); err != nil || len(res.Failed) > 0 {
		t.Fatalf("items: %v %v", err, res.Failed)
	}

	pre, err = pu.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	threePO, eurPO := "", ""
	for _, b := range pre.Bills {
		if len(billsOf(pre.Bills, b.PurchaseOrder)) == 3 {
			threePO = b.PurchaseOrder
		}
		if b.Currency == "EUR" {
			eurPO = b.PurchaseOrder
		}
	}
	three := billsOf(pre.Bills, threePO)
	if len(three) != 3 || pre.Blocked != 0 || pre.Ready != len(pre.Bills) || pre.NewVendors == 0 {
		t.Fatalf("preview: %s, %d new suppliers; no order in three bills", pre.Summary, pre.NewVendors)
	}
	for _, b := range three {
		if b.Status != "ready" || b.Amount == "" || len(b.Lines) != 2 || b.Currency != "USD" {
			t.Errorf("%s bill %+v", threePO, b)
		}
	}
	if eur := billsOf(pre.Bills, eurPO); len(eur) != 1 || !hasTotal(pre.Totals, "EUR") || !hasTotal(pre.Totals, "USD") {
		t.Errorf("euro order %+v; totals %+v", eur, pre.Totals)
	}
	t.Logf("preview: %s; three shipments %s, euro drop-ship %s; totals %+v", pre.Summary, threePO, eurPO, pre.Totals)

	res, err := pu.Run(form)
	if err != nil {
		t.Fatal(err)
	}
	if res.RunID == 0 || res.Sent != pre.Ready || res.Failed != 0 || res.Created == 0 || len(billsOf(res.Bills, threePO)) != 3 {
		t.Fatalf("run: %+v", res)
	}
	again, err := pu.Run(form)
	if err != nil {
		t.Fatal(err)
	}
	if again.Sent != 0 || again.Skipped != res.Sent {
		t.Fatalf("second run: %s", again.Summary)
	}
	if after, err := pu.Preview(form); err != nil || after.Ready != 0 || after.AlreadySent != res.Sent {
		t.Fatalf("preview after: %+v, %v", after.Summary, err)
	}

	runs, err := pu.Runs(10)
	if err != nil || len(runs) != 2 || runs[1].ID != res.RunID || runs[1].Sent != res.Sent || runs[1].Thru != "2024-05-31" || runs[1].Kind != "purchases" {
		t.Fatalf("runs = %+v, %v", runs, err)
	}
	lines, err := pu.RunLines(res.RunID)
	if err != nil || len(lines) != len(res.Bills) {
		t.Fatalf("run lines = %d, %v", len(lines), err)
	}
	for _, l := range lines {
		if l.Status != "sent" || l.LedgerID == "" || l.Vendor == "" || l.PurchaseOrder == "" || l.Amount == "" {
			t.Errorf("run line %+v", l)
		}
	}
	if lines, _ := pu.RunLines(again.RunID); len(lines) == 0 || lines[0].Status != "skipped" || lines[0].Vendor == "" {
		t.Errorf("second run's lines %+v", lines)
	}
}

func billsOf(bills []app.PurchaseBillDTO, po string) []app.PurchaseBillDTO {
	var out []app.PurchaseBillDTO
	for _, b := range bills {
		if b.PurchaseOrder == po {
			out = append(out, b)
		}
	}
	return out
}

func hasTotal(ts []app.PurchaseTotalDTO, currency string) bool {
	for _, t := range ts {
		if t.Currency == currency && t.Ready != "0.00" {
			return true
		}
	}
	return false
}
