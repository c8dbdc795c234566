package syncer

import (
	"context"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
)

// Snapshot is what one run read from Autotask.
type Snapshot struct {
	Invoices   []autotask.Invoice
	Items      map[int64][]autotask.BillingItem // by invoice id
	Companies  map[int64]autotask.Company
	Contacts   map[int64][]autotask.Contact // by company id
	Codes      map[int64]autotask.BillingCode
	Regions    []autotask.TaxRegion
	Categories []autotask.TaxCategory
	Taxes      []autotask.Tax
	Terms      map[int64]autotask.PaymentTerm
	Currencies map[int64]autotask.Currency
}

// Window is the invoice date range of a run: invoiceDateTime within
// [Thru − MaxAgeDays, Thru].
type Window struct {
	Thru       time.Time
	MaxAgeDays int
}

func (w Window) from() time.Time { return w.Thru.AddDate(0, 0, -w.MaxAgeDays) }

// endOfThru is the last instant of the Thru day, so invoices dated during it count.
func (w Window) endOfThru() time.Time {
	y, m, d := w.Thru.UTC().Date()
	return time.Date(y, m, d, 23, 59, 59, 0, time.UTC)
}

// PullWindow reads the invoices of w not yet synced (with Autotask numbering:
// no webServiceDate; with ledger numbering: a blank invoiceNumber), the
// voided ones already synced (to void them in the ledger), and everything
// they refer to.
func PullWindow(ctx context.Context, at *autotask.Client, w Window, ledgerNumbering bool) (*Snapshot, error) {
	window := []autotask.Filter{autotask.Gte("invoiceDateTime", autotask.Time{Time: w.from()}), autotask.Lte("invoiceDateTime", autotask.Time{Time: w.endOfThru()})}
	var invs []autotask.Invoice
	err := autotask.Each(ctx, at, autotask.EntityInvoices, autotask.Query{Filter: window}, func(inv autotask.Invoice) error {
		synced := !inv.WebServiceDate.IsZero()
		if ledgerNumbering {
			synced = inv.InvoiceNumber != ""
		}
		if !synced || inv.IsVoided {
			invs = append(invs, inv)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("syncer: pull invoices: %w", err)
	}
	return pullRefs(ctx, at, invs)
}

// PullOne reads one invoice by id, synced or not, for a manual copy.
func PullOne(ctx context.Context, at *autotask.Client, invoiceID int64) (*Snapshot, error) {
	inv, err := autotask.Get[autotask.Invoice](ctx, at, autotask.EntityInvoices, invoiceID)
	if err != nil {
		return nil, fmt.Errorf("syncer: pull invoice %d: %w", invoiceID, err)
	}
	return pullRefs(ctx, at, []autotask.Invoice{inv})
}

// pullRefs reads items, companies, contacts and codes with "in" queries of
// up to 500 ids, and the small reference lists whole: about 20 calls for a
// 500-invoice month, however many items it has.
func pullRefs(ctx context.Context, at *autotask.Client, invs []autotask.Invoice) (*Snapshot, error) {
	s := &Snapshot{Invoices: invs, Items: map[int64][]autotask.BillingItem{}, Companies: map[int64]autotask.Company{},
		Contacts: map[int64][]autotask.Contact{}, Codes: map[int64]autotask.BillingCode{}, Terms: map[int64]autotask.PaymentTerm{},
		Currencies: map[int64]autotask.Currency{}}
	var invIDs, companyIDs, codeIDs []int64
	for _, inv := range invs {
		invIDs = append(invIDs, inv.ID)
		if inv.CompanyID != nil {
			companyIDs = append(companyIDs, *inv.CompanyID)
		}
	}
	err := autotask.EachIn(ctx, at, autotask.EntityBillingItems, "invoiceID", invIDs, autotask.Query{}, func(b autotask.BillingItem) error {
		if b.InvoiceID != nil {
			s.Items[*b.InvoiceID] = append(s.Items[*b.InvoiceID], b)
		}
		if b.BillingCodeID != nil {
			codeIDs = append(codeIDs, *b.BillingCodeID)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("syncer: pull billing items: %w", err)
	}
	steps := []func() error{
		func() error {
			return autotask.EachIn(ctx, at, autotask.EntityCompanies, "id", companyIDs, autotask.Query{}, func(c autotask.Company) error {
				s.Companies[c.ID] = c
				return nil
			})
		},
		func() error {
			return autotask.EachIn(ctx, at, autotask.EntityContacts, "companyID", companyIDs, autotask.Query{}, func(c autotask.Contact) error {
				if c.CompanyID != nil {
					s.Contacts[*c.CompanyID] = append(s.Contacts[*c.CompanyID], c)
				}
				return nil
			})
		},
		func() error {
			return autotask.EachIn(ctx, at, autotask.EntityBillingCodes, "id", codeIDs, autotask.Query{}, func(c autotask.BillingCode) error {
				s.Codes[c.ID] = c
				return nil
			})
		},
		func() (err error) {
			s.Regions, err = autotask.QueryAll[autotask.TaxRegion](ctx, at, autotask.EntityTaxRegions, autotask.Query{})
			return err
		},
		func() (err error) {
			s.Categories, err = autotask.QueryAll[autotask.TaxCategory](ctx, at, autotask.EntityTaxCategories, autotask.Query{})
			return err
		},
		func() (err error) {
			s.Taxes, err = autotask.QueryAll[autotask.Tax](ctx, at, autotask.EntityTaxes, autotask.Query{})
			return err
		},
		func() error {
			return autotask.Each(ctx, at, autotask.EntityPaymentTerms, autotask.Query{}, func(t autotask.PaymentTerm) error {
				s.Terms[t.ID] = t
				return nil
			})
		},
		func() error {
			return autotask.Each(ctx, at, autotask.EntityCurrencies, autotask.Query{}, func(c autotask.Currency) error {
				s.Currencies[c.ID] = c
				return nil
			})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("syncer: pull reference data: %w", err)
		}
	}
	return s, nil
}
