package procure

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// ExactExpenses books expense reports in Exact Online as purchase entries
// (purchaseentry/PurchaseEntries) payable to an account for the employee
// (IsSupplier), in the division's purchase journal: the supplier invoice
// of the books, with no purchase order. It is the expense engine's Ledger
// for Exact; parties and items are Exact's (the embedded *Exact), bills
// become purchase entries. YourRef is the bill number, "EXP-<report id>",
// looked up (batched) before every create and after a crash.
//
// Expense categories map to GL account codes, as Mappings keep them; a
// GUID is taken as is. The VAT code is the category's tax code, or the GL
// account's default when there is none.
type ExactExpenses struct {
	*Exact
	journal string // the purchase journal's code; "" takes the division's first
	books   *exactBooks
}

// NewExactExpenses returns the expense ledger of a division. journal is the
// purchase journal's code; "" takes the lowest-coded unblocked purchase
// journal of the division.
func NewExactExpenses(x *Exact, journal string) *ExactExpenses {
	return &ExactExpenses{Exact: x, journal: strings.TrimSpace(journal), books: &exactBooks{c: x.c}}
}

// MaxNumberLen is the length of a purchase entry's YourRef.
func (x *ExactExpenses) MaxNumberLen() int { return exact.EntryYourRefMax }

// CreateBills looks the batch up by YourRef (one call), then posts each
// purchase entry not yet in Exact. A bill the local check or Exact refuses
// gets its Err; an error means the outcome is unknown.
func (x *ExactExpenses) CreateBills(ctx context.Context, bills []Bill, _ string) ([]Result, error) {
	refs := make([]BillRef, len(bills))
	for i, b := range bills {
		refs[i] = BillRef{VendorID: b.VendorID, Number: b.Number}
	}
	found, err := x.FindBills(ctx, refs)
	if err != nil {
		return nil, err
	}
	have := map[BillRef]string{}
	for _, f := range found {
		have[f.Ref] = f.ID
	}
	if err := x.books.load(ctx); err != nil {
		return nil, err
	}
	if err := x.loadCurrencies(ctx); err != nil {
		return nil, err
	}
	return exactEach(bills, func(i int, b Bill) (string, error) {
		if id, ok := have[refs[i]]; ok {
			return id, nil
		}
		e, err := x.entry(b)
		if err != nil {
			return "", err
		}
		saved, err := x.c.CreatePurchaseEntry(ctx, e)
		return saved.EntryID, err
	})
}

// entry turns an expense bill into a purchase entry, refusing locally what
// Exact would refuse.
func (x *ExactExpenses) entry(b Bill) (exact.PurchaseEntry, error) {
	doc := "Expense report " + b.Reference
	journal, err := x.books.journal(x.journal, exact.JournalTypePurchase, "purchase")
	if err != nil {
		return exact.PurchaseEntry{}, err
	}
	x.mu.Lock()
	supplierKnown := x.suppliers == nil || x.suppliers[strings.ToLower(b.VendorID)]
	currencyKnown := b.Currency == "" || x.currencies == nil || x.currencies[b.Currency]
	x.mu.Unlock()
	if !supplierKnown {
		return exact.PurchaseEntry{}, apperr.New(apperr.Invalid, fmt.Sprintf("%s: employee %q is not a supplier in Exact", doc, b.VendorName),
			"Tick Supplier on the employee's account in Exact, or link the employee to another Exact supplier in Mappings.")
	}
	if !currencyKnown {
		return exact.PurchaseEntry{}, apperr.New(apperr.Invalid, fmt.Sprintf("%s: currency %s is not set up in this Exact division", doc, b.Currency),
			"Add the currency in Exact (Master data → Currencies), then sync again.")
	}
	e := exact.PurchaseEntry{Supplier: b.VendorID, Journal: journal, EntryDate: exact.DateOf(b.Date), DueDate: exact.DateOf(b.DueDate),
		Type: exact.PurchaseEntryTypeEntry, YourRef: b.Number, Description: truncateRunes(b.Memo, exact.EntryDescriptionMax), Currency: b.Currency}
	for i, l := range b.Lines {
		gl, err := x.books.glAccount(l.Account, fmt.Sprintf("%s line %d", doc, i+1),
			"Map the expense category to an Exact GL account in Mappings › Expenses.")
		if err != nil {
			return exact.PurchaseEntry{}, err
		}
		e.PurchaseEntryLines = append(e.PurchaseEntryLines, exact.PurchaseEntryLine{GLAccount: gl, AmountFC: l.Amount, VATCode: l.TaxCode,
			Description: truncateRunes(l.Description, exact.EntryDescriptionMax), Notes: l.Description})
	}
	return e, nil
}

