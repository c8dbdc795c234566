package qbosim

import (
	"time"
)

// seedRealm builds a new company's books: the accounts, terms, tax
// agencies, rates and codes of its country, and a service item.
func seedRealm(c Company, now time.Time) *realm {
	rm := &realm{Company: c, CustomTxnNumbers: true, Entities: map[string]map[string]obj{}, NextDoc: 1000}
	ts := qboTime(now)
	add := func(entity string, o obj) string {
		id, _ := o["Id"].(string)
		if id == "" {
			rm.NextID++
			id = itoa(rm.NextID)
		}
		o["Id"], o["SyncToken"], o["domain"], o["sparse"] = id, "0", "QBO", false
		o["MetaData"] = map[string]any{"CreateTime": ts, "LastUpdatedTime": ts}
		if rm.Entities[entity] == nil {
			rm.Entities[entity] = map[string]obj{}
		}
		rm.Entities[entity][id] = o
		return id
	}
	account := func(name, typ string) string {
		return add("Account", obj{"Name": name, "FullyQualifiedName": name, "AccountType": typ, "Active": true,
			"CurrentBalance": zero2(), "CurrencyRef": map[string]any{"value": c.HomeCurrency}})
	}
	income := account("Services", "Income")
	account("Sales of Product Income", "Income")
	account("Cost of Goods Sold", "Cost of Goods Sold")
	account("Inventory Asset", "Other Current Asset")
	account("Accounts Receivable (A/R)", "Accounts Receivable")
	account("Accounts Payable (A/P)", "Accounts Payable")
	account("Undeposited Funds", "Other Current Asset")
	account("Office Expenses", "Expense")
	for _, t := range []struct {
		name string
		days int
	}{{"Due on receipt", 0}, {"Net 15", 15}, {"Net 30", 30}} {
		add("Term", obj{"Name": t.name, "DueDays": jsonNum(itoa(t.days)), "Type": "STANDARD", "Active": true})
	}
	item := obj{"Name": "Services", "FullyQualifiedName": "Services", "Type": "Service", "Active": true,
		"IncomeAccountRef": map[string]any{"value": income, "name": "Services"}}
	seedTax(rm, add, item)
	add("Item", item)
	return rm
}

// seedTax creates the tax setup of the company's country.
func seedTax(rm *realm, add func(string, obj) string, serviceItem obj) {
	type rate struct {
		name, value string
	}
	code := func(name string, rateIDs ...string) string {
		var details []any
		for _, id := range rateIDs {
			details = append(details, map[string]any{"TaxRateRef": map[string]any{"value": id}, "TaxTypeApplicable": "TaxOnAmount", "TaxOrder": 0})
		}
		return add("TaxCode", obj{"Name": name, "Description": name, "Active": true, "Taxable": len(rateIDs) > 0, "TaxGroup": len(rateIDs) > 1,
			"SalesTaxRateList": map[string]any{"TaxRateDetail": details}, "PurchaseTaxRateList": map[string]any{"TaxRateDetail": []any{}}})
	}
	agencyRates := func(agency string, rates ...rate) []string {
		ag := add("TaxAgency", obj{"DisplayName": agency, "TaxTrackedOnSales": true, "TaxTrackedOnPurchases": false})
		var ids []string
		for _, r := range rates {
			ids = append(ids, add("TaxRate", obj{"Name": r.name, "Description": r.name, "Active": true, "RateValue": jsonNum(r.value),
				"AgencyRef": map[string]any{"value": ag}, "SpecialTaxType": "NONE", "DisplayType": "ReadOnly"}))
		}
		return ids
	}
	switch rm.Company.Country {
	case "US":
		add("TaxCode", obj{"Id": "TAX", "Name": "TAX", "Description": "TAX", "Active": true, "Taxable": true, "TaxGroup": false})
		add("TaxCode", obj{"Id": "NON", "Name": "NON", "Description": "NON", "Active": true, "Taxable": false, "TaxGroup": false})
		ids := agencyRates("New York State Department of Taxation and Finance", rate{"NY State", "4"}, rate{"NYC", "4.875"})
		rm.AutomatedSalesTax = true
		rm.DefaultTaxCode = code("New York City", ids...)
		serviceItem["Taxable"] = true
	case "GB":
		ids := agencyRates("HM Revenue & Customs", rate{"20.0% S", "20"}, rate{"5.0% R", "5"}, rate{"0.0% Z", "0"})
		code("20.0% S", ids[0])
		code("5.0% R", ids[1])
		code("0.0% Z", ids[2])
	case "CA":
		ids := agencyRates("Canada Revenue Agency", rate{"GST", "5"}, rate{"HST ON", "13"}, rate{"Zero-rated", "0"})
		code("GST", ids[0])
		code("HST ON", ids[1])
		code("Zero-rated", ids[2])
	case "AU":
		ids := agencyRates("Australian Taxation Office", rate{"GST", "10"}, rate{"GST free", "0"})
		code("GST", ids[0])
		code("GST free", ids[1])
	default:
		ids := agencyRates("Tax authority", rate{"Standard", "10"}, rate{"Zero", "0"})
		code("Standard", ids[0])
		code("Zero", ids[1])
	}
}

// companyInfo is the CompanyInfo entity of a realm.
func companyInfo(rm *realm) obj {
	c := rm.Company
	return obj{"Id": "1", "SyncToken": "0", "CompanyName": c.Name, "LegalName": c.Name, "Country": c.Country,
		"CompanyAddr": map[string]any{"Country": c.Country}, "SupportedLanguages": "en", "domain": "QBO", "sparse": false}
}

// preferences is the subset of Preferences a client needs to decide how to
// post: custom transaction numbers, currency and tax settings.
func preferences(rm *realm) obj {
	c := rm.Company
	return obj{"Id": "1", "SyncToken": "0", "domain": "QBO", "sparse": false,
		"SalesFormsPrefs": map[string]any{"CustomTxnNumbers": rm.CustomTxnNumbers},
		"CurrencyPrefs":   map[string]any{"MultiCurrencyEnabled": c.MultiCurrency, "HomeCurrency": map[string]any{"value": c.HomeCurrency}},
		"TaxPrefs":        map[string]any{"UsingSalesTax": true, "PartnerTaxEnabled": rm.AutomatedSalesTax},
	}
}
