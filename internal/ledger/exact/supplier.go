package exact

import (
	"context"
	"strings"
)

// Supplier is an account in crm/Accounts with IsSupplier set: who purchase
// orders are placed with. An account can be a customer and a supplier at
// once; Status (the customer status) is left as Exact has it.
type Supplier struct {
	ID                       string `json:"ID,omitempty"`
	Code                     string `json:"Code,omitempty"`
	Name                     string `json:"Name"`
	IsSupplier               bool   `json:"IsSupplier"`
	SearchCode               string `json:"SearchCode,omitempty"`
	Email                    string `json:"Email,omitempty"`
	Phone                    string `json:"Phone,omitempty"`
	Country                  string `json:"Country,omitempty"`
	PurchaseCurrency         string `json:"PurchaseCurrency,omitempty"`
	PaymentConditionPurchase string `json:"PaymentConditionPurchase,omitempty"`
	Blocked                  bool   `json:"Blocked,omitempty"`
}

var supplierFields = []string{"ID", "Code", "Name", "IsSupplier", "SearchCode", "Email", "Phone", "Country",
	"PurchaseCurrency", "PaymentConditionPurchase", "Blocked"}

// Suppliers lists every account with IsSupplier set.
func (c *Client) Suppliers(ctx context.Context) ([]Supplier, error) {
	return getAll[Supplier](ctx, c, list{op: "list suppliers", path: "crm/Accounts",
		query: Query{Select: supplierFields, Filter: Eq("IsSupplier", "true")}})
}

// CreateSupplier creates an account with IsSupplier set. A Code is padded;
// the account is checked locally first (name, lengths, e-mail, country).
func (c *Client) CreateSupplier(ctx context.Context, s Supplier) (Supplier, error) {
	doc := "supplier " + s.Name
	s.IsSupplier = true
	if s.Code != "" {
		p, err := PadCode(s.Code)
		if err != nil {
			return Supplier{}, invalid(doc, "Code", err.Error(),
				"Exact account codes are numbers of up to 18 digits; correct it in Autotask or leave it empty for Exact to assign one.")
		}
		s.Code = p
	}
	if err := c.ValidateAccount(Account{Name: s.Name, Email: s.Email, Phone: s.Phone, Country: s.Country}); err != nil {
		return Supplier{}, err
	}
	if err := c.checkCode(doc, "PaymentConditionPurchase", &s.PaymentConditionPurchase, "payment condition"); err != nil {
		return Supplier{}, err
	}
	s.ID = ""
	return post[Supplier](ctx, c, "crm/Accounts", "create supplier", doc, s)
}

// SupplierCode is the code to give a new supplier for an Autotask vendor
// number: the number when it is numeric (Exact codes are), otherwise ""
// and Exact assigns one (the number then belongs in SearchCode).
func SupplierCode(number string) string {
	n := strings.TrimSpace(number)
	if n == "" || len(n) > CodeLength || !isDigits(n) {
		return ""
	}
	return n
}
