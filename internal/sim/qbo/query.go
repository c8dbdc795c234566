package qbosim

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/sim/qbo/internal/xsdfields"
)

// parsedQuery is one statement of Intuit's query language, the subset the
// client uses: select */count(*)/fields, where with =, <, >, <=, >=, !=,
// in, like joined by and; orderby; startposition; maxresults.
type parsedQuery struct {
	entity  *entityDef
	count   bool
	fields  []string
	conds   []cond
	orderBy []order
	start   int
	max     int
}

type cond struct {
	field, op string
	values    []any // string, json.Number or bool
}

type order struct {
	field string
	desc  bool
}

var tokenRE = regexp.MustCompile(`\s*('(?:[^'\\]|\\.)*'|<=|>=|!=|[=<>(),*]|[A-Za-z_][A-Za-z0-9_.]*|-?\d+(?:\.\d+)?)`)

func tokenize(q string) ([]string, *apiFault) {
	var toks []string
	rest := strings.TrimSpace(q)
	for rest != "" {
		m := tokenRE.FindStringSubmatchIndex(rest)
		if m == nil || m[0] != 0 {
			return nil, errQuery(fmt.Sprintf("Encountered \"%s\"", firstWord(rest)))
		}
		toks = append(toks, rest[m[2]:m[3]])
		rest = strings.TrimSpace(rest[m[1]:])
	}
	return toks, nil
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t\n"); i > 0 {
		return s[:i]
	}
	return s
}

func (s *Server) parseQuery(text string) (*parsedQuery, *apiFault) {
	toks, f := tokenize(text)
	if f != nil {
		return nil, f
	}
	p := &parsedQuery{start: 1, max: 100}
	i := 0
	peek := func() string {
		if i < len(toks) {
			return toks[i]
		}
		return ""
	}
	next := func() string { t := peek(); i++; return t }
	kw := func(w string) bool {
		if strings.EqualFold(peek(), w) {
			i++
			return true
		}
		return false
	}
	if !kw("select") {
		return nil, errQuery("the statement must start with SELECT")
	}
	switch {
	case kw("*"):
	case strings.EqualFold(peek(), "count"):
		next()
		if next() != "(" || next() != "*" || next() != ")" {
			return nil, errQuery("expected COUNT(*)")
		}
		p.count = true
	default:
		for {
			p.fields = append(p.fields, next())
			if !kw(",") {
				break
			}
		}
	}
	if !kw("from") {
		return nil, errQuery("expected FROM, encountered \"" + peek() + "\"")
	}
	name := next()
	if p.entity = entityByName(name); p.entity == nil {
		return nil, errQueryField("Entity " + name + " is not supported")
	}
	if kw("where") {
		for {
			c, f := s.parseCond(p.entity.name, next, peek)
			if f != nil {
				return nil, f
			}
			p.conds = append(p.conds, c)
			if !kw("and") {
				break
			}
		}
	}
	if kw("orderby") {
		for {
			fld := next()
			if f := s.checkQueryField(p.entity.name, fld); f != nil {
				return nil, f
			}
			o := order{field: fld}
			if kw("desc") {
				o.desc = true
			} else {
				kw("asc")
			}
			p.orderBy = append(p.orderBy, o)
			if !kw(",") {
				break
			}
		}
	}
	for _, clause := range []struct {
		word string
		dst  *int
	}{{"startposition", &p.start}, {"maxresults", &p.max}} {
		if kw(clause.word) {
			n, err := strconv.Atoi(next())
			if err != nil || n < 1 {
				return nil, errQuery(strings.ToUpper(clause.word) + " must be a positive number")
			}
			*clause.dst = n
		}
	}
	if p.max > 1000 {
		return nil, errQuery("MAXRESULTS cannot be more than 1000")
	}
	if i != len(toks) {
		return nil, errQuery("Encountered \"" + peek() + "\" at the end of the statement")
	}
	return p, nil
}

func (s *Server) parseCond(entity string, next func() string, peek func() string) (cond, *apiFault) {
	c := cond{field: next()}
	if f := s.checkQueryField(entity, c.field); f != nil {
		return c, f
	}
	c.op = strings.ToLower(next())
	switch c.op {
	case "=", "<", ">", "<=", ">=", "!=", "like":
		v, f := literal(next())
		if f != nil {
			return c, f
		}
		if _, isStr := v.(string); c.op == "like" && !isStr {
			return c, errQuery("LIKE needs a quoted string")
		}
		c.values = []any{v}
	case "in":
		if next() != "(" {
			return c, errQuery("expected ( after IN")
		}
		for {
			v, f := literal(next())
			if f != nil {
				return c, f
			}
			c.values = append(c.values, v)
			if t := next(); t == ")" {
				break
			} else if t != "," {
				return c, errQuery("expected , or ) in IN list")
			}
		}
	default:
		return c, errQuery("unsupported operator \"" + c.op + "\"")
	}
	return c, nil
}

func literal(t string) (any, *apiFault) {
	switch {
	case strings.HasPrefix(t, "'") && strings.HasSuffix(t, "'") && len(t) >= 2:
		return strings.ReplaceAll(t[1:len(t)-1], `\'`, `'`), nil
	case strings.EqualFold(t, "true"), strings.EqualFold(t, "false"):
		return strings.EqualFold(t, "true"), nil
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return json.Number(t), nil
	}
	return nil, errQuery("Encountered \"" + t + "\" where a value was expected")
}

