package exact

import (
	"fmt"
	"net/mail"
	"unicode/utf8"
)

// AccountFieldMax are the lengths of crm/Accounts text fields as Exact
// Online's account card holds them. Exact's REST reference does not list
// lengths, so these follow the card's input limits; the simulator enforces
// the same numbers (internal/sim/exact), and the client checks them first
// so that a too-long value never costs an error call towards Exact's block.
var AccountFieldMax = map[string]int{
	"Name": 50, "AddressLine1": 100, "AddressLine2": 100, "AddressLine3": 100, "City": 50, "Postcode": 20,
	"Phone": 30, "Email": 100, "VATNumber": 30, "Website": 100,
}

// checkAccountText checks the lengths of the text fields set in fields
// (Exact's field name → value; nil values are skipped) and the e-mail
// address, naming doc in the message.
func checkAccountText(doc string, fields map[string]*string) error {
	for name, v := range fields {
		if v == nil {
			continue
		}
		if max, ok := AccountFieldMax[name]; ok && utf8.RuneCountInString(*v) > max {
			return invalid(doc, name, fmt.Sprintf("is %d characters long; Exact keeps at most %d", utf8.RuneCountInString(*v), max),
				"Shorten it in Autotask (or in Exact), then run the accounts sync again.")
		}
	}
	if e := fields["Email"]; e != nil && *e != "" {
		if _, err := mail.ParseAddress(*e); err != nil {
			return invalid(doc, "Email", fmt.Sprintf("%q is not an e-mail address", *e), "Correct the e-mail address, then run the accounts sync again.")
		}
	}
	return nil
}

func (a Account) texts() map[string]*string {
	return map[string]*string{"Name": &a.Name, "AddressLine1": &a.AddressLine1, "AddressLine2": &a.AddressLine2,
		"AddressLine3": &a.AddressLine3, "City": &a.City, "Postcode": &a.Postcode, "Phone": &a.Phone, "Email": &a.Email,
		"VATNumber": &a.VATNumber, "Website": &a.Website}
}

func (ch AccountChanges) texts() map[string]*string {
	return map[string]*string{"Name": ch.Name, "AddressLine1": ch.AddressLine1, "AddressLine2": ch.AddressLine2,
		"AddressLine3": ch.AddressLine3, "City": ch.City, "Postcode": ch.Postcode, "Phone": ch.Phone, "Email": ch.Email,
		"VATNumber": ch.VATNumber, "Website": ch.Website}
}
