package app_test

import (
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
)

// "Create the missing items" on the demo, as the Purchases screen drives
// it (the accounts chosen in the settings first): the first preview holds bills back for products Xero has no item
// for; one click creates them; the preview again has every bill ready (the
// order received in three shipments as three bills); the run sends them;
// and a second click creates nothing.
func TestPurchasesCreateMissingItemsOnTheDemo(t *testing.T) {
	deps, _ := newDeps(t)
	demo := app.NewDemo(deps)
	t.Cleanup(func() { demo.Stop() })
	st, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	pu := app.NewPurchases(deps)
	def, err := pu.Defaults(st.Profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	set, err := pu.Settings(st.Profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	set.InventoryAccount, set.CostOfSalesAccount = "630", "310"
	if _, err := pu.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	form := app.PurchaseInput{ProfileID: st.Profile.ID, From: def.From, To: def.To}

	if _, err := pu.CreateMissingItems(app.PurchaseInput{ProfileID: st.Profile.ID, From: def.To, To: def.From}); err == nil {
		t.Fatal("a window backwards created items")
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

	n, err := pu.CreateMissingItems(form)
	if err != nil || n != len(skus) {
		t.Fatalf("created %d items for %d SKUs %v: %v", n, len(skus), skus, err)
	}
	pre, err = pu.Preview(form)
	if err != nil {
		t.Fatal(err)
	}
	threePO := ""
	for _, b := range pre.Bills {
		if len(billsOf(pre.Bills, b.PurchaseOrder)) == 3 {
			threePO = b.PurchaseOrder
		}
		if b.Status != "ready" {
			t.Errorf("bill %s is %s: %+v", b.Reference, b.Status, b.Problems)
		}
	}
	if pre.Blocked != 0 || pre.Ready != len(pre.Bills) || threePO == "" {
		t.Fatalf("preview after creating the items: %s; no order in three bills", pre.Summary)
	}

	res, err := pu.Run(form)
	if err != nil || res.Sent != pre.Ready || res.Failed != 0 || len(billsOf(res.Bills, threePO)) != 3 {
		t.Fatalf("run: %s, %v", res.Summary, err)
	}
	if again, err := pu.CreateMissingItems(form); err != nil || again != 0 {
		t.Fatalf("a second click created %d: %v", again, err)
	}
	t.Logf("created %d items; %s; run: %s", n, pre.Summary, res.Summary)
}
