package procure

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
)

// QBO sends bills as QuickBooks Online Bills with a VendorRef. DocNumber
// holds at most 21 characters, so it is the vendor invoice number and our
// reference when they fit and our reference alone when not (the vendor
// invoice number is then in PrivateNote). Stocked lines are
// ItemBasedExpenseLineDetail — QuickBooks posts them to the item's own
// asset or expense account; the other lines are AccountBasedExpenseLineDetail
// on the cost-of-sales account (QuickBooks has no item on such a line, so
// the item's name leads the description). A bill whose Autotask PO was
// sent as a QuickBooks purchase order links it on every line (LinkedTxn,
// TxnType PurchaseOrder).
type QBO struct {
	c    *qbo.Client
	home string
}

// NewQBO returns the QuickBooks Online procurement ledger of a company.
func NewQBO(c *qbo.Client, homeCurrency string) *QBO { return &QBO{c: c, home: homeCurrency} }

func (q *QBO) Kind() string      { return "qbo" }
func (q *QBO) MaxNumberLen() int { return 21 }
func (q *QBO) BatchSize() int    { return 1 }

func (q *QBO) Vendors(ctx context.Context) ([]Vendor, error) {
	vs, err := qbo.Query[qbo.Vendor](ctx, q.c, "Vendor", "")
	if err != nil {
		return nil, err
	}
	out := make([]Vendor, len(vs))
	for i, v := range vs {
		out[i] = Vendor{ID: v.ID, Name: v.DisplayName, AccountNumber: v.AcctNum, Currency: v.CurrencyRef.Value}
	}
	return out, nil
}

// CreateVendors creates each vendor in the bill's currency: QuickBooks
// keeps one currency per vendor and refuses bills in another.
func (q *QBO) CreateVendors(ctx context.Context, vs []Vendor, key string) ([]Result, error) {
	return createEach(ctx, q.c, vs, key, func(v Vendor) (qbo.Vendor, string) {
		body := qbo.Vendor{DisplayName: v.Name, CompanyName: v.Name, AcctNum: v.AccountNumber}
		if v.Currency != "" {
			body.CurrencyRef = qbo.Ref{Value: v.Currency}
		}
		return body, v.Name
	}, func(v qbo.Vendor) string { return v.ID })
}

func (q *QBO) Items(ctx context.Context) ([]Item, error) { return q.items(ctx, "") }

// items lists the items that match where.
func (q *QBO) items(ctx context.Context, where string, args ...any) ([]Item, error) {
	its, err := qbo.Query[qbo.Item](ctx, q.c, "Item", where, args...)
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(its))
	for i, it := range its {
		out[i] = Item{ID: it.ID, Code: it.Name, SKU: it.Sku}
	}
	return out, nil
}

// CreateBills creates the bills one request each (BatchSize 1).
func (q *QBO) CreateBills(ctx context.Context, bills []Bill, key string) ([]Result, error) {
	return createEach(ctx, q.c, bills, key, func(b Bill) (qbo.Bill, string) { return q.bill(b), b.Reference },
		func(b qbo.Bill) string { return b.ID })
}

