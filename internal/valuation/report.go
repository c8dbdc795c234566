package valuation

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

// Location is one Autotask inventory location's stock value.
type Location struct {
	Name   string
	Items  int // products stocked there (on hand ≠ 0)
	OnHand int // units
	Value  money.Decimal
}

// Line is one product's stock over all locations.
type Line struct {
	ProductID int64
	SKU       string
	Name      string
	OnHand    int
	UnitCost  money.Decimal
	Value     money.Decimal
}

// Report compares Autotask's stock value with the ledger's inventory asset.
type Report struct {
	Date          time.Time
	Currency      string
	Account       string // the ledger's inventory asset account (code or id)
	Locations     []Location
	Lines         []Line
	AutotaskTotal money.Decimal
	LedgerBalance money.Decimal
	Difference    money.Decimal // AutotaskTotal − LedgerBalance
	NoCost        []string      // products in stock with no unit cost: valued at zero
	Explanations  []string      // why the two sides may differ; empty when they agree
}

// Stock is what Build reads from Autotask.
type Stock struct {
	Currency  string // the internal currency
	Products  map[int64]autotask.Product
	Items     []autotask.InventoryItem
	Locations map[int64]autotask.InventoryLocation
}

// Build values the stock and compares it with the ledger balance. It does
// no I/O.
func Build(date time.Time, account string, s Stock, ledgerBalance money.Decimal) Report {
	cur := money.Currency(s.Currency)
	r := Report{Date: date, Currency: s.Currency, Account: account, LedgerBalance: ledgerBalance}
	locs := map[int64]*Location{}
	lines := map[int64]*Line{}
	noCost := map[int64]bool{}
	for _, it := range s.Items {
		if it.ProductID == nil || it.QuantityOnHand == 0 {
			continue
		}
		pid := *it.ProductID
		prod, ok := s.Products[pid]
		if !ok {
			prod = autotask.Product{ID: pid, Name: "product " + strconv.FormatInt(pid, 10)}
		}
		if prod.UnitCost.Sign() <= 0 {
			noCost[pid] = true
		}
		value := money.RoundAmount(money.FromInt(int64(it.QuantityOnHand)).Mul(prod.UnitCost), cur)
		var lid int64
		if it.InventoryLocationID != nil {
			lid = *it.InventoryLocationID
		}
		loc := locs[lid]
		if loc == nil {
			loc = &Location{Name: locationName(s.Locations, lid)}
			locs[lid] = loc
		}
		loc.Items++
		loc.OnHand += it.QuantityOnHand
		loc.Value = loc.Value.Add(value)
		l := lines[pid]
		if l == nil {
			l = &Line{ProductID: pid, SKU: prod.Sku, Name: prod.Name, UnitCost: prod.UnitCost}
			lines[pid] = l
		}
		l.OnHand += it.QuantityOnHand
		l.Value = l.Value.Add(value)
		r.AutotaskTotal = r.AutotaskTotal.Add(value)
	}
	for _, l := range locs {
		r.Locations = append(r.Locations, *l)
	}
	sort.Slice(r.Locations, func(i, j int) bool { return r.Locations[i].Name < r.Locations[j].Name })
	for _, l := range lines {
		r.Lines = append(r.Lines, *l)
		if noCost[l.ProductID] {
			r.NoCost = append(r.NoCost, orDefault(l.SKU, l.Name))
		}
	}
	sort.Slice(r.Lines, func(i, j int) bool {
		if r.Lines[i].SKU != r.Lines[j].SKU {
			return r.Lines[i].SKU < r.Lines[j].SKU
		}
		return r.Lines[i].ProductID < r.Lines[j].ProductID
	})
	sort.Strings(r.NoCost)
	r.Difference = r.AutotaskTotal.Sub(ledgerBalance)
	r.Explanations = explain(r)
	return r
}

// explain names the usual reasons for a difference, largest side first.
func explain(r Report) []string {
	var out []string
	switch r.Difference.Sign() {
	case 1:
		out = append(out,
			fmt.Sprintf("Autotask's stock is worth %s %s more than the ledger's inventory account: receipts not yet billed — send the purchases bills for goods already received.", r.Difference.StringFixed(2), r.Currency),
			"Stock adjustments or opening counts entered in Autotask and not yet posted — send the inventory journals.")
	case -1:
		out = append(out,
			fmt.Sprintf("The ledger's inventory account holds %s %s more than Autotask's stock: cost of sales not yet posted — send the inventory journals for stock sold.", r.Difference.Neg().StringFixed(2), r.Currency),
			"Bills posted to the inventory account for goods not (yet) received into an Autotask inventory location, or write-offs not yet posted.")
	}
	if len(r.NoCost) > 0 {
		out = append(out, fmt.Sprintf("%d product(s) in stock have no unit cost in Autotask and count as zero: %v — enter their unit cost on the Autotask product.", len(r.NoCost), r.NoCost))
	}
	return out
}

func locationName(locs map[int64]autotask.InventoryLocation, id int64) string {
	if l, ok := locs[id]; ok && l.LocationName != "" {
		return l.LocationName
	}
	if id == 0 {
		return "(no location)"
	}
	return "location " + strconv.FormatInt(id, 10)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
