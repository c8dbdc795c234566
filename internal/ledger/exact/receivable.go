package exact

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/money"
)

// Receivable statuses.
const (
	ReceivableOpen      = 20
	ReceivableSelected  = 30
	ReceivableProcessed = 40
	ReceivableMatched   = 50
)

// Receivable is an amount a customer owes, from cashflow/Receivables or the
// sync/Cashflow/PaymentTerms stream. TransactionEntryID is the sales entry it
// came from. A receivable can be split (part paid on another date), giving
// several rows for one entry.
type Receivable struct {
	ID                 string        `json:"ID"`
	Account            string        `json:"Account"`
	AccountCode        string        `json:"AccountCode"`
	AmountDC           money.Decimal `json:"AmountDC"`
	AmountFC           money.Decimal `json:"AmountFC"`
	Currency           string        `json:"Currency"`
	Description        string        `json:"Description"`
	DueDate            Date          `json:"DueDate"`
	EntryID            string        `json:"EntryID"`
	EntryNumber        int           `json:"EntryNumber"`
	InvoiceDate        Date          `json:"InvoiceDate"`
	InvoiceNumber      int           `json:"InvoiceNumber"`
	IsFullyPaid        bool          `json:"IsFullyPaid"`
	LastPaymentDate    Date          `json:"LastPaymentDate"`
	Status             int           `json:"Status"`
	TransactionEntryID string        `json:"TransactionEntryID"`
	TransactionType    int           `json:"TransactionType"`
	YourRef            string        `json:"YourRef"`
	Timestamp          int64         `json:"Timestamp,omitempty"` // sync only
}

var receivableFields = []string{
	"ID", "Account", "AccountCode", "AmountDC", "AmountFC", "Currency", "Description", "DueDate",
	"EntryID", "EntryNumber", "InvoiceDate", "InvoiceNumber", "IsFullyPaid", "LastPaymentDate",
	"Status", "TransactionEntryID", "TransactionType", "YourRef",
}

// PaidDate is the date the receivable was paid in full. A partly paid
// receivable has a LastPaymentDate but no paid date.
func (r Receivable) PaidDate() (Date, bool) {
	if !r.IsFullyPaid || r.LastPaymentDate.IsZero() {
		return Date{}, false
	}
	return r.LastPaymentDate, true
}

// PaidDates returns, per TransactionEntryID, the date the entry was paid in
// full: only when every one of its rows is fully paid, and then the latest
// payment. rows must hold all rows of each entry (ReceivablesByEntry reads
// them), or a split receivable half paid would look settled.
func PaidDates(rows []Receivable) map[string]Date {
	paid := map[string]Date{}
	open := map[string]bool{}
	for _, r := range rows {
		key := r.TransactionEntryID
		if key == "" || open[key] {
			continue
		}
		d, ok := r.PaidDate()
		if !ok {
			open[key] = true
			delete(paid, key)
			continue
		}
		if cur, seen := paid[key]; !seen || d.After(cur) {
			paid[key] = d
		}
	}
	return paid
}

func receivableList(op string) list {
	return list{op: op, path: "cashflow/Receivables", query: Query{Select: receivableFields}}
}

// ReceivablesByYourRef reads receivables by YourRef, batched.
func (c *Client) ReceivablesByYourRef(ctx context.Context, refs []string) ([]Receivable, error) {
	return getAnyOf[Receivable](ctx, c, receivableList("find receivables"), "YourRef", strLits(refs), "")
}

// ReceivablesByEntry reads every receivable row of the given sales entries
// (TransactionEntryID), batched.
func (c *Client) ReceivablesByEntry(ctx context.Context, entryIDs []string) ([]Receivable, error) {
	lits := make([]string, 0, len(entryIDs))
	for _, id := range entryIDs {
		if !isGUID(id) {
			return nil, fmt.Errorf("exact: receivables by entry: %q is not an Exact id", id)
		}
		lits = append(lits, Guid(id))
	}
	return getAnyOf[Receivable](ctx, c, receivableList("find receivables by entry"), "TransactionEntryID", lits, "")
}

// SyncPaymentTerms reads receivables and payables changed after timestamp
// since through sync/Cashflow/PaymentTerms (1,000 a page) and returns the
// highest Timestamp seen, to pass next time. Only Timestamp may be filtered
// there; match rows to documents by TransactionEntryID or YourRef.
func (c *Client) SyncPaymentTerms(ctx context.Context, since int64) ([]Receivable, int64, error) {
	l := list{op: "sync payment terms", path: "sync/Cashflow/PaymentTerms",
		query: Query{Select: append([]string{"Timestamp"}, receivableFields...)}}
	return syncRead(ctx, c, l, since, func(r Receivable) int64 { return r.Timestamp })
}
