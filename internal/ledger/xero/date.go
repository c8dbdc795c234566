package xero

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/msdate"
)

// Date is a calendar date as Xero uses for Date, DueDate and the like. It
// reads both Xero's "/Date(1574208000000+0000)/" and ISO forms and writes
// "YYYY-MM-DD", the form the spec documents for requests. The zero Date is
// omitted from requests (omitzero).
type Date struct{ t time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// ParseDate reads a date in either of Xero's forms.
func ParseDate(s string) (Date, error) {
	t, err := parseXeroTime(s)
	if err != nil {
		return Date{}, err
	}
	return DateOf(t), nil
}

func (d Date) IsZero() bool      { return d.t.IsZero() }
func (d Date) Time() time.Time   { return d.t }
func (d Date) String() string    { return d.t.Format(time.DateOnly) }
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

func (d *Date) UnmarshalJSON(b []byte) error {
	t, err := unmarshalXeroTime(b)
	if err != nil {
		return err
	}
	if t.IsZero() {
		*d = Date{}
		return nil
	}
	*d = DateOf(t)
	return nil
}

// DateTime is a point in time such as UpdatedDateUTC. Xero sets these; they
// are never sent in requests.
type DateTime struct{ time.Time }

func (d DateTime) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.UTC().Format(time.RFC3339Nano))
}

func (d *DateTime) UnmarshalJSON(b []byte) error {
	t, err := unmarshalXeroTime(b)
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

func unmarshalXeroTime(b []byte) (time.Time, error) {
	if bytes.Equal(b, []byte("null")) {
		return time.Time{}, nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return time.Time{}, fmt.Errorf("xero: date %s is not a string", b)
	}
	if s == "" {
		return time.Time{}, nil
	}
	return parseXeroTime(s)
}

// isoLayouts are the ISO forms Xero writes (DateString, UpdatedDateUTCString)
// and the spec's request form.
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.9999999",
	"2006-01-02T15:04:05",
	time.DateOnly,
}

func parseXeroTime(s string) (time.Time, error) {
	if t, ok, err := msdate.Parse(s); ok {
		if err != nil {
			return time.Time{}, fmt.Errorf("xero: %w", err)
		}
		return t, nil
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("xero: %q is not a date Xero writes", s)
}
