package qbo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// accountCustomer is a Customer with AcctNum, the field (in Intuit's XSD)
// that holds the Autotask company number and links the two systems.
type accountCustomer struct {
	Customer
	AcctNum string `json:"AcctNum,omitempty"`
}

// Customers lists customers, inactive ones included: QuickBooks' unique
// display name rule counts them too.
func (a *Adapter) Customers(ctx context.Context) ([]ledger.Customer, error) {
	cs, err := Query[accountCustomer](ctx, a.c, "Customer", "Active in (true, false)")
	if err != nil {
		return nil, fmt.Errorf("qbo: customers: %w", err)
	}
	out := make([]ledger.Customer, 0, len(cs))
	for _, c := range cs {
		out = append(out, customerOf(c))
	}
	return out, nil
}

func customerOf(c accountCustomer) ledger.Customer {
	cu := ledger.Customer{ID: c.ID, Name: c.DisplayName, AccountNumber: c.AcctNum, Email: c.PrimaryEmailAddr.Address,
		ContactFirst: c.GivenName, ContactLast: c.FamilyName, Phone: c.PrimaryPhone.FreeFormNumber,
		Archived: c.Active != nil && !*c.Active}
	cu.Currency, _ = money.ParseCurrency(c.CurrencyRef.Value)
	b := c.BillAddr
	cu.Address = ledger.Address{City: b.City, Region: b.CountrySubDivisionCode, PostalCode: b.PostalCode, Country: b.Country}
	for _, l := range []string{b.Line1, b.Line2, b.Line3, b.Line4, b.Line5} {
		if l != "" {
			cu.Address.Lines = append(cu.Address.Lines, l)
		}
	}
	return cu
}

// wireCustomer is what QuickBooks should hold for c. The currency is sent
// on creation only: QuickBooks refuses to change it.
func wireCustomer(c ledger.Customer, create bool) accountCustomer {
	w := accountCustomer{AcctNum: c.AccountNumber, Customer: Customer{
		ID: c.ID, DisplayName: strings.TrimSpace(c.Name), CompanyName: truncate(strings.TrimSpace(c.Name), MaxCompanyNameLength),
		GivenName: truncate(c.ContactFirst, 100), FamilyName: truncate(c.ContactLast, 100),
		PrimaryEmailAddr: EmailAddress{Address: c.Email}, PrimaryPhone: TelephoneNumber{FreeFormNumber: c.Phone},
	}}
	if create && c.Currency != "" {
		w.CurrencyRef = Ref{Value: string(c.Currency)}
	}
	ad := c.Address
	w.BillAddr = PhysicalAddress{City: ad.City, CountrySubDivisionCode: ad.Region, PostalCode: ad.PostalCode, Country: ad.Country}
	lines := []*string{&w.BillAddr.Line1, &w.BillAddr.Line2, &w.BillAddr.Line3, &w.BillAddr.Line4, &w.BillAddr.Line5}
	if ad.Attention != "" {
		*lines[0], lines = "Attn: "+ad.Attention, lines[1:]
	}
	for i, l := range ad.Lines {
		if i < len(lines) {
			*lines[i] = l
		}
	}
	return w
}

// SaveCustomers creates customers without an ID and updates the others
// (read first for their SyncToken, then a sparse update), each through the
// batch endpoint. A display name QuickBooks already has elsewhere (Fault
// 6240) fails that customer only.
func (a *Adapter) SaveCustomers(ctx context.Context, cs []ledger.Customer, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(cs))
	var create, update []accountCustomer
	var createAt, updateAt []int
	for i, c := range cs {
		if err := ValidateDisplayName(c.Name); err != nil {
			out[i].Err = err
			continue
		}
		if c.ID == "" {
			create, createAt = append(create, wireCustomer(c, true)), append(createAt, i)
		} else {
			update, updateAt = append(update, wireCustomer(c, false)), append(updateAt, i)
		}
	}
	if len(update) > 0 {
		ids := make([]string, len(update))
		for i, u := range update {
			ids[i] = u.ID
		}
		current, err := QueryIn[accountCustomer](ctx, a.c, "Id", ids)
		if err != nil {
			return out, fmt.Errorf("qbo: save customers: read sync tokens: %w", err)
		}
		token := map[string]string{}
		for _, c := range current {
			token[c.ID] = c.SyncToken
		}
		var send []accountCustomer
		var sendAt []int
		for k, u := range update {
			tok, ok := token[u.ID]
			if !ok {
				out[updateAt[k]].Err = apperr.Wrap(fmt.Errorf("qbo: customer %s: %w", u.ID, ledger.ErrNotFound), apperr.NotFound,
					fmt.Sprintf("QuickBooks has no customer with id %s for %q", u.ID, u.DisplayName),
					"The customer was deleted or merged in QuickBooks: unlink it in Billbridge's customer mapping and sync again.")
				continue
			}
			u.SyncToken = tok
			send, sendAt = append(send, u), append(sendAt, updateAt[k])
		}
		if len(send) > 0 {
			res, err := UpdateBatch(ctx, a.c, send, key+"/update")
			if err != nil {
				return out, fmt.Errorf("qbo: update customers: %w", err)
			}
			fill(out, sendAt, res, func(c accountCustomer) (string, string) { return c.ID, c.AcctNum })
		}
	}
	if len(create) > 0 {
		res, err := CreateBatch(ctx, a.c, create, key+"/create")
		if err != nil {
			return out, fmt.Errorf("qbo: create customers: %w", err)
		}
		fill(out, createAt, res, func(c accountCustomer) (string, string) { return c.ID, c.AcctNum })
	}
	return out, nil
}