func (q *QBO) bill(b Bill) qbo.Bill {
	note := b.Memo
	if b.VendorInvoiceNumber != "" && !strings.HasPrefix(b.Number, b.VendorInvoiceNumber) {
		note = "Vendor invoice " + b.VendorInvoiceNumber + "; " + note
	}
	out := qbo.Bill{PurchaseByVendor: qbo.PurchaseByVendor{DocNumber: b.Number, TxnDate: qbo.DateOf(b.Date), DueDate: qbo.DateOf(b.DueDate),
		VendorRef: qbo.Ref{Value: b.VendorID}, PrivateNote: note}}
	out.CurrencyRef, out.ExchangeRate = q.currency(b.Currency, b.ExchangeRate)
	for _, l := range b.Lines {
		line := qbo.Line{Description: l.Description, Amount: l.Amount}
		tax := qbo.Ref{Value: l.TaxCode}
		if l.Stocked {
			line.DetailType = qbo.DetailItemExpense
			line.ItemBasedExpenseLineDetail = &qbo.ItemBasedExpenseLineDetail{ItemRef: qbo.Ref{Value: l.ItemID}, Qty: l.Quantity,
				UnitPrice: l.UnitCost, TaxCodeRef: tax}
		} else {
			line.DetailType = qbo.DetailAcctExpense
			line.AccountBasedExpenseLineDetail = &qbo.AccountBasedExpenseLineDetail{AccountRef: qbo.Ref{Value: l.Account}, TaxCodeRef: tax}
		}
		if b.LedgerOrderID != "" {
			// The line links its purchase order; QuickBooks closes the
			// order once its lines are billed.
			line.LinkedTxn = []qbo.LinkedTxn{{TxnID: b.LedgerOrderID, TxnType: qbo.TxnPurchaseOrder}}
		}
		out.Line = append(out.Line, line)
	}
	return out
}

// FindBills queries the bills with the numbers asked and matches them by vendor.
func (q *QBO) FindBills(ctx context.Context, refs []BillRef) ([]Found, error) {
	want := map[BillRef]bool{}
	nums := make([]string, len(refs))
	for i, r := range refs {
		want[r], nums[i] = true, r.Number
	}
	bills, err := byDocNumber[qbo.Bill](ctx, q.c, "Bill", nums)
	if err != nil {
		return nil, fmt.Errorf("find bills: %w", err)
	}
	var out []Found
	for _, b := range bills {
		r := BillRef{VendorID: b.VendorRef.Value, Number: b.DocNumber}
		if want[r] {
			out = append(out, Found{Ref: r, ID: b.ID})
		}
	}
	return out, nil
}

// currency is a document's currency and QuickBooks' exchange rate, set
// only when it is not the home currency. QuickBooks' ExchangeRate is home
// units per unit of the document's currency: the inverse of Autotask's
// rate.
func (q *QBO) currency(code string, rate money.Decimal) (qbo.Ref, money.Decimal) {
	if code == "" || strings.EqualFold(code, q.home) {
		return qbo.Ref{}, money.Zero
	}
	if rate.Sign() > 0 {
		if r, err := money.FromInt(1).Div(rate, 6); err == nil {
			return qbo.Ref{Value: code}, r
		}
	}
	return qbo.Ref{Value: code}, money.Zero
}

// createEach creates docs one request each, each with a requestid derived
// from key and its ref, so a retried request returns the first answer. A
// document QuickBooks refuses gets its Err; any other error leaves the
// outcome unknown and stops the call.
func createEach[D any, T qbo.Entity](ctx context.Context, c *qbo.Client, docs []D, key string, build func(D) (body T, ref string),
	id func(T) string) ([]Result, error) {
	out := make([]Result, len(docs))
	for i, d := range docs {
		body, ref := build(d)
		saved, err := qbo.Create(ctx, c, body, key+":"+ref)
		if err != nil {
			if !refused(err) {
				return out, err
			}
			out[i].Err = err
			continue
		}
		out[i].ID = id(saved)
	}
	return out, nil
}

// byDocNumber queries the entities with the numbers asked, 100 a query.
func byDocNumber[T any](ctx context.Context, c *qbo.Client, entity string, nums []string) ([]T, error) {
	var out []T
	for chunk := range slices.Chunk(nums, 100) {
		quoted := make([]string, len(chunk))
		for i, n := range chunk {
			quoted[i] = qbo.Quote(n)
		}
		got, err := qbo.Query[T](ctx, c, entity, "DocNumber in ("+strings.Join(quoted, ", ")+")")
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// refused reports whether QuickBooks answered and refused the object (a
// validation fault), as opposed to a call whose outcome is unknown.
func refused(err error) bool {
	var ae *qbo.APIError
	return errors.As(err, &ae) && ae.Status == http.StatusBadRequest
}
