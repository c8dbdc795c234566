package exact

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Mode is how invoices are booked in Exact.
type Mode string

const (
	// SalesEntries books each invoice as an entry in a sales journal. It
	// needs no invoicing module and keeps a numeric Autotask invoice number
	// as the entry (invoice) number. The default.
	SalesEntries Mode = "sales_entries"
	// SalesInvoices creates invoices in Exact's invoicing module. Exact
	// numbers them itself; Autotask's number goes to YourRef.
	SalesInvoices Mode = "sales_invoices"
)

// DefaultBatchSize is how many documents the adapter takes per
// CreateDocuments call. Exact has no batch endpoint — each document is one
// POST — but the lookup by YourRef that guards against booking twice is
// batched, so a batch of 100 costs one lookup and 100 POSTs instead of 200
// calls. It stays below the ~114 references that fit in one lookup URL.
const DefaultBatchSize = 100

// AdapterOptions configure an Adapter. Zero values take the defaults.
type AdapterOptions struct {
	Mode    Mode   // SalesEntries unless set
	Journal string // the sales journal's code; default: the lowest-coded unblocked sales journal
	// PaymentConditions are the payment condition codes by payment days
	// (due date − invoice date): a document whose days are here is booked
	// with that condition and Exact sets its due date; any other gets its
	// due date alone.
	PaymentConditions map[int]string
	// BaseCurrency is the division's currency; empty reads it from
	// system/Divisions (one call, once).
	BaseCurrency money.Currency
	// RoundingAccount is the GL account code rounding adjustment lines go
	// to; Exact has no system rounding account, so empty means the plan
	// has none and an adjustment line is refused.
	RoundingAccount string
	// DefaultItem is the item code used on sales invoice lines whose
	// billing code maps to no item (SalesInvoices mode needs an item on
	// every line).
	DefaultItem string
	BatchSize   int
	// Note receives what the run log should say about a document that went
	// through with a difference, e.g. an entry number Exact did not keep.
	Note   func(ourRef, note string)
	Logger *slog.Logger
}

// Adapter is one Exact division as a ledger.Ledger: customers are accounts
// (crm/Accounts) whose Code is the Autotask company number when that is
// numeric (else the number goes to SearchCode), invoices and credit notes
// are sales entries or sales invoices, payment state comes from
// cashflow/Receivables.
//
// Exact has no idempotency key. The guard against booking a document twice
// is the lookup by YourRef (the Autotask invoice number, or our reference
// when the ledger numbers) before every create, plus the engine's journal.
// Documents are validated locally against the division's lists before they
// are POSTed, so a mapping mistake never counts towards Exact's error block.
type Adapter struct {
	c    *Client
	opts AdapterOptions

	mu    sync.Mutex
	cat   *Catalog
	base  money.Currency
	items map[string]Item // by lower-case code, filled by Items and lookups
}

var _ ledger.Ledger = (*Adapter)(nil)

