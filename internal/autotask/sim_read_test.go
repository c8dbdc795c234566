package autotask_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

// reader reads every record of one entity as its typed struct and returns the ids.
type reader struct {
	entity string
	read   func(context.Context, *autotask.Client) ([]int64, error)
}

func readerFor[T any](entity string, id func(T) int64) reader {
	return reader{entity, func(ctx context.Context, c *autotask.Client) ([]int64, error) {
		vs, err := autotask.QueryAll[T](ctx, c, entity, autotask.Query{})
		var ids []int64
		for _, v := range vs {
			ids = append(ids, id(v))
		}
		return ids, err
	}}
}

// allReaders covers every entity this package types.
func allReaders() []reader {
	return []reader{
		readerFor(autotask.EntityBillingCodes, func(v autotask.BillingCode) int64 { return v.ID }),
		readerFor(autotask.EntityBillingItems, func(v autotask.BillingItem) int64 { return v.ID }),
		readerFor(autotask.EntityCompanies, func(v autotask.Company) int64 { return v.ID }),
		readerFor(autotask.EntityCompanyLocations, func(v autotask.CompanyLocation) int64 { return v.ID }),
		readerFor(autotask.EntityContacts, func(v autotask.Contact) int64 { return v.ID }),
		readerFor(autotask.EntityContractServices, func(v autotask.ContractService) int64 { return v.ID }),
		readerFor(autotask.EntityContracts, func(v autotask.Contract) int64 { return v.ID }),
		readerFor(autotask.EntityCountries, func(v autotask.Country) int64 { return v.ID }),
		readerFor(autotask.EntityCurrencies, func(v autotask.Currency) int64 { return v.ID }),
		readerFor(autotask.EntityExpenseItems, func(v autotask.ExpenseItem) int64 { return v.ID }),
		readerFor(autotask.EntityExpenseReports, func(v autotask.ExpenseReport) int64 { return v.ID }),
		readerFor(autotask.EntityInventoryItems, func(v autotask.InventoryItem) int64 { return v.ID }),
		readerFor(autotask.EntityInventoryLocations, func(v autotask.InventoryLocation) int64 { return v.ID }),
		readerFor(autotask.EntityInvoices, func(v autotask.Invoice) int64 { return v.ID }),
		readerFor(autotask.EntityOrganizationalLevel1s, func(v autotask.OrganizationalLevel1) int64 { return v.ID }),
		readerFor(autotask.EntityOrganizationalLevel2s, func(v autotask.OrganizationalLevel2) int64 { return v.ID }),
		readerFor(autotask.EntityOrganizationalLevelAssociations, func(v autotask.OrganizationalLevelAssociation) int64 { return v.ID }),
		readerFor(autotask.EntityPaymentTerms, func(v autotask.PaymentTerm) int64 { return v.ID }),
		readerFor(autotask.EntityProducts, func(v autotask.Product) int64 { return v.ID }),
		readerFor(autotask.EntityPurchaseOrderItemReceiving, func(v autotask.PurchaseOrderItemReceiving) int64 { return v.ID }),
		readerFor(autotask.EntityPurchaseOrderItems, func(v autotask.PurchaseOrderItem) int64 { return v.ID }),
		readerFor(autotask.EntityPurchaseOrders, func(v autotask.PurchaseOrder) int64 { return v.ID }),
		readerFor(autotask.EntityResources, func(v autotask.Resource) int64 { return v.ID }),
		readerFor(autotask.EntityTaxCategories, func(v autotask.TaxCategory) int64 { return v.ID }),
		readerFor(autotask.EntityTaxRegions, func(v autotask.TaxRegion) int64 { return v.ID }),
		readerFor(autotask.EntityTaxes, func(v autotask.Tax) int64 { return v.ID }),
	}
}

func TestSimReadsEveryEntity(t *testing.T) {
	readers := allReaders()
	data := map[string][]map[string]any{}
	for i, r := range readers {
		data[r.entity] = []map[string]any{{"id": 1000 + i}, {"id": 2000 + i}}
	}
	s := startSim(t, records(t, data), nil)
	c := connectSim(t, s, nil)
	for i, r := range readers {
		t.Run(r.entity, func(t *testing.T) {
			ids, err := r.read(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(ids) != fmt.Sprint([]int64{int64(1000 + i), int64(2000 + i)}) {
				t.Fatalf("ids = %v", ids)
			}
		})
	}
}

// TestSimBillingItemShape reads a billing item shaped like a live Autotask
// response and checks that no digit or null is lost.
func TestSimBillingItemShape(t *testing.T) {
	data := records(t, map[string][]map[string]any{
		autotask.EntityBillingItems: {{
			"id": 1, "invoiceID": 0, "companyID": 174, "billingCodeID": 29682801, "billingItemType": 1, "subType": 1,
			"itemName": "Remote support", "description": "Grüße – ticket T20211201.0001", "itemDate": "2021-12-01T00:00:00Z",
			"postedOnTime": "2022-12-02T08:52:54.023Z", "quantity": 3.175, "rate": 100, "extendedPrice": 386.645,
			"totalAmount": 0, "purchaseOrderNumber": "", "nonBillable": 0, "ticketID": nil, "webServiceDate": nil,
		}},
	})
	s := startSim(t, data, nil)
	c := connectSim(t, s, nil)
	bi, err := autotask.Get[autotask.BillingItem](context.Background(), c, autotask.EntityBillingItems, 1)
	if err != nil {
		t.Fatal(err)
	}
	if bi.Quantity.String() != "3.1750" || bi.ExtendedPrice.Cmp(money.MustParse("386.645")) != 0 || bi.Rate.String() != "100.0000" {
		t.Errorf("amounts = %s %s %s", bi.Quantity, bi.ExtendedPrice, bi.Rate)
	}
	if bi.InvoiceID == nil || *bi.InvoiceID != 0 || bi.TicketID != nil || !bi.WebServiceDate.IsZero() {
		t.Errorf("ids/dates = %v %v %v", bi.InvoiceID, bi.TicketID, bi.WebServiceDate)
	}
	if bi.PostedOnTime.String() != "2022-12-02T08:52:54.023Z" || bi.Description != "Grüße – ticket T20211201.0001" {
		t.Errorf("postedOnTime %s, description %q", bi.PostedOnTime, bi.Description)
	}
}

func TestSimGetAndCount(t *testing.T) {
	s := startSim(t, records(t, map[string][]map[string]any{
		autotask.EntityInvoices: {{"id": 1, "isVoided": false}, {"id": 2, "isVoided": true}, {"id": 3, "isVoided": false}},
	}), nil)
	c := connectSim(t, s, nil)
	ctx := context.Background()
	inv, err := autotask.Get[autotask.Invoice](ctx, c, autotask.EntityInvoices, 2)
	if err != nil || inv.ID != 2 || !inv.IsVoided {
		t.Fatalf("get = %+v, %v", inv, err)
	}
	if _, err := autotask.Get[autotask.Invoice](ctx, c, autotask.EntityInvoices, 99); !errors.Is(err, autotask.ErrNotFound) {
		t.Fatalf("missing invoice: %v", err)
	}
	n, err := c.Count(ctx, autotask.EntityInvoices, autotask.Eq("isVoided", false))
	if err != nil || n != 2 {
		t.Fatalf("count = %d, %v", n, err)
	}
	if n, err := c.Count(ctx, autotask.EntityInvoices); err != nil || n != 3 {
		t.Fatalf("count all = %d, %v", n, err)
	}
}
