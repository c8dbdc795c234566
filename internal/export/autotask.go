package export

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

// Source gives the rows a filter selects, grouped by invoice (invoices by
// date and number, items by date and id; items not yet invoiced last).
type Source interface {
	Rows(ctx context.Context, f Filter) ([]*Row, error)
}

// AutotaskSource reads rows from Autotask with batched queries: the billing
// items of the range, then every entity they refer to with "in" filters of
// 500 ids, never one request per row. The selected rows are held in memory
// (a few hundred bytes each, sharing account and invoice records) so they
// can be grouped by invoice and counted before the file is written.
type AutotaskSource struct{ Client *autotask.Client }

// Rows implements Source.
func (s AutotaskSource) Rows(ctx context.Context, f Filter) ([]*Row, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	items, invoices, err := s.items(ctx, f)
	if err != nil {
		return nil, err
	}
	j, err := s.load(ctx, items, invoices)
	if err != nil {
		return nil, err
	}
	rows := make([]*Row, 0, len(items))
	for i := range items {
		if r, ok := j.row(&items[i], f); ok {
			rows = append(rows, r)
		}
	}
	SortRows(rows)
	return rows, nil
}

// items reads the billing items of the range; by invoice date it reads the
// invoices first and then their items.
func (s AutotaskSource) items(ctx context.Context, f Filter) ([]autotask.BillingItem, map[int64]autotask.Invoice, error) {
	c := s.Client
	next := f.To.AddDate(0, 0, 1).Format("2006-01-02")
	from := f.From.Format("2006-01-02")
	invoices := map[int64]autotask.Invoice{}
	var items []autotask.BillingItem
	add := func(it autotask.BillingItem) error { items = append(items, it); return nil }
	if f.By == ByInvoiceDate {
		q := autotask.Query{Filter: []autotask.Filter{autotask.Gte("invoiceDateTime", from), autotask.Lt("invoiceDateTime", next)}}
		if len(f.Companies) > 0 {
			q.Filter = append(q.Filter, autotask.In("companyID", f.Companies))
		}
		var ids []int64
		err := autotask.Each(ctx, c, autotask.EntityInvoices, q, func(inv autotask.Invoice) error {
			invoices[inv.ID] = inv
			ids = append(ids, inv.ID)
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("export: read invoices: %w", err)
		}
		if err := autotask.EachIn(ctx, c, autotask.EntityBillingItems, "invoiceID", ids, autotask.Query{}, add); err != nil {
			return nil, nil, fmt.Errorf("export: read billing items: %w", err)
		}
		return items, invoices, nil
	}
	q := autotask.Query{Filter: []autotask.Filter{autotask.Gte("itemDate", from), autotask.Lt("itemDate", next)}}
	var err error
	if len(f.Companies) > 0 {
		err = autotask.EachIn(ctx, c, autotask.EntityBillingItems, "companyID", f.Companies, q, add)
	} else {
		err = autotask.Each(ctx, c, autotask.EntityBillingItems, q, add)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("export: read billing items: %w", err)
	}
	return items, invoices, nil
}

// joined holds what rows refer to, by id.
type joined struct {
	invoices     map[int64]*Invoice
	rawInvoices  map[int64]autotask.Invoice
	accounts     map[int64]*Account
	companies    map[int64]autotask.Company
	codes        map[int64]autotask.BillingCode
	resources    map[int64]string
	contracts    map[int64]string
	categories   map[int64]string
	regions      map[int64]string
	lobOf        map[int64]int64 // org level association → level 2 id
	lobNames     map[int64]string
	taxRates     map[[2]int64]money.Decimal // (region, category) → percent
	currencyCode map[int64]string
	rates        map[int64]money.Decimal
	internalCode string
	itemTypes    map[string]string
	subTypes     map[string]string
	codeTypes    map[string]string
}

func (s AutotaskSource) load(ctx context.Context, items []autotask.BillingItem, invoices map[int64]autotask.Invoice) (*joined, error) {
	c := s.Client
	var invIDs, companyIDs, codeIDs, resourceIDs, contractIDs []int64
	for _, it := range items {
		if id := deref(it.InvoiceID); id != 0 {
			if _, ok := invoices[id]; !ok {
				invIDs = append(invIDs, id)
			}
		}
		companyIDs = appendID(companyIDs, it.CompanyID)
		codeIDs = appendID(codeIDs, it.BillingCodeID)
		resourceIDs = appendID(resourceIDs, it.ItemApproverID)
		contractIDs = appendID(contractIDs, it.ContractID)
	}
	j := &joined{rawInvoices: invoices, invoices: map[int64]*Invoice{}, accounts: map[int64]*Account{},
		resources: map[int64]string{}, contracts: map[int64]string{}, taxRates: map[[2]int64]money.Decimal{}}
	more, err := autotask.QueryIn[autotask.Invoice](ctx, c, autotask.EntityInvoices, "id", invIDs, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("export: read invoices: %w", err)
	}
	for _, inv := range more {
		invoices[inv.ID] = inv
	}
	if j.companies, err = byID(ctx, c, autotask.EntityCompanies, companyIDs, func(v autotask.Company) int64 { return v.ID }); err != nil {
		return nil, err
	}
	if j.codes, err = byID(ctx, c, autotask.EntityBillingCodes, codeIDs, func(v autotask.BillingCode) int64 { return v.ID }); err != nil {
		return nil, err
	}
	res, err := byID(ctx, c, autotask.EntityResources, resourceIDs, func(v autotask.Resource) int64 { return v.ID })
	if err != nil {
		return nil, err
	}
	for id, r := range res {
		j.resources[id] = strings.TrimSpace(r.FirstName + " " + r.LastName)
	}
	con, err := byID(ctx, c, autotask.EntityContracts, contractIDs, func(v autotask.Contract) int64 { return v.ID })
	if err != nil {
		return nil, err
	}
	for id, k := range con {
		j.contracts[id] = k.ContractName
	}
	if err := j.loadReference(ctx, c); err != nil {
		return nil, err
	}
	return j, nil
}

// loadReference reads the small lists every row may need, one query each.
func (j *joined) loadReference(ctx context.Context, c *autotask.Client) error {
	cats, err := autotask.QueryAll[autotask.TaxCategory](ctx, c, autotask.EntityTaxCategories, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read tax categories: %w", err)
	}
	j.categories = names(cats, func(v autotask.TaxCategory) (int64, string) { return v.ID, v.Name })
	regs, err := autotask.QueryAll[autotask.TaxRegion](ctx, c, autotask.EntityTaxRegions, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read tax regions: %w", err)
	}
	j.regions = names(regs, func(v autotask.TaxRegion) (int64, string) { return v.ID, v.Name })
	taxes, err := autotask.QueryAll[autotask.Tax](ctx, c, autotask.EntityTaxes, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read taxes: %w", err)
	}
	for _, t := range taxes {
		k := [2]int64{deref(t.TaxRegionID), deref(t.TaxCategoryID)}
		j.taxRates[k] = j.taxRates[k].Add(t.TaxRate)
	}
	curs, err := autotask.QueryAll[autotask.Currency](ctx, c, autotask.EntityCurrencies, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read currencies: %w", err)
	}
	j.currencyCode, j.rates = map[int64]string{}, map[int64]money.Decimal{}
	for _, cu := range curs {
		j.currencyCode[cu.ID], j.rates[cu.ID] = cu.Name, cu.ExchangeRate
		if cu.IsInternalCurrency {
			j.internalCode = cu.Name
		}
	}
	assocs, err := autotask.QueryAll[autotask.OrganizationalLevelAssociation](ctx, c, autotask.EntityOrganizationalLevelAssociations, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read organisational levels: %w", err)
	}
	j.lobOf = map[int64]int64{}
	for _, a := range assocs {
		j.lobOf[a.ID] = deref(a.OrganizationalLevel2ID)
	}
	l2, err := autotask.QueryAll[autotask.OrganizationalLevel2](ctx, c, autotask.EntityOrganizationalLevel2s, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read lines of business: %w", err)
	}
	j.lobNames = names(l2, func(v autotask.OrganizationalLevel2) (int64, string) { return v.ID, v.Name })
	countries, err := autotask.QueryAll[autotask.Country](ctx, c, autotask.EntityCountries, autotask.Query{})
	if err != nil {
		return fmt.Errorf("export: read countries: %w", err)
	}
	countryCodes := names(countries, func(v autotask.Country) (int64, string) { return v.ID, v.CountryCode })
	for id, co := range j.companies {
		j.accounts[id] = &Account{ID: id, Name: co.CompanyName, Number: co.CompanyNumber, TaxID: co.TaxID,
			Address1: co.Address1, Address2: co.Address2, City: co.City, State: co.State, PostalCode: co.PostalCode,
			Country: countryCodes[deref(co.CountryID)], Phone: co.Phone, Currency: j.currency(co)}
	}
	for _, p := range []struct {
		entity, field string
		into          *map[string]string
	}{
		{autotask.EntityBillingItems, "billingItemType", &j.itemTypes},
		{autotask.EntityBillingItems, "subType", &j.subTypes},
		{autotask.EntityBillingCodes, "billingCodeType", &j.codeTypes},
	} {
		if *p.into, err = c.Picklist(ctx, p.entity, p.field); err != nil {
			return fmt.Errorf("export: read %s labels: %w", p.field, err)
		}
	}
	return nil
}

func (j *joined) currency(co autotask.Company) string {
	if code, ok := j.currencyCode[deref(co.CurrencyID)]; ok {
		return code
	}
	return j.internalCode
}

// row joins one item, or reports false when the filter leaves it out.
func (j *joined) row(it *autotask.BillingItem, f Filter) (*Row, bool) {
	co, ok := j.companies[deref(it.CompanyID)]
	if !ok {
		return nil, false
	}
	code := j.codes[deref(it.BillingCodeID)]
	if len(f.BillingCodeTypes) > 0 && !slices.Contains(f.BillingCodeTypes, code.BillingCodeType) {
		return nil, false
	}
	r := &Row{ItemID: it.ID, Account: j.accounts[co.ID], ItemDate: it.ItemDate.Time, PostedDate: it.PostedDate.Time,
		BillingCode: code.Name, BillingCodeExternal: code.ExternalNumber, BillingCodeType: j.codeTypes[strconv.Itoa(code.BillingCodeType)],
		ItemType: label(j.itemTypes, it.BillingItemType), SubType: label(j.subTypes, it.SubType),
		ItemName: it.ItemName, Description: it.Description, ApprovedBy: j.resources[deref(it.ItemApproverID)],
		RoleID: deref(it.RoleID), TicketID: deref(it.TicketID), ProjectID: deref(it.ProjectID), ContractID: deref(it.ContractID),
		Contract: j.contracts[deref(it.ContractID)], PurchaseOrder: it.PurchaseOrderNumber,
		Quantity: it.Quantity, Rate: it.Rate, ExtendedPrice: it.ExtendedPrice, TaxDollars: it.TaxDollars, TotalAmount: it.TotalAmount,
		InternalRate: it.InternalCurrencyRate, InternalExtendedPrice: it.InternalCurrencyExtendedPrice,
		InternalTaxDollars: it.InternalCurrencyTaxDollars, InternalTotalAmount: it.InternalCurrencyTotalAmount,
		TaxRegion: j.regions[deref(co.TaxRegionID)], TaxCategory: j.categories[deref(it.TaxCategoryID)],
		Currency: j.accounts[co.ID].Currency, InternalCurrency: j.internalCode}
	if code.GeneralLedgerAccount != 0 {
		r.GLAccount = strconv.Itoa(code.GeneralLedgerAccount)
	}
	if it.LineItemFullDescription != "" && len(it.LineItemFullDescription) > len(r.Description) {
		r.Description = it.LineItemFullDescription
	}
	if !co.IsTaxExempt {
		r.TaxRate = j.taxRates[[2]int64{deref(co.TaxRegionID), deref(it.TaxCategoryID)}]
	}
	if lob := j.lobOf[deref(it.OrganizationalLevelAssociationID)]; lob != 0 {
		r.LineOfBusinessID, r.LineOfBusiness = lob, j.lobNames[lob]
	}
	if id := deref(it.InvoiceID); id != 0 {
		inv, ok := j.rawInvoices[id]
		if !ok || inv.IsVoided {
			// A voided invoice no longer stands; its items are not billed by it.
			return nil, false
		}
		r.Invoice = j.invoice(inv, co)
	}
	return r, f.keeps(r)
}

func (j *joined) invoice(inv autotask.Invoice, co autotask.Company) *Invoice {
	if v, ok := j.invoices[inv.ID]; ok {
		return v
	}
	rate, ok := j.rates[deref(co.CurrencyID)]
	if !ok || rate.IsZero() {
		rate = money.FromInt(1)
	}
	v := &Invoice{ID: inv.ID, Number: inv.InvoiceNumber, Date: day(inv.InvoiceDateTime.Time), OrderNumber: inv.OrderNumber,
		Comments: inv.Comments, Total: inv.InvoiceTotal, Tax: inv.TotalTaxValue, ExchangeRate: rate,
		PaymentTermID: int64(inv.PaymentTerm)}
	if !inv.DueDate.IsZero() {
		v.DueDate = day(inv.DueDate.Time)
	}
	j.invoices[inv.ID] = v
	return v
}

// keeps applies the filters Autotask's query could not.
func (f Filter) keeps(r *Row) bool {
	if f.OnlyInvoiced && r.Invoice == nil {
		return false
	}
	if f.By == ByInvoiceDate && (r.Invoice == nil || !f.inRange(r.Invoice.Date)) {
		return false
	}
	if f.By == ByItemDate && !f.inRange(r.ItemDate) {
		return false
	}
	if len(f.Companies) > 0 && !slices.Contains(f.Companies, r.Account.ID) {
		return false
	}
	if len(f.LinesOfBusiness) > 0 && !slices.Contains(f.LinesOfBusiness, r.LineOfBusinessID) {
		return false
	}
	return true
}

// SortRows orders rows by invoice (date, number, id), then item date and
// id; items not on an invoice come last. Per-invoice formats need it.
func SortRows(rows []*Row) {
	slices.SortStableFunc(rows, func(a, b *Row) int {
		if (a.Invoice == nil) != (b.Invoice == nil) {
			if a.Invoice == nil {
				return 1
			}
			return -1
		}
		if a.Invoice != nil {
			if c := a.Invoice.Date.Compare(b.Invoice.Date); c != 0 {
				return c
			}
			if c := cmp.Compare(a.Invoice.Number, b.Invoice.Number); c != 0 {
				return c
			}
			if c := cmp.Compare(a.Invoice.ID, b.Invoice.ID); c != 0 {
				return c
			}
		}
		if c := a.ItemDate.Compare(b.ItemDate); c != 0 {
			return c
		}
		return cmp.Compare(a.ItemID, b.ItemID)
	})
}

func byID[T any](ctx context.Context, c *autotask.Client, entity string, ids []int64, key func(T) int64) (map[int64]T, error) {
	list, err := autotask.QueryIn[T](ctx, c, entity, "id", ids, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("export: read %s: %w", entity, err)
	}
	out := make(map[int64]T, len(list))
	for _, v := range list {
		out[key(v)] = v
	}
	return out, nil
}

func names[T any](list []T, kv func(T) (int64, string)) map[int64]string {
	out := make(map[int64]string, len(list))
	for _, v := range list {
		k, n := kv(v)
		out[k] = n
	}
	return out
}

func label(labels map[string]string, v int) string {
	if l, ok := labels[strconv.Itoa(v)]; ok {
		return l
	}
	return strconv.Itoa(v)
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func appendID(ids []int64, p *int64) []int64 {
	if p == nil || *p == 0 {
		return ids
	}
	return append(ids, *p)
}
