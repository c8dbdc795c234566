package exact

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Account is a relation in crm/Accounts; Billbridge's customers have Status
// "C". Code is Exact's 18-character, space-padded numeric code.
type Account struct {
	ID                    string   `json:"ID,omitempty"`
	Code                  string   `json:"Code,omitempty"`
	Name                  string   `json:"Name"`
	Status                string   `json:"Status,omitempty"` // C customer, P prospect, S suspect, A none
	IsSales               bool     `json:"IsSales,omitempty"`
	Email                 string   `json:"Email,omitempty"`
	Phone                 string   `json:"Phone,omitempty"`
	Website               string   `json:"Website,omitempty"`
	SearchCode            string   `json:"SearchCode,omitempty"`
	AddressLine1          string   `json:"AddressLine1,omitempty"`
	AddressLine2          string   `json:"AddressLine2,omitempty"`
	AddressLine3          string   `json:"AddressLine3,omitempty"`
	City                  string   `json:"City,omitempty"`
	Postcode              string   `json:"Postcode,omitempty"`
	State                 string   `json:"State,omitempty"`
	Country               string   `json:"Country,omitempty"` // ISO 3166 alpha-2
	VATNumber             string   `json:"VATNumber,omitempty"`
	SalesVATCode          string   `json:"SalesVATCode,omitempty"`
	SalesCurrency         string   `json:"SalesCurrency,omitempty"`
	PaymentConditionSales string   `json:"PaymentConditionSales,omitempty"`
	Blocked               bool     `json:"Blocked,omitempty"`
	Modified              DateTime `json:"Modified,omitzero"`
	Timestamp             int64    `json:"Timestamp,omitempty"` // sync/CRM/Accounts only
}

var accountFields = []string{
	"ID", "Code", "Name", "Status", "IsSales", "Email", "Phone", "Website", "SearchCode",
	"AddressLine1", "AddressLine2", "AddressLine3", "City", "Postcode", "State", "Country",
	"VATNumber", "SalesVATCode", "SalesCurrency", "PaymentConditionSales", "Blocked", "Modified",
}

func accountList(op string) list {
	return list{op: op, path: "crm/Accounts", query: Query{Select: accountFields}}
}

// AccountsByID reads accounts by id, batched. Unknown ids are simply absent:
// a $filter that matches nothing costs no error, a GET of Accounts(guid'…')
// for a deleted account would cost a 404 towards Exact's block.
func (c *Client) AccountsByID(ctx context.Context, ids []string) ([]Account, error) {
	lits := make([]string, 0, len(ids))
	for _, id := range ids {
		if !isGUID(id) {
			return nil, fmt.Errorf("exact: accounts by id: %q is not an Exact id", id)
		}
		lits = append(lits, Guid(id))
	}
	return getAnyOf[Account](ctx, c, accountList("find accounts by id"), "ID", lits, "")
}

// AccountsByCode reads accounts by code; codes are padded as Exact stores
// them, so "1001" finds "              1001".
func (c *Client) AccountsByCode(ctx context.Context, codes []string) ([]Account, error) {
	lits := make([]string, 0, len(codes))
	for _, code := range codes {
		p, err := PadCode(code)
		if err != nil {
			return nil, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%q is not an Exact account code", code),
				"Exact account codes are numbers of up to 18 digits; correct the code in Autotask or in the link.")
		}
		lits = append(lits, Str(p))
	}
	return getAnyOf[Account](ctx, c, accountList("find accounts by code"), "Code", lits, "")
}

// AccountsByName reads the accounts whose name is exactly name.
func (c *Client) AccountsByName(ctx context.Context, name string) ([]Account, error) {
	l := accountList("find accounts by name")
	l.query.Filter = Eq("Name", Str(name))
	return getAll[Account](ctx, c, l)
}

// Customers lists every account with customer status C.
func (c *Client) Customers(ctx context.Context) ([]Account, error) {
	l := accountList("list customers")
	l.query.Filter = Eq("Status", Str("C"))
	return getAll[Account](ctx, c, l)
}

