package syncer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Options are a profile's sync settings for one run.
type Options struct {
	Window
	LedgerNumbering bool               // the ledger numbers invoices; its number is written back
	LineMode        LineMode           // default ModeStandard
	CustomerModes   map[int64]LineMode // per Autotask company
	Status          ledger.DocStatus   // draft or approved
	CreateItems     bool               // create missing ledger items for mapped codes
	AdjustmentCap   money.Decimal      // largest rounding adjustment line; zero allows none
	RequireEmail    bool               // customers need an email (also when the ledger says so)
	Organisation    string
}

// Action is what a run does with an invoice.
type Action string

const (
	ActionSend      Action = "send"
	ActionVoid      Action = "void"
	ActionWriteBack Action = "write_back" // already in the ledger; only Autotask is left to mark
	ActionSkip      Action = "skip"
)

// Planned is one Autotask invoice in the preview.
type Planned struct {
	InvoiceID     int64           `json:"invoiceId"`
	InvoiceNumber string          `json:"invoiceNumber"`
	CompanyID     int64           `json:"companyId"`
	CompanyName   string          `json:"companyName"`
	Action        Action          `json:"action"`
	Doc           ledger.Document `json:"doc"`
	Customer      ledger.Customer `json:"customer"` // what the ledger customer should hold
	Problems      []Problem       `json:"problems"`
	Notes         []string        `json:"notes"` // adjustments and differences the run log shows
	Hash          string          `json:"hash"`  // of the document's content
}

// Blocked reports whether a problem stops the invoice.
func (p Planned) Blocked() bool { return len(p.Problems) > 0 }

// Plan is the preview: nothing has been sent.
type Plan struct {
	Invoices    []Planned            `json:"invoices"`
	Coverage    []mapping.Coverage   `json:"coverage"`
	Suggestions []mapping.Suggestion `json:"suggestions"`
	NewItems    []ledger.Item        `json:"newItems"` // created on sync when allowed
	Links       map[int64]mapping.Link
}

// planInput is everything a plan is made from.
type planInput struct {
	snap      *Snapshot
	rules     mapping.Rules
	settings  ledger.Settings
	caps      ledger.Capabilities
	customers []ledger.Customer
	items     []ledger.Item
	journal   map[int64]store.JournalEntry
	opts      Options
	levels    OrgLevels // for the billing items' lines of business (tracking.go)
}

// OurRef is the reference every ledger document carries for its Autotask invoice.
func OurRef(invoiceID int64) string { return "AT-" + strconv.FormatInt(invoiceID, 10) }

func makePlan(in planInput) *Plan {
	s := in.snap
	var companies []mapping.Company
	for _, id := range sortedIDs(s.Companies) {
		c := s.Companies[id]
		companies = append(companies, mapping.Company{ID: c.ID, Number: c.CompanyNumber, Name: c.CompanyName})
	}
	links, sugg := mapping.LinkCustomers(companies, in.customers, in.rules.Customers)
	p := &Plan{Suggestions: sugg, Links: links}
	haveItem := map[string]bool{}
	for _, it := range in.items {
		haveItem[strings.ToLower(it.Code)] = true
	}
	usedCodes := map[int64]bool{}
	usedTax := map[mapping.TaxKey]bool{}
	for _, inv := range s.Invoices {
		pl := in.planOne(inv, links, usedCodes, usedTax)
		for _, l := range pl.Doc.Lines {
			if l.ItemCode != "" && !haveItem[strings.ToLower(l.ItemCode)] {
				haveItem[strings.ToLower(l.ItemCode)] = true
				p.NewItems = append(p.NewItems, ledger.Item{Code: l.ItemCode, Name: l.Description, AccountCode: l.AccountCode, TaxCode: l.TaxCode})
			}
		}
		p.Invoices = append(p.Invoices, pl)
	}
	var codeIDs []int64
	for id := range usedCodes {
		codeIDs = append(codeIDs, id)
	}
	var keys []mapping.TaxKey
	for k := range usedTax {
		keys = append(keys, k)
	}
	p.Coverage = mapping.Coverages(in.rules, codeIDs, keys)
	return p
}

