package generate

import (
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// Values of BillingCodes.billingCodeType and useType; they match the
// simulator's picklists.
const (
	codeWorkType, useWorkType   = 0, 1
	codeMaterial, useMaterial   = 1, 2
	codeInternal, useInternal   = 2, 3
	codeExpense, useExpense     = 3, 4
	codeRecurring, useRecurring = 4, 5
	codeMilestone, useMilestone = 5, 6
)

func (g *gen) code(name, desc, external string, gl int64, codeType, useType int64, rate, cost string, cat int) billingCode {
	bc := billingCode{id: g.next("BillingCodes"), name: name, rate: dec(rate), cost: dec(cost), taxCategory: cat}
	g.add("BillingCodes", autotasksim.Record{"id": n(bc.id), "name": name, "description": desc, "externalNumber": external,
		"generalLedgerAccount": n(gl), "billingCodeType": n(codeType), "useType": n(useType), "taxCategoryID": n(g.ref.categories[cat]),
		"unitPrice": amt(bc.rate), "unitCost": amt(bc.cost), "isActive": true, "isExcludedFromNewContracts": false,
		"department": n(1), "markupRate": nil, "afterHoursWorkType": nil})
	return bc
}

func (g *gen) billingCodes() {
	r := &g.ref
	r.workTypes = []billingCode{
		g.code("Remote Support", "Remote helpdesk and troubleshooting", "4000-RS", 4000, codeWorkType, useWorkType, "125.0000", "0", catLabor),
		g.code("Onsite Support", "Technician on site (minimum 1 hour)", "4000-OS", 4000, codeWorkType, useWorkType, "165.0000", "0", catLabor),
		g.code("After Hours Emergency", "Emergency work outside 08:00–18:00, time and a half", "4010-AH", 4010, codeWorkType, useWorkType, "237.5000", "0", catLabor),
		g.code("Project Engineering", "Scoped project work", "4100-PE", 4100, codeWorkType, useWorkType, "148.7500", "0", catLabor),
		g.code("vCIO Consulting", "Strategic IT planning (vCIO)", "4200-VC", 4200, codeWorkType, useWorkType, "212.3750", "0", catLabor),
	}
	g.code("Internal Admin", "Internal, non-billable time", "", 6000, codeInternal, useInternal, "0", "0", catExempt)
	r.material = map[string]billingCode{
		"hardware":  g.code("Hardware", "Hardware resale", "4500-HW", 4500, codeMaterial, useMaterial, "0", "0", catHardware),
		"software":  g.code("Software Licensing", "Software and SaaS licences", "4510-SW", 4510, codeMaterial, useMaterial, "0", "0", catSoftware),
		"shipping":  g.code("Shipping & Handling", "Freight recharged at cost plus handling", "4590-SH", 4590, codeMaterial, useMaterial, "0", "0", catHardware),
		"surcharge": g.code("Card Payment Surcharge", "3 % surcharge for payment by credit card", "4595-CC", 4595, codeMaterial, useMaterial, "0", "0", catExempt),
		"setup":     g.code("Onboarding / Setup Fee", "One-off onboarding of a new agreement", "4050-SU", 4050, codeMaterial, useMaterial, "0", "0", catLabor),
		"block":     g.code("Block Hours", "Prepaid block of hours", "2400-BH", 2400, codeMaterial, useMaterial, "0", "0", catLabor),
		"retainer":  g.code("Retainer", "Monthly retainer", "2410-RT", 2410, codeMaterial, useMaterial, "0", "0", catLabor),
		"credit":    g.code("Credit / Goodwill", "Credits and goodwill adjustments", "4999-CR", 4999, codeMaterial, useMaterial, "0", "0", catLabor),
	}
	r.expenseCodes = []billingCode{
		g.code("Travel", "Travel recharged at cost", "4800-TR", 4800, codeExpense, useExpense, "0", "0", catExempt),
		g.code("Mileage", "Mileage at the agreed rate", "4810-MI", 4810, codeExpense, useExpense, "0.6700", "0", catExempt),
		g.code("Meals & Subsistence", "Meals while on site", "4820-ME", 4820, codeExpense, useExpense, "0", "0", catReduced),
	}
	r.recurring = []billingCode{
		g.code("Managed Workstation", "Per device per month", "4300-MW", 4300, codeRecurring, useRecurring, "45.0000", "12.5000", catSoftware),
		g.code("Managed Server", "Per server per month", "4300-MS", 4300, codeRecurring, useRecurring, "189.0000", "41.2500", catSoftware),
		g.code("Microsoft 365 Business Premium", "Per user per month (NCE annual)", "4310-M365", 4310, codeRecurring, useRecurring, "22.0000", "19.8000", catSoftware),
		g.code("Cloud Backup", "Per TB per month", "4320-BK", 4320, codeRecurring, useRecurring, "79.9900", "31.0000", catSoftware),
	}
	r.milestone = g.code("Project Milestone", "Fixed-price project milestone", "4150-MS", 4150, codeMilestone, useMilestone, "0", "0", catLabor)
}

func (g *gen) products() {
	hw, sw := g.ref.material["hardware"], g.ref.material["software"]
	loc := g.next("InventoryLocations")
	g.ref.invLocation = loc
	g.add("InventoryLocations", autotasksim.Record{"id": n(loc), "locationName": "Main Warehouse", "isActive": true, "isDefault": true, "resourceID": nil})
	g.add("InventoryLocations", autotasksim.Record{"id": n(g.next("InventoryLocations")), "locationName": "Van Stock – Dana", "isActive": true, "isDefault": false, "resourceID": n(g.ref.resources[0])})
	for _, p := range []struct {
		name, sku, price, cost string
		soft                   bool
	}{
		{"Dell Latitude 7450 Laptop (each)", "DL-7450-I7", "1489.0000", "1212.5500", false},
		{"Dell 27\" Monitor P2723D (each)", "DL-P2723D", "289.9900", "221.3000", false},
		{"Cat6 Patch Cable 2 m (box of 10)", "CAT6-2M-10", "34.5000", "12.7500", false},
		{"Fibre OM4 LC-LC (per metre)", "OM4-LCLC-M", "3.1250", "1.0625", false},
		{"Ubiquiti U6 Pro Access Point (each)", "UBNT-U6PRO", "189.0000", "149.0000", false},
		{"HP 59A Toner Cartridge (each)", "HP-CF259A", "139.4900", "98.1000", false},
		{"Microsoft 365 E3 (per user / month)", "MS-365-E3", "39.6000", "36.0000", true},
		{"SentinelOne Complete (per endpoint / month)", "S1-COMPLETE", "8.7500", "5.2500", true},
		{"Veeam Backup for M365 (per user / year)", "VEEAM-M365-Y", "31.2000", "24.0000", true},
		{"SSL Certificate – Wildcard (per year)", "SSL-WILD-1Y", "249.0000", "89.0000", true},
	} {
		code := hw
		if p.soft {
			code = sw
		}
		pr := product{id: g.next("Products"), name: p.name, sku: p.sku, price: dec(p.price), cost: dec(p.cost), code: code}
		g.ref.products = append(g.ref.products, pr)
		g.add("Products", autotasksim.Record{"id": n(pr.id), "name": p.name, "description": p.name, "sku": p.sku,
			"unitPrice": amt(pr.price), "unitCost": amt(pr.cost), "msrp": amt(pr.price.Mul(dec("1.15")).Round(2)),
			"productBillingCodeID": n(code.id), "chargeBillingCodeID": nil, "isActive": true, "isSerialized": !p.soft,
			"productCategory": n(1), "periodType": nil, "billingType": nil, "doesNotRequireProcurement": p.soft,
			"manufacturerName": nil, "createdTime": ts(g.start.AddDate(-1, 0, 0)), "userDefinedFields": []any{}})
		if !p.soft {
			g.add("InventoryItems", autotasksim.Record{"id": n(g.next("InventoryItems")), "productID": n(pr.id), "inventoryLocationID": n(loc),
				"quantityOnHand": n(g.rng.Int64N(40)), "quantityMinimum": n(2), "quantityMaximum": n(50), "quantityOnOrder": n(0),
				"quantityReserved": n(0), "quantityPicked": n(0), "backOrderQuantity": n(0), "bin": "A-" + itoa(int64(len(g.ref.products)))})
		}
	}
}

// priceIn converts an internal-currency (USD) price to the customer's
// currency, rounded to 4 decimals like Autotask's stored rates.
func priceIn(internal money.Decimal, c currency) money.Decimal {
	return internal.Mul(c.rate).Round(4)
}
