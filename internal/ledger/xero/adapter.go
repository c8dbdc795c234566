package xero

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// Adapter is a Xero organisation as a ledger.Ledger: sales invoices
// (ACCREC), sales credit notes (ACCRECCREDIT) with Exclusive line amounts,
// contacts keyed by AccountNumber (the Autotask company number).
type Adapter struct {
	c    *Client
	base money.Currency
}

var _ ledger.Ledger = (*Adapter)(nil)

// NewAdapter wraps c. base is the organisation's base currency (Xero's
// Currencies list does not say which one is base); empty means the only
// enabled currency.
func NewAdapter(c *Client, base money.Currency) *Adapter { return &Adapter{c: c, base: base} }

// Capabilities: Xero takes 50 documents per call (BatchSize) and a currency
// rate on each document; it does not need customer email addresses.
func (a *Adapter) Capabilities() ledger.Capabilities {
	return ledger.Capabilities{Kind: "xero", BatchSize: BatchSize, ExchangeRate: true}
}

// Settings reads currencies, active tax rates and active accounts: 3 calls.
func (a *Adapter) Settings(ctx context.Context) (ledger.Settings, error) {
	var s ledger.Settings
	curs, err := a.c.Currencies(ctx)
	if err != nil {
		return s, err
	}
	for _, cu := range curs {
		if c, err := money.ParseCurrency(cu.Code); err == nil {
			s.Currencies = append(s.Currencies, c)
		}
	}
	s.BaseCurrency = a.base
	if s.BaseCurrency == "" && len(s.Currencies) == 1 {
		s.BaseCurrency = s.Currencies[0]
	}
	rates, err := a.c.TaxRates(ctx, `Status=="ACTIVE"`)
	if err != nil {
		return s, err
	}
	for _, r := range rates {
		if r.CanApplyToRevenue {
			s.TaxCodes = append(s.TaxCodes, ledger.TaxCode{Code: r.TaxType, Name: r.Name, Rate: r.EffectiveRate})
		}
	}
	accts, err := a.c.Accounts(ctx, AccountFilter{Where: `Status=="ACTIVE"`})
	if err != nil {
		return s, err
	}
	for _, ac := range accts {
		if ac.Code == "" {
			continue
		}
		s.Accounts = append(s.Accounts, ledger.Account{Code: ac.Code, Name: ac.Name, Income: ac.Class == "REVENUE"})
		if ac.SystemAccount == "ROUNDING" {
			s.RoundingAccount = ac.Code
		}
	}
	if s.Tracking, err = a.tracking(ctx); err != nil {
		return s, err
	}
	return s, nil
}

// Customers lists contacts, archived included (Xero's unique-name rule counts them).
func (a *Adapter) Customers(ctx context.Context) ([]ledger.Customer, error) {
	cs, err := a.c.Contacts(ctx, ContactFilter{IncludeArchived: true})
	if err != nil {
		return nil, err
	}
	out := make([]ledger.Customer, 0, len(cs))
	for _, c := range cs {
		out = append(out, customerFrom(c))
	}
	return out, nil
}

func customerFrom(c Contact) ledger.Customer {
	cu := ledger.Customer{
		ID: c.ContactID, Name: c.Name, AccountNumber: c.AccountNumber, Email: c.EmailAddress,
		ContactFirst: c.FirstName, ContactLast: c.LastName, TaxNumber: c.TaxNumber, Archived: c.ContactStatus == "ARCHIVED",
	}
	cu.Currency, _ = money.ParseCurrency(c.DefaultCurrency)
	for _, p := range c.Phones {
		if p.PhoneType == "DEFAULT" && p.PhoneNumber != "" {
			cu.Phone = p.PhoneNumber
		}
	}
	for _, ad := range c.Addresses {
		if ad.AddressType == "POBOX" {
			cu.Address = ledger.Address{City: ad.City, Region: ad.Region, PostalCode: ad.PostalCode, Country: ad.Country, Attention: ad.AttentionTo}
			for _, l := range []string{ad.AddressLine1, ad.AddressLine2, ad.AddressLine3, ad.AddressLine4} {
				if l != "" {
					cu.Address.Lines = append(cu.Address.Lines, l)
				}
			}
		}
	}
	return cu
}

func contactFrom(c ledger.Customer) Contact {
	ct := Contact{
		ContactID: c.ID, Name: c.Name, AccountNumber: c.AccountNumber, EmailAddress: c.Email,
		FirstName: c.ContactFirst, LastName: c.ContactLast, TaxNumber: c.TaxNumber, DefaultCurrency: string(c.Currency),
	}
	if c.Phone != "" {
		ct.Phones = []Phone{{PhoneType: "DEFAULT", PhoneNumber: c.Phone}}
	}
	ad := c.Address
	if len(ad.Lines) > 0 || ad.City != "" || ad.PostalCode != "" {
		x := Address{AddressType: "POBOX", City: ad.City, Region: ad.Region, PostalCode: ad.PostalCode, Country: ad.Country, AttentionTo: ad.Attention}
		lines := []*string{&x.AddressLine1, &x.AddressLine2, &x.AddressLine3, &x.AddressLine4}
		for i, l := range ad.Lines {
			if i < len(lines) {
				*lines[i] = l
			}
		}
		ct.Addresses = []Address{x}
	}
	return ct
}

