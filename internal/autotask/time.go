package autotask

import (
	"bytes"
	"fmt"
	"time"
)

// Time is an Autotask date or date-time. Autotask writes them in UTC as
// "2021-12-01T00:00:00Z", some with milliseconds ("2022-12-02T08:52:54.023Z"),
// and accepts date-only values in filters. The zero Time is JSON null, which
// is how Autotask writes an empty date (e.g. an invoice not yet sent to a
// ledger has "webServiceDate": null).
type Time struct{ time.Time }

// layouts Autotask is seen to use, most common first.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999", // no zone: Autotask means UTC
	"2006-01-02",
}

// ParseTime reads any of the forms Autotask writes; values without a zone are
// taken as UTC.
func ParseTime(s string) (Time, error) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return Time{t.UTC()}, nil
		}
	}
	return Time{}, fmt.Errorf("autotask: %q is not an Autotask date", s)
}

// Date returns midnight UTC of the given day.
func Date(year int, month time.Month, day int) Time {
	return Time{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// String writes the time as Autotask does: UTC, seconds, and milliseconds
// only when there are any.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	u := t.UTC()
	if u.Nanosecond() != 0 {
		return u.Format("2006-01-02T15:04:05.000Z")
	}
	return u.Format("2006-01-02T15:04:05Z")
}

func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.String() + `"`), nil
}

func (t *Time) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) || bytes.Equal(b, []byte(`""`)) {
		*t = Time{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fmt.Errorf("autotask: date %s is not a string", b)
	}
	p, err := ParseTime(string(b[1 : len(b)-1]))
	if err != nil {
		return err
	}
	*t = p
	return nil
}
