package xerosim

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// seedOrg gives a new organisation the settings a fresh Xero organisation
// has in its country: a chart of accounts, tax rates, two tracking categories
// (Region, and Line of Business with the demo's lines of business),
// branding themes and its base currency.
func seedOrg(o Org, now time.Time) *orgData {
	d := &orgData{Org: o, Counters: map[string]int{"INV": 1, "CN": 1, "PO": 1}}
	ts := msDate{now}
	sales, purchases := salesTax(o.CountryCode)
	acc := func(code, name, typ, class, system, tax string, pay bool) {
		d.Accounts = append(d.Accounts, &Account{AccountID: newID(), Code: code, Name: name, Type: typ, Class: class,
			SystemAccount: system, TaxType: tax, Status: "ACTIVE", EnablePaymentsToAccount: pay, UpdatedDateUTC: ts})
	}
	acc("090", "Business Bank Account", "BANK", "ASSET", "", "NONE", false)
	acc("200", "Sales", "REVENUE", "REVENUE", "", sales, false)
	acc("260", "Other Revenue", "REVENUE", "REVENUE", "", sales, false)
	acc("310", "Cost of Goods Sold", "DIRECTCOSTS", "EXPENSE", "", purchases, false)
	acc("429", "General Expenses", "EXPENSE", "EXPENSE", "", purchases, false)
	acc("630", "Inventory", "INVENTORY", "ASSET", "", "NONE", false)
	acc("610", "Accounts Receivable", "CURRENT", "ASSET", "DEBTORS", "NONE", false)
	acc("800", "Accounts Payable", "CURRLIAB", "LIABILITY", "CREDITORS", "NONE", false)
	acc("820", "Sales Tax", "CURRLIAB", "LIABILITY", "GST", "NONE", false)
	acc("860", "Rounding", "CURRLIAB", "LIABILITY", "ROUNDING", "NONE", false)
	acc("877", "Tracking Transfers", "CURRENT", "ASSET", "", "NONE", true)
	d.TaxRates = taxRates(o.CountryCode)
	for i, t := range o.TaxRates {
		typ := t.TaxType
		if typ == "" {
			typ = fmt.Sprintf("TAX%03d", i+2)
		}
		r := money.MustParse(t.Rate)
		d.TaxRates = append(d.TaxRates, &TaxRate{Name: t.Name, TaxType: typ, Status: "ACTIVE", CanApplyToRevenue: true,
			DisplayTaxRate: r, EffectiveRate: r, TaxComponents: []TaxComponent{{Name: t.Name, Rate: r}}})
	}
	d.TrackingCategories = []*TrackingCategory{{TrackingCategoryID: newID(), Name: "Region", Status: "ACTIVE", Options: []TrackingOption{
		{TrackingOptionID: newID(), Name: "North", Status: "ACTIVE"},
		{TrackingOptionID: newID(), Name: "South", Status: "ACTIVE"},
	}}, {TrackingCategoryID: newID(), Name: "Line of Business", Status: "ACTIVE", Options: []TrackingOption{
		// The generated Autotask month's lines of business, and one retired.
		{TrackingOptionID: newID(), Name: "Managed Services", Status: "ACTIVE"},
		{TrackingOptionID: newID(), Name: "Projects", Status: "ACTIVE"},
		{TrackingOptionID: newID(), Name: "Hardware Resale", Status: "ACTIVE"},
		{TrackingOptionID: newID(), Name: "Legacy Support", Status: "ARCHIVED"},
	}}}
	d.BrandingThemes = []*BrandingTheme{
		{BrandingThemeID: newID(), Name: "Standard", Type: "INVOICE", SortOrder: 0, CreatedDateUTC: ts},
		{BrandingThemeID: newID(), Name: "Special Projects", Type: "INVOICE", SortOrder: 1, CreatedDateUTC: ts},
	}
	d.Currencies = []*Currency{{Code: o.BaseCurrency, Description: o.BaseCurrency}}
	for _, code := range o.Currencies {
		if code != o.BaseCurrency {
			d.Currencies = append(d.Currencies, &Currency{Code: code, Description: code})
		}
	}
	return d
}

// salesTax names the default sales and purchase tax types of a country.
func salesTax(country string) (sales, purchases string) {
	switch country {
	case "GB", "NZ":
		return "OUTPUT2", "INPUT2"
	case "US":
		return "TAX001", "NONE"
	default:
		return "OUTPUT", "INPUT"
	}
}

func taxRates(country string) []*TaxRate {
	rate := func(name, typ, pct string, revenue, expenses bool) *TaxRate {
		r := money.MustParse(pct)
		return &TaxRate{Name: name, TaxType: typ, Status: "ACTIVE", CanApplyToRevenue: revenue, CanApplyToExpenses: expenses,
			DisplayTaxRate: r, EffectiveRate: r, TaxComponents: []TaxComponent{{Name: name, Rate: r}}}
	}
	switch country {
	case "GB":
		return []*TaxRate{
			rate("20% (VAT on Income)", "OUTPUT2", "20.0000", true, false),
			rate("20% (VAT on Expenses)", "INPUT2", "20.0000", false, true),
			rate("5% (VAT on Income)", "RROUTPUT", "5.0000", true, false),
			rate("Zero Rated Income", "ZERORATEDOUTPUT", "0.0000", true, false),
			rate("Exempt Income", "EXEMPTOUTPUT", "0.0000", true, false),
			rate("No VAT", "NONE", "0.0000", true, true),
		}
	case "NZ":
		return []*TaxRate{
			rate("15% GST on Income", "OUTPUT2", "15.0000", true, false),
			rate("15% GST on Expenses", "INPUT2", "15.0000", false, true),
			rate("Zero Rated", "ZERORATED", "0.0000", true, true),
			rate("No GST", "NONE", "0.0000", true, true),
		}
	case "US":
		return []*TaxRate{
			rate("Sales Tax", "TAX001", "8.2500", true, false),
			rate("Tax Exempt", "NONE", "0.0000", true, true),
		}
	default: // AU and the rest
		return []*TaxRate{
			rate("GST on Income", "OUTPUT", "10.0000", true, false),
			rate("GST on Expenses", "INPUT", "10.0000", false, true),
			rate("GST Free Income", "EXEMPTOUTPUT", "0.0000", true, false),
			rate("BAS Excluded", "BASEXCLUDED", "0.0000", true, true),
			rate("No GST", "NONE", "0.0000", true, true),
		}
	}
}
