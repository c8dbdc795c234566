package xerosim

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Xero writes dates in the .NET JSON style, "/Date(1574208000000+0000)/",
// with an ISO "...String" companion for document dates (DateString:
// "2019-11-20T00:00:00"), and the envelope's DateTimeUTC without an offset.
// It accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or the .NET form on input.

var msDateRE = regexp.MustCompile(`^/Date\((-?\d+)([+-]\d{4})?\)/$`)

// parseXeroDate reads any of the input forms.
func parseXeroDate(s string) (time.Time, error) {
	if m := msDateRE.FindStringSubmatch(s); m != nil {
		ms, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			return time.Time{}, err
		}
		return time.UnixMilli(ms).UTC(), nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date", s)
}

// msDate is a stored date or timestamp, written as "/Date(ms+0000)/".
type msDate struct{ time.Time }

func (d msDate) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"/Date(` + strconv.FormatInt(d.UnixMilli(), 10) + `+0000)/"`), nil
}

func (d *msDate) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		d.Time = time.Time{}
		return nil
	}
	t, err := parseXeroDate(s)
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

// day truncates to the calendar day, as Xero keeps document dates.
func day(t time.Time) msDate {
	y, m, dd := t.UTC().Date()
	return msDate{time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)}
}

// dateString is the ISO companion of a document date.
func dateString(d msDate) string {
	if d.IsZero() {
		return ""
	}
	return d.UTC().Format("2006-01-02T15:04:05")
}

// envelopeTime is DateTimeUTC of a response envelope: no offset, as in the spec.
func envelopeTime(t time.Time) string {
	return "/Date(" + strconv.FormatInt(t.UnixMilli(), 10) + ")/"
}
