package autotask

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
)

// CompanyTypeCustomer is the companyType picklist value of a customer in
// Autotask's standard picklist.
const CompanyTypeCustomer = 1

// CompanyFields are the company fields Billbridge writes: the ones an
// accounting system shares with Autotask. On update a nil field is left as
// it is; a pointer to "" clears it.
type CompanyFields struct {
	CompanyName   *string `json:"companyName,omitempty"`
	CompanyNumber *string `json:"companyNumber,omitempty"`
	Phone         *string `json:"phone,omitempty"`
	Address1      *string `json:"address1,omitempty"`
	Address2      *string `json:"address2,omitempty"`
	City          *string `json:"city,omitempty"`
	State         *string `json:"state,omitempty"`
	PostalCode    *string `json:"postalCode,omitempty"`
	CountryID     *int64  `json:"countryID,omitempty"`
	TaxID         *string `json:"taxID,omitempty"`
}

// NewCompany is a company to create. Autotask requires companyName,
// companyType, ownerResourceID and phone (Companies entity, "Is Required").
type NewCompany struct {
	CompanyFields
	CompanyType     int   `json:"companyType"`
	OwnerResourceID int64 `json:"ownerResourceID"`
	IsActive        bool  `json:"isActive"`
}

// companyFieldMax are the lengths Autotask gives the string fields we write
// (Companies entity, field definitions).
var companyFieldMax = map[string]int{
	"companyName": 100, "companyNumber": 50, "phone": 25, "address1": 150, "address2": 150,
	"city": 50, "state": 25, "postalCode": 20, "taxID": 50,
}

// strings returns the set string fields by Autotask name.
func (f CompanyFields) strings() map[string]*string {
	return map[string]*string{
		"companyName": f.CompanyName, "companyNumber": f.CompanyNumber, "phone": f.Phone, "address1": f.Address1,
		"address2": f.Address2, "city": f.City, "state": f.State, "postalCode": f.PostalCode, "taxID": f.TaxID,
	}
}

// check validates lengths locally so that Autotask never sees a value it
// would refuse; label names the company in messages.
func (f CompanyFields) check(label string) error {
	for name, v := range f.strings() {
		if v == nil {
			continue
		}
		if n := utf8.RuneCountInString(*v); n > companyFieldMax[name] {
			return apperr.New(apperr.Invalid,
				fmt.Sprintf("%s: %s is %d characters long; Autotask keeps at most %d", label, name, n, companyFieldMax[name]),
				"Shorten it in the accounting system, then run the accounts sync again.")
		}
	}
	if f.CompanyName != nil && strings.TrimSpace(*f.CompanyName) == "" {
		return apperr.New(apperr.Invalid, label+": the company name would be empty", "Give the account a name in the accounting system.")
	}
	return nil
}

// CreateCompany creates a company with POST /V1.0/Companies and returns its
// id. It is checked locally first (required fields, lengths). A create is
// never retried by the HTTP layer: a lost answer could mean two companies.
func (c *Client) CreateCompany(ctx context.Context, nc NewCompany) (int64, error) {
	label := "Company"
	if nc.CompanyName != nil {
		label = fmt.Sprintf("Company %q", *nc.CompanyName)
	}
	switch {
	case nc.CompanyName == nil || strings.TrimSpace(*nc.CompanyName) == "":
		return 0, apperr.New(apperr.Invalid, "A new Autotask company needs a name", "Give the account a name in the accounting system.")
	case nc.Phone == nil || strings.TrimSpace(*nc.Phone) == "":
		return 0, apperr.New(apperr.Invalid, label+" has no phone number, which Autotask requires for a new company",
			"Add a phone number to the account in the accounting system, then run the accounts sync again.")
	case nc.CompanyType <= 0:
		return 0, apperr.New(apperr.Invalid, label+": no company type", "This is a Billbridge bug; send a support bundle.")
	case nc.OwnerResourceID <= 0:
		return 0, apperr.New(apperr.Invalid, label+": no account owner (ownerResourceID), which Autotask requires",
			"Choose the Autotask resource that owns new companies (billbridge accounts --owner-resource ID).")
	}
	if err := nc.check(label); err != nil {
		return 0, err
	}
	var out struct {
		ItemID int64 `json:"itemId"`
	}
	err := c.do(ctx, call{method: http.MethodPost, url: c.url(EntityCompanies), entity: EntityCompanies, op: "create", body: nc}, &out)
	if err != nil {
		return 0, fmt.Errorf("autotask: create company: %w", refused(err, label))
	}
	if out.ItemID <= 0 {
		return 0, fmt.Errorf("autotask: create company: Autotask answered without an itemId")
	}
	return out.ItemID, nil
}

