package xerosim

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// A "where-lite" filter: clauses joined by AND (or &&), each one of
//
//	Field=="value"   Field!="value"   Field==true   Field==Guid("…")
//	Field.ToLower()=="value"   Field.Contains("v")   Field.StartsWith("v")
//
// where Field may be dotted (Contact.ContactID). String equality is
// case-insensitive, as Xero's optimised Name and EmailAddress filters are.
var clauseRE = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9.]*?)(\.ToLower\(\)|\.ToUpper\(\))?\s*(==|!=|=|\.Contains\(|\.StartsWith\()\s*(Guid\()?("([^"]*)"|true|false)\)?\)?\s*$`)

type clause struct {
	field, op, value string
}

func parseWhere(s string) ([]clause, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []clause
	for _, part := range regexp.MustCompile(`(?i)\s+AND\s+|&&`).Split(s, -1) {
		m := clauseRE.FindStringSubmatch(part)
		if m == nil {
			return nil, fmt.Errorf("unsupported where clause %q", strings.TrimSpace(part))
		}
		val := m[6]
		if !strings.HasPrefix(m[5], `"`) {
			val = m[5]
		}
		op := m[3]
		if op == "=" {
			op = "=="
		}
		out = append(out, clause{field: m[1], op: op, value: val})
	}
	return out, nil
}

// matches evaluates the clauses against an entity through its JSON form.
func matches(v any, cl []clause) bool {
	if len(cl) == 0 {
		return true
	}
	raw, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	for _, c := range cl {
		got := lookup(m, c.field)
		g, w := strings.ToLower(got), strings.ToLower(c.value)
		var ok bool
		switch c.op {
		case "==":
			ok = g == w
		case "!=":
			ok = g != w
		case ".Contains(":
			ok = strings.Contains(g, w)
		case ".StartsWith(":
			ok = strings.HasPrefix(g, w)
		}
		if !ok {
			return false
		}
	}
	return true
}

func lookup(m map[string]any, path string) string {
	var cur any = m
	for _, p := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = mm[p]
	}
	if cur == nil {
		return ""
	}
	return fmt.Sprint(cur)
}

// modifiedSince reads If-Modified-Since (RFC 1123 or ISO 8601).
func (c *call) modifiedSince() (time.Time, bool) {
	h := c.r.Header.Get("If-Modified-Since")
	if h == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC1123, h); err == nil {
		return t, true
	}
	if t, err := parseXeroDate(h); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// idList splits a comma-separated query parameter.
func (c *call) idList(name string) map[string]bool {
	v := c.q.Get(name)
	if v == "" {
		return nil
	}
	out := map[string]bool{}
	for _, s := range strings.Split(v, ",") {
		out[strings.ToLower(strings.TrimSpace(s))] = true
	}
	return out
}
