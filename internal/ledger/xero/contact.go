package xero

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Contact is a Xero customer or supplier. Name must be unique in the
// organisation; ContactNumber is the field meant for an external system's
// key. IsCustomer and IsSupplier are set by Xero and never sent.
type Contact struct {
	ContactID                 string          `json:"ContactID,omitempty"`
	ContactNumber             string          `json:"ContactNumber,omitempty"`
	AccountNumber             string          `json:"AccountNumber,omitempty"`
	ContactStatus             string          `json:"ContactStatus,omitempty"` // ACTIVE, ARCHIVED, GDPRREQUEST
	Name                      string          `json:"Name,omitempty"`
	FirstName                 string          `json:"FirstName,omitempty"`
	LastName                  string          `json:"LastName,omitempty"`
	CompanyNumber             string          `json:"CompanyNumber,omitempty"`
	EmailAddress              string          `json:"EmailAddress,omitempty"`
	ContactPersons            []ContactPerson `json:"ContactPersons,omitempty"`
	TaxNumber                 string          `json:"TaxNumber,omitempty"`
	AccountsReceivableTaxType string          `json:"AccountsReceivableTaxType,omitempty"`
	AccountsPayableTaxType    string          `json:"AccountsPayableTaxType,omitempty"`
	Addresses                 []Address       `json:"Addresses,omitempty"`
	Phones                    []Phone         `json:"Phones,omitempty"`
	IsSupplier                bool            `json:"IsSupplier,omitempty"`
	IsCustomer                bool            `json:"IsCustomer,omitempty"`
	DefaultCurrency           string          `json:"DefaultCurrency,omitempty"`
	SalesDefaultAccountCode   string          `json:"SalesDefaultAccountCode,omitempty"`
	Website                   string          `json:"Website,omitempty"`
	Discount                  money.Decimal   `json:"Discount,omitzero"`
	UpdatedDateUTC            DateTime        `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

// Address is a postal (POBOX) or street (STREET) address. POBOX is the
// mailing address printed on invoices.
type Address struct {
	AddressType  string `json:"AddressType,omitempty"` // POBOX, STREET
	AddressLine1 string `json:"AddressLine1,omitempty"`
	AddressLine2 string `json:"AddressLine2,omitempty"`
	AddressLine3 string `json:"AddressLine3,omitempty"`
	AddressLine4 string `json:"AddressLine4,omitempty"`
	City         string `json:"City,omitempty"`
	Region       string `json:"Region,omitempty"`
	PostalCode   string `json:"PostalCode,omitempty"`
	Country      string `json:"Country,omitempty"`
	AttentionTo  string `json:"AttentionTo,omitempty"`
}

// Phone is one of a contact's numbers.
type Phone struct {
	PhoneType        string `json:"PhoneType,omitempty"` // DEFAULT, DDI, MOBILE, FAX, OFFICE
	PhoneNumber      string `json:"PhoneNumber,omitempty"`
	PhoneAreaCode    string `json:"PhoneAreaCode,omitempty"`
	PhoneCountryCode string `json:"PhoneCountryCode,omitempty"`
}

// ContactPerson is an extra person at a contact (Xero keeps at most five).
type ContactPerson struct {
	FirstName       string `json:"FirstName,omitempty"`
	LastName        string `json:"LastName,omitempty"`
	EmailAddress    string `json:"EmailAddress,omitempty"`
	IncludeInEmails bool   `json:"IncludeInEmails,omitempty"`
}

// ContactRef is the contact of a document: only its id is sent, because
// other contact fields inside an invoice would update the contact.
func ContactRef(contactID string) Contact { return Contact{ContactID: contactID} }

func (c *Contact) ref() string {
	if c.Name != "" {
		return c.Name
	}
	return c.ContactID
}

func (c *Contact) prepare() {
	c.ElementStatus = ElementStatus{}
	c.IsCustomer, c.IsSupplier = false, false
	c.Website, c.Discount, c.UpdatedDateUTC = "", money.Zero, DateTime{}
}

// ContactFilter narrows Contacts. Zero fields do not filter.
type ContactFilter struct {
	Where           string    // a where expression, e.g. Name=="Acme"
	ModifiedSince   time.Time // If-Modified-Since
	IncludeArchived bool
}

func contactList(f ContactFilter) list {
	q := url.Values{}
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	if f.IncludeArchived {
		q.Set("includeArchived", "true")
	}
	return list{op: "read contacts", path: "Contacts", wrapper: "Contacts", query: q, since: f.ModifiedSince, paged: true}
}

// Contacts reads all contacts matching f, 100 per page.
func (c *Client) Contacts(ctx context.Context, f ContactFilter) ([]Contact, error) {
	return getList[Contact](ctx, c, contactList(f))
}

// ContactsByName finds contacts whose Name equals name (Xero compares
// without regard to case). Archived contacts are included, because Xero's
// unique-name rule counts them too.
func (c *Client) ContactsByName(ctx context.Context, name string) ([]Contact, error) {
	return c.Contacts(ctx, ContactFilter{Where: whereEquals("Name", name), IncludeArchived: true})
}

// ContactsByAccountNumber finds contacts by AccountNumber.
func (c *Client) ContactsByAccountNumber(ctx context.Context, number string) ([]Contact, error) {
	return c.Contacts(ctx, ContactFilter{Where: whereEquals("AccountNumber", number), IncludeArchived: true})
}

// ContactsByContactNumber finds contacts by ContactNumber, the field Xero
// keeps for an external system's key.
func (c *Client) ContactsByContactNumber(ctx context.Context, number string) ([]Contact, error) {
	return c.Contacts(ctx, ContactFilter{Where: whereEquals("ContactNumber", number), IncludeArchived: true})
}

// ContactsByIDs reads the contacts with the given ContactIDs, 50 ids per call.
func (c *Client) ContactsByIDs(ctx context.Context, ids []string) ([]Contact, error) {
	l := contactList(ContactFilter{IncludeArchived: true})
	return getByIDs[Contact](ctx, c, l, "IDs", ids)
}

// Contact reads one contact by ContactID; a missing one wraps ErrNotFound.
func (c *Client) Contact(ctx context.Context, id string) (Contact, error) {
	var answer struct{ Contacts []Contact }
	err := c.do(ctx, request{method: http.MethodGet, path: "Contacts/" + url.PathEscape(id), op: "read contact", notFound: true}, &answer)
	if err != nil {
		return Contact{}, err
	}
	if len(answer.Contacts) == 0 {
		return Contact{}, fmt.Errorf("xero: read contact %s: %w", id, ErrNotFound)
	}
	return answer.Contacts[0], nil
}

// CreateContacts creates contacts in batches (PUT, create only).
func (c *Client) CreateContacts(ctx context.Context, contacts []Contact, key string) (BatchResult[Contact], error) {
	return writeBatches[Contact](ctx, c, batchCall{op: "create contacts", method: http.MethodPut, path: "Contacts", wrapper: "Contacts"}, contacts, key)
}

// UpdateContacts updates contacts (each with its ContactID) in batches
// (POST). Fields left empty are not changed.
func (c *Client) UpdateContacts(ctx context.Context, contacts []Contact, key string) (BatchResult[Contact], error) {
	for i, ct := range contacts {
		if ct.ContactID == "" {
			return BatchResult[Contact]{}, fmt.Errorf("xero: update contacts: contact %d (%s) has no ContactID", i, ct.Name)
		}
	}
	return writeBatches[Contact](ctx, c, batchCall{op: "update contacts", method: http.MethodPost, path: "Contacts", wrapper: "Contacts"}, contacts, key)
}

// IsNotFound reports whether err says a record does not exist.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
