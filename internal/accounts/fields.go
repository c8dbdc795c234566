package accounts

import (
	"strings"
	"time"
)

// Fields are the values Autotask companies and Exact accounts share.
type Fields struct {
	Name      string `json:"name"`
	Address1  string `json:"address1"`
	Address2  string `json:"address2"`
	City      string `json:"city"`
	Postcode  string `json:"postcode"`
	Country   string `json:"country"` // ISO 3166 alpha-2
	Phone     string `json:"phone"`
	VATNumber string `json:"vatNumber"`
}

// FieldNames are the names of the shared fields, in the order lines show them.
var FieldNames = []string{"name", "address1", "address2", "city", "postcode", "country", "phone", "vatNumber"}

// Get returns the value of the named field.
func (f Fields) Get(name string) string { return *f.ref(name) }

// Set sets the named field.
func (f *Fields) Set(name, v string) { *f.ref(name) = v }

func (f *Fields) ref(name string) *string {
	switch name {
	case "name":
		return &f.Name
	case "address1":
		return &f.Address1
	case "address2":
		return &f.Address2
	case "city":
		return &f.City
	case "postcode":
		return &f.Postcode
	case "country":
		return &f.Country
	case "phone":
		return &f.Phone
	case "vatNumber":
		return &f.VATNumber
	}
	panic("accounts: unknown field " + name)
}

// Clean trims every value and upper-cases the country, so that values the
// two systems store alike compare equal.
func (f Fields) Clean() Fields {
	out := f
	for _, n := range FieldNames {
		out.Set(n, strings.TrimSpace(out.Get(n)))
	}
	out.Country = strings.ToUpper(out.Country)
	return out
}

// Company is what the flow needs of an Autotask company.
type Company struct {
	ID       int64
	Number   string // companyNumber
	Active   bool
	Modified time.Time // lastTrackedModifiedDateTime (else lastActivityDate, else createDate)
	Fields   Fields
}

// Account is what the flow needs of an Exact account.
type Account struct {
	ID         string
	Code       string // without Exact's padding
	SearchCode string
	Customer   bool // status C and not blocked
	Modified   time.Time
	Fields     Fields
}

// Change is one field to write on one side.
type Change struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}