// checkQueryField accepts a field path the entity's schema knows.
func (s *Server) checkQueryField(entity, path string) *apiFault {
	typ := entity
	for _, part := range strings.Split(path, ".") {
		t, ok := s.fields.Types[typ]
		if !ok {
			return errQueryField("property '" + path + "' is not queryable")
		}
		f, ok := fieldFold(t.Fields, part)
		if !ok {
			return errQueryField("property '" + path + "' is not queryable for " + entity)
		}
		typ = f.Ref
	}
	return nil
}

// query runs a statement and builds the QueryResponse object.
func (s *Server) query(rm *realm, text string) (map[string]any, *apiFault) {
	p, f := s.parseQuery(text)
	if f != nil {
		return nil, f
	}
	var rows []obj
	filterActive := p.entity.kind != transaction && !slices.ContainsFunc(p.conds, func(c cond) bool { return strings.EqualFold(c.field, "Active") })
	for _, o := range rm.Entities[p.entity.name] {
		if filterActive && !active(o) {
			continue
		}
		if matchAll(o, p.conds) {
			rows = append(rows, o)
		}
	}
	if p.count {
		return map[string]any{"totalCount": len(rows)}, nil
	}
	sort.SliceStable(rows, func(a, b int) bool { return idLess(rows[a], rows[b]) })
	for k := len(p.orderBy) - 1; k >= 0; k-- {
		ob := p.orderBy[k]
		sort.SliceStable(rows, func(a, b int) bool {
			c := compare(pathValue(rows[a], ob.field), pathValue(rows[b], ob.field))
			if ob.desc {
				return c > 0
			}
			return c < 0
		})
	}
	out := map[string]any{}
	if p.start > len(rows) {
		return out, nil
	}
	rows = rows[p.start-1 : min(len(rows), p.start-1+p.max)]
	list := make([]any, len(rows))
	for i, o := range rows {
		list[i] = project(clone(o), p.fields)
	}
	out[p.entity.name] = list
	out["startPosition"] = p.start
	out["maxResults"] = len(list)
	return out, nil
}

func project(o obj, fields []string) obj {
	if len(fields) == 0 {
		return o
	}
	out := obj{"Id": o["Id"], "SyncToken": o["SyncToken"], "domain": o["domain"], "sparse": true}
	for _, f := range fields {
		if k, ok := keyFold(o, f); ok {
			out[k] = o[k]
		}
	}
	return out
}

func idLess(a, b obj) bool {
	x, _ := strconv.Atoi(fmt.Sprint(a["Id"]))
	y, _ := strconv.Atoi(fmt.Sprint(b["Id"]))
	return x < y
}

func matchAll(o obj, conds []cond) bool {
	for _, c := range conds {
		v := pathValue(o, c.field)
		ok := false
		for _, want := range c.values {
			switch c.op {
			case "=", "in":
				ok = ok || compare(v, want) == 0
			case "!=":
				ok = compare(v, want) != 0
			case "<":
				ok = v != nil && compare(v, want) < 0
			case ">":
				ok = v != nil && compare(v, want) > 0
			case "<=":
				ok = v != nil && compare(v, want) <= 0
			case ">=":
				ok = v != nil && compare(v, want) >= 0
			case "like":
				ok = like(fmt.Sprint(v), want.(string))
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// pathValue reads a field path; references compare by their value.
func pathValue(o obj, path string) any {
	var cur any = o
	for _, part := range strings.Split(path, ".") {
		m, _ := cur.(map[string]any)
		k, ok := keyFold(m, part)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	if m, ok := cur.(map[string]any); ok {
		return m["value"]
	}
	return cur
}

// compare orders two scalar values: numbers numerically, times as times,
// strings case-insensitively; nil sorts first.
func compare(a, b any) int {
	if a == nil || b == nil {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return -1
		}
		return 1
	}
	as, bs := fmt.Sprint(a), fmt.Sprint(b)
	if x, err := money.Parse(as); err == nil {
		if y, err := money.Parse(bs); err == nil {
			return x.Cmp(y)
		}
	}
	if x, ok := parseWhen(as); ok {
		if y, ok := parseWhen(bs); ok {
			return x.Compare(y)
		}
	}
	return strings.Compare(strings.ToLower(as), strings.ToLower(bs))
}

func parseWhen(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000-07:00", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func like(v, pattern string) bool {
	re := "(?is)^" + strings.ReplaceAll(regexp.QuoteMeta(pattern), "%", ".*") + "$"
	ok, _ := regexp.MatchString(re, v)
	return ok
}

func keyFold(m map[string]any, k string) (string, bool) {
	if _, ok := m[k]; ok {
		return k, true
	}
	for key := range m {
		if strings.EqualFold(key, k) {
			return key, true
		}
	}
	return "", false
}

func fieldFold(m map[string]xsdfields.Field, k string) (xsdfields.Field, bool) {
	if f, ok := m[k]; ok {
		return f, true
	}
	for key, f := range m {
		if strings.EqualFold(key, k) {
			return f, true
		}
	}
	return xsdfields.Field{}, false
}
