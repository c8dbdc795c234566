package procure_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	"github.com/billbridge/billbridge/internal/store"
)

// A product the ledger has no item for holds its bills back; creating the
// missing items makes it, links the product, and the bills go; a second
// call finds nothing to create.
func TestCreateMissingItems(t *testing.T) {
	for _, kind := range []string{"xero", "qbo", "exact"} {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := setup{skipSKUs: map[string]bool{"UBNT-U6PRO": true}}
			var e *env
			if kind == "exact" {
				e = newExactEnv(t, s).env
			} else {
				e = newEnv(t, kind, s)
			}
			sum, err := e.engine.Preview(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if unmapped(sum) == 0 {
				t.Fatalf("preview: %s; want bills held back for UBNT-U6PRO", sum)
			}
			missing, err := e.engine.MissingItems(ctx)
			if err != nil || len(missing) != 1 {
				t.Fatalf("missing items = %+v, %v", missing, err)
			}
			m := missing[0]
			want := e.engine.Settings.CostOfSalesAccount
			if m.Stocked {
				want = e.engine.Settings.InventoryAccount
			}
			if m.Code != "UBNT-U6PRO" || m.Name == "" || m.UnitCost.Sign() <= 0 || m.Account != want {
				t.Fatalf("missing item %+v (want account %s)", m, want)
			}
			got, err := e.engine.CreateMissingItems(ctx)
			if err != nil || len(got.Created) != 1 || len(got.Refused) != 0 {
				t.Fatalf("create = %+v, %v", got, err)
			}
			links, err := e.store.ProcureLinks(ctx, e.engine.ProfileID, "", store.ProcureLinkProduct)
			if err != nil || len(links) != 1 || links[0].Target != "UBNT-U6PRO" {
				t.Fatalf("product links = %+v, %v", links, err)
			}
			if sum, err = e.engine.Preview(ctx); err != nil || unmapped(sum) != 0 || sum.Blocked != 0 {
				t.Fatalf("preview after: %s, %d unmapped, %v", sum, unmapped(sum), err)
			}
			if again, err := e.engine.CreateMissingItems(ctx); err != nil || len(again.Created)+len(again.Refused) != 0 {
				t.Fatalf("second call = %+v, %v", again, err)
			}
			run, err := e.engine.Run(ctx)
			if err != nil || run.Failed != 0 || run.Sent == 0 || run.Blocked != 0 {
				t.Fatalf("run: %s, %v", run, err)
			}
		})
	}
}

// The same items sent again with the same key are not created twice.
func TestCreateItemsRepeated(t *testing.T) {
	for _, kind := range []string{"xero", "qbo", "exact"} {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			var e *env
			if kind == "exact" {
				e = newExactEnv(t, setup{}).env
			} else {
				e = newEnv(t, kind, setup{})
			}
			lc := e.engine.Ledger.(procure.ItemCreator)
			its := []procure.NewItem{{ProductID: 1, Code: "NEW-SKU-1", Name: "New thing", Description: "A new thing", UnitCost: money.MustParse("12.3456"),
				Stocked: true, Account: e.engine.Settings.InventoryAccount}}
			first, err := lc.CreateItems(ctx, its, "key-1")
			if err != nil || len(first) != 1 || first[0].Err != nil || first[0].ID == "" {
				t.Fatalf("first = %+v, %v", first, err)
			}
			second, err := lc.CreateItems(ctx, its, "key-1")
			if err != nil || len(second) != 1 || second[0].ID != first[0].ID {
				t.Fatalf("second = %+v (first %+v), %v", second, first, err)
			}
			items, err := e.engine.Ledger.Items(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, it := range items {
				if it.Code == "NEW-SKU-1" {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("%d items NEW-SKU-1", n)
			}
		})
	}
}

func unmapped(sum procure.Summary) int {
	n := 0
	for _, p := range sum.Plan.Bills {
		for _, pr := range p.Problems {
			if pr.Code == procure.ProblemUnmappedProduct {
				n++
			}
		}
	}
	return n
}
