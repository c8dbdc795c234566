package procure

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// NewItem is a purchasable ledger item made for an Autotask product that
// a bill of the window names but the ledger lacks.
type NewItem struct {
	ProductID   int64
	Code        string // the product's SKU (its name when it has none), or the item its stored link names
	Name        string
	Description string
	UnitCost    money.Decimal // Autotask's unit cost: the item's purchase price
	// Stocked: some line received it into an Autotask inventory location,
	// so the item's purchase account is the inventory asset; else cost of
	// sales.
	Stocked bool
	Account string // "" when the settings name none
	TaxCode string
}

// ItemCreator is a Ledger that can create purchasable items. CreateItems
// returns one Result per item, in order; an error means the outcome is
// unknown, and the same key sent again must not create them twice.
type ItemCreator interface {
	CreateItems(ctx context.Context, items []NewItem, key string) ([]Result, error)
}

// ItemsCreated is what CreateMissingItems did.
type ItemsCreated struct {
	Created []NewItem
	Refused []RefusedItem
}

// RefusedItem is an item the ledger (or the local check) would not create.
type RefusedItem struct {
	Item NewItem
	Err  error
}

// MissingItems plans the window and returns the items its bills need and
// the ledger lacks, one per product, by code.
func (e *Engine) MissingItems(ctx context.Context) ([]NewItem, error) {
	items, _, err := e.missingItems(ctx)
	return items, err
}

// missingItems plans as plan does, keeping the plan's input for the
// stored product links.
func (e *Engine) missingItems(ctx context.Context) ([]NewItem, PlanInput, error) {
	snap, err := Pull(ctx, e.Autotask, e.Window)
	if err != nil {
		return nil, PlanInput{}, err
	}
	in, err := e.suppliers().planInput(ctx, e.Organisation)
	if err != nil {
		return nil, in, err
	}
	in.Snapshot, in.Settings, in.MaxNumberLen = snap, e.Settings, e.Ledger.MaxNumberLen()
	return itemsLacking(Plan(in), in), in, nil
}

// itemsLacking collects the products of the lines left without an item on
// bills still to send: a bill already in the ledger needs nothing.
func itemsLacking(plan *PlanResult, in PlanInput) []NewItem {
	byProduct := map[int64]*NewItem{}
	for _, p := range plan.Bills {
		if p.Action != ActionSend || !slices.ContainsFunc(p.Problems, func(pr Problem) bool { return pr.Code == ProblemUnmappedProduct }) {
			continue
		}
		for _, l := range p.Bill.Lines {
			prod, ok := in.Snapshot.Products[l.ProductID]
			if l.ItemCode != "" || l.ProductID == 0 || !ok {
				continue
			}
			it, seen := byProduct[prod.ID]
			if !seen {
				it = &NewItem{ProductID: prod.ID, Code: strings.TrimSpace(orDefault(prod.Sku, prod.Name)), Name: strings.TrimSpace(orDefault(prod.Name, prod.Sku)),
					Description: strings.TrimSpace(orDefault(prod.Description, prod.Name)), UnitCost: prod.UnitCost, TaxCode: in.Settings.TaxCode}
				if link, linked := in.ProductLinks[prod.ID]; linked && link.Target != "" {
					it.Code, it.Account = link.Target, link.Target2
				}
				if it.UnitCost.Sign() <= 0 {
					it.UnitCost = l.UnitCost
				}
				byProduct[prod.ID] = it
			}
			it.Stocked = it.Stocked || l.Stocked
		}
	}
	var out []NewItem
	codes := map[string]bool{}
	for _, it := range byProduct {
		if it.Account == "" {
			it.Account = in.Settings.CostOfSalesAccount
			if it.Stocked {
				it.Account = in.Settings.InventoryAccount
			}
		}
		out = append(out, *it)
	}
	slices.SortFunc(out, func(a, b NewItem) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.ProductID, b.ProductID))
	})
	// Two products with one SKU are one item: the first makes and links
	// it; the next plan matches the other to it by its SKU.
	kept := out[:0]
	for _, it := range out {
		if k := strings.ToLower(it.Code); !codes[k] {
			codes[k] = true
			kept = append(kept, it)
		}
	}
	return kept
}

// CreateMissingItems creates the items the window's bills lack, keyed by
// their codes so a repeated call cannot create them twice, and links each
// product to its new item so the next plan finds it by link.
func (e *Engine) CreateMissingItems(ctx context.Context) (ItemsCreated, error) {
	items, in, err := e.missingItems(ctx)
	if err != nil || len(items) == 0 {
		return ItemsCreated{}, err
	}
	lc, ok := e.Ledger.(ItemCreator)
	if !ok {
		return ItemsCreated{}, apperr.New(apperr.Invalid, fmt.Sprintf("Billbridge cannot create items in %s", e.Ledger.Kind()),
			"Create the items in the ledger with the codes the preview names, then preview again.")
	}
	codes := make([]string, len(items))
	for i, it := range items {
		codes[i] = it.Code
	}
	res, err := lc.CreateItems(ctx, items, key(e.keyParts(append([]string{"items"}, codes...)...)...))
	if err != nil {
		return ItemsCreated{}, fmt.Errorf("procure: create items: %w", err)
	}
	var out ItemsCreated
	var links []store.ProcureLink
	for i, r := range res {
		if r.Err != nil {
			logOr(e.Log).Warn("item not created", "code", items[i].Code, "product", items[i].ProductID, "err", r.Err)
			out.Refused = append(out.Refused, RefusedItem{Item: items[i], Err: r.Err})
			continue
		}
		out.Created = append(out.Created, items[i])
		// A link's account (Target2) is kept; without one, lines keep the
		// settings' account, stocked or not.
		links = append(links, store.ProcureLink{Kind: store.ProcureLinkProduct, SourceKey: strconv.FormatInt(items[i].ProductID, 10),
			Target: items[i].Code, Target2: in.ProductLinks[items[i].ProductID].Target2})
	}
	if len(links) > 0 {
		if err := e.Store.SaveProcureLinks(ctx, e.ProfileID, e.Organisation, links); err != nil {
			return out, err
		}
	}
	return out, nil
}
