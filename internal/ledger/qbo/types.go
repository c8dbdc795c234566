package qbo

import (
	"encoding/json"
	"fmt"
	"time"
)

// Entity is a QuickBooks object type this package reads and writes. Name is
// the entity's name in the API ("Invoice"), which is also the JSON wrapper
// of its answers and, in lower case, its resource path.
type Entity interface {
	EntityName() string
	// ref is what a person knows the object by (DocNumber, DisplayName or
	// Name), for messages.
	ref() string
}

// Ref points at another object, e.g. CustomerRef {"value":"58","name":"Acme"}.
// Only Value is needed in requests.
type Ref struct {
	Value string `json:"value"`
	Name  string `json:"name,omitempty"`
}

// IsZero makes an empty Ref disappear from requests (omitzero).
func (r Ref) IsZero() bool { return r.Value == "" && r.Name == "" }

// MetaData is set by QuickBooks on every object.
type MetaData struct {
	CreateTime      time.Time `json:"CreateTime,omitzero"`
	LastUpdatedTime time.Time `json:"LastUpdatedTime,omitzero"`
}

// PhysicalAddress is a postal address such as BillAddr.
type PhysicalAddress struct {
	ID                     string `json:"Id,omitempty"`
	Line1                  string `json:"Line1,omitempty"`
	Line2                  string `json:"Line2,omitempty"`
	Line3                  string `json:"Line3,omitempty"`
	Line4                  string `json:"Line4,omitempty"`
	Line5                  string `json:"Line5,omitempty"`
	City                   string `json:"City,omitempty"`
	CountrySubDivisionCode string `json:"CountrySubDivisionCode,omitempty"`
	PostalCode             string `json:"PostalCode,omitempty"`
	Country                string `json:"Country,omitempty"`
}

// IsZero makes an empty address disappear from requests.
func (a PhysicalAddress) IsZero() bool { return a == PhysicalAddress{} }

// EmailAddress is e.g. PrimaryEmailAddr or BillEmail.
type EmailAddress struct {
	Address string `json:"Address,omitempty"`
}

// IsZero makes an empty address disappear from requests.
func (e EmailAddress) IsZero() bool { return e.Address == "" }

// TelephoneNumber is e.g. PrimaryPhone.
type TelephoneNumber struct {
	FreeFormNumber string `json:"FreeFormNumber,omitempty"`
}

// IsZero makes an empty number disappear from requests.
func (t TelephoneNumber) IsZero() bool { return t.FreeFormNumber == "" }

// CustomField is one of the (at most three) string custom fields of a sales
// form. Name and Type are read-only: only DefinitionId and StringValue are
// sent, although Intuit's XSD marks Type required.
type CustomField struct {
	DefinitionID string `json:"DefinitionId"`
	Name         string `json:"Name,omitempty"`
	Type         string `json:"Type,omitempty"`
	StringValue  string `json:"StringValue,omitempty"`
}

// LinkedTxn links a transaction or line to another, e.g. a payment line to
// the invoice it pays.
type LinkedTxn struct {
	TxnID     string `json:"TxnId"`
	TxnType   string `json:"TxnType"` // e.g. "Invoice", "CreditMemo"
	TxnLineID string `json:"TxnLineId,omitempty"`
}

// Date is a calendar date, "YYYY-MM-DD" in JSON, as in TxnDate and DueDate.
// The zero Date is omitted from requests (omitzero).
type Date struct{ t time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// ParseDate reads "YYYY-MM-DD"; QuickBooks sometimes adds an offset
// ("2026-03-01-08:00"), which is ignored.
func ParseDate(s string) (Date, error) {
	if len(s) < len(time.DateOnly) {
		return Date{}, fmt.Errorf("qbo: bad date %q", s)
	}
	t, err := time.Parse(time.DateOnly, s[:len(time.DateOnly)])
	if err != nil {
		return Date{}, fmt.Errorf("qbo: bad date %q: %w", s, err)
	}
	return Date{t}, nil
}

func (d Date) IsZero() bool      { return d.t.IsZero() }
func (d Date) Time() time.Time   { return d.t }
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("qbo: bad date %s: %w", b, err)
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
