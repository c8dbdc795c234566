package exact

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// readOne reads the record of path whose key field is id, with its lines
// expanded; a missing record is ledger.ErrNotFound (a $filter that matches
// nothing costs no error towards Exact's block, a GET of Entity(guid) would).
func readOne[T any](ctx context.Context, c *Client, path, op, keyField, linesField, id string, fields []string) (T, error) {
	var zero T
	if !isGUID(id) {
		return zero, fmt.Errorf("exact: %s: %q is not an Exact id: %w", op, id, ledger.ErrNotFound)
	}
	q := Query{Select: append(append([]string{}, fields...), linesField), Filter: Eq(keyField, Guid(id))}.Encode() + "&$expand=" + linesField
	var p page[T]
	if err := c.do(ctx, request{method: http.MethodGet, path: path, query: q, op: op}, &p); err != nil {
		return zero, err
	}
	if len(p.D.Results) == 0 {
		return zero, fmt.Errorf("exact: %s %s: %w", op, id, ledger.ErrNotFound)
	}
	return p.D.Results[0], nil
}

// VoidDocument reverses a booked document, which is what Exact allows for
// a booking: a sales entry gets a reversing entry of the opposite type
// with the same lines, a processed sales invoice a credit invoice (also
// processed). The reversal's YourRef is "VOID " and the original's, so a
// second void finds it and does nothing, and FindDocuments reports the
// original voided. An invoice that is still open (not processed) cannot be
// reversed and must be deleted in Exact by hand; the error says so.
func (a *Adapter) VoidDocument(ctx context.Context, kind ledger.DocKind, id, key string) error {
	cat, err := a.catalog(ctx)
	if err != nil {
		return err
	}
	if a.opts.Mode == SalesInvoices {
		return a.voidInvoice(ctx, cat, id)
	}
	e, err := readOne[SalesEntry](ctx, a.c, "salesentry/SalesEntries", "read sales entry", "EntryID", "SalesEntryLines", id, salesEntryFields)
	if err != nil {
		return a.voidMissing(err, id)
	}
	if done, err := a.reversed(ctx, e.YourRef); done || err != nil {
		return err
	}
	rev := SalesEntry{Customer: e.Customer, Journal: e.Journal, EntryDate: DateOf(a.c.now()), Type: SalesEntryTypeCredit,
		YourRef: voidPrefix + e.YourRef, Description: truncate(fmt.Sprintf("Reverses entry %d (voided in Autotask)", e.EntryNumber), 60),
		Currency: e.Currency, PaymentCondition: e.PaymentCondition}
	if e.Type == SalesEntryTypeCredit {
		rev.Type = SalesEntryTypeInvoice
	}
	for _, l := range e.SalesEntryLines {
		rev.SalesEntryLines = append(rev.SalesEntryLines, SalesEntryLine{GLAccount: l.GLAccount, AmountFC: l.AmountFC.Neg(),
			VATCode: l.VATCode, VATAmountFC: l.VATAmountFC.Neg(), Description: l.Description, Quantity: l.Quantity, CostCenter: l.CostCenter, CostUnit: l.CostUnit})
	}
	res, err := a.c.CreateSalesEntry(ctx, rev)
	if err != nil {
		return err
	}
	a.note(e.YourRef, fmt.Sprintf("Exact entry %d is reversed by entry %d; both stay in receivables until they are matched against each other in Exact (Cash flow → Match).",
		e.EntryNumber, res.Entry.EntryNumber))
	return nil
}

