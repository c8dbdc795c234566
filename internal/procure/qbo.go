package procure

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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
// the item's name leads the description).
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
	out := make([]Result, len(vs))
	for i, v := range vs {
		body := qbo.Vendor{DisplayName: v.Name, CompanyName: v.Name, AcctNum: v.AccountNumber}
		if v.Currency != "" {
			body.CurrencyRef = qbo.Ref{Value: v.Currency}
		}
		saved, err := qbo.Create(ctx, q.c, body, key+":"+v.Name)
		if err != nil {
			if !refused(err) {
				return out, err
			}
			out[i].Err = err
			continue
		}
		out[i].ID = saved.ID
	}
	return out, nil
}

func (q *QBO) Items(ctx context.Context) ([]Item, error) {
	its, err := qbo.Query[qbo.Item](ctx, q.c, "Item", "")
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(its))
	for i, it := range its {
		out[i] = Item{ID: it.ID, Code: it.Name, SKU: it.Sku}
	}
	return out, nil
}

// CreateBills creates the bills one request each (BatchSize 1), each with a
// requestid derived from key, so a retried request returns the first answer.
func (q *QBO) CreateBills(ctx context.Context, bills []Bill, key string) ([]Result, error) {
	out := make([]Result, len(bills))
	for i, b := range bills {
		saved, err := qbo.Create(ctx, q.c, q.bill(b), key+":"+b.Reference)
		if err != nil {
			if !refused(err) {
				return out, err
			}
			out[i].Err = err
			continue
		}
		out[i].ID = saved.ID
	}
	return out, nil
}

func (q *QBO) bill(b Bill) qbo.Bill {
	note := b.Memo
	if b.VendorInvoiceNumber != "" && !strings.HasPrefix(b.Number, b.VendorInvoiceNumber) {
		note = "Vendor invoice " + b.VendorInvoiceNumber + "; " + note
	}
	out := qbo.Bill{PurchaseByVendor: qbo.PurchaseByVendor{DocNumber: b.Number, TxnDate: qbo.DateOf(b.Date), DueDate: qbo.DateOf(b.DueDate),
		VendorRef: qbo.Ref{Value: b.VendorID}, PrivateNote: note}}
	if b.Currency != "" && !strings.EqualFold(b.Currency, q.home) {
		out.CurrencyRef = qbo.Ref{Value: b.Currency}
		// QuickBooks' ExchangeRate is home units per unit of the bill's
		// currency: the inverse of Autotask's rate.
		if b.ExchangeRate.Sign() > 0 {
			if r, err := money.FromInt(1).Div(b.ExchangeRate, 6); err == nil {
				out.ExchangeRate = r
			}
		}
	}
	for _, l := range b.Lines {
		line := qbo.Line{Description: l.Description, Amount: l.Amount}
		tax := qbo.Ref{}
		if l.TaxCode != "" {
			tax.Value = l.TaxCode
		}
		if l.Stocked {
			line.DetailType = qbo.DetailItemExpense
			line.ItemBasedExpenseLineDetail = &qbo.ItemBasedExpenseLineDetail{ItemRef: qbo.Ref{Value: l.ItemID}, Qty: l.Quantity,
				UnitPrice: l.UnitCost, TaxCodeRef: tax}
		} else {
			line.DetailType = qbo.DetailAcctExpense
			line.AccountBasedExpenseLineDetail = &qbo.AccountBasedExpenseLineDetail{AccountRef: qbo.Ref{Value: l.Account}, TaxCodeRef: tax}
		}
		out.Line = append(out.Line, line)
	}
	return out
}

// FindBills queries the bills with the numbers asked and matches them by vendor.
func (q *QBO) FindBills(ctx context.Context, refs []BillRef) ([]Found, error) {
	want := map[BillRef]bool{}
	var out []Found
	for start := 0; start < len(refs); start += 100 {
		chunk := refs[start:min(start+100, len(refs))]
		var quoted []string
		for _, r := range chunk {
			want[r] = true
			quoted = append(quoted, qbo.Quote(r.Number))
		}
		bills, err := qbo.Query[qbo.Bill](ctx, q.c, "Bill", "DocNumber in ("+strings.Join(quoted, ", ")+")")
		if err != nil {
			return nil, fmt.Errorf("find bills: %w", err)
		}
		for _, b := range bills {
			r := BillRef{VendorID: b.VendorRef.Value, Number: b.DocNumber}
			if want[r] {
				out = append(out, Found{Ref: r, ID: b.ID})
			}
		}
	}
	return out, nil
}

// refused reports whether QuickBooks answered and refused the object (a
// validation fault), as opposed to a call whose outcome is unknown.
func refused(err error) bool {
	var ae *qbo.APIError
	return errors.As(err, &ae) && ae.Status == http.StatusBadRequest
}
