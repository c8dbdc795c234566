package syncer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// LineMode is how billing items become document lines.
type LineMode string

const (
	// ModeStandard aggregates time per billing code and rate; products,
	// services and charges go line by line.
	ModeStandard LineMode = "standard"
	// ModeSummary is one line per income account and tax code (a single
	// line when the invoice has one of each).
	ModeSummary LineMode = "summary"
	// ModeDetail is one line per billing item with its date, ticket and name.
	ModeDetail LineMode = "detail"
)

// rulesOf are organisation's mappings, with each customer's line detail
// taken from the profile's own organisation when organisation has none of
// its own: line detail is the customer's choice, made once in Mappings →
// Customers, not a ledger's.
func rulesOf(rows []store.MappingRule, organisation string) mapping.Rules {
	r := mapping.FromStore(rows, organisation)
	r.LineModes = mapping.LineModesFor(rows, organisation)
	return r
}

// itemLine is one billing item resolved to its ledger targets.
type itemLine struct {
	item    autotask.BillingItem
	code    string // ledger item code
	account string
	taxCode string
	// tracking is the item's line of business in the ledger; items of
	// different ones never share a line.
	tracking ledger.Tracking
}

// buildLines turns resolved items into lines in mode, with amounts rounded
// as the ledger rounds them: round(quantity × unit price) to the currency.
func buildLines(items []itemLine, mode LineMode, cur money.Currency, codeName func(int64) string) []ledger.Line {
	places := cur.MinorUnits()
	type acc struct {
		l   ledger.Line
		ext money.Decimal
	}
	var order []string
	groups := map[string]*acc{}
	add := func(key string, l ledger.Line, ext money.Decimal) {
		g, ok := groups[key]
		if !ok {
			order = append(order, key)
			groups[key] = &acc{l: l, ext: ext}
			return
		}
		g.l.Quantity = g.l.Quantity.Add(l.Quantity)
		g.l.TaxAmount = g.l.TaxAmount.Add(l.TaxAmount)
		g.ext = g.ext.Add(ext)
	}
	for i, it := range items {
		b := it.item
		l := ledger.Line{ItemCode: it.code, AccountCode: it.account, TaxCode: it.taxCode, TaxAmount: b.TaxDollars,
			Quantity: b.Quantity, UnitPrice: b.Rate, Description: strings.TrimSpace(b.ItemName), Tracking: it.tracking}
		if l.Description == "" {
			l.Description = codeName(deref(b.BillingCodeID))
		}
		if b.Quantity.IsZero() || !b.Quantity.Mul(b.Rate).Round(4).Equal(b.ExtendedPrice) {
			// A fixed charge or an adjusted price: send the extended price as one unit.
			l.Quantity, l.UnitPrice = money.FromInt(1), b.ExtendedPrice
		}
		switch mode {
		case ModeSummary:
			l.ItemCode, l.Quantity, l.UnitPrice = "", money.FromInt(1), money.Zero
			l.Description = "Services and products"
			add("s|"+it.account+"|"+it.taxCode+"|"+it.tracking.ID, l, b.ExtendedPrice)
		case ModeDetail:
			l.Description = detailText(b, l.Description)
			add(fmt.Sprintf("d|%d", i), l, b.ExtendedPrice)
		default:
			if b.TimeEntryID != nil {
				add("t|"+it.code+"|"+it.taxCode+"|"+b.Rate.String()+"|"+it.account+"|"+it.tracking.ID, l, b.ExtendedPrice)
			} else {
				add(fmt.Sprintf("d|%d", i), l, b.ExtendedPrice)
			}
		}
	}
	out := make([]ledger.Line, 0, len(order))
	for _, k := range order {
		g := groups[k]
		l := g.l
		if strings.HasPrefix(k, "s|") {
			// One summary line is one unit of the group's extended total.
			l.Quantity, l.UnitPrice = money.FromInt(1), money.RoundUnitPrice(g.ext)
		}
		if l.Quantity.IsNegative() {
			// Ledgers refuse negative quantities: the sign goes on the price.
			l.Quantity, l.UnitPrice = l.Quantity.Neg(), l.UnitPrice.Neg()
		}
		l.Quantity = money.RoundQuantity(l.Quantity)
		l.UnitPrice = money.RoundUnitPrice(l.UnitPrice)
		l.Amount = l.Quantity.Mul(l.UnitPrice).Round(places)
		l.TaxAmount = l.TaxAmount.Round(places)
		out = append(out, l)
	}
	return out
}

func detailText(b autotask.BillingItem, name string) string {
	parts := []string{name}
	if !b.ItemDate.IsZero() {
		parts = append(parts, b.ItemDate.UTC().Format("2006-01-02"))
	}
	if b.TicketID != nil {
		parts = append(parts, fmt.Sprintf("ticket %d", *b.TicketID))
	}
	if b.ProjectID != nil {
		parts = append(parts, fmt.Sprintf("project %d", *b.ProjectID))
	}
	if d := strings.TrimSpace(b.Description); d != "" && d != name {
		parts = append(parts, d)
	}
	return strings.Join(parts, " · ")
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// sortedIDs returns the keys of m in order.
func sortedIDs[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
