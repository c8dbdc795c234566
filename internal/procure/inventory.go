package procure

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Inventory: journals for what moves stock value in Autotask.
//
//   - Cost of sales: for each invoice of the window, the lines that sell a
//     stocked product (an Autotask product with inventory items) move the
//     product's unit cost × quantity from the inventory asset to cost of
//     sales, one journal per invoice, "COGS-<invoice number>". Autotask's
//     BillingItems carry no product id, so a line is the product's when its
//     item name is the product's name (Autotask copies it onto the charge).
//     A product whose ledger item (same SKU) is tracked by the ledger itself
//     (a Xero tracked inventory item, a QuickBooks Inventory item) is left
//     out: the ledger books its cost of sales when the invoice is synced.
//   - Adjustments: an InventoryTransfers record with the same location on
//     both sides is Autotask's note of a manual change to on-hand quantity;
//     quantityTransferred is taken as the signed change (Autotask documents
//     no sign for these notes — a documented assumption). It moves unit cost
//     × quantity between the inventory asset and the adjustment account,
//     "ADJ-<id>".
//   - Transfers between locations: a journal moving the value between the
//     locations' tracking (Xero tracking option, QuickBooks class; Mappings:
//     posting links of kind "location"), "TRF-<id>"; when both locations
//     map to the same tracking (or none) nothing is posted and the transfer
//     is listed.
//
// Amounts are in the internal currency, the currency of Autotask's product
// costs, rounded to cents per line.

// InventorySettings are a profile's inventory accounts: Xero account codes
// or QuickBooks account ids.
type InventorySettings struct {
	InventoryAccount   string `json:"inventoryAccount"`
	CostOfSalesAccount string `json:"costOfSalesAccount"`
	AdjustmentAccount  string `json:"adjustmentAccount"` // stock write-offs, stocktake and opening differences
}

// InventoryEngine posts one profile's inventory journals.
type InventoryEngine struct {
	Store        *store.Store
	Autotask     *autotask.Client
	Ledger       JournalLedger
	ProfileID    int64
	Organisation string
	Settings     InventorySettings
	Window       Window // by invoice date and transfer date
	Log          *slog.Logger
}

// InventorySnapshot is what PlanInventory needs from Autotask.
type InventorySnapshot struct {
	Invoices  []autotask.Invoice
	Items     map[int64][]autotask.BillingItem // by invoice id
	Products  map[int64]autotask.Product
	Stocked   map[int64]bool // products with inventory items
	Transfers []autotask.InventoryTransfer
	Locations map[int64]autotask.InventoryLocation
	Currency  string // the internal currency
}

// PullInventory reads the window's invoices with their items, the products
// and their stock, and the window's inventory transfers.
func PullInventory(ctx context.Context, c *autotask.Client, w Window) (*InventorySnapshot, error) {
	from, to := day(w.From), day(w.Thru).AddDate(0, 0, 1)
	invs, err := autotask.QueryAll[autotask.Invoice](ctx, c, autotask.EntityInvoices, autotask.Query{Filter: []autotask.Filter{
		autotask.Gte("invoiceDateTime", from), autotask.Lt("invoiceDateTime", to), autotask.Eq("isVoided", false)}})
	if err != nil {
		return nil, fmt.Errorf("procure: pull invoices: %w", err)
	}
	s := &InventorySnapshot{Items: map[int64][]autotask.BillingItem{}}
	var ids []int64
	for _, inv := range invs {
		if inv.InvoiceNumber != "" {
			s.Invoices = append(s.Invoices, inv)
			ids = append(ids, inv.ID)
		}
	}
	items, err := autotask.QueryIn[autotask.BillingItem](ctx, c, autotask.EntityBillingItems, "invoiceID", ids, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull invoice items: %w", err)
	}
	for _, it := range items {
		s.Items[deref(it.InvoiceID)] = append(s.Items[deref(it.InvoiceID)], it)
	}
	prods, err := autotask.QueryAll[autotask.Product](ctx, c, autotask.EntityProducts, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull products: %w", err)
	}
	s.Products = byID(prods, func(v autotask.Product) int64 { return v.ID })
	stock, err := autotask.QueryAll[autotask.InventoryItem](ctx, c, autotask.EntityInventoryItems, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull inventory items: %w", err)
	}
	s.Stocked = map[int64]bool{}
	for _, it := range stock {
		s.Stocked[deref(it.ProductID)] = true
	}
	locs, err := autotask.QueryAll[autotask.InventoryLocation](ctx, c, autotask.EntityInventoryLocations, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull inventory locations: %w", err)
	}
	s.Locations = byID(locs, func(v autotask.InventoryLocation) int64 { return v.ID })
	if s.Transfers, err = c.InventoryTransfersBetween(ctx, from, to); err != nil {
		return nil, fmt.Errorf("procure: pull inventory transfers: %w", err)
	}
	curs, err := pullCurrencies(ctx, c)
	if err != nil {
		return nil, err
	}
	s.Currency, _ = currencyFor(curs, nil)
	return s, nil
}

