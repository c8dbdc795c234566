package exact

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// voidPrefix marks the YourRef of the reversing document that voids
// another, so the lookup that finds a document also finds its reversal.
const voidPrefix = "VOID "

// yourRef is what a document carries in YourRef and is looked up by: the
// Autotask invoice number, or our reference when the ledger numbers it.
func yourRef(number, ourRef string) string {
	if n := strings.TrimSpace(number); n != "" {
		return n
	}
	return ourRef
}

// booked is a sales entry or invoice found by YourRef.
type booked struct {
	id, number string
	status     ledger.DocStatus
	total      money.Decimal
}

// findBooked reads the documents of the adapter's mode whose YourRef is
// one of refs (and, withVoids, its reversal's), in as few calls as the URL
// length allows. The result is keyed by YourRef.
func (a *Adapter) findBooked(ctx context.Context, refs []string, withVoids bool) (map[string]booked, error) {
	lits := make([]string, 0, 2*len(refs))
	for _, r := range refs {
		lits = append(lits, Str(r))
		if withVoids {
			lits = append(lits, Str(voidPrefix+r))
		}
	}
	out := map[string]booked{}
	if len(refs) == 0 {
		return out, nil
	}
	if a.opts.Mode == SalesInvoices {
		invs, err := getAnyOf[SalesInvoice](ctx, a.c, list{op: "find sales invoices", path: "salesinvoice/SalesInvoices",
			query: Query{Select: salesInvoiceFields}}, "YourRef", lits, "")
		if err != nil {
			return nil, err
		}
		for _, inv := range invs {
			st := ledger.StatusDraft
			if inv.Status == InvoiceStatusProcessed {
				st = ledger.StatusApproved
			}
			out[inv.YourRef] = booked{id: inv.InvoiceID, number: numberText(inv.InvoiceNumber), status: st, total: inv.AmountFC.Abs()}
		}
		return out, nil
	}
	entries, err := getAnyOf[SalesEntry](ctx, a.c, list{op: "find sales entries", path: "salesentry/SalesEntries",
		query: Query{Select: salesEntryFields}}, "YourRef", lits, "")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		// A booked sales entry is final in the ledger's terms: approved.
		out[e.YourRef] = booked{id: e.EntryID, number: numberText(e.EntryNumber), status: ledger.StatusApproved, total: e.AmountFC.Abs()}
	}
	return out, nil
}

func numberText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// FindDocuments looks documents up by YourRef — the number when the ref
// has one, else our reference — batched; a document whose reversal exists
// is reported voided.
func (a *Adapter) FindDocuments(ctx context.Context, refs []ledger.DocRef) ([]ledger.Found, error) {
	keys := make([]string, 0, len(refs))
	seen := map[string]bool{}
	for _, r := range refs {
		k := yourRef(r.Number, r.OurRef)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	got, err := a.findBooked(ctx, keys, true)
	if err != nil {
		return nil, err
	}
	var out []ledger.Found
	for _, r := range refs {
		b, ok := got[yourRef(r.Number, r.OurRef)]
		if !ok {
			continue
		}
		if _, voided := got[voidPrefix+yourRef(r.Number, r.OurRef)]; voided {
			b.status = ledger.StatusVoided
		}
		out = append(out, ledger.Found{Ref: r, ID: b.id, Number: b.number, Status: b.status, Total: b.total})
	}
	return out, nil
}

// CreateDocuments books documents, one POST each, after one batched lookup
// by YourRef: a document already in Exact is refused (never booked twice),
// and every document is checked locally against the division's lists and
// its own arithmetic before it is sent. A call error means the outcome of
// the document being sent is unknown; the ones before it are in the
// results.
func (a *Adapter) CreateDocuments(ctx context.Context, docs []ledger.Document, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(docs))
	cat, err := a.catalog(ctx)
	if err != nil {
		return out, err
	}
	journal, err := a.journal(cat)
	if err != nil {
		return out, err
	}
	base, err := a.baseCurrency(ctx)
	if err != nil {
		return out, err
	}
	refs := make([]string, len(docs))
	for i, d := range docs {
		refs[i] = yourRef(d.Number, d.OurRef)
	}
	// A voided document keeps its YourRef, so reversals need not be read.
	existing, err := a.findBooked(ctx, refs, false)
	if err != nil {
		return out, err
	}
	var items map[string]Item
	if a.opts.Mode == SalesInvoices {
		if items, err = a.itemsFor(ctx, docs); err != nil {
			return out, err
		}
	}
	for i, d := range docs {
		ref := refs[i]
		label := docLabel(d)
		if b, ok := existing[ref]; ok {
			out[i].Err = apperr.New(apperr.Conflict,
				fmt.Sprintf("%s is already in Exact Online (Your ref %s, number %s); Billbridge did not book it again", label, ref, b.number),
				"Nothing to do if it is the same invoice; otherwise correct the invoice number in Autotask.")
			continue
		}
		if d.Currency == "" {
			d.Currency = base
		}
		var res ledger.Result
		if a.opts.Mode == SalesInvoices {
			res, err = a.createInvoice(ctx, cat, journal, items, d, ref)
		} else {
			res, err = a.createEntry(ctx, cat, journal, d, ref)
		}
		if err != nil && !elementError(err) {
			return out, err
		}
		out[i], out[i].Err = res, err
		if err == nil {
			existing[ref] = booked{id: res.ID, number: res.Number}
		}
	}
	return out, nil
}

