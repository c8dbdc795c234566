package mapping

import (
	"sort"
	"strconv"

	"github.com/billbridge/billbridge/internal/store"
)

// Row states, in the order the editor lists them: what needs the user first.
const (
	StateUnmapped  = "unmapped"  // nothing maps it; invoices using it are blocked
	StateSuggested = "suggested" // a suggestion waits for the user
	StateCreate    = "create"    // customers: created in the ledger on first sync
	StateMapped    = "mapped"    // the user's rule
	StateLinked    = "linked"    // customers: linked by a stored link, account number or exact name
	StateDefault   = "default"   // payment terms: Autotask's due days apply
)

var stateOrder = map[string]int{StateArchived: 0, StateUnmapped: 0, StateSuggested: 1, StateCreate: 2, StateDefault: 3, StateMapped: 4, StateLinked: 4}

// CodeRow is one Autotask billing code and the ledger item it becomes.
type CodeRow struct {
	ID               int64  `json:"id"`
	Name             string `json:"name"`
	ExternalNumber   string `json:"externalNumber"`
	Active           bool   `json:"active"`
	State            string `json:"state"`
	ItemCode         string `json:"itemCode"`
	Account          string `json:"account"`
	SuggestedItem    string `json:"suggestedItem"`
	SuggestedAccount string `json:"suggestedAccount"`
	Note             string `json:"note"`
}

// TaxRow is one Autotask tax region × tax category and its ledger tax code.
type TaxRow struct {
	Key              string `json:"key"` // "region:category", the rule's source key
	Region           string `json:"region"`
	Category         string `json:"category"`
	Rate             string `json:"rate"` // Autotask's combined rate in percent
	State            string `json:"state"`
	TaxCode          string `json:"taxCode"`
	SuggestedTaxCode string `json:"suggestedTaxCode"`
	Note             string `json:"note"`
}

// CustomerRow is one Autotask company and the ledger customer it is (or
// will be created as).
type CustomerRow struct {
	CompanyID             int64  `json:"companyId"`
	CompanyName           string `json:"companyName"`
	CompanyNumber         string `json:"companyNumber"`
	State                 string `json:"state"`
	CustomerID            string `json:"customerId"`
	CustomerName          string `json:"customerName"`
	LinkedBy              string `json:"linkedBy"` // link, account number, name
	SuggestedCustomerID   string `json:"suggestedCustomerId"`
	SuggestedCustomerName string `json:"suggestedCustomerName"`
	Note                  string `json:"note"`
	// LineMode is the customer's own line detail (standard, summary or
	// detail); "" follows the profile's setting.
	LineMode string `json:"lineMode"`
}

// TermRow is one Autotask payment term and the due days the ledger gets.
type TermRow struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	AutotaskDays int    `json:"autotaskDays"`
	Days         int    `json:"days"` // what invoices get
	State        string `json:"state"`
}

// Overview is every row of the five tabs and their coverage.
type Overview struct {
	Codes     []CodeRow     `json:"codes"`
	Tax       []TaxRow      `json:"tax"`
	Customers []CustomerRow `json:"customers"`
	Terms     []TermRow     `json:"terms"`
	// LinesOfBusiness are Autotask's lines of business and their tracking
	// option or class (lines_of_business.go).
	LinesOfBusiness []LineOfBusinessRow `json:"linesOfBusiness"`
	Coverage        []Coverage          `json:"coverage"` // billing codes, tax pairs, companies, payment terms, lines of business
}

