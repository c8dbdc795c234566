package xerosim

import (
	"encoding/json"
	"net/http"
	"strings"
)

func (c *call) getContacts() {
	list := c.org.Contacts
	if len(c.parts) == 2 {
		for _, ct := range list {
			if strings.EqualFold(ct.ContactID, c.parts[1]) || (ct.ContactNumber != "" && ct.ContactNumber == c.parts[1]) {
				c.ok("Contacts", []*Contact{ct}, nil)
				return
			}
		}
		c.notFound()
		return
	}
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	ids := c.idList("IDs")
	since, hasSince := c.modifiedSince()
	archived := c.q.Get("includeArchived") == "true"
	var out []*Contact
	for _, ct := range list {
		switch {
		case ids != nil && !ids[strings.ToLower(ct.ContactID)]:
		case !archived && ct.ContactStatus == "ARCHIVED" && ids == nil:
		case hasSince && !ct.UpdatedDateUTC.After(since):
		case !matches(ct, where):
		default:
			out = append(out, ct)
		}
	}
	page, info, err := pageOf(c, out)
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	c.ok("Contacts", nonNil(page), info)
}

func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

func (c *call) saveContacts() {
	raws, maps, ok := c.decodeElements("Contacts", 0)
	if !ok {
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &Contact{}
		_ = json.Unmarshal(raw, in)
		if len(c.parts) == 2 {
			in.ContactID = c.parts[1]
			maps[i]["ContactID"] = in.ContactID
		}
		out, errs := c.saveContact(in, maps[i])
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		out.HasValidationErrors = len(errs) > 0
		res.add(out, errs)
	}
	c.finish("Contacts", res)
}

func (c *call) findContact(id string) *Contact {
	for _, ct := range c.org.Contacts {
		if strings.EqualFold(ct.ContactID, id) {
			return ct
		}
	}
	return nil
}

// saveContact creates or updates one contact; it returns what to echo.
func (c *call) saveContact(in *Contact, has map[string]any) (*Contact, []string) {
	var cur *Contact
	if in.ContactID != "" {
		if cur = c.findContact(in.ContactID); cur == nil {
			return in, []string{"The contact with ContactID " + in.ContactID + " could not be found"}
		}
	}
	next := &Contact{ContactStatus: "ACTIVE"}
	if cur != nil {
		cp := *cur
		next = &cp
	}
	// Copy the fields the client sent; absent ones keep their value.
	merge := map[string]func(){
		"Name": func() { next.Name = strings.TrimSpace(in.Name) }, "ContactNumber": func() { next.ContactNumber = in.ContactNumber },
		"AccountNumber": func() { next.AccountNumber = in.AccountNumber }, "ContactStatus": func() { next.ContactStatus = in.ContactStatus },
		"FirstName": func() { next.FirstName = in.FirstName }, "LastName": func() { next.LastName = in.LastName },
		"EmailAddress": func() { next.EmailAddress = in.EmailAddress }, "TaxNumber": func() { next.TaxNumber = in.TaxNumber },
		"AccountsReceivableTaxType": func() { next.AccountsReceivableTaxType = in.AccountsReceivableTaxType },
		"AccountsPayableTaxType":    func() { next.AccountsPayableTaxType = in.AccountsPayableTaxType },
		"DefaultCurrency":           func() { next.DefaultCurrency = in.DefaultCurrency },
		"Addresses":                 func() { next.Addresses = in.Addresses }, "Phones": func() { next.Phones = in.Phones },
		"ContactPersons": func() { next.ContactPersons = in.ContactPersons },
	}
	for k, f := range merge {
		if _, ok := has[k]; ok {
			f()
		}
	}
	var errs []string
	if next.Name == "" {
		errs = append(errs, "The contact name must be specified")
	}
	for _, o := range c.org.Contacts {
		if o == cur {
			continue
		}
		if next.Name != "" && o.ContactStatus == "ACTIVE" && strings.EqualFold(o.Name, next.Name) {
			errs = append(errs, "The contact name "+next.Name+" is already assigned to another contact. The contact name must be unique across all active contacts.")
		}
		if next.ContactNumber != "" && o.ContactNumber == next.ContactNumber {
			errs = append(errs, "The contact number "+next.ContactNumber+" is already assigned to another contact. The contact number must be unique across all contacts.")
		}
	}
	var persons []json.RawMessage
	if len(next.ContactPersons) > 0 && json.Unmarshal(next.ContactPersons, &persons) == nil && len(persons) > 5 {
		errs = append(errs, "A contact can have at most 5 contact persons")
	}
	if next.DefaultCurrency != "" && !c.hasCurrency(next.DefaultCurrency) {
		errs = append(errs, "The currency "+next.DefaultCurrency+" is not enabled for this organisation")
	}
	for _, tt := range []string{next.AccountsReceivableTaxType, next.AccountsPayableTaxType} {
		if tt != "" && c.taxRate(tt) == nil {
			errs = append(errs, "The TaxType code '"+tt+"' does not exist or cannot be used")
		}
	}
	if len(errs) > 0 {
		return in, errs
	}
	next.UpdatedDateUTC = msDate{c.s.now()}
	if cur == nil {
		next.ContactID = newID()
		c.org.Contacts = append(c.org.Contacts, next)
	} else {
		*cur = *next
		next = cur
	}
	out := *next
	return &out, nil
}
