package ledgertest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Memory is an in-memory ledger with the rules the suite checks: unique
// document numbers, customers that must exist, per-element failures. Tests
// of the sync engine use it where no simulator is needed.
type Memory struct {
	Caps ledger.Capabilities
	Set  ledger.Settings

	mu        sync.Mutex
	customers []ledger.Customer
	items     []ledger.Item
	docs      []memDoc
	seq       int
	calls     int
}

type memDoc struct {
	ledger.Document
	id       string
	status   ledger.DocStatus
	paid     money.Decimal
	paidOn   time.Time
	payments []ledger.Payment
	changed  time.Time
}

// NewMemory returns an empty ledger in GBP with a 20 % and a zero tax code.
func NewMemory() *Memory {
	return &Memory{
		Caps: ledger.Capabilities{Kind: "memory", BatchSize: 50, ExchangeRate: true},
		Set: ledger.Settings{
			BaseCurrency: "GBP", Currencies: []money.Currency{"GBP"},
			TaxCodes:        []ledger.TaxCode{{Code: "OUTPUT2", Name: "20% VAT", Rate: money.MustParse("20")}, {Code: "NONE", Name: "No VAT", Rate: money.Zero}},
			Accounts:        []ledger.Account{{Code: "200", Name: "Sales", Income: true}, {Code: "860", Name: "Rounding"}},
			RoundingAccount: "860",
		},
	}
}

func (m *Memory) next(prefix string) string {
	m.seq++
	return prefix + strconv.Itoa(m.seq)
}

// Calls counts the methods called, for tests of call budgets.
func (m *Memory) Calls() int { m.mu.Lock(); defer m.mu.Unlock(); return m.calls }

func (m *Memory) Capabilities() ledger.Capabilities { return m.Caps }

func (m *Memory) Settings(context.Context) (ledger.Settings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	return m.Set, nil
}

func (m *Memory) Customers(context.Context) ([]ledger.Customer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	return append([]ledger.Customer(nil), m.customers...), nil
}

func (m *Memory) SaveCustomers(_ context.Context, cs []ledger.Customer, _ string) ([]ledger.Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	out := make([]ledger.Result, len(cs))
	for i, c := range cs {
		if strings.TrimSpace(c.Name) == "" {
			out[i].Err = errors.New("Name must be specified")
			continue
		}
		clash := false
		for _, have := range m.customers {
			if strings.EqualFold(have.Name, c.Name) && have.ID != c.ID {
				clash = true
			}
		}
		if clash {
			out[i].Err = fmt.Errorf("The contact name %s is already assigned to another contact", c.Name)
			continue
		}
		if c.ID == "" {
			c.ID = m.next("C")
			m.customers = append(m.customers, c)
			out[i] = ledger.Result{ID: c.ID, Number: c.AccountNumber}
			continue
		}
		found := false
		for k := range m.customers {
			if m.customers[k].ID == c.ID {
				m.customers[k], found = c, true
			}
		}
		if !found {
			out[i].Err = errors.New("The contact could not be found")
			continue
		}
		out[i] = ledger.Result{ID: c.ID, Number: c.AccountNumber}
	}
	return out, nil
}

func (m *Memory) Items(context.Context) ([]ledger.Item, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	return append([]ledger.Item(nil), m.items...), nil
}

func (m *Memory) CreateItems(_ context.Context, items []ledger.Item, _ string) ([]ledger.Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	out := make([]ledger.Result, len(items))
	for i, it := range items {
		dup := false
		for _, have := range m.items {
			dup = dup || strings.EqualFold(have.Code, it.Code)
		}
		if dup || it.Code == "" {
			out[i].Err = fmt.Errorf("Item code %q is empty or already used", it.Code)
			continue
		}
		it.ID = m.next("I")
		m.items = append(m.items, it)
		out[i] = ledger.Result{ID: it.ID, Number: it.Code}
	}
	return out, nil
}

func (m *Memory) FindDocuments(_ context.Context, refs []ledger.DocRef) ([]ledger.Found, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	var out []ledger.Found
	for _, r := range refs {
		for _, d := range m.docs {
			if d.Kind == r.Kind && ((r.Number != "" && strings.EqualFold(d.Number, r.Number)) || (r.Number == "" && d.OurRef == r.OurRef)) {
				out = append(out, ledger.Found{Ref: r, ID: d.id, Number: d.Number, Status: d.status, Total: d.Total()})
				break
			}
		}
	}
	return out, nil
}

