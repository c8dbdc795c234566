package procure

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
)

// CreateItems creates NonInventory items, one request each with a
// requestid from key and the code. Not Inventory: Autotask keeps the
// stock, and a QuickBooks inventory item would count it again, post cost
// of goods sold on every sale beside Billbridge's cost-of-sales journals,
// and needs QuickBooks Plus or Advanced. A stocked line names its item and
// QuickBooks posts it to the item's expense account, so that is the
// inventory asset for stocked products and cost of sales for the rest.
// QuickBooks wants an income account on every NonInventory item: the
// company's "Sales of Product Income", else its first income account.
func (q *QBO) CreateItems(ctx context.Context, items []NewItem, key string) ([]Result, error) {
	income, err := q.incomeAccount(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Result, len(items))
	var send []NewItem
	var at []int
	for i, it := range items {
		if err := q.checkItem(it); err != nil {
			out[i].Err = err
			continue
		}
		send, at = append(send, it), append(at, i)
	}
	res, err := createEach(ctx, q.c, send, key, func(it NewItem) (qbo.Item, string) {
		return qbo.Item{Name: it.Code, Sku: it.Code, Type: qbo.ItemNonInventory, PurchaseDesc: truncateRunes(it.Description, 4000),
			PurchaseCost: it.UnitCost, ExpenseAccountRef: qbo.Ref{Value: it.Account}, IncomeAccountRef: qbo.Ref{Value: income}}, it.Code
	}, func(it qbo.Item) string { return it.ID })
	for j, r := range res {
		out[at[j]] = r
	}
	return out, err
}

// checkItem refuses locally what QuickBooks would: a name too long or with
// a colon (a sub-item), or no account to post the purchase to.
func (q *QBO) checkItem(it NewItem) error {
	switch {
	case len([]rune(it.Code)) > qbo.MaxItemNameLength || strings.Contains(it.Code, ":"):
		return apperr.New(apperr.Invalid, fmt.Sprintf("The item name %q is too long or contains a colon", it.Code),
			fmt.Sprintf("QuickBooks item names have at most %d characters and no colon: change the product's SKU in Autotask, or map the product to an item.", qbo.MaxItemNameLength))
	case it.Account == "":
		return apperr.New(apperr.Invalid, fmt.Sprintf("Item %q has no account to post purchases to", it.Code),
			"Choose the inventory asset and cost of sales accounts in the purchase settings, then create the items again.")
	}
	return nil
}

// incomeAccount is the income account new items carry.
func (q *QBO) incomeAccount(ctx context.Context) (string, error) {
	accts, err := qbo.Query[qbo.Account](ctx, q.c, "Account", "AccountType = ?", qbo.AccountIncome)
	if err != nil {
		return "", fmt.Errorf("read income accounts: %w", err)
	}
	accts = slices.DeleteFunc(accts, func(a qbo.Account) bool { return a.Active != nil && !*a.Active })
	if len(accts) == 0 {
		return "", apperr.New(apperr.Invalid, "QuickBooks has no income account for new items",
			"Add an income account (e.g. Sales of Product Income) in QuickBooks, then create the items again.")
	}
	slices.SortFunc(accts, func(a, b qbo.Account) int { return strings.Compare(a.Name, b.Name) })
	for _, a := range accts {
		if strings.EqualFold(a.Name, "Sales of Product Income") {
			return a.ID, nil
		}
	}
	return accts[0].ID, nil
}