// SyncAccounts reads accounts changed after timestamp since through
// sync/CRM/Accounts (1,000 a page) and returns the highest Timestamp seen.
func (c *Client) SyncAccounts(ctx context.Context, since int64) ([]Account, int64, error) {
	l := list{op: "sync accounts", path: "sync/CRM/Accounts",
		query: Query{Select: append([]string{"Timestamp"}, accountFields...)}}
	return syncRead(ctx, c, l, since, func(a Account) int64 { return a.Timestamp })
}

// CreateAccount creates a customer. An empty Status becomes "C"; a Code is
// padded. Only Name is required by Exact; the account is checked locally
// first so a bad one never reaches Exact.
func (c *Client) CreateAccount(ctx context.Context, a Account) (Account, error) {
	if a.Status == "" {
		a.Status = "C"
	}
	if a.Code != "" {
		p, err := PadCode(a.Code)
		if err != nil {
			return Account{}, invalid("account "+a.Name, "Code", err.Error(),
				"Exact account codes are numbers of up to 18 digits; correct it in Autotask or leave it empty for Exact to assign one.")
		}
		a.Code = p
	}
	if err := c.ValidateAccount(a); err != nil {
		return Account{}, err
	}
	a.ID, a.Modified, a.Timestamp = "", DateTime{}, 0
	return post[Account](ctx, c, "crm/Accounts", "create account", "account "+a.Name, a)
}

// AccountChanges are the fields an update sets; nil leaves a field as it is,
// a pointer to "" clears it.
type AccountChanges struct {
	Name                  *string `json:"Name,omitempty"`
	Email                 *string `json:"Email,omitempty"`
	Phone                 *string `json:"Phone,omitempty"`
	Website               *string `json:"Website,omitempty"`
	AddressLine1          *string `json:"AddressLine1,omitempty"`
	AddressLine2          *string `json:"AddressLine2,omitempty"`
	AddressLine3          *string `json:"AddressLine3,omitempty"`
	City                  *string `json:"City,omitempty"`
	Postcode              *string `json:"Postcode,omitempty"`
	State                 *string `json:"State,omitempty"`
	Country               *string `json:"Country,omitempty"`
	VATNumber             *string `json:"VATNumber,omitempty"`
	PaymentConditionSales *string `json:"PaymentConditionSales,omitempty"`
	SalesVATCode          *string `json:"SalesVATCode,omitempty"`
}

// UpdateAccount changes the fields set in ch on account id with a PUT, which
// Exact applies to the fields sent only.
func (c *Client) UpdateAccount(ctx context.Context, id string, ch AccountChanges) error {
	doc := "account " + id
	if !isGUID(id) {
		return invalid(doc, "ID", "is not an Exact id", "Relink the company to its Exact account.")
	}
	if ch.Name != nil && strings.TrimSpace(*ch.Name) == "" {
		return invalid(doc, "Name", "would become empty", "Give the company a name in Autotask.")
	}
	if err := checkAccountText(doc, ch.texts()); err != nil {
		return err
	}
	if ch.Country != nil && *ch.Country != "" && !isCountry(*ch.Country) {
		return invalid(doc, "Country", fmt.Sprintf("%q is not a two-letter ISO country code", *ch.Country),
			"Set the company's country in Autotask.")
	}
	if err := c.checkCode(doc, "PaymentConditionSales", ch.PaymentConditionSales, "payment condition"); err != nil {
		return err
	}
	if err := c.checkCode(doc, "SalesVATCode", ch.SalesVATCode, "VAT code"); err != nil {
		return err
	}
	return c.do(ctx, request{method: http.MethodPut, path: "crm/Accounts(" + Guid(id) + ")", body: ch,
		op: "update account", doc: doc, fields: jsonFields(ch)}, nil)
}

func isCountry(s string) bool {
	if len(s) != 2 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