func (m *Memory) customerExists(id string) bool {
	for _, c := range m.customers {
		if c.ID == id {
			return true
		}
	}
	return false
}

func (m *Memory) CreateDocuments(_ context.Context, docs []ledger.Document, _ string) ([]ledger.Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	out := make([]ledger.Result, len(docs))
	for i, d := range docs {
		if msg := m.check(d); msg != "" {
			out[i].Err = errors.New(msg)
			continue
		}
		prefix := "INV-"
		if d.Kind == ledger.KindCreditNote {
			prefix = "CN-"
		}
		if d.Number == "" {
			d.Number = m.next(prefix)
		}
		doc := memDoc{Document: d, id: m.next("D"), status: d.Status, changed: time.Now()}
		m.docs = append(m.docs, doc)
		out[i] = ledger.Result{ID: doc.id, Number: d.Number}
	}
	return out, nil
}

func (m *Memory) check(d ledger.Document) string {
	if !m.customerExists(d.CustomerID) {
		return "The Contact could not be found"
	}
	if len(d.Lines) == 0 {
		return "At least one line item must be specified"
	}
	if !m.Set.HasCurrency(d.Currency) {
		return "Currency " + string(d.Currency) + " is not enabled"
	}
	for _, dd := range m.docs {
		if d.Number != "" && dd.Kind == d.Kind && strings.EqualFold(dd.Number, d.Number) {
			return "Invoice # must be unique"
		}
	}
	for k, l := range d.Lines {
		want := l.Quantity.Mul(l.UnitPrice).Round(d.Currency.MinorUnits())
		if !want.Equal(l.Amount) {
			return fmt.Sprintf("Line %d: The line total %s does not match the expected line total %s", k+1, l.Amount, want)
		}
		if l.Quantity.IsNegative() {
			return fmt.Sprintf("Line %d: Quantity must not be negative", k+1)
		}
	}
	return ""
}

func (m *Memory) VoidDocument(_ context.Context, kind ledger.DocKind, id, _ string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	for i := range m.docs {
		if m.docs[i].id == id && m.docs[i].Kind == kind {
			if !m.docs[i].paid.IsZero() {
				return errors.New("memory: a paid document cannot be voided")
			}
			m.docs[i].status, m.docs[i].changed = ledger.StatusVoided, time.Now()
			return nil
		}
	}
	return fmt.Errorf("memory: void %s: %w", id, ledger.ErrNotFound)
}

// Pay records a payment on a document, as a person would in the ledger.
func (m *Memory) Pay(_ context.Context, id string, amount money.Decimal, on time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.docs {
		d := &m.docs[i]
		if d.id != id {
			continue
		}
		d.paid = d.paid.Add(amount)
		d.payments = append(d.payments, ledger.Payment{ID: m.next("P"), Date: on, Amount: amount})
		d.changed = time.Now()
		if d.paid.Cmp(d.Total()) >= 0 {
			d.status, d.paidOn = ledger.StatusPaid, on
		}
		return nil
	}
	return fmt.Errorf("memory: pay %s: %w", id, ledger.ErrNotFound)
}

func (m *Memory) SettlementsSince(_ context.Context, t time.Time) ([]ledger.Settlement, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	var out []ledger.Settlement
	for _, d := range m.docs {
		if d.Kind != ledger.KindInvoice || d.changed.Before(t) || (d.status != ledger.StatusApproved && d.status != ledger.StatusPaid) {
			continue
		}
		out = append(out, ledger.Settlement{DocumentID: d.id, Number: d.Number, Total: d.Total(), AmountPaid: d.paid,
			AmountDue: d.Total().Sub(d.paid), FullyPaidOn: d.paidOn, Payments: append([]ledger.Payment(nil), d.payments...)})
	}
	return out, nil
}

// Documents returns every document created, for tests ("exactly once").
func (m *Memory) Documents() []ledger.Document {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]ledger.Document, len(m.docs))
	for i, d := range m.docs {
		out[i] = d.Document
	}
	return out
}
