package xerosim

import (
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

var hundred = money.FromInt(100)

// lineRules says how strict line validation is for a document.
type lineRules struct {
	unitdp      int32 // decimals kept on UnitAmount
	needAccount bool  // SUBMITTED and AUTHORISED documents need an account per line
	sales       bool  // item defaults come from SalesDetails, else PurchaseDetails
}

// priceLines validates the lines of a document, fills item defaults,
// computes line and tax amounts with exact decimals, and sets the totals.
// has holds the raw JSON lines so absent fields can be told from zeros.
func (c *call) priceLines(d *docCore, has []any, rules lineRules) (errs, warnings []string) {
	if len(d.LineItems) == 0 {
		return []string{"At least one line item must be specified"}, nil
	}
	switch d.LineAmountTypes {
	case "":
		d.LineAmountTypes = "Exclusive"
	case "Exclusive", "Inclusive", "NoTax":
	default:
		errs = append(errs, "LineAmountTypes must be Exclusive, Inclusive or NoTax")
	}
	var sub, tax money.Decimal
	for i, l := range d.LineItems {
		m, _ := has[i].(map[string]any)
		present := func(k string) bool { _, ok := m[k]; return ok && m[k] != nil }
		at := fmt.Sprintf("Line %d: ", i+1)
		if l.LineItemID == "" {
			l.LineItemID = newID()
		}
		if l.ItemCode != "" {
			it := c.findItem("", l.ItemCode)
			if it == nil {
				errs = append(errs, at+"Item code '"+l.ItemCode+"' is not valid")
			} else {
				det := it.PurchaseDetails
				desc := it.PurchaseDescription
				if rules.sales {
					det, desc = it.SalesDetails, it.Description
				}
				if l.Description == "" {
					l.Description = desc
				}
				if det != nil {
					if l.AccountCode == "" {
						l.AccountCode = det.AccountCode
					}
					if l.TaxType == "" {
						l.TaxType = det.TaxType
					}
					if !present("UnitAmount") && det.UnitPrice != nil {
						l.UnitAmount = *det.UnitPrice
						m["UnitAmount"] = true
					}
				}
			}
		}
		if strings.TrimSpace(l.Description) == "" {
			errs = append(errs, at+"Description must be specified")
		}
		if len(l.Description) > 4000 {
			errs = append(errs, at+"Description must be at most 4000 characters")
		}
		if !present("Quantity") {
			l.Quantity = money.FromInt(1)
		}
		if l.Quantity.Scale() > 4 && !l.Quantity.Equal(l.Quantity.Round(4)) {
			errs = append(errs, at+"Quantity can have at most 4 decimal places")
		}
		if !present("UnitAmount") && present("LineAmount") && !l.Quantity.IsZero() {
			u, _ := l.LineAmount.Div(l.Quantity, rules.unitdp)
			l.UnitAmount = u
		}
		if r := l.UnitAmount.Round(rules.unitdp); !r.Equal(l.UnitAmount) {
			warnings = append(warnings, fmt.Sprintf("%sUnitAmount %s was rounded to %s; send unitdp=4 to keep up to 4 decimals", at, l.UnitAmount, r))
			l.UnitAmount = r
		}
		gross := l.Quantity.Mul(l.UnitAmount)
		switch {
		case l.DiscountRate != nil:
			gross = gross.Mul(hundred.Sub(*l.DiscountRate))
			gross, _ = gross.Div(hundred, 10)
		case l.DiscountAmount != nil:
			gross = gross.Sub(*l.DiscountAmount)
		}
		want := gross.Round(2)
		if present("LineAmount") {
			if !l.LineAmount.Equal(l.LineAmount.Round(2)) {
				errs = append(errs, at+"LineAmount can have at most 2 decimal places")
			} else if !l.LineAmount.Equal(want) {
				errs = append(errs, fmt.Sprintf("%sThe line total %s does not match the expected line total %s", at, l.LineAmount, want.StringFixed(2)))
			}
		}
		l.LineAmount = want.Round(2)
		switch {
		case l.AccountCode == "" || c.account(l.AccountCode) != nil:
		case c.archivedAccount(l.AccountCode):
			errs = append(errs, archivedAccountMessage(l.AccountCode))
		default:
			errs = append(errs, at+"Account code '"+l.AccountCode+"' is not a valid code for this document.")
		}
		if l.AccountCode == "" && rules.needAccount {
			errs = append(errs, at+"Account code must be specified for a line on a submitted or approved document")
		}
		if l.TaxType == "" && l.AccountCode != "" {
			if a := c.account(l.AccountCode); a != nil {
				l.TaxType = a.TaxType
			}
		}
		if d.LineAmountTypes == "NoTax" {
			l.TaxType = "NONE"
		}
		rate := money.Zero
		if l.TaxType != "" {
			tr := c.taxRate(l.TaxType)
			if tr == nil {
				errs = append(errs, at+"The TaxType code '"+l.TaxType+"' does not exist or cannot be used with this type of transaction.")
			} else {
				rate = tr.EffectiveRate
			}
		}
		errs = append(errs, c.checkTracking(l.Tracking, at)...)
		lineTax := money.Zero
		switch d.LineAmountTypes {
		case "Exclusive":
			lineTax = money.Percent(l.LineAmount, rate, 2)
		case "Inclusive":
			lineTax, _ = l.LineAmount.Mul(rate).Div(hundred.Add(rate), 2)
		}
		if present("TaxAmount") && d.LineAmountTypes != "NoTax" {
			if !l.TaxAmount.Equal(l.TaxAmount.Round(2)) {
				errs = append(errs, at+"TaxAmount can have at most 2 decimal places")
			}
			lineTax = l.TaxAmount.Round(2) // an explicit tax amount overrides the calculation
		}
		l.TaxAmount = lineTax
		net := l.LineAmount
		if d.LineAmountTypes == "Inclusive" {
			net = net.Sub(lineTax)
		}
		sub, tax = sub.Add(net), tax.Add(lineTax)
	}
	d.SubTotal, d.TotalTax, d.Total = sub.Round(2), tax.Round(2), sub.Add(tax).Round(2)
	return errs, warnings
}

// checkTracking resolves a line's tracking (at most two categories, each
// once): by ids or by category and option names. An archived category or
// option cannot be put on a new line, as in Xero.
func (c *call) checkTracking(ts []Tracking, at string) []string {
	if len(ts) > 2 {
		return []string{at + "A line can be tracked by at most 2 tracking categories"}
	}
	var errs []string
	seen := map[string]bool{}
	for i := range ts {
		t := &ts[i]
		label := t.Name + "/" + t.Option
		var cat *TrackingCategory
		for _, tc := range c.org.TrackingCategories {
			if tc.Status != "DELETED" && ((t.TrackingCategoryID != "" && strings.EqualFold(tc.TrackingCategoryID, t.TrackingCategoryID)) ||
				(t.TrackingCategoryID == "" && strings.EqualFold(tc.Name, t.Name))) {
				cat = tc
				break
			}
		}
		var opt *TrackingOption
		if cat != nil {
			for k := range cat.Options {
				o := &cat.Options[k]
				if o.Status != "DELETED" && ((t.TrackingOptionID != "" && strings.EqualFold(o.TrackingOptionID, t.TrackingOptionID)) ||
					(t.TrackingOptionID == "" && strings.EqualFold(o.Name, t.Option))) {
					opt = o
					break
				}
			}
		}
		switch {
		case opt == nil:
			errs = append(errs, at+"Tracking category option "+label+" could not be found")
		case cat.Status != "ACTIVE":
			errs = append(errs, at+"Tracking category "+cat.Name+" is archived and cannot be used on a new transaction")
		case opt.Status != "ACTIVE":
			errs = append(errs, at+"Tracking option "+cat.Name+"/"+opt.Name+" is archived and cannot be used on a new transaction")
		case seen[cat.TrackingCategoryID]:
			errs = append(errs, at+"Tracking category "+cat.Name+" can be used only once on a line")
		default:
			seen[cat.TrackingCategoryID] = true
			t.TrackingCategoryID, t.TrackingOptionID, t.Name, t.Option = cat.TrackingCategoryID, opt.TrackingOptionID, cat.Name, opt.Name
		}
	}
	return errs
}

// resolveContact finds the document's contact by ContactID, ContactNumber
// or Name; an unknown Name creates the contact, as Xero does.
func (c *call) resolveContact(ref *ContactRef) (*ContactRef, []string) {
	if ref == nil || (ref.ContactID == "" && ref.ContactNumber == "" && ref.Name == "") {
		return ref, []string{"A Contact must be specified for this type of transaction"}
	}
	for _, ct := range c.org.Contacts {
		if (ref.ContactID != "" && strings.EqualFold(ct.ContactID, ref.ContactID)) ||
			(ref.ContactID == "" && ref.ContactNumber != "" && ct.ContactNumber == ref.ContactNumber) ||
			(ref.ContactID == "" && ref.ContactNumber == "" && strings.EqualFold(ct.Name, ref.Name)) {
			return &ContactRef{ContactID: ct.ContactID, Name: ct.Name, ContactNumber: ct.ContactNumber}, nil
		}
	}
	if ref.ContactID != "" || ref.ContactNumber != "" {
		return ref, []string{"The Contact could not be found"}
	}
	ct, errs := c.saveContact(&Contact{Name: ref.Name}, map[string]any{"Name": ref.Name})
	if len(errs) > 0 {
		return ref, errs
	}
	return &ContactRef{ContactID: ct.ContactID, Name: ct.Name}, nil
}

// markContact sets IsCustomer / IsSupplier once a document uses the contact.
func (c *call) markContact(id string, sales bool) {
	if ct := c.findContact(id); ct != nil {
		if sales {
			ct.IsCustomer = true
		} else {
			ct.IsSupplier = true
		}
	}
}
