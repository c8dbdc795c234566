package qbo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Company is what the adapter must know about a QuickBooks company before
// it can post: the country decides the tax model (US: TAX/NON on lines and
// one sales tax per transaction; elsewhere a tax code per line), and the
// currency settings which documents QuickBooks accepts. Country comes from
// CompanyInfo, the rest from QuickBooks' Preferences (CurrencyPrefs) and its
// currency list.
type Company struct {
	Country       string           // CompanyInfo.Country, e.g. "US", "GB"
	HomeCurrency  money.Currency   // Preferences.CurrencyPrefs.HomeCurrency
	MultiCurrency bool             // Preferences.CurrencyPrefs.MultiCurrencyEnabled
	Currencies    []money.Currency // the foreign currencies enabled in the company (ignored without MultiCurrency)
}

// US reports whether the company uses the US sales tax model.
func (co Company) US() bool { return strings.EqualFold(co.Country, "US") }

// USTax says how an Autotask invoice's sales tax reaches a US company.
type USTax string

const (
	// USTaxOverride sends lines as TAX/NON and Autotask's tax as
	// TxnTaxDetail.TotalTax; Intuit documents that automated sales tax
	// honours an explicit amount and spreads it over its rates.
	USTaxOverride USTax = "override"
	// USTaxLedger lets QuickBooks compute the tax (TAX/NON lines and the
	// transaction's tax code); the engine reports any difference.
	USTaxLedger USTax = "ledger"
	// USTaxLine sends every line NON and Autotask's tax as one line on
	// AdapterOptions.TaxItemID, for companies where an override is not
	// honoured. QuickBooks' sales tax reports do not see that line.
	USTaxLine USTax = "line"
)

// AdapterOptions are a profile's choices for a QuickBooks company. The zero
// value is usable.
type AdapterOptions struct {
	USTax     USTax  // default USTaxOverride
	TaxItemID string // the item of the tax line (USTaxLine only)
	// FallbackItem names the item for lines that have neither an item code
	// nor an item selling to their account (summary and rounding lines);
	// default "Services", the item every new QuickBooks company has.
	FallbackItem string
	// LookBack is how far back FindDocuments searches for documents by our
	// reference (documents QuickBooks numbered); default 120 days.
	LookBack time.Duration
	Now      func() time.Time
}

// Adapter is a QuickBooks Online company as a ledger.Ledger: invoices and
// credit memos created through the batch endpoint (30 a request), customers
// keyed by AcctNum (the Autotask company number), items addressed by SKU.
//
// Our reference ("AT-1234") is written into each document's PrivateNote,
// because Intuit's query language cannot filter on PrivateNote or custom
// fields: a document with an Autotask number is found by DocNumber with one
// "in" query per hundred numbers, one QuickBooks numbered by reading the
// documents created in the last LookBack and matching the note.
//
// QuickBooks has no draft invoices: every document is created open, so the
// profile's draft/approved setting makes no difference here.
type Adapter struct {
	c    *Client
	co   Company
	opts AdapterOptions

	mu    sync.Mutex
	items map[string]Item // by lower-case Sku and Name; nil until read
}

var _ ledger.Ledger = (*Adapter)(nil)

// NewAdapter wraps c for the company co.
func NewAdapter(c *Client, co Company, opts AdapterOptions) *Adapter {
	if opts.USTax == "" {
		opts.USTax = USTaxOverride
	}
	if opts.FallbackItem == "" {
		opts.FallbackItem = "Services"
	}
	if opts.LookBack <= 0 {
		opts.LookBack = 120 * 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Adapter{c: c, co: co, opts: opts}
}

// Capabilities: 30 documents per batch request; an exchange rate on
// documents when the company has multicurrency on. QuickBooks does not need
// customer email addresses.
func (a *Adapter) Capabilities() ledger.Capabilities {
	return ledger.Capabilities{Kind: "qbo", BatchSize: BatchSize, ExchangeRate: a.co.MultiCurrency}
}

// Settings reads accounts, tax codes and tax rates: 3 calls. Tax codes are
// QuickBooks ids with the sum of their sales rates; a US company lists NON
// and TAX (at the rate of its sales tax code when it has one) before its
// sales tax codes, which the adapter sends as the transaction's tax code.
func (a *Adapter) Settings(ctx context.Context) (ledger.Settings, error) {
	s := ledger.Settings{BaseCurrency: a.co.HomeCurrency, Currencies: []money.Currency{a.co.HomeCurrency}}
	if a.co.MultiCurrency {
		for _, c := range a.co.Currencies {
			if !slices.Contains(s.Currencies, c) {
				s.Currencies = append(s.Currencies, c)
			}
		}
	}
	accts, err := Query[Account](ctx, a.c, "Account", "")
	if err != nil {
		return s, fmt.Errorf("qbo: settings: %w", err)
	}
	for _, ac := range accts {
		name := ac.FullyQualifiedName
		if name == "" {
			name = ac.Name
		}
		if ac.AcctNum != "" {
			name = ac.AcctNum + " " + name
		}
		s.Accounts = append(s.Accounts, ledger.Account{Code: ac.ID, Name: name,
			Income: ac.AccountType == AccountIncome || ac.AccountType == AccountOtherIncome})
		if s.RoundingAccount == "" && strings.Contains(strings.ToLower(ac.Name), "rounding") {
			s.RoundingAccount = ac.ID
		}
	}
	codes, err := a.taxCodes(ctx)
	if err != nil {
		return s, err
	}
	s.TaxCodes = codes
	if s.Tracking, err = a.classes(ctx); err != nil {
		return s, err
	}
	return s, nil
}

// taxCodes lists the sales tax codes with their combined rates.
func (a *Adapter) taxCodes(ctx context.Context) ([]ledger.TaxCode, error) {
	codes, err := Query[TaxCode](ctx, a.c, "TaxCode", "")
	if err != nil {
		return nil, fmt.Errorf("qbo: settings: tax codes: %w", err)
	}
	rates, err := Query[TaxRate](ctx, a.c, "TaxRate", "")
	if err != nil {
		return nil, fmt.Errorf("qbo: settings: tax rates: %w", err)
	}
	rateOf := make(map[string]money.Decimal, len(rates))
	for _, r := range rates {
		rateOf[r.ID] = r.RateValue
	}
	var out, sales []ledger.TaxCode
	for _, tc := range codes {
		if tc.ID == TaxCodeTaxable || tc.ID == TaxCodeNonTaxable || (tc.Active != nil && !*tc.Active) {
			continue
		}
		if len(tc.SalesTaxRateList.TaxRateDetail) == 0 {
			continue // a purchase-only code
		}
		sum := money.Zero
		for _, d := range tc.SalesTaxRateList.TaxRateDetail {
			sum = sum.Add(rateOf[d.TaxRateRef.Value])
		}
		sales = append(sales, ledger.TaxCode{Code: tc.ID, Name: tc.Name, Rate: sum})
	}
	if a.co.US() {
		taxable := money.Zero
		if len(sales) == 1 {
			taxable = sales[0].Rate
		}
		out = append(out, ledger.TaxCode{Code: TaxCodeNonTaxable, Name: "Non-taxable", Rate: money.Zero},
			ledger.TaxCode{Code: TaxCodeTaxable, Name: "Taxable (QuickBooks sales tax)", Rate: taxable})
	}
	return append(out, sales...), nil
}

func (a *Adapter) now() time.Time { return a.opts.Now() }
