package generate

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// The two purchase orders below are made after everything else, so the
// random draws of the invoices (and the export golden files) stay as they
// were. They give procurement its hardest shapes: one order received in
// three shipments, and a drop-shipped order from a vendor in another currency.

// threeShipmentPO orders stock from the first vendor and receives it in
// three shipments a few days apart; each shipment covers both lines.
func (g *gen) threeShipmentPO(i int) {
	c := &g.companies[0]
	submitted := g.start.AddDate(0, 0, 1)
	po := g.next("PurchaseOrders")
	g.add("PurchaseOrders", g.poRecord(po, g.d["Companies"][0]["id"], c, i, submitted, 3, money.Zero))
	shipments := []struct {
		day        int
		qty        [2]int64
		backOrders [2]int64
	}{{3, [2]int64{4, 10}, [2]int64{8, 20}}, {8, [2]int64{4, 10}, [2]int64{4, 10}}, {15, [2]int64{4, 10}, [2]int64{0, 0}}}
	var items [2]int64
	for k, p := range []product{g.ref.products[0], g.ref.products[2]} {
		items[k] = g.next("PurchaseOrderItems")
		qty := int64(12)
		if k == 1 {
			qty = 30
		}
		g.add("PurchaseOrderItems", autotasksim.Record{"id": n(items[k]), "orderID": n(po), "productID": n(p.id), "quantity": n(qty),
			"unitCost": amt(p.cost), "internalCurrencyUnitCost": amt(p.cost), "memo": p.name, "inventoryLocationID": n(g.ref.invLocation),
			"estimatedArrivalDate": ts(submitted.AddDate(0, 0, 3)), "ticketID": nil, "projectID": nil, "contractID": nil, "salesOrderID": nil})
	}
	var before [2]int64
	for s, sh := range shipments {
		at := submitted.AddDate(0, 0, sh.day).Add(time.Duration(10+s) * time.Hour)
		for k := range items {
			g.add("PurchaseOrderItemReceiving", autotasksim.Record{"id": n(g.next("PurchaseOrderItemReceiving")), "purchaseOrderItemID": n(items[k]),
				"quantityNowReceiving": n(sh.qty[k]), "quantityPreviouslyReceived": n(before[k]), "quantityBackOrdered": n(sh.backOrders[k]),
				"receiveDate": ts(at), "receivedByResourceID": n(g.ref.resources[1]), "serialNumber": "",
				"vendorInvoiceNumber": fmt.Sprintf("IM-%07d-%d", 7700000+i, s+1)})
			before[k] += sh.qty[k]
		}
	}
}

// dropShipPO buys from a vendor billing in euros and ships straight to a
// customer: the lines have no inventory location but a ticket, so their cost
// is cost of sales, not stock.
func (g *gen) dropShipPO(i int) {
	eur := g.ref.currencies[1]
	vendor := g.add("Companies", autotasksim.Record{"id": n(g.next("Companies")), "companyName": "Senetic Europe B.V.", "companyType": n(7),
		"companyNumber": "V-EU-01", "isActive": true, "countryID": n(g.ref.countries[2].id), "currencyID": n(eur.id), "phone": "+31 20 555 0100",
		"taxRegionID": nil, "isTaxExempt": false, "parentCompanyID": nil, "invoiceMethod": n(1), "userDefinedFields": []any{}})
	c := &g.companies[min(3, len(g.companies)-1)]
	submitted := g.start.AddDate(0, 0, 6)
	po := g.next("PurchaseOrders")
	rec := g.poRecord(po, vendor["id"], c, i, submitted, 4, dec("35.00"))
	rec["shipToAddress1"], rec["generalMemo"] = "Drop ship: deliver to the customer's site", "Drop ship"
	freight, _ := dec("35.00").Div(eur.rate, 4)
	rec["internalCurrencyFreight"] = amt(freight)
	g.add("PurchaseOrders", rec)
	for k, p := range []product{g.ref.products[1], g.ref.products[4]} {
		item := g.next("PurchaseOrderItems")
		qty := int64(2 + k*3)
		cost := p.cost.Mul(eur.rate).Round(2) // the vendor's price, in euros
		g.add("PurchaseOrderItems", autotasksim.Record{"id": n(item), "orderID": n(po), "productID": n(p.id), "quantity": n(qty),
			"unitCost": amt(cost), "internalCurrencyUnitCost": amt(p.cost), "memo": p.name, "inventoryLocationID": nil,
			"estimatedArrivalDate": ts(submitted.AddDate(0, 0, 5)), "ticketID": n(48000 + int64(k)), "projectID": nil, "contractID": nil,
			"salesOrderID": nil, "chargeID": n(77000 + int64(k))})
		g.add("PurchaseOrderItemReceiving", autotasksim.Record{"id": n(g.next("PurchaseOrderItemReceiving")), "purchaseOrderItemID": n(item),
			"quantityNowReceiving": n(qty), "quantityPreviouslyReceived": n(0), "quantityBackOrdered": n(0),
			"receiveDate": ts(submitted.AddDate(0, 0, 5).Add(9 * time.Hour)), "receivedByResourceID": n(g.ref.resources[1]), "serialNumber": "",
			"vendorInvoiceNumber": fmt.Sprintf("SE-2024-%05d", 300+i)})
	}
}

func (g *gen) poRecord(id int64, vendorID any, c *company, i int, submitted time.Time, status int64, freight money.Decimal) autotasksim.Record {
	return autotasksim.Record{"id": n(id), "vendorID": vendorID, "status": n(status),
		"purchaseOrderNumber": fmt.Sprintf("PO-%d", 4400+i), "purchaseForCompanyID": n(c.id), "createDateTime": ts(submitted),
		"submitDateTime": ts(submitted), "creatorResourceID": n(g.ref.resources[0]), "paymentTerm": n(g.ref.terms[2]),
		"freight": amt(freight), "internalCurrencyFreight": amt(freight), "shipToName": c.name, "shipToAddress1": "1 Main Street",
		"shipToCity": cityOf(c.country.code), "shipToPostalCode": "10001", "vendorInvoiceNumber": fmt.Sprintf("VI-%06d", 100000+i*37),
		"shippingDate": ts(submitted.AddDate(0, 0, 1)), "generalMemo": "", "taxRegionID": n(c.region.id), "shippingType": n(1),
		"showEachTaxInGroup": false, "showTaxCategory": false}
}
