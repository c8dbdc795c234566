package xerosim

import (
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// mergeDoc copies the document fields the client sent onto next and
// checks those that do not depend on the document type.
func (c *call) mergeDoc(next, in *docCore, has map[string]any, isNew bool) []string {
	present := func(k string) bool { _, ok := has[k]; return ok }
	var errs []string
	if isNew || present("Contact") {
		ref, e := c.resolveContact(in.Contact)
		next.Contact, errs = ref, append(errs, e...)
	}
	if present("Date") {
		next.Date = day(in.Date.Time)
	}
	if next.Date.IsZero() {
		next.Date = day(c.s.now())
	}
	next.DateString = dateString(next.Date)
	if present("LineAmountTypes") {
		next.LineAmountTypes = in.LineAmountTypes
	}
	if present("LineItems") {
		next.LineItems = in.LineItems
	}
	if present("Reference") {
		next.Reference = in.Reference
	}
	if present("CurrencyRate") {
		next.CurrencyRate = in.CurrencyRate
	}
	if present("CurrencyCode") {
		next.CurrencyCode = in.CurrencyCode
	}
	if next.CurrencyCode == "" {
		next.CurrencyCode = c.org.Org.BaseCurrency
	}
	if !c.hasCurrency(next.CurrencyCode) {
		errs = append(errs, "The currency "+next.CurrencyCode+" is not enabled for this organisation")
	}
	if present("BrandingThemeID") {
		next.BrandingThemeID = in.BrandingThemeID
	}
	if next.BrandingThemeID != "" && !c.hasBrandingTheme(next.BrandingThemeID) {
		errs = append(errs, "Branding theme "+next.BrandingThemeID+" could not be found")
	}
	return errs
}

func (c *call) hasBrandingTheme(id string) bool {
	for _, b := range c.org.BrandingThemes {
		if strings.EqualFold(b.BrandingThemeID, id) {
			return true
		}
	}
	return false
}

// lineMaps returns the raw LineItems of an element for presence checks.
func lineMaps(has map[string]any) []any {
	l, _ := has["LineItems"].([]any)
	return l
}

// transition reports whether a document may move from one status to another.
func transition(from, to string, paidOrCredited bool) bool {
	if from == to {
		return true
	}
	switch from {
	case "DRAFT", "SUBMITTED":
		return to == "DRAFT" || to == "SUBMITTED" || to == "AUTHORISED" || to == "DELETED"
	case "AUTHORISED":
		return to == "VOIDED" && !paidOrCredited
	}
	return false
}

// nextNumber hands out the automatic document number with prefix.
func (c *call) nextNumber(prefix string, taken func(string) bool) string {
	for {
		n := c.org.Counters[prefix]
		c.org.Counters[prefix] = n + 1
		s := prefix + "-" + pad4(n)
		if !taken(s) {
			return s
		}
	}
}

func pad4(n int) string {
	s := money.FromInt(int64(n)).String()
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}
