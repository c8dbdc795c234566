package exact

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
)

// customerAccount is an account as the adapter reads it; its SearchCode
// holds the Autotask company number when that is not numeric (Exact's Code
// must be).
type customerAccount struct {
	Account
}

func customerList(op string) list {
	return list{op: op, path: "crm/Accounts", query: Query{Select: append([]string{}, accountFields...)}}
}

// numberOf is the Autotask company number an account carries: its
// SearchCode when set, else its Code without Exact's padding.
func numberOf(a customerAccount) string {
	if s := strings.TrimSpace(a.SearchCode); s != "" {
		return s
	}
	return strings.TrimSpace(a.Code)
}

// Customers lists every account with customer status, blocked ones as
// archived: one call per 60 accounts.
func (a *Adapter) Customers(ctx context.Context) ([]ledger.Customer, error) {
	l := customerList("list customers")
	l.query.Filter = Eq("Status", Str("C"))
	accts, err := getAll[customerAccount](ctx, a.c, l)
	if err != nil {
		return nil, err
	}
	out := make([]ledger.Customer, 0, len(accts))
	for _, ac := range accts {
		c := ledger.Customer{ID: ac.ID, Name: ac.Name, AccountNumber: numberOf(ac), Email: ac.Email, Phone: ac.Phone,
			TaxNumber: ac.VATNumber, Archived: ac.Blocked,
			Address: ledger.Address{City: ac.City, Region: ac.State, PostalCode: ac.Postcode, Country: ac.Country}}
		c.Currency, _ = money.ParseCurrency(ac.SalesCurrency)
		for _, l := range []string{ac.AddressLine1, ac.AddressLine2, ac.AddressLine3} {
			if l != "" {
				c.Address.Lines = append(c.Address.Lines, l)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// accountOf is the new account for c: a numeric company number becomes the
// Code, any other the SearchCode.
func accountOf(c ledger.Customer) customerAccount {
	ac := customerAccount{Account: Account{Name: strings.TrimSpace(c.Name), Status: "C", IsSales: true, Email: c.Email, Phone: c.Phone,
		City: c.Address.City, Postcode: c.Address.PostalCode, State: c.Address.Region, VATNumber: c.TaxNumber}}
	if n := strings.TrimSpace(c.AccountNumber); n != "" {
		if _, err := PadCode(n); err == nil {
			ac.Code = n
		} else {
			ac.SearchCode = n
		}
	}
	if cc := strings.ToUpper(strings.TrimSpace(c.Address.Country)); isCountry(cc) {
		ac.Country = cc
	}
	if c.Currency.Valid() {
		ac.SalesCurrency = string(c.Currency)
	}
	lines := []*string{&ac.AddressLine1, &ac.AddressLine2, &ac.AddressLine3}
	for i, l := range c.Address.Lines {
		if i < len(lines) {
			*lines[i] = l
		} else {
			*lines[len(lines)-1] += ", " + l // Exact has three address lines
		}
	}
	return ac
}

// changesOf sets every field Billbridge keeps in step with Autotask.
func changesOf(c ledger.Customer) AccountChanges {
	ac := accountOf(c)
	return AccountChanges{Name: &ac.Name, Email: &ac.Email, Phone: &ac.Phone, AddressLine1: &ac.AddressLine1,
		AddressLine2: &ac.AddressLine2, AddressLine3: &ac.AddressLine3, City: &ac.City, Postcode: &ac.Postcode,
		State: &ac.State, Country: &ac.Country, VATNumber: &ac.VATNumber}
}

// SaveCustomers creates accounts for customers without an ID and updates
// the others (one call each: Exact has no batch endpoint). Before creating,
// one batched lookup by Code (and one by SearchCode) finds accounts that
// already carry the company number: the same name means an earlier attempt
// got through and its account is returned; another name is a conflict for
// a person to settle, never a silent merge.
func (a *Adapter) SaveCustomers(ctx context.Context, cs []ledger.Customer, key string) ([]ledger.Result, error) {
	out := make([]ledger.Result, len(cs))
	if _, err := a.catalog(ctx); err != nil {
		return out, err
	}
	existing, err := a.accountsByNumber(ctx, cs)
	if err != nil {
		return out, err
	}
	for i, c := range cs {
		if c.ID != "" {
			if err := a.c.UpdateAccount(ctx, c.ID, changesOf(c)); err != nil {
				if !elementError(err) {
					return out, err
				}
				out[i].Err = err
				continue
			}
			out[i] = ledger.Result{ID: c.ID, Number: c.AccountNumber}
			continue
		}
		num := strings.TrimSpace(c.AccountNumber)
		if have, ok := existing[num]; ok && num != "" {
			if strings.EqualFold(strings.TrimSpace(have.Name), strings.TrimSpace(c.Name)) {
				out[i] = ledger.Result{ID: have.ID, Number: num}
				continue
			}
			out[i].Err = apperr.New(apperr.Conflict,
				fmt.Sprintf("Exact account %s (%s) already has the number of Autotask company %q", num, have.Name, c.Name),
				"Link the company to that Exact account in Billbridge's mappings, or correct the company number in Autotask.")
			continue
		}
		got, err := a.createAccount(ctx, accountOf(c))
		if err != nil {
			if !elementError(err) {
				return out, err
			}
			out[i].Err = err
			continue
		}
		if num != "" {
			existing[num] = got
		}
		out[i] = ledger.Result{ID: got.ID, Number: numberOf(got)}
	}
	return out, nil
}

// accountsByNumber reads, in at most two batched calls, the accounts whose
// Code or SearchCode is the company number of a customer to create.
func (a *Adapter) accountsByNumber(ctx context.Context, cs []ledger.Customer) (map[string]customerAccount, error) {
	var codes, search []string
	for _, c := range cs {
		n := strings.TrimSpace(c.AccountNumber)
		if c.ID != "" || n == "" {
			continue
		}
		if p, err := PadCode(n); err == nil {
			codes = append(codes, Str(p))
		} else {
			search = append(search, Str(n))
		}
	}
	out := map[string]customerAccount{}
	for _, q := range []struct {
		field string
		lits  []string
	}{{"Code", codes}, {"SearchCode", search}} {
		if len(q.lits) == 0 {
			continue
		}
		got, err := getAnyOf[customerAccount](ctx, a.c, customerList("find accounts by number"), q.field, q.lits, "")
		if err != nil {
			return nil, err
		}
		for _, ac := range got {
			if q.field == "Code" {
				out[strings.TrimSpace(ac.Code)] = ac
			} else {
				out[strings.TrimSpace(ac.SearchCode)] = ac
			}
		}
	}
	return out, nil
}

// createAccount checks an account as CreateAccount does and posts it with
// its SearchCode.
func (a *Adapter) createAccount(ctx context.Context, ac customerAccount) (customerAccount, error) {
	if ac.Code != "" {
		p, err := PadCode(ac.Code)
		if err != nil {
			return customerAccount{}, invalid("account "+ac.Name, "Code", err.Error(), "Correct the company number in Autotask.")
		}
		ac.Code = p
	}
	if err := a.c.ValidateAccount(ac.Account); err != nil {
		return customerAccount{}, err
	}
	return post[customerAccount](ctx, a.c, "crm/Accounts", "create account", "account "+ac.Name, ac)
}