// BuildOverview joins both sides with the stored rules of organisation.
func BuildOverview(s Sources, stored []store.MappingRule, organisation string) Overview {
	rules := FromStore(stored, organisation)
	sugg := map[string]store.MappingRule{}
	for _, r := range s.Suggestions(rules, "") {
		sugg[r.Kind+"/"+r.SourceKey] = r
	}
	o := Overview{Codes: []CodeRow{}, Tax: []TaxRow{}, Customers: []CustomerRow{}, Terms: []TermRow{}}
	for _, c := range s.Codes {
		row := CodeRow{ID: c.ID, Name: c.Name, ExternalNumber: c.ExternalNumber, Active: c.IsActive, State: StateUnmapped}
		if r, ok := rules.BillingCodes[c.ID]; ok {
			row.State, row.ItemCode, row.Account = StateMapped, r.ItemCode, r.Account
		} else if sg, ok := sugg[store.MapBillingCode+"/"+strconv.FormatInt(c.ID, 10)]; ok {
			row.State, row.SuggestedItem, row.SuggestedAccount, row.Note = StateSuggested, sg.Target, sg.Target2, sg.Note
		}
		o.Codes = append(o.Codes, row)
	}
	for _, reg := range s.Regions {
		for _, cat := range s.Categories {
			k := TaxKey{reg.ID, cat.ID}
			row := TaxRow{Key: k.String(), Region: reg.Name, Category: cat.Name, Rate: RegionRate(s.Taxes, k).String(), State: StateUnmapped}
			if code, ok := rules.Tax[k]; ok {
				row.State, row.TaxCode = StateMapped, code
			} else if sg, ok := sugg[store.MapTax+"/"+k.String()]; ok {
				row.State, row.SuggestedTaxCode, row.Note = StateSuggested, sg.Target, sg.Note
			}
			o.Tax = append(o.Tax, row)
		}
	}
	names := map[string]string{}
	for _, c := range s.Customers {
		names[c.ID] = c.Name
	}
	links, _ := LinkCustomers(s.companies(), s.Customers, rules.Customers)
	modes := LineModesFor(stored, organisation)
	for _, c := range s.Companies {
		row := CustomerRow{CompanyID: c.ID, CompanyName: c.CompanyName, CompanyNumber: c.CompanyNumber, State: StateCreate,
			Note: "Created in the ledger when its first invoice is sent", LineMode: modes[c.ID]}
		if l, ok := links[c.ID]; ok {
			row.State, row.CustomerID, row.CustomerName, row.LinkedBy, row.Note = StateLinked, l.CustomerID, names[l.CustomerID], l.By, ""
		} else if sg, ok := sugg[store.MapCustomer+"/"+strconv.FormatInt(c.ID, 10)]; ok {
			row.State, row.SuggestedCustomerID, row.SuggestedCustomerName = StateSuggested, sg.Target, names[sg.Target]
			row.Note = sg.Note + "; created as a new customer unless you accept"
		}
		o.Customers = append(o.Customers, row)
	}
	for _, t := range s.Terms {
		row := TermRow{ID: t.ID, Name: t.Name, AutotaskDays: t.PaymentDueInDays, Days: t.PaymentDueInDays, State: StateDefault}
		if d, ok := rules.TermDays[t.ID]; ok {
			row.State, row.Days = StateMapped, d
		}
		o.Terms = append(o.Terms, row)
	}
	o.LinesOfBusiness = lineOfBusinessRows(s, rules, sugg)
	sortRows(o)
	o.Coverage = append(o.coverage(), lineOfBusinessCoverage(o.LinesOfBusiness))
	return o
}

// LineModesFor is the line detail of each customer in organisation: its
// own rule, else the one set for the profile's own organisation. Line
// detail belongs to the customer, not to a ledger, so one choice in
// Mappings → Customers holds in every organisation (the sync applies it
// the same way).
func LineModesFor(stored []store.MappingRule, organisation string) map[int64]string {
	modes := FromStore(stored, organisation).LineModes
	if organisation != "" {
		for id, m := range FromStore(stored, "").LineModes {
			if _, ok := modes[id]; !ok {
				modes[id] = m
			}
		}
	}
	return modes
}

func sortRows(o Overview) {
	sort.SliceStable(o.Codes, func(i, j int) bool { return stateOrder[o.Codes[i].State] < stateOrder[o.Codes[j].State] })
	sort.SliceStable(o.Tax, func(i, j int) bool { return stateOrder[o.Tax[i].State] < stateOrder[o.Tax[j].State] })
	sort.SliceStable(o.Customers, func(i, j int) bool {
		return stateOrder[o.Customers[i].State] < stateOrder[o.Customers[j].State]
	})
}

func (o Overview) coverage() []Coverage {
	c := []Coverage{{Kind: "billing codes", Total: len(o.Codes)}, {Kind: "tax region/category pairs", Total: len(o.Tax)},
		{Kind: "companies", Total: len(o.Customers)}, {Kind: "payment terms", Total: len(o.Terms)}}
	for _, r := range o.Codes {
		if r.State == StateMapped {
			c[0].Mapped++
		}
	}
	for _, r := range o.Tax {
		if r.State == StateMapped {
			c[1].Mapped++
		}
	}
	for _, r := range o.Customers {
		// A company that will be created is covered: the sync knows what to do.
		if r.State == StateLinked || r.State == StateCreate {
			c[2].Mapped++
		}
	}
	// Every term has Autotask's due days unless overridden: always covered.
	c[3].Mapped = len(o.Terms)
	return c
}
