package mapping

import (
	"fmt"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Comparison outcomes of a billing code against the ledger's items.
const (
	CompareMatch   = "match"   // an item with the same code or name and price
	CompareDiffers = "differs" // found, but its name or price differs
	CompareMissing = "missing" // no item in the ledger: create it, or map the code to one
)

// CompareRow is one billing code and the ledger item it corresponds to.
type CompareRow struct {
	CodeID         int64         `json:"codeId"`
	CodeName       string        `json:"codeName"`
	ExternalNumber string        `json:"externalNumber"`
	AutotaskPrice  money.Decimal `json:"autotaskPrice"`
	ItemCode       string        `json:"itemCode"`
	ItemName       string        `json:"itemName"`
	LedgerPrice    money.Decimal `json:"ledgerPrice"`
	Status         string        `json:"status"`
	MatchedBy      string        `json:"matchedBy"` // mapping, external number, code, name
	Why            string        `json:"why"`
}

// Compare matches each active billing code to a ledger item — by its
// mapping, then its external number, then the code Billbridge would give it,
// with the exact name as the fallback — and says what differs. Missing
// items come first, then differences, then matches.
func Compare(codes []autotask.BillingCode, items []ledger.Item, rules Rules) []CompareRow {
	byCode := map[string]ledger.Item{}
	byName := map[string]ledger.Item{}
	for _, it := range items {
		byCode[strings.ToUpper(it.Code)] = it
		byName[Normalize(it.Name)] = it
	}
	find := func(c autotask.BillingCode) (ledger.Item, string, bool) {
		if r, ok := rules.BillingCodes[c.ID]; ok && r.ItemCode != "" {
			if it, ok := byCode[strings.ToUpper(r.ItemCode)]; ok {
				return it, "mapping", true
			}
		}
		for _, k := range []struct{ key, by string }{{c.ExternalNumber, "external number"}, {ItemCodeFor(c), "code"}} {
			if k.key == "" {
				continue
			}
			if it, ok := byCode[strings.ToUpper(k.key)]; ok {
				return it, k.by, true
			}
		}
		it, ok := byName[Normalize(c.Name)]
		return it, "name", ok
	}
	var out []CompareRow
	for _, c := range codes {
		if !c.IsActive {
			continue
		}
		row := CompareRow{CodeID: c.ID, CodeName: c.Name, ExternalNumber: c.ExternalNumber, AutotaskPrice: c.UnitPrice}
		it, by, ok := find(c)
		if !ok {
			row.Status, row.ItemCode = CompareMissing, ItemCodeFor(c)
			row.Why = fmt.Sprintf("No ledger item has the code %s or the name %q", row.ItemCode, c.Name)
			out = append(out, row)
			continue
		}
		row.ItemCode, row.ItemName, row.LedgerPrice, row.MatchedBy = it.Code, it.Name, it.UnitPrice, by
		var diffs []string
		if Normalize(it.Name) != Normalize(c.Name) {
			diffs = append(diffs, fmt.Sprintf("name %q in the ledger", it.Name))
		}
		if !c.UnitPrice.IsZero() && !it.UnitPrice.IsZero() && !c.UnitPrice.Round(2).Equal(it.UnitPrice.Round(2)) {
			diffs = append(diffs, fmt.Sprintf("price %s in Autotask, %s in the ledger", c.UnitPrice.StringFixed(2), it.UnitPrice.StringFixed(2)))
		}
		row.Status = CompareMatch
		if len(diffs) > 0 {
			row.Status, row.Why = CompareDiffers, strings.Join(diffs, "; ")
		}
		out = append(out, row)
	}
	rank := map[string]int{CompareMissing: 0, CompareDiffers: 1, CompareMatch: 2}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Status] < rank[out[j].Status] })
	return out
}

// MissingItems are the ledger items to create for the missing rows, on the
// income account of the code's mapping (or incomeAccount).
func MissingItems(rows []CompareRow, rules Rules, incomeAccount string) []ledger.Item {
	var out []ledger.Item
	for _, r := range rows {
		if r.Status != CompareMissing {
			continue
		}
		account := incomeAccount
		if rule, ok := rules.BillingCodes[r.CodeID]; ok && rule.Account != "" {
			account = rule.Account
		}
		out = append(out, ledger.Item{Code: r.ItemCode, Name: r.CodeName, UnitPrice: money.RoundUnitPrice(r.AutotaskPrice), AccountCode: account})
	}
	return out
}