// InventoryPlanInput is everything PlanInventory reads; it does no I/O.
type InventoryPlanInput struct {
	Snapshot  *InventorySnapshot
	Settings  InventorySettings
	Tracked   []Item                      // ledger items whose stock the ledger keeps
	Locations map[int64]store.PostingLink // stored: location id → tracking
	Covered   map[string]bool
}

// PlanInventory makes the journals of the window.
func PlanInventory(in InventoryPlanInput) []PlannedJournal {
	s := in.Snapshot
	tracked := itemIndex(in.Tracked)
	byName := map[string]autotask.Product{}
	for _, p := range s.Products {
		if s.Stocked[p.ID] {
			byName[strings.ToLower(strings.TrimSpace(p.Name))] = p
		}
	}
	var out []PlannedJournal
	for _, inv := range s.Invoices {
		p, ok := planCOGS(in, inv, byName, tracked)
		if ok {
			out = append(out, p)
		}
	}
	for _, t := range s.Transfers {
		out = append(out, planTransfer(in, t))
	}
	for i := range out {
		if in.Covered[out[i].Journal.Reference] && out[i].Action == ActionSend {
			out[i] = PlannedJournal{Journal: Journal{Reference: out[i].Journal.Reference, Kind: out[i].Journal.Kind}, Action: ActionSkip,
				Notes: []string{out[i].Journal.Reference + " is already in the ledger"}}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Journal.Reference < out[j].Journal.Reference })
	return out
}

func (in InventoryPlanInput) accountProblems(label string, accounts ...[2]string) []Problem {
	var out []Problem
	for _, a := range accounts {
		if a[0] == "" {
			out = append(out, Problem{ProblemAccountMissing, fmt.Sprintf("%s: no %s account", label, a[1]),
				"Choose the " + a[1] + " account in the inventory settings, then preview again."})
		}
	}
	return out
}

