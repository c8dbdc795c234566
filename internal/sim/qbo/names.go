package qbosim

import (
	"strings"
)

// nameTaken reports whether name is used by another object of the given
// entities (case-insensitive; inactive objects count, as at QBO).
func nameTaken(rm *realm, field, name, selfEntity, selfID string, in ...string) bool {
	for _, e := range in {
		for id, o := range rm.Entities[e] {
			if e == selfEntity && id == selfID {
				continue
			}
			if n, _ := o[field].(string); strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(name)) {
				return true
			}
		}
	}
	return false
}

func selfID(old obj) string {
	if old == nil {
		return ""
	}
	id, _ := old["Id"].(string)
	return id
}

// prepareDisplayName checks a Customer, Vendor or TaxAgency: DisplayName
// (derived from the name parts when absent) unique across customers,
// vendors and employees.
func prepareDisplayName(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	dn, _ := o["DisplayName"].(string)
	if strings.TrimSpace(dn) == "" {
		var parts []string
		for _, k := range []string{"Title", "GivenName", "MiddleName", "FamilyName", "Suffix"} {
			if v, _ := o[k].(string); v != "" {
				parts = append(parts, v)
			}
		}
		dn = strings.Join(parts, " ")
		if dn == "" {
			dn, _ = o["CompanyName"].(string)
		}
		if dn == "" {
			return errRequired("DisplayName")
		}
		if len([]rune(dn)) > 500 {
			return errTooLong("DisplayName", 500, len([]rune(dn)))
		}
	}
	if strings.Contains(dn, ":") {
		return validation("2040", "Invalid Character", "The DisplayName may not contain a colon (:)", "DisplayName")
	}
	if nameTaken(rm, "DisplayName", dn, entity, selfID(old), "Customer", "Vendor", "Employee") {
		return errDuplicateName("customer, vendor or employee")
	}
	o["DisplayName"] = dn
	if entity == "Customer" {
		o["FullyQualifiedName"] = dn
	}
	if _, ok := o["Active"]; !ok {
		o["Active"] = true
	}
	cur := ref(o, "CurrencyRef")
	switch {
	case cur == "":
		o["CurrencyRef"] = map[string]any{"value": rm.Company.HomeCurrency}
	case cur != rm.Company.HomeCurrency && !rm.Company.MultiCurrency:
		return errBusiness("Multicurrency is off for this company; CurrencyRef must be "+rm.Company.HomeCurrency, "CurrencyRef")
	case old != nil && ref(old, "CurrencyRef") != "" && ref(old, "CurrencyRef") != cur:
		return errBusiness("You can't change the currency of a customer or vendor", "CurrencyRef")
	}
	if t := ref(o, "SalesTermRef"); t != "" && lookup(rm, "Term", t) == nil {
		return errInvalidRef("SalesTermRef", t)
	}
	if old == nil {
		o["Balance"] = zero2()
	} else {
		o["Balance"] = old["Balance"]
	}
	return nil
}

// prepareItem checks an Item: Name unique among items, a Type, and the
// accounts each type needs.
func prepareItem(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	name, _ := o["Name"].(string)
	if strings.TrimSpace(name) == "" {
		return errRequired("Name")
	}
	if nameTaken(rm, "Name", name, "Item", selfID(old), "Item") {
		return errDuplicateName("product or service")
	}
	typ, _ := o["Type"].(string)
	var need []string
	switch typ {
	case "Service", "NonInventory":
		need = []string{"IncomeAccountRef"}
	case "Inventory":
		need = []string{"IncomeAccountRef", "ExpenseAccountRef", "AssetAccountRef"}
		if o["QtyOnHand"] == nil {
			return errRequired("QtyOnHand")
		}
		if o["InvStartDate"] == nil {
			return errRequired("InvStartDate")
		}
		o["TrackQtyOnHand"] = true
	case "":
		return errRequired("Type")
	default:
		return errBusiness("Item Type "+typ+" cannot be created through this API", "Type")
	}
	for _, f := range need {
		id := ref(o, f)
		if id == "" {
			return errRequired(f)
		}
		if a := lookup(rm, "Account", id); a == nil || !active(a) {
			return errInvalidRef(f, id)
		}
	}
	if _, ok := o["Active"]; !ok {
		o["Active"] = true
	}
	o["FullyQualifiedName"] = name
	return nil
}

// prepareAccount checks an Account: Name unique, AccountType required.
func prepareAccount(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	if f := prepareNamed("Name")(s, rm, entity, o, old); f != nil {
		return f
	}
	if o["AccountType"] == nil {
		return errRequired("AccountType")
	}
	o["FullyQualifiedName"] = o["Name"]
	if _, ok := o["CurrentBalance"]; !ok {
		o["CurrentBalance"] = zero2()
	}
	return nil
}

// prepareTerm checks a Term: a unique Name and DueDays or DayOfMonthDue.
func prepareTerm(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	if f := prepareNamed("Name")(s, rm, entity, o, old); f != nil {
		return f
	}
	if o["DueDays"] == nil && o["DayOfMonthDue"] == nil {
		return errRequired("DueDays")
	}
	o["Type"] = "STANDARD"
	if o["DayOfMonthDue"] != nil {
		o["Type"] = "DATE_DRIVEN"
	}
	return nil
}

// prepareNamed is the rule of the simple name lists: the name field is
// required and unique within the entity.
func prepareNamed(field string) func(s *Server, rm *realm, entity string, o, old obj) *apiFault {
	return func(s *Server, rm *realm, entity string, o, old obj) *apiFault {
		name, _ := o[field].(string)
		if strings.TrimSpace(name) == "" {
			return errRequired(field)
		}
		if nameTaken(rm, field, name, entity, selfID(old), entity) {
			return errDuplicateName(strings.ToLower(entity))
		}
		if _, ok := o["Active"]; !ok {
			o["Active"] = true
		}
		return nil
	}
}