// UpdateCompany sets the fields given in f on company id (PATCH).
func (c *Client) UpdateCompany(ctx context.Context, id int64, f CompanyFields) error {
	label := fmt.Sprintf("Company %d", id)
	if err := f.check(label); err != nil {
		return err
	}
	fields := map[string]any{}
	for name, v := range f.strings() {
		if v != nil {
			fields[name] = *v
		}
	}
	if f.CountryID != nil {
		fields["countryID"] = *f.CountryID
	}
	if len(fields) == 0 {
		return nil
	}
	if err := c.Patch(ctx, EntityCompanies, id, fields); err != nil {
		return refused(err, label)
	}
	return nil
}

// companyRefusal are words of Autotask's validation messages. Autotask
// answers a refused write with HTTP 500 and {"errors":[…]}, the same status
// as an outage; these words tell the two apart.
var companyRefusal = []string{"required", "read-only", "longer than", "must be", "not a valid", "picklist", "unable to find", "value for", "does not exist", "inactive"}

// refused turns Autotask's refusal of a write into an Invalid error that
// names the record, so a run can report it and carry on with the others.
func refused(err error, label string) error {
	var ae *APIError
	if !errors.As(err, &ae) || (ae.Status != http.StatusInternalServerError && ae.Status != http.StatusBadRequest) ||
		!ae.mentions(companyRefusal...) || isPermission500(ae) {
		return err
	}
	return apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("Autotask refused %s: %s", strings.ToLower(label[:1])+label[1:], ae.Message()),
		"Correct the value Autotask names (in the accounting system or in Autotask), then run the accounts sync again.")
}

// companyChangeFields are the fields that tell when a company changed.
// lastTrackedModifiedDateTime is set when a company's own fields change;
// lastActivityDate also moves with notes, tickets and to-dos, and is the
// field Autotask documents for incremental reads of companies.
const (
	CompanyModifiedField = "lastTrackedModifiedDateTime"
	CompanyActivityField = "lastActivityDate"
)

// CompaniesChangedSince reads companies of companyType whose fields or
// activity changed after since (either timestamp), in one query with
// paging; fields limits what is returned (empty: all).
func (c *Client) CompaniesChangedSince(ctx context.Context, since time.Time, companyType int, fields []string) ([]Company, error) {
	q := Query{IncludeFields: fields, Filter: []Filter{
		Eq("companyType", companyType),
		Or(Gt(CompanyModifiedField, since.UTC()), Gt(CompanyActivityField, since.UTC())),
	}}
	return QueryAll[Company](ctx, c, EntityCompanies, q)
}

// CompaniesOfType reads every active company of companyType.
func (c *Client) CompaniesOfType(ctx context.Context, companyType int, fields []string) ([]Company, error) {
	q := Query{IncludeFields: fields, Filter: []Filter{Eq("companyType", companyType), Eq("isActive", true)}}
	return QueryAll[Company](ctx, c, EntityCompanies, q)
}

// CompaniesByID reads companies by id, batched 500 to a query.
func (c *Client) CompaniesByID(ctx context.Context, ids []int64, fields []string) ([]Company, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return QueryIn[Company](ctx, c, EntityCompanies, "id", ids, Query{IncludeFields: fields})
}

// Countries reads every country (id, ISO code, name).
func (c *Client) Countries(ctx context.Context) ([]Country, error) {
	return QueryAll[Country](ctx, c, EntityCountries, Query{IncludeFields: []string{"id", "countryCode", "name", "isActive"}})
}

// ResourceByEmail finds the active resource whose e-mail is email (the API
// user's own resource, say); ErrNotFound when there is none.
func (c *Client) ResourceByEmail(ctx context.Context, email string) (Resource, error) {
	rs, err := QueryAll[Resource](ctx, c, EntityResources, Query{MaxRecords: 1,
		IncludeFields: []string{"id", "email", "firstName", "lastName", "isActive"},
		Filter:        []Filter{Eq("email", email), Eq("isActive", true)}})
	if err != nil {
		return Resource{}, err
	}
	if len(rs) == 0 {
		return Resource{}, fmt.Errorf("autotask: resource %s: %w", email, ErrNotFound)
	}
	return rs[0], nil
}

// UserName is the API user the client calls as.
func (c *Client) UserName() string { return c.creds.UserName }