func planCOGS(in InventoryPlanInput, inv autotask.Invoice, byName map[string]autotask.Product, tracked itemIdx) (PlannedJournal, bool) {
	s := in.Snapshot
	ref := "COGS-" + inv.InvoiceNumber
	p := PlannedJournal{Action: ActionSend}
	j := &p.Journal
	j.Reference, j.Kind, j.SourceID, j.Currency = ref, store.PostingCOGS, inv.ID, s.Currency
	j.Date = day(inv.InvoiceDateTime.Time)
	j.Narration = fmt.Sprintf("%s: cost of sales of stocked products on Autotask invoice %s", ref, inv.InvoiceNumber)
	label := "Invoice " + inv.InvoiceNumber
	found := false
	items := s.Items[inv.ID]
	sort.Slice(items, func(a, b int) bool { return items[a].ID < items[b].ID })
	for _, it := range items {
		prod, ok := byName[strings.ToLower(strings.TrimSpace(it.ItemName))]
		if !ok || it.Quantity.IsZero() {
			continue
		}
		found = true
		if _, ok := tracked.match(prod); ok {
			p.Notes = append(p.Notes, fmt.Sprintf("%s (SKU %s) is a tracked inventory item in the ledger, which books its cost of sales itself", prod.Name, prod.Sku))
			continue
		}
		if prod.UnitCost.Sign() <= 0 {
			p.Problems = append(p.Problems, Problem{ProblemCostMissing, fmt.Sprintf("%s: product %q has no unit cost", label, prod.Name),
				"Enter the product's unit cost in Autotask (Products), then preview again."})
			continue
		}
		amount := it.Quantity.Mul(prod.UnitCost).Round(2)
		desc := fmt.Sprintf("%s × %s %s at %s", it.Quantity.String(), orDefault(prod.Sku, ""), prod.Name, prod.UnitCost.StringFixed(2))
		j.Lines = append(j.Lines,
			JournalLine{Account: in.Settings.CostOfSalesAccount, Description: desc, Amount: amount},
			JournalLine{Account: in.Settings.InventoryAccount, Description: desc, Amount: amount.Neg()})
	}
	if !found {
		return p, false
	}
	if len(j.Lines) == 0 && len(p.Problems) == 0 {
		p.Action = ActionNone
	} else {
		p.Problems = append(p.Problems, in.accountProblems(label, [2]string{in.Settings.CostOfSalesAccount, "cost of sales"},
			[2]string{in.Settings.InventoryAccount, "inventory asset"})...)
	}
	p.Hash = hashJSON(*j)
	return p, true
}

func planTransfer(in InventoryPlanInput, t autotask.InventoryTransfer) PlannedJournal {
	s := in.Snapshot
	p := PlannedJournal{Action: ActionSend}
	j := &p.Journal
	j.SourceID, j.Currency, j.Date = t.ID, s.Currency, day(t.TransferDate.Time)
	prod := s.Products[deref(t.ProductID)]
	from, to := deref(t.FromLocationID), deref(t.ToLocationID)
	qty := money.FromInt(int64(t.QuantityTransferred))
	amount := qty.Mul(prod.UnitCost).Round(2)
	note := strings.TrimSpace(strings.Join(nonEmpty(t.UpdateNote, t.Notes), "; "))
	desc := fmt.Sprintf("%s × %s %s at %s", qty.String(), prod.Sku, orDefault(prod.Name, "product "+strconv.FormatInt(deref(t.ProductID), 10)), prod.UnitCost.StringFixed(2))
	if note != "" {
		desc += " — " + note
	}
	trk := func(loc int64) Tracking {
		l := in.Locations[loc]
		return Tracking{Category: l.Target, Option: l.Target2}
	}
	locName := func(loc int64) string {
		return orDefault(s.Locations[loc].LocationName, "location "+strconv.FormatInt(loc, 10))
	}
	if from == to {
		j.Reference, j.Kind = "ADJ-"+strconv.FormatInt(t.ID, 10), store.PostingAdjustment
		j.Narration = fmt.Sprintf("%s: stock adjustment at %s, %s", j.Reference, locName(from), t.TransferDate.UTC().Format(time.DateOnly))
		j.Lines = []JournalLine{
			{Account: in.Settings.InventoryAccount, Description: desc, Amount: amount, Tracking: trk(from)},
			{Account: in.Settings.AdjustmentAccount, Description: desc, Amount: amount.Neg(), Tracking: trk(from)}}
		p.Problems = in.accountProblems("Adjustment "+j.Reference, [2]string{in.Settings.InventoryAccount, "inventory asset"},
			[2]string{in.Settings.AdjustmentAccount, "inventory adjustment"})
	} else {
		j.Reference, j.Kind = "TRF-"+strconv.FormatInt(t.ID, 10), store.PostingTransfer
		j.Narration = fmt.Sprintf("%s: stock moved from %s to %s", j.Reference, locName(from), locName(to))
		if trk(from) == trk(to) {
			p.Action = ActionNone
			p.Notes = append(p.Notes, fmt.Sprintf("%s and %s are in the same ledger tracking: the transfer changes no balance", locName(from), locName(to)))
		} else {
			j.Lines = []JournalLine{
				{Account: in.Settings.InventoryAccount, Description: desc, Amount: amount, Tracking: trk(to)},
				{Account: in.Settings.InventoryAccount, Description: desc, Amount: amount.Neg(), Tracking: trk(from)}}
			p.Problems = in.accountProblems("Transfer "+j.Reference, [2]string{in.Settings.InventoryAccount, "inventory asset"})
		}
	}
	if p.Action == ActionSend && prod.UnitCost.Sign() <= 0 {
		p.Problems = append(p.Problems, Problem{ProblemCostMissing, fmt.Sprintf("%s: product %q has no unit cost", j.Reference, prod.Name),
			"Enter the product's unit cost in Autotask (Products), then preview again."})
	}
	if p.Action == ActionSend && amount.IsZero() && len(p.Problems) == 0 {
		p.Action = ActionNone
		p.Notes = append(p.Notes, "the quantity is zero: nothing to post")
	}
	p.Hash = hashJSON(*j)
	return p
}

