package procure

import (
	"context"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
)

// Window is the span of receive dates a run bills: From through Thru,
// whole days in UTC.
type Window struct {
	From time.Time `json:"from"`
	Thru time.Time `json:"thru"`
}

// Snapshot is what Plan needs from Autotask.
type Snapshot struct {
	Receivings []autotask.PurchaseOrderItemReceiving
	Items      map[int64]autotask.PurchaseOrderItem
	Orders     map[int64]autotask.PurchaseOrder
	Vendors    map[int64]autotask.Company
	Products   map[int64]autotask.Product
	Terms      map[int64]autotask.PaymentTerm
	Currencies map[int64]autotask.Currency
}

// Pull reads the receivings of the window and what they refer to, with one
// query per entity (chunked "in" filters of 500 ids).
func Pull(ctx context.Context, c *autotask.Client, w Window) (*Snapshot, error) {
	from := day(w.From)
	to := day(w.Thru).AddDate(0, 0, 1)
	recs, err := c.ReceivingsBetween(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("procure: pull receivings: %w", err)
	}
	s := &Snapshot{Receivings: recs}
	items, err := autotask.QueryIn[autotask.PurchaseOrderItem](ctx, c, autotask.EntityPurchaseOrderItems, "id",
		idsOf(recs, func(r autotask.PurchaseOrderItemReceiving) *int64 { return r.PurchaseOrderItemID }), autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull purchase order items: %w", err)
	}
	s.Items = byID(items, func(v autotask.PurchaseOrderItem) int64 { return v.ID })
	orders, err := autotask.QueryIn[autotask.PurchaseOrder](ctx, c, autotask.EntityPurchaseOrders, "id",
		idsOf(items, func(it autotask.PurchaseOrderItem) *int64 { return it.OrderID }), autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull purchase orders: %w", err)
	}
	s.Orders = byID(orders, func(v autotask.PurchaseOrder) int64 { return v.ID })
	if err := pullVendorsProducts(ctx, c, s, orders, items); err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return s, nil
	}
	terms, err := autotask.QueryAll[autotask.PaymentTerm](ctx, c, autotask.EntityPaymentTerms, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull payment terms: %w", err)
	}
	s.Terms = byID(terms, func(v autotask.PaymentTerm) int64 { return v.ID })
	if s.Currencies, err = pullCurrencies(ctx, c); err != nil {
		return nil, err
	}
	return s, nil
}

// pullVendorsProducts reads the vendors of purchase orders and the products
// of their items into s: what bills and orders alike name.
func pullVendorsProducts(ctx context.Context, c *autotask.Client, s *Snapshot, orders []autotask.PurchaseOrder, items []autotask.PurchaseOrderItem) error {
	vendors, err := autotask.QueryIn[autotask.Company](ctx, c, autotask.EntityCompanies, "id",
		idsOf(orders, func(o autotask.PurchaseOrder) *int64 { return o.VendorID }), autotask.Query{})
	if err != nil {
		return fmt.Errorf("procure: pull vendors: %w", err)
	}
	s.Vendors = byID(vendors, func(v autotask.Company) int64 { return v.ID })
	products, err := autotask.QueryIn[autotask.Product](ctx, c, autotask.EntityProducts, "id",
		idsOf(items, func(it autotask.PurchaseOrderItem) *int64 { return it.ProductID }), autotask.Query{})
	if err != nil {
		return fmt.Errorf("procure: pull products: %w", err)
	}
	s.Products = byID(products, func(v autotask.Product) int64 { return v.ID })
	return nil
}

// pullCurrencies reads Autotask's currencies, by id.
func pullCurrencies(ctx context.Context, c *autotask.Client) (map[int64]autotask.Currency, error) {
	curs, err := autotask.QueryAll[autotask.Currency](ctx, c, autotask.EntityCurrencies, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull currencies: %w", err)
	}
	return byID(curs, func(v autotask.Currency) int64 { return v.ID }), nil
}

// idsOf collects the ids that a reference field of vs holds, where set.
func idsOf[T any](vs []T, field func(T) *int64) []int64 {
	var out []int64
	for _, v := range vs {
		if id := field(v); id != nil {
			out = append(out, *id)
		}
	}
	return out
}

func byID[T any](vs []T, id func(T) int64) map[int64]T {
	m := make(map[int64]T, len(vs))
	for _, v := range vs {
		m[id(v)] = v
	}
	return m
}

func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
