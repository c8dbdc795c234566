package mapping

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

// ItemRule is where a billing code's lines go in the ledger.
type ItemRule struct {
	ItemCode string `json:"itemCode"`
	Account  string `json:"account"` // income account code
}

// TaxKey is an Autotask tax region and tax category.
type TaxKey struct {
	Region, Category int64
}

func (k TaxKey) String() string {
	return strconv.FormatInt(k.Region, 10) + ":" + strconv.FormatInt(k.Category, 10)
}

// Rules are a profile's accepted mappings for one organisation.
type Rules struct {
	BillingCodes map[int64]ItemRule
	Tax          map[TaxKey]string // ledger tax code
	Customers    map[int64]string  // Autotask company id → ledger customer id
	TermDays     map[int64]int     // payment term id → due days, overriding Autotask's
	LineModes    map[int64]string  // Autotask company id → standard, summary or detail
	// LinesOfBusiness maps an Autotask line of business (organisational
	// level 2 id) to a ledger tracking option or class.
	LinesOfBusiness map[int64]TrackingRule
}

// NewRules returns empty rules.
func NewRules() Rules {
	return Rules{BillingCodes: map[int64]ItemRule{}, Tax: map[TaxKey]string{}, Customers: map[int64]string{}, TermDays: map[int64]int{},
		LineModes: map[int64]string{}, LinesOfBusiness: map[int64]TrackingRule{}}
}

// FromStore reads the accepted rules of organisation; suggestions are left out.
func FromStore(rows []store.MappingRule, organisation string) Rules {
	r := NewRules()
	for _, row := range rows {
		if row.Suggested || row.Organisation != organisation {
			continue
		}
		switch row.Kind {
		case store.MapBillingCode:
			if id, err := strconv.ParseInt(row.SourceKey, 10, 64); err == nil {
				r.BillingCodes[id] = ItemRule{ItemCode: row.Target, Account: row.Target2}
			}
		case store.MapTax:
			reg, cat, ok := strings.Cut(row.SourceKey, ":")
			a, err1 := strconv.ParseInt(reg, 10, 64)
			b, err2 := strconv.ParseInt(cat, 10, 64)
			if ok && err1 == nil && err2 == nil {
				r.Tax[TaxKey{a, b}] = row.Target
			}
		case store.MapCustomer:
			if id, err := strconv.ParseInt(row.SourceKey, 10, 64); err == nil {
				r.Customers[id] = row.Target
			}
		case store.MapTerm:
			id, err1 := strconv.ParseInt(row.SourceKey, 10, 64)
			days, err2 := strconv.Atoi(row.Target)
			if err1 == nil && err2 == nil {
				r.TermDays[id] = days
			}
		case store.MapLineOfBusiness:
			if id, err := strconv.ParseInt(row.SourceKey, 10, 64); err == nil && row.Target != "" {
				r.LinesOfBusiness[id] = TrackingRule{OptionID: row.Target, Label: row.Target2}
			}
		case store.MapLineMode:
			if id, err := strconv.ParseInt(row.SourceKey, 10, 64); err == nil && validLineMode(row.Target) {
				r.LineModes[id] = row.Target
			}
		}
	}
	return r
}

func validLineMode(m string) bool { return m == "standard" || m == "summary" || m == "detail" }

// LineModeRule overrides the line detail for one customer; an unknown mode
// is refused with what to use instead.
func LineModeRule(companyID int64, mode string) (store.MappingRule, error) {
	if !validLineMode(mode) {
		return store.MappingRule{}, apperr.New(apperr.Invalid, fmt.Sprintf("Unknown line detail %q", mode),
			`Use "standard", "summary" or "detail".`)
	}
	return store.MappingRule{Kind: store.MapLineMode, SourceKey: strconv.FormatInt(companyID, 10), Target: mode}, nil
}

// BillingCodeRule, TaxRule, CustomerRule and TermRule build rows to store.
func BillingCodeRule(codeID int64, it ItemRule) store.MappingRule {
	return store.MappingRule{Kind: store.MapBillingCode, SourceKey: strconv.FormatInt(codeID, 10), Target: it.ItemCode, Target2: it.Account}
}

func TaxRule(k TaxKey, taxCode string) store.MappingRule {
	return store.MappingRule{Kind: store.MapTax, SourceKey: k.String(), Target: taxCode}
}

func CustomerRule(companyID int64, customerID string) store.MappingRule {
	return store.MappingRule{Kind: store.MapCustomer, SourceKey: strconv.FormatInt(companyID, 10), Target: customerID}
}

func TermRule(termID int64, days int) store.MappingRule {
	return store.MappingRule{Kind: store.MapTerm, SourceKey: strconv.FormatInt(termID, 10), Target: strconv.Itoa(days)}
}