func (in planInput) zeroTaxCode() string {
	code := ""
	for _, tc := range in.settings.TaxCodes {
		if tc.Rate.IsZero() && (code == "" || tc.Code == "NONE") {
			code = tc.Code
		}
	}
	return code
}

func (in planInput) taxRate(code string) money.Decimal {
	for _, tc := range in.settings.TaxCodes {
		if tc.Code == code {
			return tc.Rate
		}
	}
	return money.Zero
}

func (in planInput) planOne(inv autotask.Invoice, links map[int64]mapping.Link, usedCodes map[int64]bool, usedTax map[mapping.TaxKey]bool) Planned {
	s, opts := in.snap, in.opts
	pl := Planned{InvoiceID: inv.ID, InvoiceNumber: inv.InvoiceNumber, CompanyID: deref(inv.CompanyID), Action: ActionSend}
	j, inJournal := in.journal[inv.ID]
	sent := inJournal && (j.State == store.JournalSent || j.State == store.JournalWrittenBack)
	switch {
	case inv.IsVoided && sent:
		pl.Action = ActionVoid
		return pl
	case inv.IsVoided:
		pl.Action = ActionSkip
		pl.Notes = append(pl.Notes, "voided in Autotask and never sent")
		return pl
	case inJournal && j.State == store.JournalVoided:
		pl.Action = ActionSkip
		return pl
	case sent:
		pl.Action = ActionWriteBack
		return pl
	}
	co, ok := s.Companies[pl.CompanyID]
	if !ok {
		pl.Problems = append(pl.Problems, noCompany(inv))
		return pl
	}
	pl.CompanyName = co.CompanyName
	pl.Customer = customerOf(co, s.Contacts[co.ID], s.Currencies)
	if l, ok := links[co.ID]; ok {
		pl.Customer.ID = l.CustomerID
	}
	cur := in.settings.BaseCurrency
	rate := money.Zero
	if co.CurrencyID != nil {
		if c, ok := s.Currencies[*co.CurrencyID]; ok && c.Name != "" {
			cur = money.Currency(strings.ToUpper(c.Name))
			if !c.IsInternalCurrency && in.caps.ExchangeRate && internalCode(s.Currencies) == in.settings.BaseCurrency {
				rate = c.ExchangeRate
			}
		}
	}
	if !in.settings.HasCurrency(cur) {
		pl.Problems = append(pl.Problems, currencyOff(inv, cur))
	}
	if (opts.RequireEmail || in.caps.CustomerEmailRequired) && pl.Customer.Email == "" {
		kind := in.caps.Kind
		if opts.RequireEmail {
			kind = "this profile (invoices are emailed)"
		}
		pl.Problems = append(pl.Problems, missingEmail(inv, co.CompanyName, kind))
	}
	due := inv.DueDate.Time
	if days, ok := in.rules.TermDays[int64(inv.PaymentTerm)]; ok {
		due = inv.InvoiceDateTime.AddDate(0, 0, days)
	} else if t, ok := s.Terms[int64(inv.PaymentTerm)]; ok && due.IsZero() {
		due = inv.InvoiceDateTime.AddDate(0, 0, t.PaymentDueInDays)
	} else if !ok && inv.PaymentTerm != 0 {
		pl.Problems = append(pl.Problems, unknownTerm(inv))
	}
	region := regionOf(inv, co, s.Regions)
	lines, sum, taxSum := in.resolveItems(inv, region, &pl, usedCodes, usedTax)
	// The customer's own line detail (a mapping rule) wins over the
	// profile's; a mode chosen for this run wins over both.
	mode := opts.LineMode
	if m, ok := in.rules.LineModes[co.ID]; ok {
		mode = LineMode(m)
	}
	if m, ok := opts.CustomerModes[co.ID]; ok {
		mode = m
	}
	codeName := func(id int64) string { return s.Codes[id].Name }
	doc := ledger.Document{Kind: ledger.KindInvoice, OurRef: OurRef(inv.ID), Reference: inv.OrderNumber, CustomerID: pl.Customer.ID,
		Date: inv.InvoiceDateTime.Time, DueDate: due, Currency: cur, ExchangeRate: rate, Status: opts.Status,
		Lines: buildLines(lines, mode, cur, codeName)}
	if !opts.LedgerNumbering {
		doc.Number = inv.InvoiceNumber
	}
	if doc.Status == "" {
		doc.Status = ledger.StatusApproved
	}
	if !sum.Equal(inv.InvoiceTotal) {
		pl.Problems = append(pl.Problems, unfinished(inv, sum))
	} else {
		in.roundingAdjust(inv, &doc, &pl)
	}
	if !taxSum.Equal(inv.TotalTaxValue) {
		pl.Notes = append(pl.Notes, fmt.Sprintf("tax on the lines %s differs from Autotask's invoice tax %s", taxSum.StringFixed(2), inv.TotalTaxValue.StringFixed(2)))
	}
	if inv.InvoiceTotal.IsNegative() {
		doc.Kind = ledger.KindCreditNote
		for i := range doc.Lines {
			l := &doc.Lines[i]
			l.UnitPrice, l.Amount, l.TaxAmount = l.UnitPrice.Neg(), l.Amount.Neg(), l.TaxAmount.Neg()
		}
	}
	pl.Doc = doc
	pl.Hash = contentHash(doc, co.ID)
	return pl
}