func (a *Adapter) voidInvoice(ctx context.Context, cat *Catalog, id string) error {
	inv, err := readOne[SalesInvoice](ctx, a.c, "salesinvoice/SalesInvoices", "read sales invoice", "InvoiceID", "SalesInvoiceLines", id, salesInvoiceFields)
	if err != nil {
		return a.voidMissing(err, id)
	}
	if inv.Status != InvoiceStatusProcessed {
		return apperr.New(apperr.Invalid,
			fmt.Sprintf("Exact sales invoice %s (Your ref %s) is not processed yet, and Billbridge cannot delete it", numberText(inv.InvoiceNumber), inv.YourRef),
			"Delete the invoice in Exact by hand (Sales → Invoices → open it → Delete); Autotask already shows it as voided.")
	}
	if done, err := a.reversed(ctx, inv.YourRef); done || err != nil {
		return err
	}
	rev := SalesInvoice{Journal: inv.Journal, OrderedBy: inv.OrderedBy, InvoiceTo: inv.InvoiceTo, InvoiceDate: DateOf(a.c.now()),
		Currency: inv.Currency, YourRef: voidPrefix + inv.YourRef, Type: InvoiceTypeCredit,
		Description: truncate(fmt.Sprintf("Reverses invoice %d (voided in Autotask)", inv.InvoiceNumber), 60)}
	if inv.Type == InvoiceTypeCredit {
		rev.Type = InvoiceTypeSales
	}
	for _, l := range inv.SalesInvoiceLines {
		rev.SalesInvoiceLines = append(rev.SalesInvoiceLines, SalesInvoiceLine{Item: l.Item, Description: l.Description,
			Quantity: l.Quantity.Neg(), UnitPrice: l.UnitPrice, Discount: l.Discount, VATCode: l.VATCode, GLAccount: l.GLAccount})
	}
	got, err := a.c.CreateSalesInvoice(ctx, rev)
	if err != nil {
		return err
	}
	if _, err := a.c.PrintSalesInvoice(ctx, "the reversal of "+inv.YourRef, PrintRequest{InvoiceID: got.InvoiceID}); err != nil {
		return apperr.Wrap(err, apperr.Invalid,
			fmt.Sprintf("Exact created credit invoice %s to reverse invoice %d but did not process it", numberText(got.InvoiceNumber), inv.InvoiceNumber),
			"Process the credit invoice in Exact by hand (Sales → Invoices → Print/process).")
	}
	return nil
}

// reversed reports whether the reversal of the document with YourRef ref
// is already booked.
func (a *Adapter) reversed(ctx context.Context, ref string) (bool, error) {
	got, err := a.findBooked(ctx, []string{ref}, true)
	if err != nil {
		return false, err
	}
	_, ok := got[voidPrefix+ref]
	return ok, nil
}

func (a *Adapter) voidMissing(err error, id string) error {
	if errors.Is(err, ledger.ErrNotFound) {
		return apperr.Wrap(err, apperr.NotFound, fmt.Sprintf("Exact Online has no document %s to void", id),
			"It may have been deleted in Exact already; nothing else to do.")
	}
	return err
}

// SettlementsSince reads the receivables changed since t (the bulk
// endpoint: 1,000 a page) and, for the documents among them with a fully
// paid row, every row of those documents (a split receivable has several),
// batched. A document is settled only when all its rows are fully paid, on
// the latest LastPaymentDate — the date of the payment that settled it. A
// partly paid document has no paid date and is reported as still due:
// Exact's receivables do not say how much of it was paid.
func (a *Adapter) SettlementsSince(ctx context.Context, t time.Time) ([]ledger.Settlement, error) {
	l := list{op: "read changed receivables", path: "bulk/Cashflow/Receivables",
		query: Query{Select: receivableFields, Filter: "Modified ge " + DateTimeLit(t)}}
	changed, err := getAll[Receivable](ctx, a.c, l)
	if err != nil {
		return nil, err
	}
	var order []string
	rows := map[string]map[string]Receivable{} // entry → row id → row
	var paidEntries []string
	paidSeen := map[string]bool{}
	for _, r := range changed {
		e := strings.ToLower(r.TransactionEntryID)
		if e == "" {
			continue
		}
		if rows[e] == nil {
			rows[e] = map[string]Receivable{}
			order = append(order, e)
		}
		if _, ok := r.PaidDate(); ok && !paidSeen[e] {
			paidSeen[e] = true
			paidEntries = append(paidEntries, e)
		}
		rows[e][r.ID] = r
	}
	if len(paidEntries) > 0 {
		lits := make([]string, len(paidEntries))
		for i, e := range paidEntries {
			lits[i] = Guid(e)
		}
		all, err := getAnyOf[Receivable](ctx, a.c, list{op: "read receivables of paid entries", path: "bulk/Cashflow/Receivables",
			query: Query{Select: receivableFields}}, "TransactionEntryID", lits, "")
		if err != nil {
			return nil, err
		}
		for _, r := range all {
			if m := rows[strings.ToLower(r.TransactionEntryID)]; m != nil {
				m[r.ID] = r
			}
		}
	}
	out := make([]ledger.Settlement, 0, len(order))
	for _, e := range order {
		var all []Receivable
		total := money.Zero
		s := ledger.Settlement{}
		for _, r := range rows[e] {
			all = append(all, r)
			total = total.Add(r.AmountFC.Abs())
			s.DocumentID, s.Number = r.TransactionEntryID, numberText(r.InvoiceNumber)
		}
		s.Total, s.AmountDue = total, total
		if d, ok := PaidDates(all)[s.DocumentID]; ok {
			s.FullyPaidOn, s.AmountPaid, s.AmountDue = d.Time(), total, money.Zero
		}
		out = append(out, s)
	}
	return out, nil
}