// FindBills reads the purchase entries whose YourRef is one of the numbers
// (batched) and matches them by supplier; rejected entries do not count.
func (x *ExactExpenses) FindBills(ctx context.Context, refs []BillRef) ([]Found, error) {
	want := map[BillRef]bool{}
	var nums []string
	for _, r := range refs {
		if !want[r] {
			nums = append(nums, r.Number)
		}
		want[r] = true
	}
	if len(nums) == 0 {
		return nil, nil
	}
	es, err := x.c.PurchaseEntriesByYourRef(ctx, nums)
	if err != nil {
		return nil, fmt.Errorf("find purchase entries: %w", err)
	}
	var out []Found
	for _, e := range es {
		if e.Status == exactEntryRejected {
			continue
		}
		r := BillRef{VendorID: strings.ToLower(e.Supplier), Number: e.YourRef}
		for w := range want {
			if w.Number == r.Number && strings.EqualFold(w.VendorID, r.VendorID) {
				out = append(out, Found{Ref: w, ID: e.EntryID})
			}
		}
	}
	return out, nil
}

// exactEntryRejected is the Status of a rejected entry.
const exactEntryRejected = 5

// exactBooks are a division's journals and GL accounts, read once, for
// choosing a journal and turning account codes into ids.
type exactBooks struct {
	c        *exact.Client
	journals []exact.Journal
	gl       map[string]exact.GLAccount // by trimmed code and by lower-case id
}

func (b *exactBooks) load(ctx context.Context) error {
	if b.gl != nil {
		return nil
	}
	js, err := b.c.Journals(ctx)
	if err != nil {
		return fmt.Errorf("exact journals: %w", err)
	}
	gls, err := b.c.GLAccounts(ctx)
	if err != nil {
		return fmt.Errorf("exact GL accounts: %w", err)
	}
	sort.Slice(js, func(i, j int) bool { return strings.TrimSpace(js[i].Code) < strings.TrimSpace(js[j].Code) })
	b.journals, b.gl = js, map[string]exact.GLAccount{}
	for _, g := range gls {
		b.gl[strings.TrimSpace(g.Code)] = g
		b.gl[strings.ToLower(g.ID)] = g
	}
	return nil
}

// journal returns the code asked for when it is a usable journal of the
// type, or the lowest-coded unblocked one of the type when none is asked.
func (b *exactBooks) journal(code string, typ int, kind string) (string, error) {
	for _, j := range b.journals {
		c := strings.TrimSpace(j.Code)
		if j.Type == typ && !j.IsBlocked && (code == "" || c == code) {
			return c, nil
		}
	}
	if code != "" {
		return "", apperr.New(apperr.Invalid, fmt.Sprintf("Exact journal %q is not an unblocked %s journal", code, kind),
			fmt.Sprintf("Choose a %s journal that exists in this Exact division.", kind))
	}
	return "", apperr.New(apperr.Invalid, fmt.Sprintf("This Exact division has no %s journal", kind),
		fmt.Sprintf("Create a %s journal in Exact (Master data → Journals), then run again.", kind))
}

// glAccount returns the id of a GL account given by code or id.
func (b *exactBooks) glAccount(account, doc, fix string) (string, error) {
	a := strings.TrimSpace(account)
	g, ok := b.gl[a]
	if !ok {
		g, ok = b.gl[strings.ToLower(a)]
	}
	switch {
	case a == "":
		return "", apperr.New(apperr.Invalid, doc+": no GL account", fix)
	case !ok:
		return "", apperr.New(apperr.Invalid, fmt.Sprintf("%s: GL account %q is not in Exact", doc, a), fix)
	case g.IsBlocked:
		return "", apperr.New(apperr.Invalid, fmt.Sprintf("%s: GL account %s is blocked in Exact", doc, strings.TrimSpace(g.Code)), fix)
	}
	return g.ID, nil
}