// SaveCustomers creates new contacts (PUT) and updates linked ones (POST).
func (a *Adapter) SaveCustomers(ctx context.Context, cs []ledger.Customer, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(cs))
	var create, update []Contact
	var createAt, updateAt []int
	for i, c := range cs {
		if c.ID == "" {
			create, createAt = append(create, contactFrom(c)), append(createAt, i)
		} else {
			update, updateAt = append(update, contactFrom(c)), append(updateAt, i)
		}
	}
	if len(create) > 0 {
		res, err := a.c.CreateContacts(ctx, create, IdempotencyKey(key, "create"))
		if err != nil {
			return out, err
		}
		fill(out, createAt, res, func(c Contact) (string, string) { return c.ContactID, c.AccountNumber })
	}
	if len(update) > 0 {
		res, err := a.c.UpdateContacts(ctx, update, IdempotencyKey(key, "update"))
		if err != nil {
			return out, err
		}
		fill(out, updateAt, res, func(c Contact) (string, string) { return c.ContactID, c.AccountNumber })
	}
	return out, nil
}

// fill copies a BatchResult into out, whose positions at[i] hold the input's i-th element.
func fill[T any](out []ledger.Result, at []int, res BatchResult[T], id func(T) (string, string)) {
	for k, v := range res.Saved {
		i := at[res.Indexes[k]]
		out[i].ID, out[i].Number = id(v)
	}
	for _, f := range res.Failed {
		out[at[f.Index]].Err = errors.New(strings.Join(f.Messages, "; "))
	}
}

// Items lists items (one call: Xero does not page items).
func (a *Adapter) Items(ctx context.Context) ([]ledger.Item, error) {
	items, err := a.c.Items(ctx, ItemFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]ledger.Item, 0, len(items))
	for _, it := range items {
		li := ledger.Item{ID: it.ItemID, Code: it.Code, Name: it.Name, Description: it.Description}
		if it.SalesDetails != nil {
			li.UnitPrice, li.AccountCode, li.TaxCode = it.SalesDetails.UnitPrice, it.SalesDetails.AccountCode, it.SalesDetails.TaxType
		}
		out = append(out, li)
	}
	return out, nil
}

// CreateItems creates sold items with their sales account and tax type.
func (a *Adapter) CreateItems(ctx context.Context, items []ledger.Item, key string) ([]ledger.Result, error) {
	sold := true
	xs := make([]Item, len(items))
	at := make([]int, len(items))
	for i, it := range items {
		name := it.Name
		if len(name) > 50 {
			name = name[:50]
		}
		xs[i] = Item{Code: it.Code, Name: name, Description: it.Description, IsSold: &sold,
			SalesDetails: &ItemDetails{UnitPrice: it.UnitPrice, AccountCode: it.AccountCode, TaxType: it.TaxCode}}
		at[i] = i
	}
	out := make([]ledger.Result, len(items))
	res, err := a.c.CreateItems(ctx, xs, key)
	if err != nil {
		return out, err
	}
	fill(out, at, res, func(it Item) (string, string) { return it.ItemID, it.Code })
	return out, nil
}

// VoidDocument voids an invoice. The client has no credit-note void, so a
// credit note is refused with what to do instead.
func (a *Adapter) VoidDocument(ctx context.Context, kind ledger.DocKind, id, key string) error {
	if kind == ledger.KindCreditNote {
		return apperr.New(apperr.Invalid, fmt.Sprintf("Billbridge cannot void Xero credit note %s", id),
			"Void the credit note in Xero by hand; Autotask already shows it as voided.")
	}
	_, err := a.c.VoidInvoice(ctx, id, key)
	return err
}

// SettlementsSince reads sales invoices changed since t that are approved or
// paid: one paged call, whose invoices carry their payments and
// FullyPaidOnDate (the real date of the settling payment).
func (a *Adapter) SettlementsSince(ctx context.Context, t time.Time) ([]ledger.Settlement, error) {
	invs, err := a.c.Invoices(ctx, InvoiceFilter{ModifiedSince: t, Statuses: []string{StatusAuthorised, StatusPaid}, Where: `Type=="ACCREC"`})
	if err != nil {
		return nil, err
	}
	out := make([]ledger.Settlement, 0, len(invs))
	for _, inv := range invs {
		s := ledger.Settlement{DocumentID: inv.InvoiceID, Number: inv.InvoiceNumber, Total: inv.Total,
			AmountPaid: inv.AmountPaid, AmountCredited: inv.AmountCredited, AmountDue: inv.AmountDue}
		if inv.Status == StatusPaid {
			s.FullyPaidOn = inv.FullyPaidOnDate.Time()
		}
		for _, p := range inv.Payments {
			s.Payments = append(s.Payments, ledger.Payment{ID: p.PaymentID, Date: p.Date.Time(), Amount: p.Amount})
		}
		out = append(out, s)
	}
	return out, nil
}
