// Package msdate reads the .NET JSON date that Xero and Exact Online write:
// "/Date(1574208000000)/" or "/Date(1574208000000+0000)/", milliseconds since
// the Unix epoch with an optional UTC offset.
package msdate

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

var pattern = regexp.MustCompile(`^/Date\((-?\d+)([+-]\d{4})?\)/$`)

// Parse returns the instant s names, in the offset's zone when s has one
// (UTC otherwise). ok is false when s is not in this form at all, so the
// caller can try its ISO layouts.
func Parse(s string) (t time.Time, ok bool, err error) {
	m := pattern.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false, nil
	}
	ms, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return time.Time{}, true, fmt.Errorf("date %q: %w", s, err)
	}
	t = time.UnixMilli(ms).UTC()
	if off := m[2]; off != "" {
		h, _ := strconv.Atoi(off[1:3])
		mi, _ := strconv.Atoi(off[3:5])
		secs := h*3600 + mi*60
		if off[0] == '-' {
			secs = -secs
		}
		t = t.In(time.FixedZone("", secs))
	}
	return t, true, nil
}