// fill copies a BatchResult into out, whose position at[i] holds the
// input's i-th element.
func fill[T any](out []ledger.Result, at []int, res BatchResult[T], id func(T) (string, string)) {
	for k, v := range res.Saved {
		i := at[res.Indexes[k]]
		out[i].ID, out[i].Number = id(v)
	}
	for _, f := range res.Failed {
		err := f.Err
		if err == nil {
			err = errors.New(f.Message)
		}
		out[at[f.Index]].Err = err
	}
}

// Items lists the items Billbridge can address: those with a SKU, which is
// the ledger item code. Give an existing QuickBooks item a SKU to map a
// billing code to it.
func (a *Adapter) Items(ctx context.Context) ([]ledger.Item, error) {
	all, err := a.loadItems(ctx)
	if err != nil {
		return nil, err
	}
	var out []ledger.Item
	for _, it := range all {
		if it.Sku == "" {
			continue
		}
		out = append(out, ledger.Item{ID: it.ID, Code: it.Sku, Name: it.Name, Description: it.Description,
			UnitPrice: it.UnitPrice, AccountCode: it.IncomeAccountRef.Value, TaxCode: it.SalesTaxCodeRef.Value})
	}
	return out, nil
}

// loadItems reads every active item and refreshes the cache lines resolve
// item codes with.
func (a *Adapter) loadItems(ctx context.Context) ([]Item, error) {
	all, err := Query[Item](ctx, a.c, "Item", "")
	if err != nil {
		return nil, fmt.Errorf("qbo: items: %w", err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.items = map[string]Item{}
	for _, it := range all {
		a.remember(it)
	}
	return all, nil
}

// remember adds it to the cache under its SKU and name; the caller holds a.mu.
func (a *Adapter) remember(it Item) {
	if it.Name != "" {
		a.items["name:"+strings.ToLower(it.Name)] = it
	}
	if it.Sku != "" {
		a.items["sku:"+strings.ToLower(it.Sku)] = it
	}
}

// CreateItems creates Service items named by their code (QuickBooks keeps
// item names unique, so a code used twice is refused) with the code as SKU,
// the income account, the price and, outside the US, the sales tax code.
func (a *Adapter) CreateItems(ctx context.Context, items []ledger.Item, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(items))
	if _, err := a.itemCache(ctx); err != nil {
		return out, err
	}
	var send []Item
	var at []int
	for i, it := range items {
		code := strings.TrimSpace(it.Code)
		switch {
		case code == "":
			out[i].Err = apperr.New(apperr.Invalid, fmt.Sprintf("The item %q has no code", it.Name), "Give the billing code a ledger item code in Billbridge's mappings.")
			continue
		case len(code) > MaxItemNameLength || strings.Contains(code, ":"):
			out[i].Err = apperr.New(apperr.Invalid, fmt.Sprintf("The item code %q is too long or contains a colon", code),
				fmt.Sprintf("QuickBooks item names have at most %d characters and no colon; change the item code in Billbridge's mappings.", MaxItemNameLength))
			continue
		}
		if _, dup := a.cachedItem(code); dup {
			out[i].Err = apperr.New(apperr.Conflict, fmt.Sprintf("QuickBooks already has an item %q", code),
				"Map the billing code to the existing item instead of creating it again.")
			continue
		}
		desc := it.Description
		if desc == "" {
			desc = it.Name
		}
		qi := Item{Name: code, Sku: code, Description: truncate(desc, 4000), Type: ItemService, UnitPrice: it.UnitPrice,
			IncomeAccountRef: Ref{Value: it.AccountCode}}
		switch {
		case a.co.US():
			qi.Taxable = Bool(it.TaxCode != "" && it.TaxCode != TaxCodeNonTaxable)
		case it.TaxCode != "":
			qi.SalesTaxCodeRef = Ref{Value: it.TaxCode}
		}
		send, at = append(send, qi), append(at, i)
	}
	if len(send) == 0 {
		return out, nil
	}
	res, err := CreateBatch(ctx, a.c, send, key)
	if err != nil {
		return out, fmt.Errorf("qbo: create items: %w", err)
	}
	a.mu.Lock()
	for _, it := range res.Saved {
		a.remember(it)
	}
	a.mu.Unlock()
	fill(out, at, res, func(it Item) (string, string) { return it.ID, it.Sku })
	return out, nil
}

// itemCache returns the item cache, reading the items the first time.
func (a *Adapter) itemCache(ctx context.Context) (map[string]Item, error) {
	a.mu.Lock()
	have := a.items
	a.mu.Unlock()
	if have != nil {
		return have, nil
	}
	if _, err := a.loadItems(ctx); err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.items, nil
}

// cachedItem finds an item by SKU, then by name.
func (a *Adapter) cachedItem(code string) (Item, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	k := strings.ToLower(strings.TrimSpace(code))
	if it, ok := a.items["sku:"+k]; ok {
		return it, true
	}
	it, ok := a.items["name:"+k]
	return it, ok
}

// itemForAccount finds an item that sells to account (the lowest id, so the
// choice is stable).
func (a *Adapter) itemForAccount(account string) (Item, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	var best Item
	found := false
	for k, it := range a.items {
		if !strings.HasPrefix(k, "name:") || it.IncomeAccountRef.Value != account {
			continue
		}
		if !found || idLess(it.ID, best.ID) {
			best, found = it, true
		}
	}
	return best, found
}

func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
