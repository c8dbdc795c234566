package generate

import (
	"fmt"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

type company struct {
	id        int64
	name      string
	country   country
	currency  currency
	region    taxRegion
	taxExempt bool
	term      int // index into refs.terms
	orgL1     int
	contract  int64 // recurring service agreement
	services  []service
	block     int64 // block hours contract (0 = none)
	retainer  int64
	project   int64 // fixed-price project contract
	location  int64
}

type service struct {
	id   int64
	code billingCode
	qty  int64
}

var companyNames = []string{
	"Acme Widgets Inc.", "Bäckerei Müller GmbH", "Café Crème Holdings", "Northwind Traders", "Contoso Group",
	"Fabrikam Dental", "Tailspin Toys", "Wingtip Logistics", "Adventure Works Cycles", "Litware Legal LLP",
	"Proseware Accountancy", "Lucerne Publishing", "Margie's Travel", "Trey Research", "Coho Winery",
	"Fourth Coffee", "Alpine Ski House", "Blue Yonder Airlines", "Humongous Insurance", "Woodgrove Bank",
	"Graphic Design Institute", "School of Fine Art", "Wide World Importers", "Southridge Video", "City Power & Light",
	"Consolidated Messenger", "Relecloud", "VanArsdel Ltd", "Datum Corporation", "Nod Publishers",
	"株式会社サクラ商事", "Smørrebrød & Søn ApS", "Ørsted Værktøj", "Żabka Serwis Sp. z o.o.", "Électricité Générale SARL",
}

// regionsFor maps a country code to its tax regions' indexes in refs.regions.
func (g *gen) regionsFor(code string) []taxRegion {
	var out []taxRegion
	for _, r := range g.ref.regions {
		if r.country == code {
			out = append(out, r)
		}
	}
	return out
}

func (g *gen) makeCompanies() {
	// Vendors for purchase orders come first.
	for _, v := range []string{"Ingram Micro", "TD SYNNEX", "Amazon Business"} {
		g.add("Companies", autotasksim.Record{"id": n(g.next("Companies")), "companyName": v, "companyType": n(7), "isActive": true,
			"countryID": n(g.ref.countries[0].id), "currencyID": n(g.ref.currencies[0].id), "phone": "+1 800 555 0100",
			"taxRegionID": nil, "isTaxExempt": false, "parentCompanyID": nil, "invoiceMethod": n(1), "userDefinedFields": []any{}})
	}
	countryWeights := []int{0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6} // mostly US
	for i := 0; i < g.opts.Companies; i++ {
		ci := countryWeights[g.rng.IntN(len(countryWeights))]
		if i < 7 {
			ci = i // every country appears at least once
		}
		ctry := g.ref.countries[ci]
		c := company{
			id: g.next("Companies"), country: ctry, currency: g.ref.currencies[ctry.currency],
			region: pick(g, g.regionsFor(ctry.code)), term: g.rng.IntN(4), taxExempt: i%17 == 9,
			orgL1: map[string]int{"US": 0, "CA": 0, "GB": 1, "NL": 1, "DE": 1, "AU": 2, "JP": 2}[ctry.code],
		}
		c.name = companyNames[i%len(companyNames)]
		if i >= len(companyNames) {
			c.name = fmt.Sprintf("%s (%d)", c.name, i/len(companyNames)+1)
		}
		var parent any
		// Contoso has subsidiaries: the next two companies roll up to it.
		if i == 5 || i == 6 {
			parent = n(g.companies[4].id)
			c.name = []string{"Contoso UK Ltd", "Contoso Deutschland GmbH"}[i-5]
		}
		g.companyLocations(&c)
		udf := []any{map[string]any{"name": "Ledger Routing", "value": []string{"Xero", "QuickBooks Online", "Exact Online"}[c.orgL1]}}
		g.add("Companies", autotasksim.Record{
			"id": n(c.id), "companyName": c.name, "companyNumber": fmt.Sprintf("C%05d", i+1), "companyType": n(1),
			"isActive": i%23 != 22, "phone": fmt.Sprintf("+%d 555 %04d", 1+ci, g.rng.IntN(10000)),
			"address1": fmt.Sprintf("%d High Street", 1+g.rng.IntN(300)), "address2": "", "city": cityOf(ctry.code),
			"state": stateOf(c.region), "postalCode": fmt.Sprintf("%05d", g.rng.IntN(99999)), "countryID": n(ctry.id),
			"taxRegionID": n(c.region.id), "isTaxExempt": c.taxExempt, "taxID": taxIDOf(ctry.code, i),
			"currencyID": n(c.currency.id), "invoiceMethod": n(int64(1 + i%3)), "parentCompanyID": parent,
			"billToCompanyLocationID": n(c.location), "billToAddressToUse": n(1), "billingAddress1": "Accounts Payable, PO Box " + itoa(int64(100+i)),
			"billToCity": cityOf(ctry.code), "billToCountryID": n(ctry.id), "billToAttention": "Accounts Payable",
			"invoiceNonContractItemsToParentCompany": parent != nil, "createDate": ts(g.start.AddDate(-2, i%12, 0)),
			"webAddress": fmt.Sprintf("https://customer%d.example", i+1), "classification": n(int64(1 + i%3)),
			"userDefinedFields": udf,
		})
		g.contacts(c, i)
		g.contracts(&c)
		g.companies = append(g.companies, c)
	}
}

func (g *gen) companyLocations(c *company) {
	c.location = g.next("CompanyLocations")
	g.add("CompanyLocations", autotasksim.Record{"id": n(c.location), "companyID": n(c.id), "name": "Head Office", "isPrimary": true,
		"isActive": true, "address1": "1 Main Street", "city": cityOf(c.country.code), "countryID": n(c.country.id),
		"postalCode": "10001", "state": stateOf(c.region), "taxRegionID": n(c.region.id), "isTaxExempt": c.taxExempt,
		"overrideCompanyTaxSettings": false, "roundtripDistance": amt(dec("12.5000"))})
	if g.rng.IntN(3) == 0 {
		g.add("CompanyLocations", autotasksim.Record{"id": n(g.next("CompanyLocations")), "companyID": n(c.id), "name": "Branch Office",
			"isPrimary": false, "isActive": true, "address1": "77 Side Road", "city": cityOf(c.country.code), "countryID": n(c.country.id),
			"taxRegionID": n(c.region.id), "isTaxExempt": false, "overrideCompanyTaxSettings": false})
	}
}

// contacts adds 1–3 contacts; company index 2 deliberately has no e-mail
// address on any contact (invoices must then go by post or fail clearly).
func (g *gen) contacts(c company, i int) {
	first := []string{"Anna", "Björn", "Chloé", "Dmitri", "Elif", "Fernando", "Hannah", "Ivo", "Kenji", "Léa"}
	last := []string{"Smith", "Jäger", "Dupont", "Ivanova", "Yılmaz", "García", "Brown", "de Vries", "Sato", "Lefèvre"}
	count := 1 + g.rng.IntN(3)
	for k := 0; k < count; k++ {
		fn, ln := pick(g, first), pick(g, last)
		var email any = fmt.Sprintf("%s.%s%d@customer%d.example", emailLocal(fn), emailLocal(ln), k, i+1)
		if i == 2 {
			email = nil
		}
		g.add("Contacts", autotasksim.Record{"id": n(g.next("Contacts")), "companyID": n(c.id), "firstName": fn, "lastName": ln,
			"emailAddress": email, "phone": "+1 555 0100", "isActive": n(1), "primaryContact": k == 0, "billingContact": k == count-1,
			"companyLocationID": n(c.location), "countryID": n(c.country.id), "title": pick(g, []string{"Office Manager", "CFO", "IT Lead", "Owner"}),
			"createDate": ts(g.start.AddDate(-1, 0, k)), "userDefinedFields": []any{}})
	}
}

func (g *gen) contracts(c *company) {
	newContract := func(name string, ctype int64, l2 int, setup any) int64 {
		id := g.next("Contracts")
		g.add("Contracts", autotasksim.Record{"id": n(id), "companyID": n(c.id), "contractName": name, "contractNumber": fmt.Sprintf("AG-%d", id),
			"contractType": n(ctype), "status": n(1), "startDate": ts(g.start.AddDate(-1, 0, 0)), "endDate": ts(g.start.AddDate(1, 0, -1)),
			"isDefaultContract": ctype == 1, "setupFee": setup, "purchaseOrderNumber": "", "contractPeriodType": n(1),
			"organizationalLevelAssociationID": n(g.ref.orgAssoc[c.orgL1][l2]), "userDefinedFields": []any{}})
		return id
	}
	c.contract = newContract("Managed Services Agreement", 7, 0, amt(dec("500.0000")))
	for _, code := range g.ref.recurring {
		if g.rng.IntN(2) == 0 && len(c.services) > 0 {
			continue
		}
		s := service{id: g.next("ContractServices"), code: code, qty: 1 + g.rng.Int64N(40)}
		c.services = append(c.services, s)
		g.add("ContractServices", autotasksim.Record{"id": n(s.id), "contractID": n(c.contract), "serviceID": n(code.id + 1000),
			"unitPrice": amt(priceIn(code.rate, c.currency)), "unitCost": amt(code.cost), "internalCurrencyUnitPrice": amt(code.rate),
			"internalCurrencyAdjustedPrice": amt(code.rate), "invoiceDescription": code.name, "internalDescription": ""})
	}
	if g.rng.IntN(3) == 0 {
		c.block = newContract("Block Hours 20h", 4, 0, nil)
	}
	if g.rng.IntN(4) == 0 {
		c.retainer = newContract("Monthly Retainer", 6, 0, nil)
	}
	if g.rng.IntN(3) == 0 {
		c.project = newContract("Office Move – Fixed Price", 3, 1, nil)
	}
}

func cityOf(code string) string {
	return map[string]string{"US": "Springfield", "GB": "Manchester", "NL": "Utrecht", "DE": "München", "AU": "Brisbane",
		"CA": "Toronto", "JP": "大阪市"}[code]
}

func stateOf(r taxRegion) string {
	return map[string]string{"New York": "NY", "California": "CA", "Texas": "TX", "Oregon": "OR", "Canada - Ontario HST": "ON",
		"Australia GST": "QLD"}[r.name]
}

func taxIDOf(code string, i int) string {
	switch code {
	case "GB":
		return fmt.Sprintf("GB%09d", 100000000+i*7919)
	case "NL":
		return fmt.Sprintf("NL%09dB01", 800000000+i)
	case "DE":
		return fmt.Sprintf("DE%09d", 300000000+i)
	case "AU":
		return fmt.Sprintf("%011d", 51824753556+int64(i))
	}
	return ""
}