// resolveItems maps each item's code and tax; it returns the lines, the sum
// of the items' totals and of their tax, as Autotask has them.
func (in planInput) resolveItems(inv autotask.Invoice, region autotask.TaxRegion, pl *Planned, usedCodes map[int64]bool, usedTax map[mapping.TaxKey]bool) ([]itemLine, money.Decimal, money.Decimal) {
	var out []itemLine
	sum, tax := money.Zero, money.Zero
	reported := map[string]bool{}
	for _, b := range in.snap.Items[inv.ID] {
		sum, tax = sum.Add(b.TotalAmount), tax.Add(b.TaxDollars)
		code := deref(b.BillingCodeID)
		usedCodes[code] = true
		rule, ok := in.rules.BillingCodes[code]
		if !ok && !reported["c"+strconv.FormatInt(code, 10)] {
			reported["c"+strconv.FormatInt(code, 10)] = true
			pl.Problems = append(pl.Problems, unmappedCode(inv, in.snap.Codes[code].Name, code))
		}
		k := mapping.TaxKey{Region: region.ID, Category: deref(b.TaxCategoryID)}
		usedTax[k] = true
		taxCode, mapped := in.rules.Tax[k]
		switch {
		case b.TaxDollars.IsZero() && (!mapped || !in.taxRate(taxCode).IsZero()):
			// No tax in Autotask: the ledger's zero rate, so it adds none.
			taxCode = in.zeroTaxCode()
		case !mapped && !reported["t"+k.String()]:
			reported["t"+k.String()] = true
			pl.Problems = append(pl.Problems, unmappedTax(inv, region.Name, categoryName(in.snap.Categories, k.Category)))
		}
		out = append(out, itemLine{item: b, code: rule.ItemCode, account: rule.Account, taxCode: taxCode,
			tracking: in.trackingFor(inv, b, pl, reported)})
	}
	return out, sum, tax
}

