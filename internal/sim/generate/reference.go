package generate

import (
	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// Tax categories, in the order they are created.
const (
	catLabor = iota
	catHardware
	catSoftware
	catExempt
	catReduced
	numCategories
)

type currency struct {
	id   int64
	code string
	rate money.Decimal // customer currency per 1 internal (USD)
}

type country struct {
	id         int64
	code, name string
	currency   int // index into refs.currencies
}

type taxRegion struct {
	id      int64
	name    string
	country string
	rates   [numCategories]money.Decimal // total rate per category (0.0875 = 8.75 %)
}

type billingCode struct {
	id          int64
	name        string
	rate        money.Decimal
	cost        money.Decimal
	taxCategory int
}

type product struct {
	id          int64
	name, sku   string
	price, cost money.Decimal
	code        billingCode
}

type role struct {
	id   int64
	name string
	rate money.Decimal // role rate overrides the work type's when set
}

// refs is the tenant's reference data.
type refs struct {
	currencies   []currency
	countries    []country
	regions      []taxRegion
	categories   [numCategories]int64
	terms        []int64 // PaymentTerms ids: due on receipt, net 15, 30, 60
	termDays     []int
	orgAssoc     [3][3]int64 // [level1][level2]
	resources    []int64
	roles        []role
	workTypes    []billingCode
	material     map[string]billingCode
	expenseCodes []billingCode
	recurring    []billingCode
	milestone    billingCode
	products     []product
	invLocation  int64
}

func (g *gen) references() {
	r := &g.ref
	for _, c := range []struct{ code, name, rate, sym string }{
		{"USD", "US Dollar", "1.0000", "36"}, {"EUR", "Euro", "0.9215", "8364"}, {"GBP", "Pound Sterling", "0.7864", "163"},
		{"AUD", "Australian Dollar", "1.5123", "36"}, {"CAD", "Canadian Dollar", "1.3650", "36"}, {"JPY", "日本円 Japanese Yen", "156.4200", "165"},
	} {
		id := g.next("Currencies")
		r.currencies = append(r.currencies, currency{id: id, code: c.code, rate: dec(c.rate)})
		g.add("Currencies", autotasksim.Record{"id": n(id), "name": c.code, "description": c.name, "exchangeRate": amt(dec(c.rate)),
			"isInternalCurrency": c.code == "USD", "isActive": true, "displaySymbol": intOf(c.sym),
			"currencyPositiveFormat": "<symbol><amount>", "currencyNegativeFormat": "-<symbol><amount>",
			"lastModifiedDateTime": ts(g.start.AddDate(0, -2, 3)), "updateResourceId": n(29682885)})
	}
	for _, c := range []struct {
		code, name string
		cur        int
	}{{"US", "United States", 0}, {"GB", "United Kingdom", 2}, {"NL", "Netherlands", 1}, {"DE", "Germany", 1},
		{"AU", "Australia", 3}, {"CA", "Canada", 4}, {"JP", "Japan", 5}} {
		id := g.next("Countries")
		r.countries = append(r.countries, country{id: id, code: c.code, name: c.name, currency: c.cur})
		g.add("Countries", autotasksim.Record{"id": n(id), "countryCode": c.code, "name": c.name, "displayName": c.name,
			"isActive": true, "isDefaultCountry": c.code == "US", "addressFormatID": n(1)})
	}
	for i, c := range []struct{ name, desc string }{
		{"Labor", "Professional services and labour"}, {"Hardware", "Tangible goods"}, {"Software & SaaS", "Licences and subscriptions"},
		{"Non-Taxable", "Exempt supplies"}, {"Reduced Rate", "Reduced-rate supplies"},
	} {
		id := g.next("TaxCategories")
		r.categories[i] = id
		g.add("TaxCategories", autotasksim.Record{"id": n(id), "name": c.name, "description": c.desc, "isActive": true})
	}
	// Each region lists its taxes per category: US states split state and
	// local tax (two Tax records, not compounded); VAT/GST regions have one.
	type tax struct {
		name  string
		rates [numCategories]string
	}
	for _, tr := range []struct {
		name, country string
		taxes         []tax
	}{
		{"New York", "US", []tax{{"NY State Sales Tax", [5]string{"0", "0.04", "0.04", "0", "0"}}, {"NYC Local Tax", [5]string{"0", "0.04875", "0.04875", "0", "0"}}}},
		{"California", "US", []tax{{"CA Sales Tax", [5]string{"0", "0.0725", "0", "0", "0"}}, {"Los Angeles County District Tax", [5]string{"0", "0.0225", "0", "0", "0"}}}},
		{"Texas", "US", []tax{{"TX State Sales Tax", [5]string{"0.0625", "0.0625", "0.0625", "0", "0"}}, {"Austin Local Tax", [5]string{"0.02", "0.02", "0.02", "0", "0"}}}},
		{"Oregon", "US", []tax{{"OR No Sales Tax", [5]string{"0", "0", "0", "0", "0"}}}},
		{"UK VAT", "GB", []tax{{"VAT", [5]string{"0.20", "0.20", "0.20", "0", "0.05"}}}},
		{"Netherlands BTW", "NL", []tax{{"BTW", [5]string{"0.21", "0.21", "0.21", "0", "0.09"}}}},
		{"Deutschland MwSt", "DE", []tax{{"Mehrwertsteuer", [5]string{"0.19", "0.19", "0.19", "0", "0.07"}}}},
		{"Australia GST", "AU", []tax{{"GST", [5]string{"0.10", "0.10", "0.10", "0", "0"}}}},
		{"Canada - Ontario HST", "CA", []tax{{"HST", [5]string{"0.13", "0.13", "0.13", "0", "0"}}}},
		{"Japan Consumption Tax", "JP", []tax{{"消費税 Consumption Tax", [5]string{"0.10", "0.10", "0.10", "0", "0.08"}}}},
	} {
		reg := taxRegion{id: g.next("TaxRegions"), name: tr.name, country: tr.country}
		g.add("TaxRegions", autotasksim.Record{"id": n(reg.id), "name": tr.name, "isActive": true})
		for _, t := range tr.taxes {
			for cat := 0; cat < numCategories; cat++ {
				rate := dec(t.rates[cat])
				reg.rates[cat] = reg.rates[cat].Add(rate)
				g.add("Taxes", autotasksim.Record{"id": n(g.next("Taxes")), "taxRegionID": n(reg.id), "taxCategoryID": n(r.categories[cat]),
					"taxName": t.name, "taxRate": amt(rate.Mul(money.FromInt(100))), "isCompounded": false})
			}
		}
		r.regions = append(r.regions, reg)
	}
	for i, t := range []struct {
		name string
		days int
	}{{"Due on Receipt", 0}, {"Net 15", 15}, {"Net 30", 30}, {"Net 60", 60}} {
		id := g.next("PaymentTerms")
		r.terms, r.termDays = append(r.terms, id), append(r.termDays, t.days)
		g.add("PaymentTerms", autotasksim.Record{"id": n(id), "name": t.name, "description": t.name, "isActive": i < 4, "paymentDueInDays": n(int64(t.days))})
	}
	g.orgLevels()
	g.people()
	g.billingCodes()
	g.products()
}

func (g *gen) orgLevels() {
	var l1, l2 []int64
	for _, name := range []string{"North America", "Europe", "Asia-Pacific"} {
		id := g.next("OrganizationalLevel1s")
		l1 = append(l1, id)
		g.add("OrganizationalLevel1s", autotasksim.Record{"id": n(id), "name": name, "description": name + " region", "isActive": true})
	}
	for _, name := range []string{"Managed Services", "Projects", "Hardware Resale"} {
		id := g.next("OrganizationalLevel2s")
		l2 = append(l2, id)
		g.add("OrganizationalLevel2s", autotasksim.Record{"id": n(id), "name": name, "description": name + " line of business", "isActive": true})
	}
	for i := range l1 {
		for j := range l2 {
			id := g.next("OrganizationalLevelAssociations")
			g.ref.orgAssoc[i][j] = id
			g.add("OrganizationalLevelAssociations", autotasksim.Record{"id": n(id), "organizationalLevel1ID": n(l1[i]), "organizationalLevel2ID": n(l2[j]), "isActive": true})
		}
	}
}

func (g *gen) people() {
	for i, p := range [][2]string{
		{"API", "User"}, {"Dana", "Whitfield"}, {"José", "Núñez"}, {"Zoë", "Ångström"}, {"Priya", "Raghunathan"},
		{"太郎", "田中"}, {"Liam", "O'Connor"}, {"Fatima", "Al-Sayed"}, {"Marek", "Dvořák"}, {"Grace", "Okafor"},
	} {
		id := int64(29682885) // the demo API user's resource
		if i > 0 {
			id = g.next("Resources")
			g.ref.resources = append(g.ref.resources, id)
		}
		g.add("Resources", autotasksim.Record{"id": n(id), "firstName": p[0], "lastName": p[1], "isActive": true,
			"email": emailLocal(p[0]) + "." + emailLocal(p[1]) + "@demo-msp.example", "userName": emailLocal(p[0]) + emailLocal(p[1]),
			"resourceType": "Employee", "licenseType": n(1), "userType": n(1), "internalCost": amt(g.cents(35, 85)),
			"hireDate": ts(g.start.AddDate(-1-i%5, -i, 0)), "title": pick(g, []string{"Service Desk Engineer", "Systems Engineer", "vCIO", "Project Manager"})})
	}
	for i, r := range []struct{ name, rate string }{
		{"Service Desk L1", "110.0000"}, {"Service Desk L2", "137.3250"}, {"Senior Engineer", "175.0000"},
		{"Project Manager", "162.5000"}, {"Virtual CIO", "225.0000"},
	} {
		g.ref.roles = append(g.ref.roles, role{id: 29683461 + int64(i), name: r.name, rate: dec(r.rate)})
	}
}

func emailLocal(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			out = append(out, r|0x20)
		}
	}
	if len(out) == 0 {
		return "staff"
	}
	return string(out)
}

// intOf turns a literal integer string into a JSON number.
func intOf(s string) any { return n(parseInt(s)) }

func parseInt(s string) int64 {
	var v int64
	for _, r := range s {
		v = v*10 + int64(r-'0')
	}
	return v
}
