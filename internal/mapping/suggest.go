package mapping

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// itemCodeMax is the shortest item-code limit among the ledgers (Xero: 30).
const itemCodeMax = 30

// ItemCodeFor derives a ledger item code from a billing code: its external
// number when set, else its name in capitals with dashes.
func ItemCodeFor(c autotask.BillingCode) string {
	src := c.ExternalNumber
	if strings.TrimSpace(src) == "" {
		src = c.Name
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToUpper(src) {
		if unicode.IsLetter(r) && r < unicode.MaxASCII || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	code := strings.Trim(b.String(), "-")
	if code == "" {
		code = fmt.Sprintf("AT-%d", c.ID)
	}
	if len(code) > itemCodeMax {
		code = strings.Trim(code[:itemCodeMax], "-")
	}
	return code
}

// SuggestBillingCodes proposes an item for each unmapped code: an existing
// ledger item with the same code or name, else a new one (created on sync
// when the profile allows) on the income account.
func SuggestBillingCodes(codes []autotask.BillingCode, items []ledger.Item, rules Rules, incomeAccount string) []store.MappingRule {
	var out []store.MappingRule
	for _, c := range codes {
		if _, ok := rules.BillingCodes[c.ID]; ok {
			continue
		}
		code, note := ItemCodeFor(c), "new item"
		account := incomeAccount
		for _, it := range items {
			if strings.EqualFold(it.Code, code) || strings.EqualFold(it.Name, c.Name) {
				code, note = it.Code, "existing item "+it.Code
				if it.AccountCode != "" {
					account = it.AccountCode
				}
				break
			}
		}
		r := BillingCodeRule(c.ID, ItemRule{ItemCode: code, Account: account})
		r.Suggested, r.Note = true, fmt.Sprintf("%s → %s (%s)", c.Name, code, note)
		out = append(out, r)
	}
	return out
}

// RegionRate is the total rate of a region and category, summed from
// Autotask's Tax records (state plus local tax), in percent.
func RegionRate(taxes []autotask.Tax, k TaxKey) money.Decimal {
	sum := money.Zero
	for _, t := range taxes {
		if t.TaxRegionID != nil && *t.TaxRegionID == k.Region && t.TaxCategoryID != nil && *t.TaxCategoryID == k.Category {
			sum = sum.Add(t.TaxRate)
		}
	}
	return sum
}

// SuggestTax proposes, for each region × category, the ledger tax code with
// the same total rate. Several codes at one rate: the first listed.
func SuggestTax(regions []autotask.TaxRegion, cats []autotask.TaxCategory, taxes []autotask.Tax, codes []ledger.TaxCode, rules Rules) []store.MappingRule {
	var out []store.MappingRule
	for _, reg := range regions {
		for _, cat := range cats {
			k := TaxKey{reg.ID, cat.ID}
			if _, ok := rules.Tax[k]; ok {
				continue
			}
			rate := RegionRate(taxes, k)
			for _, tc := range codes {
				if tc.Rate.Equal(rate) {
					r := TaxRule(k, tc.Code)
					r.Suggested, r.Note = true, fmt.Sprintf("%s / %s at %s %% → %s", reg.Name, cat.Name, rate.Round(4), tc.Name)
					out = append(out, r)
					break
				}
			}
		}
	}
	return out
}

// Coverage is how much of one kind is mapped: "312 of 318 billing codes mapped".
type Coverage struct {
	Kind   string `json:"kind"`
	Mapped int    `json:"mapped"`
	Total  int    `json:"total"`
}

func (c Coverage) String() string {
	return fmt.Sprintf("%d of %d %s mapped", c.Mapped, c.Total, c.Kind)
}

// Coverages counts mapped billing codes and tax combinations among those in use.
func Coverages(rules Rules, codeIDs []int64, taxKeys []TaxKey) []Coverage {
	bc := Coverage{Kind: "billing codes", Total: len(codeIDs)}
	for _, id := range codeIDs {
		if _, ok := rules.BillingCodes[id]; ok {
			bc.Mapped++
		}
	}
	tx := Coverage{Kind: "tax region/category pairs", Total: len(taxKeys)}
	for _, k := range taxKeys {
		if _, ok := rules.Tax[k]; ok {
			tx.Mapped++
		}
	}
	return []Coverage{bc, tx}
}
