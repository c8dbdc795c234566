package exactsim

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// accountStatuses: A none, S suspect, P prospect, C customer.
var accountStatuses = map[string]bool{"A": true, "S": true, "P": true, "C": true}

// postAccount creates a crm/Accounts record. Only Name is mandatory; Exact
// numbers the account when Code is missing and stores every code
// right-aligned in 18 characters.
func postAccount(c *call, in record) (record, *apiError) {
	if strings.TrimSpace(in.str("Name")) == "" {
		return nil, badRequest("Mandatory: Name")
	}
	if in.str("ID") != "" {
		return nil, badRequest("ID is assigned by Exact Online and cannot be set.")
	}
	if in["Code"] == nil {
		for {
			code := padCode(strconv.FormatInt(c.div.next("account", 1000), 10))
			if c.div.find("Account", "Code", code) == nil {
				in["Code"] = code
				break
			}
		}
	}
	if aerr := checkAccount(c, nil, in); aerr != nil {
		return nil, aerr
	}
	if in["Status"] == nil {
		in["Status"] = "C"
	}
	for _, f := range []string{"IsSales", "IsSupplier", "Blocked"} {
		if in[f] == nil {
			in[f] = f == "IsSales"
		}
	}
	now := c.s.now()
	in["ID"], in["Division"], in["Created"], in["Modified"] = newID(), int64(c.div.Division.Code), now, now
	c.div.insert("Account", in)
	return in, nil
}

// putAccount changes the fields sent.
func putAccount(c *call, cur, in record) *apiError {
	if id := in.str("ID"); id != "" && !strings.EqualFold(id, cur.str("ID")) {
		return badRequest("ID cannot be changed.")
	}
	if n, ok := in["Name"]; ok && strings.TrimSpace(fmt.Sprint(n)) == "" {
		return badRequest("Mandatory: Name")
	}
	if aerr := checkAccount(c, cur, in); aerr != nil {
		return aerr
	}
	for k, v := range in {
		cur[k] = v
	}
	return nil
}

// accountTextMax are the lengths of the account card's text fields (Exact's
// REST reference lists none; these are the card's input limits).
var accountTextMax = map[string]int{
	"Name": 50, "AddressLine1": 100, "AddressLine2": 100, "AddressLine3": 100, "City": 50, "Postcode": 20,
	"Phone": 30, "Email": 100, "VATNumber": 30, "Website": 100,
}

// checkAccount validates Code, Status, Country, text lengths and
// references; cur is the stored record on update.
func checkAccount(c *call, cur, in record) *apiError {
	for f, max := range accountTextMax {
		if n := utf8.RuneCountInString(in.str(f)); n > max {
			return badRequest(fmt.Sprintf("%s: the value is %d characters long; the maximum is %d.", f, n, max))
		}
	}
	if v, ok := in["Code"]; ok {
		code := strings.TrimSpace(fmt.Sprint(v))
		if code == "" || len(code) > 18 || strings.Trim(code, "0123456789") != "" {
			return badRequest("Code: the account code must be numeric with at most 18 digits ('" + code + "').")
		}
		padded := padCode(code)
		if other := c.div.find("Account", "Code", padded); other != nil && (cur == nil || other.str("ID") != cur.str("ID")) {
			return badRequest("Code: an account with code " + code + " already exists.")
		}
		in["Code"] = padded
	}
	if v, ok := in["Status"]; ok && !accountStatuses[fmt.Sprint(v)] {
		return badRequest("Status: invalid value '" + fmt.Sprint(v) + "' (A, S, P or C).")
	}
	if v := in.str("Country"); v != "" && (len(v) != 2 || strings.ToUpper(v) != v) {
		return badRequest("Country: '" + v + "' is not a country code (ISO 3166, two capitals).")
	}
	if v := in.str("SalesVATCode"); v != "" {
		vc := c.div.vatCode(v)
		if vc == nil {
			return badRequest("SalesVATCode: VAT code '" + v + "' does not exist.")
		}
		in["SalesVATCode"] = vc.str("Code")
	}
	if v := in.str("PaymentConditionSales"); v != "" && c.div.find("PaymentCondition", "Code", v) == nil {
		return badRequest("PaymentConditionSales: payment condition '" + v + "' does not exist.")
	}
	if v := in.str("SalesCurrency"); v != "" && c.div.find("Currency", "Code", v) == nil {
		return badRequest("SalesCurrency: currency '" + v + "' does not exist.")
	}
	return nil
}

// vatCode finds a VAT code by its code with or without Exact's padding.
func (d *divisionData) vatCode(code string) record {
	for _, r := range d.Tables["VatCode"] {
		if strings.TrimSpace(r.str("Code")) == strings.TrimSpace(code) {
			return r
		}
	}
	return nil
}

// byID finds a record of table by its guid, regardless of case.
func (d *divisionData) byID(table, key, id string) record {
	for _, r := range d.Tables[table] {
		if strings.EqualFold(r.str(key), id) {
			return r
		}
	}
	return nil
}