// NewAdapter wraps c.
func NewAdapter(c *Client, opts AdapterOptions) *Adapter {
	if opts.Mode == "" {
		opts.Mode = SalesEntries
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Adapter{c: c, opts: opts, base: opts.BaseCurrency}
}

// Capabilities: no batch endpoint (see DefaultBatchSize), no e-mail needed
// on accounts, no exchange rate sent (Exact uses its own rates).
func (a *Adapter) Capabilities() ledger.Capabilities {
	return ledger.Capabilities{Kind: "exact", BatchSize: a.opts.BatchSize}
}

// Settings reads the division's lists — VAT codes, GL accounts, journals,
// payment conditions, currencies (LoadCatalog: five calls) — and, the first
// time without a BaseCurrency option, the division's currency (one call).
// The lists are kept to check and translate documents.
func (a *Adapter) Settings(ctx context.Context) (ledger.Settings, error) {
	cat, err := a.loadCatalog(ctx)
	if err != nil {
		return ledger.Settings{}, err
	}
	base, err := a.baseCurrency(ctx)
	if err != nil {
		return ledger.Settings{}, err
	}
	s := ledger.Settings{BaseCurrency: base, Currencies: []money.Currency{base}, RoundingAccount: a.opts.RoundingAccount}
	for _, code := range sortedKeys(cat.Currencies) {
		if cu, err := money.ParseCurrency(code); err == nil && cu != base {
			s.Currencies = append(s.Currencies, cu)
		}
	}
	for _, code := range sortedKeys(cat.VATCodes) {
		v := cat.VATCodes[code]
		if v.IsBlocked || v.VATTransactionType == "P" { // P: purchase only
			continue
		}
		s.TaxCodes = append(s.TaxCodes, ledger.TaxCode{Code: code, Name: v.Description, Rate: v.Percentage.Mul(money.FromInt(100))})
	}
	gls := make([]GLAccount, 0, len(cat.GLAccounts))
	for _, g := range cat.GLAccounts {
		if !g.IsBlocked {
			gls = append(gls, g)
		}
	}
	slices.SortFunc(gls, func(x, y GLAccount) int { return strings.Compare(x.Code, y.Code) })
	for _, g := range gls {
		s.Accounts = append(s.Accounts, ledger.Account{Code: strings.TrimSpace(g.Code), Name: g.Description, Income: g.Type == GLTypeRevenue})
	}
	return s, nil
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// loadCatalog reads the division's lists afresh (a run starts with
// Settings, so a list changed in Exact since the last run is seen).
func (a *Adapter) loadCatalog(ctx context.Context) (*Catalog, error) {
	cat, err := a.c.LoadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	a.cat = cat
	a.mu.Unlock()
	return cat, nil
}

// catalog returns the lists, reading them when no call has yet.
func (a *Adapter) catalog(ctx context.Context) (*Catalog, error) {
	a.mu.Lock()
	cat := a.cat
	a.mu.Unlock()
	if cat != nil {
		return cat, nil
	}
	return a.loadCatalog(ctx)
}

func (a *Adapter) baseCurrency(ctx context.Context) (money.Currency, error) {
	a.mu.Lock()
	base := a.base
	a.mu.Unlock()
	if base != "" {
		return base, nil
	}
	divs, err := a.c.Divisions(ctx)
	if err != nil {
		return "", err
	}
	for _, d := range divs {
		if d.Code == a.c.Division() {
			cu, err := money.ParseCurrency(d.Currency)
			if err != nil {
				return "", fmt.Errorf("exact: division %d: currency %q: %w", d.Code, d.Currency, err)
			}
			a.mu.Lock()
			a.base = cu
			a.mu.Unlock()
			return cu, nil
		}
	}
	return "", apperr.New(apperr.Reconnect, fmt.Sprintf("Exact Online does not list division %d for this user", a.c.Division()),
		"Reconnect Exact Online and choose the division (administration) again.")
}

// glByCode finds a GL account by its code as people write it ("8000").
func glByCode(cat *Catalog, code string) (GLAccount, bool) {
	code = strings.TrimSpace(code)
	for _, g := range cat.GLAccounts {
		if strings.TrimSpace(g.Code) == code {
			return g, true
		}
	}
	return GLAccount{}, false
}

// journal is the sales journal documents go to.
func (a *Adapter) journal(cat *Catalog) (string, error) {
	if a.opts.Journal != "" {
		return a.opts.Journal, nil
	}
	var codes []string
	for code, j := range cat.Journals {
		if j.Type == JournalTypeSales && !j.IsBlocked {
			codes = append(codes, code)
		}
	}
	if len(codes) == 0 {
		return "", apperr.New(apperr.Invalid, fmt.Sprintf("Exact division %d has no sales journal", a.c.Division()),
			"Create a sales journal (type Sales) in Exact, then choose it in Billbridge's Mappings (Sales journal).")
	}
	slices.SortFunc(codes, func(x, y string) int {
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		if ex == nil && ey == nil {
			return nx - ny
		}
		return strings.Compare(x, y)
	})
	return codes[0], nil
}

// Items lists the sales items with their revenue account's code.
func (a *Adapter) Items(ctx context.Context) ([]ledger.Item, error) {
	items, err := a.c.SalesItems(ctx)
	if err != nil {
		return nil, err
	}
	cat, err := a.catalog(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ledger.Item, 0, len(items))
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.items == nil {
		a.items = map[string]Item{}
	}
	for _, it := range items {
		a.items[strings.ToLower(it.Code)] = it
		li := ledger.Item{ID: it.ID, Code: it.Code, Name: it.Description, Description: it.Description,
			UnitPrice: it.StandardSalesPrice, TaxCode: strings.TrimSpace(it.SalesVatCode)}
		if g, ok := cat.GLAccounts[strings.ToLower(it.GLRevenue)]; ok {
			li.AccountCode = strings.TrimSpace(g.Code)
		}
		out = append(out, li)
	}
	return out, nil
}

// newItem is the body of a POST to logistics/Items.
type newItem struct {
	Code               string        `json:"Code"`
	Description        string        `json:"Description"`
	IsSalesItem        bool          `json:"IsSalesItem"`
	SalesVatCode       string        `json:"SalesVatCode,omitempty"`
	GLRevenue          string        `json:"GLRevenue,omitempty"`
	StandardSalesPrice money.Decimal `json:"StandardSalesPrice,omitzero"`
}

// CreateItems creates sales items. Codes already in Exact (one batched
// lookup) and codes, accounts or VAT codes Exact does not know are refused
// here, before any POST.
func (a *Adapter) CreateItems(ctx context.Context, items []ledger.Item, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(items))
	cat, err := a.catalog(ctx)
	if err != nil {
		return out, err
	}
	codes := make([]string, len(items))
	for i, it := range items {
		codes[i] = it.Code
	}
	existing, err := a.c.ItemsByCode(ctx, codes)
	if err != nil {
		return out, err
	}
	taken := map[string]bool{}
	for _, it := range existing {
		taken[strings.ToLower(it.Code)] = true
	}
	for i, it := range items {
		doc := "item " + it.Code
		body := newItem{Code: it.Code, Description: firstNonEmpty(it.Name, it.Description, it.Code), IsSalesItem: true, StandardSalesPrice: it.UnitPrice}
		switch {
		case strings.TrimSpace(it.Code) == "":
			out[i].Err = invalid("item "+it.Name, "Code", "is empty", "Give the billing code a code in Autotask.")
			continue
		case taken[strings.ToLower(it.Code)]:
			out[i].Err = apperr.New(apperr.Conflict, fmt.Sprintf("Exact already has an item with code %s", it.Code),
				"Map the billing code to the existing Exact item in Billbridge's mappings.")
			continue
		}
		if it.AccountCode != "" {
			g, ok := glByCode(cat, it.AccountCode)
			if !ok {
				out[i].Err = invalid(doc, "GLRevenue", fmt.Sprintf("%q is not a GL account in Exact", it.AccountCode),
					"Map the billing code to an existing revenue GL account.")
				continue
			}
			body.GLRevenue = g.ID
		}
		if it.TaxCode != "" {
			v, err := checkVAT(cat, doc, "SalesVatCode", it.TaxCode)
			if err != nil {
				out[i].Err = err
				continue
			}
			body.SalesVatCode = v
		}
		got, err := post[Item](ctx, a.c, "logistics/Items", "create item", doc, body)
		if err != nil {
			if !elementError(err) {
				return out, err
			}
			out[i].Err = err
			continue
		}
		taken[strings.ToLower(it.Code)] = true
		out[i] = ledger.Result{ID: got.ID, Number: got.Code}
		a.mu.Lock()
		if a.items == nil {
			a.items = map[string]Item{}
		}
		a.items[strings.ToLower(got.Code)] = got
		a.mu.Unlock()
	}
	return out, nil
}

// elementError reports whether err refused one element (the input was
// wrong) rather than leaving the outcome of the call unknown or making
// further calls pointless (network, token, limits, the error guard).
func elementError(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.Invalid, apperr.NotFound, apperr.Conflict:
		return true
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
