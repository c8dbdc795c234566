package qbo

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Field limits Intuit documents for names.
const (
	MaxDisplayNameLength = 500 // Customer and Vendor DisplayName
	MaxCompanyNameLength = 100
	MaxItemNameLength    = 100
	MaxSkuLength         = 100
)

// Customer is a customer (or a sub-customer/job, with ParentRef). Fields
// follow NameBase and Customer in Intuit's XSD; Balance and
// FullyQualifiedName are set by QuickBooks.
type Customer struct {
	ID                 string          `json:"Id,omitempty"`
	SyncToken          string          `json:"SyncToken,omitempty"`
	MetaData           *MetaData       `json:"MetaData,omitempty"`
	DisplayName        string          `json:"DisplayName,omitempty"`
	CompanyName        string          `json:"CompanyName,omitempty"`
	Title              string          `json:"Title,omitempty"`
	GivenName          string          `json:"GivenName,omitempty"`
	FamilyName         string          `json:"FamilyName,omitempty"`
	FullyQualifiedName string          `json:"FullyQualifiedName,omitempty"`
	PrimaryEmailAddr   EmailAddress    `json:"PrimaryEmailAddr,omitzero"`
	PrimaryPhone       TelephoneNumber `json:"PrimaryPhone,omitzero"`
	BillAddr           PhysicalAddress `json:"BillAddr,omitzero"`
	ShipAddr           PhysicalAddress `json:"ShipAddr,omitzero"`
	Notes              string          `json:"Notes,omitempty"`
	Active             *bool           `json:"Active,omitempty"`
	Taxable            *bool           `json:"Taxable,omitempty"`
	DefaultTaxCodeRef  Ref             `json:"DefaultTaxCodeRef,omitzero"`
	SalesTermRef       Ref             `json:"SalesTermRef,omitzero"`
	CurrencyRef        Ref             `json:"CurrencyRef,omitzero"`
	ParentRef          Ref             `json:"ParentRef,omitzero"`
	Job                *bool           `json:"Job,omitempty"`
	BillWithParent     *bool           `json:"BillWithParent,omitempty"`
	Balance            Amount          `json:"Balance,omitzero"`
}

func (Customer) EntityName() string { return "Customer" }
func (c Customer) ref() string      { return c.DisplayName }

// Vendor is a supplier. Its DisplayName shares the uniqueness rule of
// customers.
type Vendor struct {
	ID               string          `json:"Id,omitempty"`
	SyncToken        string          `json:"SyncToken,omitempty"`
	MetaData         *MetaData       `json:"MetaData,omitempty"`
	DisplayName      string          `json:"DisplayName,omitempty"`
	CompanyName      string          `json:"CompanyName,omitempty"`
	PrimaryEmailAddr EmailAddress    `json:"PrimaryEmailAddr,omitzero"`
	PrimaryPhone     TelephoneNumber `json:"PrimaryPhone,omitzero"`
	BillAddr         PhysicalAddress `json:"BillAddr,omitzero"`
	AcctNum          string          `json:"AcctNum,omitempty"`
	TermRef          Ref             `json:"TermRef,omitzero"`
	CurrencyRef      Ref             `json:"CurrencyRef,omitzero"`
	Active           *bool           `json:"Active,omitempty"`
	Balance          Amount          `json:"Balance,omitzero"`
}

func (Vendor) EntityName() string { return "Vendor" }
func (v Vendor) ref() string      { return v.DisplayName }

// ValidateDisplayName checks a Customer or Vendor DisplayName before it is
// sent: not blank, at most MaxDisplayNameLength characters, no colon
// (QuickBooks uses ":" to join sub-customer names in FullyQualifiedName).
// Uniqueness across customers, vendors and employees is QuickBooks' to check
// (Fault 6240); look the name up first.
func ValidateDisplayName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return apperr.New(apperr.Invalid, "The QuickBooks display name is empty",
			"Give the Autotask company a name, or set the QuickBooks name in Billbridge's customer mapping.")
	case utf8.RuneCountInString(name) > MaxDisplayNameLength:
		return apperr.New(apperr.Invalid,
			fmt.Sprintf("The name %.40q… is longer than QuickBooks allows (%d characters)", name, MaxDisplayNameLength),
			"Shorten the name in Autotask or in Billbridge's customer mapping.")
	case strings.Contains(name, ":"):
		return apperr.New(apperr.Invalid,
			fmt.Sprintf("The name %q contains a colon, which QuickBooks does not allow in display names", name),
			"Replace the colon in the Autotask company name, or set another QuickBooks name in Billbridge's customer mapping.")
	}
	return nil
}

// Bool returns a pointer to b, for optional flags such as Active.
func Bool(b bool) *bool { return &b }
