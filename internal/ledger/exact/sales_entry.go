package exact

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// Sales entry types.
const (
	SalesEntryTypeInvoice = 20
	SalesEntryTypeCredit  = 21
)

// SalesEntry is a booking in a sales journal (salesentry/SalesEntries); it
// needs no invoicing module. Customer is the account id, Journal the sales
// journal's code. EntryNumber is the invoice number in the journal: Exact
// keeps a number inside the journal's range and assigns its own otherwise.
type SalesEntry struct {
	EntryID          string                `json:"EntryID,omitempty"`
	Customer         string                `json:"Customer"`
	Journal          string                `json:"Journal"`
	EntryDate        Date                  `json:"EntryDate,omitzero"`
	EntryNumber      int                   `json:"EntryNumber,omitempty"`
	InvoiceNumber    int                   `json:"InvoiceNumber,omitempty"` // set by Exact
	Type             int                   `json:"Type,omitempty"`
	YourRef          string                `json:"YourRef,omitempty"` // the Autotask invoice number
	Description      string                `json:"Description,omitempty"`
	PaymentCondition string                `json:"PaymentCondition,omitempty"`
	DueDate          Date                  `json:"DueDate,omitzero"`
	Currency         string                `json:"Currency,omitempty"`
	AmountFC         money.Decimal         `json:"AmountFC,omitzero"`    // set by Exact, incl. VAT
	AmountDC         money.Decimal         `json:"AmountDC,omitzero"`    // set by Exact
	VATAmountFC      money.Decimal         `json:"VATAmountFC,omitzero"` // set by Exact
	Status           int                   `json:"Status,omitempty"`     // 20 open, 50 processed
	SalesEntryLines  Lines[SalesEntryLine] `json:"SalesEntryLines,omitempty"`
}

// SalesEntryLine is one revenue line. AmountFC excludes VAT; VATAmountFC may
// be left zero for Exact to compute from VATCode.
type SalesEntryLine struct {
	GLAccount   string        `json:"GLAccount"`
	AmountFC    money.Decimal `json:"AmountFC"`
	VATCode     string        `json:"VATCode,omitempty"`
	VATAmountFC money.Decimal `json:"VATAmountFC,omitzero"`
	Description string        `json:"Description,omitempty"`
	Quantity    money.Decimal `json:"Quantity,omitzero"`
	CostCenter  string        `json:"CostCenter,omitempty"`
	CostUnit    string        `json:"CostUnit,omitempty"`
}

var salesEntryFields = []string{
	"EntryID", "Customer", "Journal", "EntryDate", "EntryNumber", "InvoiceNumber", "Type", "YourRef",
	"Description", "PaymentCondition", "DueDate", "Currency", "AmountFC", "AmountDC", "VATAmountFC", "Status",
}

// EntryNumberFor returns the entry number to ask for: the Autotask invoice
// number when it is a positive number that fits Exact's Int32, else 0 (Exact
// assigns one).
func EntryNumberFor(invoiceNumber string) int {
	s := strings.TrimSpace(invoiceNumber)
	if !isDigits(s) {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt32 {
		return 0
	}
	return int(n)
}

// SalesEntryResult is a created sales entry. When Exact did not keep the
// entry number asked for (outside the journal's range, or taken),
// EntryNumberIgnored is set and Note says so for the run log.
type SalesEntryResult struct {
	Entry              SalesEntry
	EntryNumberIgnored bool
	Note               string
}

// CreateSalesEntry validates e locally — required fields, at least one line,
// and, when a Catalog is loaded, that every code exists — and posts it with
// its lines in one call. There is no batch endpoint: one entry, one call.
func (c *Client) CreateSalesEntry(ctx context.Context, e SalesEntry) (SalesEntryResult, error) {
	if err := c.ValidateSalesEntry(&e); err != nil {
		return SalesEntryResult{}, err
	}
	e.EntryID, e.InvoiceNumber, e.Status = "", 0, 0
	e.AmountFC, e.AmountDC, e.VATAmountFC = money.Decimal{}, money.Decimal{}, money.Decimal{}
	doc := salesEntryDoc(e)
	got, err := post[SalesEntry](ctx, c, "salesentry/SalesEntries", "create sales entry", doc, e)
	if err != nil {
		return SalesEntryResult{}, err
	}
	res := SalesEntryResult{Entry: got}
	if e.EntryNumber != 0 && got.EntryNumber != e.EntryNumber {
		res.EntryNumberIgnored = true
		res.Note = fmt.Sprintf("Exact booked %s as entry %d, not %d: the number is outside journal %s's range or already used; the Autotask number is kept in Your ref.",
			doc, got.EntryNumber, e.EntryNumber, e.Journal)
	}
	return res, nil
}

func salesEntryDoc(e SalesEntry) string {
	if e.YourRef != "" {
		return "Autotask invoice " + e.YourRef
	}
	return "sales entry"
}

// SalesEntriesByYourRef finds sales entries by YourRef (the Autotask invoice
// number), batched into as few calls as the URL length allows — the lookup
// before create that stands in for the idempotency key Exact lacks.
func (c *Client) SalesEntriesByYourRef(ctx context.Context, refs []string) ([]SalesEntry, error) {
	return getAnyOf[SalesEntry](ctx, c, list{op: "find sales entries", path: "salesentry/SalesEntries",
		query: Query{Select: salesEntryFields}}, "YourRef", strLits(refs), "")
}

func strLits(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Str(s)
	}
	return out
}