func docLabel(d ledger.Document) string {
	if d.Number != "" {
		return "Autotask invoice " + d.Number
	}
	return "Autotask invoice " + d.OurRef
}

// checkLine refuses a line whose amount is not its quantity × unit price
// rounded to the currency: Exact would book the amount sent, and the
// difference would be a penny nobody can explain.
func checkLine(d ledger.Document, i int, l ledger.Line) error {
	want := money.RoundAmount(l.Quantity.Mul(l.UnitPrice), d.Currency)
	if !want.Equal(l.Amount) {
		return invalid(docLabel(d), fmt.Sprintf("line %d amount", i+1),
			fmt.Sprintf("%s is not quantity %s × price %s (= %s)", l.Amount, l.Quantity, l.UnitPrice, want),
			"Preview the invoice again; if it persists, send a support bundle.")
	}
	return nil
}

// vatOf checks a line's VAT code and returns it with its rate.
func vatOf(cat *Catalog, d ledger.Document, i int, l ledger.Line) (string, money.Decimal, error) {
	field := fmt.Sprintf("line %d", i+1)
	if l.TaxCode == "" {
		if !l.TaxAmount.IsZero() {
			return "", money.Zero, invalid(docLabel(d), field+" VATCode", "is missing on a taxed line",
				"Map the Autotask tax category to an Exact VAT code in Billbridge's mappings.")
		}
		return "", money.Zero, nil
	}
	code, err := checkVAT(cat, docLabel(d), field, l.TaxCode)
	if err != nil {
		return "", money.Zero, err
	}
	rate := money.Zero
	if v, ok := cat.VATCodes[strings.TrimSpace(l.TaxCode)]; ok {
		rate = v.Percentage
	}
	return code, rate, nil
}

// glOf translates a line's account code to the GL account's id.
func glOf(cat *Catalog, d ledger.Document, i int, code string, required bool) (string, error) {
	if code == "" && !required {
		return "", nil
	}
	g, ok := glByCode(cat, code)
	if !ok {
		problem := fmt.Sprintf("%q is not a GL account in Exact", code)
		if code == "" {
			problem = "is missing"
		}
		return "", invalid(docLabel(d), fmt.Sprintf("line %d GLAccount", i+1), problem,
			"Map the billing code (or, for a rounding line, the rounding account) to an Exact revenue GL account in Billbridge's settings.")
	}
	return g.ID, nil
}

// createEntry books d as a sales entry (Type 20) or credit entry (Type 21,
// amounts negative as Exact keeps credits), keeping a numeric Autotask
// number as the entry number and sending each line's VAT amount so Exact's
// VAT is Autotask's.
func (a *Adapter) createEntry(ctx context.Context, cat *Catalog, journal string, d ledger.Document, ref string) (ledger.Result, error) {
	e := SalesEntry{Customer: d.CustomerID, Journal: journal, EntryDate: DateOf(d.Date), EntryNumber: EntryNumberFor(d.Number),
		Type: SalesEntryTypeInvoice, YourRef: ref, Description: description(d), Currency: string(d.Currency)}
	a.setTerms(d, &e.PaymentCondition, &e.DueDate)
	sign := money.FromInt(1)
	if d.Kind == ledger.KindCreditNote {
		e.Type, sign = SalesEntryTypeCredit, money.FromInt(-1)
	}
	for i, l := range d.Lines {
		if err := checkLine(d, i, l); err != nil {
			return ledger.Result{}, err
		}
		code, rate, err := vatOf(cat, d, i, l)
		if err != nil {
			return ledger.Result{}, err
		}
		if l.TaxAmount.IsZero() && !rate.IsZero() && !l.Amount.IsZero() {
			// A zero VAT amount is not sent (Exact would then compute it).
			return ledger.Result{}, invalid(docLabel(d), fmt.Sprintf("line %d VATCode", i+1),
				fmt.Sprintf("%q charges %s%% but Autotask charged no tax on the line", strings.TrimSpace(l.TaxCode), rate.Mul(money.FromInt(100))),
				"Map this Autotask tax region and category to a 0% VAT code in Billbridge's mappings.")
		}
		gl, err := glOf(cat, d, i, l.AccountCode, true)
		if err != nil {
			return ledger.Result{}, err
		}
		e.SalesEntryLines = append(e.SalesEntryLines, SalesEntryLine{GLAccount: gl, AmountFC: l.Amount.Mul(sign),
			VATCode: code, VATAmountFC: l.TaxAmount.Mul(sign), Description: truncate(l.Description, 60), Quantity: l.Quantity})
	}
	res, err := a.c.CreateSalesEntry(ctx, e)
	if err != nil {
		return ledger.Result{}, err
	}
	if res.EntryNumberIgnored {
		a.note(d.OurRef, res.Note)
	}
	return ledger.Result{ID: res.Entry.EntryID, Number: numberText(res.Entry.EntryNumber)}, nil
}

// description is the entry's or invoice's description: the invoice and the
// customer's order number, which Exact has no other text field for.
func description(d ledger.Document) string {
	s := "Invoice " + yourRef(d.Number, d.OurRef)
	if d.Kind == ledger.KindCreditNote {
		s = "Credit note " + yourRef(d.Number, d.OurRef)
	}
	if d.Reference != "" {
		s += " / " + d.Reference
	}
	return truncate(s, 60)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

func (a *Adapter) note(ourRef, note string) {
	a.opts.Logger.Warn("exact: "+note, "ref", ourRef)
	if a.opts.Note != nil {
		a.opts.Note(ourRef, note)
	}
}
