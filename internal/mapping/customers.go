package mapping

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/billbridge/billbridge/internal/ledger"
)

// Company is what linking needs of an Autotask company.
type Company struct {
	ID     int64
	Number string // Autotask company number, kept in the ledger's account number
	Name   string
}

// Link says which ledger customer a company is and why.
type Link struct {
	CustomerID string `json:"customerId"`
	By         string `json:"by"` // "link", "account number", "name"
}

// Suggestion is a close name offered to the user, never applied silently.
type Suggestion struct {
	CompanyID    int64   `json:"companyId"`
	CompanyName  string  `json:"companyName"`
	CustomerID   string  `json:"customerId"`
	CustomerName string  `json:"customerName"`
	Score        float64 `json:"score"` // 0–1
	Reason       string  `json:"reason"`
}

// SuggestThreshold is the similarity from which a name is offered.
const SuggestThreshold = 0.75

// LinkCustomers links each company to a ledger customer: by stored link
// (when that customer still exists), then by account number, then by exact
// name (ignoring case). Companies left unlinked get suggestions of close
// names; they are created as new customers unless the user accepts one.
func LinkCustomers(companies []Company, customers []ledger.Customer, stored map[int64]string) (map[int64]Link, []Suggestion) {
	byID := map[string]bool{}
	byNumber := map[string]string{}
	byName := map[string]string{}
	for _, c := range customers {
		byID[c.ID] = true
		if c.AccountNumber != "" {
			byNumber[c.AccountNumber] = c.ID
		}
		byName[strings.ToLower(strings.TrimSpace(c.Name))] = c.ID
	}
	links := map[int64]Link{}
	var sugg []Suggestion
	for _, co := range companies {
		if id, ok := stored[co.ID]; ok && byID[id] {
			links[co.ID] = Link{id, "link"}
			continue
		}
		if id, ok := byNumber[co.Number]; ok && co.Number != "" {
			links[co.ID] = Link{id, "account number"}
			continue
		}
		if id, ok := byName[strings.ToLower(strings.TrimSpace(co.Name))]; ok {
			links[co.ID] = Link{id, "name"}
			continue
		}
		best := Suggestion{}
		for _, c := range customers {
			if s := Similarity(co.Name, c.Name); s > best.Score {
				best = Suggestion{CompanyID: co.ID, CompanyName: co.Name, CustomerID: c.ID, CustomerName: c.Name, Score: s}
			}
		}
		if best.Score >= SuggestThreshold {
			best.Reason = fmt.Sprintf("%q looks like %q (%.0f %% alike)", co.Name, best.CustomerName, best.Score*100)
			sugg = append(sugg, best)
		}
	}
	sort.Slice(sugg, func(i, j int) bool { return sugg[i].CompanyID < sugg[j].CompanyID })
	return links, sugg
}

// legalForms are dropped before names are compared: "Acme Ltd" and "ACME
// Limited" are the same business for a suggestion.
var legalForms = map[string]bool{
	"ltd": true, "limited": true, "llc": true, "inc": true, "incorporated": true, "corp": true, "corporation": true,
	"co": true, "company": true, "gmbh": true, "bv": true, "nv": true, "plc": true, "pty": true, "sa": true, "ag": true, "the": true, "and": true,
}

// Normalize lower-cases name, turns punctuation into spaces, drops legal
// forms and "&", and joins the words with single spaces.
func Normalize(name string) string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := f[:0]
	for _, w := range f {
		if !legalForms[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// Similarity is the Dice coefficient of the character bigrams of the
// normalised names: 1 for equal names, 0 for nothing in common.
func Similarity(a, b string) float64 {
	a, b = Normalize(a), Normalize(b)
	if a == "" || b == "" {
		return 0
	}
	if a == b {
		return 1
	}
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, g := range ga {
		count[g]++
	}
	common := 0
	for _, g := range gb {
		if count[g] > 0 {
			count[g]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ga)+len(gb))
}

func bigrams(s string) []string {
	r := []rune(s)
	var out []string
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}