// roundingAdjust compares the ledger's total with Autotask's, rounded to the
// currency, and covers the difference with one line within the cap.
func (in planInput) roundingAdjust(inv autotask.Invoice, doc *ledger.Document, pl *Planned) {
	want := money.RoundAmount(inv.InvoiceTotal, doc.Currency)
	diff := want.Sub(doc.Total())
	if diff.IsZero() {
		return
	}
	if diff.Abs().Cmp(in.opts.AdjustmentCap) > 0 {
		pl.Problems = append(pl.Problems, roundingBeyondCap(inv, diff, in.opts.AdjustmentCap))
		return
	}
	doc.Lines = append(doc.Lines, ledger.Line{Description: "Rounding adjustment (Autotask amounts have 4 decimals)",
		Quantity: money.FromInt(1), UnitPrice: diff, Amount: diff, AccountCode: in.settings.RoundingAccount, TaxCode: in.zeroTaxCode(), Adjustment: true})
	pl.Notes = append(pl.Notes, fmt.Sprintf("rounding adjustment of %s on account %s", diff.StringFixed(2), in.settings.RoundingAccount))
}

func regionOf(inv autotask.Invoice, co autotask.Company, regions []autotask.TaxRegion) autotask.TaxRegion {
	for _, r := range regions {
		if inv.TaxRegionName != "" && strings.EqualFold(r.Name, inv.TaxRegionName) {
			return r
		}
	}
	for _, r := range regions {
		if co.TaxRegionID != nil && r.ID == *co.TaxRegionID {
			return r
		}
	}
	return autotask.TaxRegion{Name: inv.TaxRegionName}
}

func categoryName(cats []autotask.TaxCategory, id int64) string {
	for _, c := range cats {
		if c.ID == id {
			return c.Name
		}
	}
	return strconv.FormatInt(id, 10)
}

func internalCode(curs map[int64]autotask.Currency) money.Currency {
	for _, c := range curs {
		if c.IsInternalCurrency {
			return money.Currency(strings.ToUpper(c.Name))
		}
	}
	return ""
}

// customerOf is what the ledger customer should hold: name, account number,
// phone, billing address, billing contact and currency.
func customerOf(co autotask.Company, contacts []autotask.Contact, curs map[int64]autotask.Currency) ledger.Customer {
	c := ledger.Customer{Name: strings.TrimSpace(co.CompanyName), AccountNumber: co.CompanyNumber, Phone: co.Phone, TaxNumber: co.TaxID}
	a1, a2, city, state, zip := co.BillingAddress1, co.BillingAddress2, co.BillToCity, co.BillToState, co.BillToZipCode
	if a1 == "" {
		a1, a2, city, state, zip = co.Address1, co.Address2, co.City, co.State, co.PostalCode
	}
	for _, l := range []string{a1, a2} {
		if l != "" {
			c.Address.Lines = append(c.Address.Lines, l)
		}
	}
	c.Address.City, c.Address.Region, c.Address.PostalCode, c.Address.Attention = city, state, zip, co.BillToAttention
	var pick *autotask.Contact
	for i := range contacts {
		ct := &contacts[i]
		if ct.EmailAddress == "" {
			continue
		}
		if pick == nil || ct.BillingContact || (ct.PrimaryContact && !pick.BillingContact) {
			pick = ct
		}
	}
	if pick != nil {
		c.Email, c.ContactFirst, c.ContactLast = pick.EmailAddress, pick.FirstName, pick.LastName
	}
	if co.CurrencyID != nil {
		c.Currency = money.Currency(strings.ToUpper(curs[*co.CurrencyID].Name))
	}
	return c
}

// contentHash identifies a document's content; the customer is named by the
// Autotask company, so it is stable before and after the customer exists.
func contentHash(d ledger.Document, companyID int64) string {
	d.CustomerID = "company:" + strconv.FormatInt(companyID, 10)
	b, _ := json.Marshal(d)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// idempotencyKey derives the ledger key from profile, ledger, invoice and content.
func idempotencyKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// BuildPlan plans a snapshot without reading the ledger or the journal: for
// previews of data already in hand and for tests.
func BuildPlan(snap *Snapshot, rules mapping.Rules, settings ledger.Settings, caps ledger.Capabilities, customers []ledger.Customer, opts Options) *Plan {
	if opts.LineMode == "" {
		opts.LineMode = ModeStandard
	}
	return makePlan(planInput{snap: snap, rules: rules, settings: settings, caps: caps, customers: customers, journal: map[int64]store.JournalEntry{}, opts: opts})
}
