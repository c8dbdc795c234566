package xerosim

import (
	"net/http"
	"strings"
)

// getSettings serves the read-only setup lists: Accounts, TaxRates,
// TrackingCategories, BrandingThemes and Currencies (no paging, as at Xero).
func (c *call) getSettings() {
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	name := c.parts[0]
	var list []any
	var idOf func(v any) string
	switch name {
	case "Accounts":
		for _, a := range c.org.Accounts {
			list = append(list, a)
		}
		idOf = func(v any) string { return v.(*Account).AccountID }
	case "TaxRates":
		for _, t := range c.org.TaxRates {
			list = append(list, t)
		}
		idOf = func(v any) string { return v.(*TaxRate).TaxType }
	case "TrackingCategories":
		// Without includeArchived, archived categories and options are left out.
		all := c.q.Get("includeArchived") == "true"
		for _, t := range c.org.TrackingCategories {
			if t.Status == "DELETED" || (t.Status != "ACTIVE" && !all) {
				continue
			}
			cp := *t
			cp.Options = []TrackingOption{}
			for _, o := range t.Options {
				if o.Status == "ACTIVE" || (all && o.Status == "ARCHIVED") {
					cp.Options = append(cp.Options, o)
				}
			}
			list = append(list, &cp)
		}
		idOf = func(v any) string { return v.(*TrackingCategory).TrackingCategoryID }
	case "BrandingThemes":
		for _, b := range c.org.BrandingThemes {
			list = append(list, b)
		}
		idOf = func(v any) string { return v.(*BrandingTheme).BrandingThemeID }
	case "Currencies":
		for _, cu := range c.org.Currencies {
			list = append(list, cu)
		}
		idOf = func(v any) string { return v.(*Currency).Code }
	}
	out := []any{}
	for _, v := range list {
		if len(c.parts) == 2 && !strings.EqualFold(idOf(v), c.parts[1]) {
			continue
		}
		if matches(v, where) {
			out = append(out, v)
		}
	}
	if len(c.parts) == 2 && len(out) == 0 {
		c.notFound()
		return
	}
	c.ok(name, out, nil)
}

func (c *call) hasCurrency(code string) bool {
	for _, cu := range c.org.Currencies {
		if cu.Code == code {
			return true
		}
	}
	return false
}

func (c *call) taxRate(taxType string) *TaxRate {
	for _, t := range c.org.TaxRates {
		if t.TaxType == taxType && t.Status == "ACTIVE" {
			return t
		}
	}
	return nil
}

func (c *call) account(code string) *Account {
	for _, a := range c.org.Accounts {
		if a.Code == code && a.Status == "ACTIVE" {
			return a
		}
	}
	return nil
}

// getOrganisation answers GET Organisation with the connected organisation.
func (c *call) getOrganisation() {
	o := c.org.Org
	version := "GLOBAL"
	switch o.CountryCode {
	case "US", "GB", "AU", "NZ":
		version = o.CountryCode
	}
	c.ok("Organisations", []map[string]any{{
		"OrganisationID": o.TenantID, "Name": o.Name, "LegalName": o.Name, "PaysTax": true, "Version": version,
		"OrganisationType": "COMPANY", "BaseCurrency": o.BaseCurrency, "CountryCode": o.CountryCode,
		"IsDemoCompany": false, "OrganisationStatus": "ACTIVE",
	}}, nil)
}