// journal is the organisation's inventory journals; a journal is looked up
// by its reference.
func (e *InventoryEngine) journal() journal[store.PostingEntry] {
	kinds := []string{store.PostingCOGS, store.PostingAdjustment, store.PostingTransfer}
	j := postingJournal(e.Store, e.ProfileID, e.Organisation, kinds...)
	j.what, j.lookup, j.log = strings.Join(kinds, ", "), "postings", e.Log
	j.refused = postingRefused
	j.find = func(ctx context.Context, rows []store.PostingEntry) (map[string]string, error) {
		refs := make([]string, len(rows))
		for i, r := range rows {
			refs[i] = r.Reference
		}
		return e.Ledger.FindJournals(ctx, refs)
	}
	return j
}

func (e *InventoryEngine) plan(ctx context.Context) ([]PlannedJournal, error) {
	snap, err := PullInventory(ctx, e.Autotask, e.Window)
	if err != nil {
		return nil, err
	}
	in := InventoryPlanInput{Snapshot: snap, Settings: e.Settings}
	if in.Tracked, err = e.Ledger.TrackedItems(ctx); err != nil {
		return nil, fmt.Errorf("procure: ledger tracked items: %w", err)
	}
	if in.Locations, err = postingLinks[int64](ctx, e.Store, e.ProfileID, e.Organisation, store.PostingLinkLocation); err != nil {
		return nil, err
	}
	if in.Covered, err = e.journal().covered(ctx); err != nil {
		return nil, err
	}
	return PlanInventory(in), nil
}

// Preview plans the window and sends nothing.
func (e *InventoryEngine) Preview(ctx context.Context) (PostingSummary, error) {
	js, err := e.plan(ctx)
	sum := postingSummary("inventory", preview(js))
	sum.Journals = js
	return sum, err
}

// journalBatch is how many journals one ledger call sends.
const journalBatch = 50

// Run resolves journals an earlier run left 'sending', plans the window and
// sends the journals.
func (e *InventoryEngine) Run(ctx context.Context) (PostingSummary, error) {
	f := flow[PlannedJournal, *PlannedJournal, store.PostingEntry]{journal: e.journal(), batch: journalBatch, entry: e.entry,
		create: func(ctx context.Context, ps []*PlannedJournal, key string) ([]Result, error) {
			return e.Ledger.CreateJournals(ctx, docsOf(ps, func(p *PlannedJournal) Journal { return p.Journal }), key)
		}}
	js, t, err := f.run(ctx, e.plan)
	sum := postingSummary("inventory", t)
	sum.Journals = js
	return sum, err
}

// entry is a journal's row in the posting journal as it is sent.
func (e *InventoryEngine) entry(p *PlannedJournal) store.PostingEntry {
	return store.PostingEntry{ProfileID: e.ProfileID, Organisation: e.Organisation, Reference: p.Journal.Reference,
		Kind: p.Journal.Kind, SourceID: p.Journal.SourceID, State: store.ProcureSending, Number: p.Journal.Reference,
		IdempotencyKey: postingKey(e.ProfileID, e.Organisation, e.Ledger.Kind(), p.Journal.Reference, p.Hash),
		ContentHash:    p.Hash, Currency: p.Journal.Currency, Total: p.Journal.Total(), Payload: payloadOf(p.Journal)}
}
