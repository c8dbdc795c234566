package autotasksim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// maxInValues is Autotask's documented cap on OR-conditions, which is what
// an in/notIn list turns into.
const maxInValues = 500

type pred func(Record) bool

// compiler turns a filter into a predicate; it counts UDF conditions because
// Autotask allows one per query.
type compiler struct {
	e        *entity
	udfNames map[string]string // lower-case → canonical name of known UDFs
	udfSeen  map[string]bool
	warn     func(op string)
}

func (c *compiler) all(items []rawFilter) (pred, *apiError) {
	preds := make([]pred, 0, len(items))
	for _, it := range items {
		p, err := c.one(it)
		if err != nil {
			return nil, err
		}
		if p != nil {
			preds = append(preds, p)
		}
	}
	return func(r Record) bool {
		for _, p := range preds {
			if !p(r) {
				return false
			}
		}
		return true
	}, nil
}

func (c *compiler) one(f rawFilter) (pred, *apiError) {
	op := strings.ToLower(f.Op)
	switch op {
	case "and", "or":
		if len(f.Items) == 0 {
			return nil, errf(http.StatusInternalServerError, "The %s group has no items.", f.Op)
		}
		if op == "and" {
			return c.all(f.Items)
		}
		preds := make([]pred, 0, len(f.Items))
		for _, it := range f.Items {
			p, err := c.one(it)
			if err != nil {
				return nil, err
			}
			if p == nil {
				p = func(Record) bool { return true }
			}
			preds = append(preds, p)
		}
		return func(r Record) bool {
			for _, p := range preds {
				if p(r) {
					return true
				}
			}
			return false
		}, nil
	}
	if f.Field == "" {
		return nil, errf(http.StatusInternalServerError, "A filter condition needs a field.")
	}
	get, dataType, err := c.accessor(f)
	if err != nil {
		return nil, err
	}
	switch op {
	case "exist":
		return func(r Record) bool { return get(r) != nil }, nil
	case "notexist":
		return func(r Record) bool { return get(r) == nil }, nil
	case "eq", "noteq", "gt", "gte", "lt", "lte", "beginswith", "endswith", "contains":
		if (op == "beginswith" || op == "endswith" || op == "contains") && dataType != "string" {
			return nil, errf(http.StatusInternalServerError, "The %s operator applies to text fields only; %s is %s.", f.Op, f.Field, dataType)
		}
		v, err := convert(dataType, f.Field, f.Value)
		if err != nil {
			return nil, err
		}
		return comparePred(op, get, dataType, v), nil
	case "in", "notin":
		var list []json.RawMessage
		if err := json.Unmarshal(f.Value, &list); err != nil || list == nil {
			return nil, errf(http.StatusInternalServerError, "The %s operator needs an array value.", f.Op)
		}
		if len(list) > maxInValues {
			return nil, errf(http.StatusInternalServerError, "The %s list for %s has %d values; at most %d are allowed.", f.Op, f.Field, len(list), maxInValues)
		}
		vals := make([]any, len(list))
		for i, raw := range list {
			if vals[i], err = convert(dataType, f.Field, raw); err != nil {
				return nil, err
			}
		}
		in := func(r Record) bool {
			rv := get(r)
			if rv == nil {
				return false
			}
			for _, v := range vals {
				if c, ok := compareValue(dataType, rv, v); ok && c == 0 {
					return true
				}
			}
			return false
		}
		if op == "in" {
			return in, nil
		}
		return func(r Record) bool { return !in(r) }, nil
	}
	// Autotask silently drops a condition with an operator it does not know
	// (a misspelt "ne" returns everything); the simulator does the same, and
	// logs it so a test can see why.
	c.warn(f.Op)
	return nil, nil
}

// accessor returns how to read the filtered value from a record.
func (c *compiler) accessor(f rawFilter) (func(Record) any, string, *apiError) {
	if f.UDF {
		if !c.e.hasUDFs {
			return nil, "", errf(http.StatusInternalServerError, "The %s Entity has no user-defined fields.", c.e.internal)
		}
		name, ok := c.udfNames[strings.ToLower(f.Field)]
		if !ok {
			return nil, "", unknownField(c.e, f.Field)
		}
		c.udfSeen[name] = true
		if len(c.udfSeen) > 1 {
			return nil, "", errf(http.StatusInternalServerError, "Only one user-defined field may be used in a query.")
		}
		return func(r Record) any { return udfValue(r, name) }, "string", nil
	}
	fl, ok := c.e.field(f.Field)
	if !ok || fl.DataType == "udf" {
		return nil, "", unknownField(c.e, f.Field)
	}
	if notQueryable[c.e.name][fl.Name] {
		return nil, "", errf(http.StatusInternalServerError, "%s is not queryable in the %s Entity.", fl.Name, c.e.internal)
	}
	name := fl.Name
	return func(r Record) any { return r[name] }, fl.DataType, nil
}

func udfValue(r Record, name string) any {
	list, _ := r["userDefinedFields"].([]any)
	for _, it := range list {
		m, _ := it.(map[string]any)
		if n, _ := m["name"].(string); strings.EqualFold(n, name) {
			if v, ok := m["value"].(string); ok {
				return v
			}
			return nil
		}
	}
	return nil
}

// typed filter values
type intVal int64
type decVal money.Decimal
type strVal string
type timeVal time.Time
type boolVal bool

func convert(dataType, field string, raw json.RawMessage) (any, *apiError) {
	var v any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if len(raw) == 0 || dec.Decode(&v) != nil || v == nil {
		if dataType == "boolean" {
			return nil, errf(http.StatusInternalServerError, "The value for %s must be true or false, not null.", field)
		}
		return nil, errf(http.StatusInternalServerError, "The filter on %s needs a value.", field)
	}
	bad := errf(http.StatusInternalServerError, "%v is not a valid value for %s (%s).", v, field, dataType)
	switch dataType {
	case "integer", "long", "double":
		var s string
		switch t := v.(type) {
		case json.Number:
			s = t.String()
		case string:
			s = strings.TrimSpace(t)
		default:
			return nil, bad
		}
		d, err := money.Parse(s)
		if err != nil {
			return nil, bad
		}
		if dataType != "double" {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				return intVal(n), nil
			}
		}
		return decVal(d), nil
	case "string":
		switch t := v.(type) {
		case string:
			return strVal(lowerFold(t)), nil
		case json.Number:
			return strVal(t.String()), nil
		case bool:
			return strVal(strconv.FormatBool(t)), nil
		}
		return nil, bad
	case "datetime":
		s, ok := v.(string)
		if !ok {
			return nil, bad
		}
		t, err := parseDate(s)
		if err != nil {
			return nil, bad
		}
		return timeVal(t), nil
	case "boolean":
		switch t := v.(type) {
		case bool:
			return boolVal(t), nil
		case string:
			if b, err := strconv.ParseBool(t); err == nil {
				return boolVal(b), nil
			}
		case json.Number:
			if t == "0" || t == "1" {
				return boolVal(t == "1"), nil
			}
		}
		return nil, bad
	}
	return nil, bad
}

func comparePred(op string, get func(Record) any, dataType string, v any) pred {
	sv, _ := v.(strVal)
	return func(r Record) bool {
		rv := get(r)
		if rv == nil {
			return op == "noteq"
		}
		switch op {
		case "beginswith":
			return strings.HasPrefix(lowerFold(rv.(string)), string(sv))
		case "endswith":
			return strings.HasSuffix(lowerFold(rv.(string)), string(sv))
		case "contains":
			return strings.Contains(lowerFold(rv.(string)), string(sv))
		}
		c, ok := compareValue(dataType, rv, v)
		if !ok {
			return op == "noteq"
		}
		switch op {
		case "eq":
			return c == 0
		case "noteq":
			return c != 0
		case "gt":
			return c > 0
		case "gte":
			return c >= 0
		case "lt":
			return c < 0
		default: // lte
			return c <= 0
		}
	}
}

// compareValue compares a stored value with a converted filter value.
func compareValue(dataType string, rv, v any) (int, bool) {
	switch fv := v.(type) {
	case intVal:
		n, ok := rv.(json.Number)
		if !ok {
			return 0, false
		}
		if i, err := n.Int64(); err == nil {
			return cmpInt(i, int64(fv)), true
		}
		d, err := money.Parse(n.String())
		return d.Cmp(money.FromInt(int64(fv))), err == nil
	case decVal:
		n, ok := rv.(json.Number)
		if !ok {
			return 0, false
		}
		d, err := money.Parse(n.String())
		return d.Cmp(money.Decimal(fv)), err == nil
	case strVal:
		s, ok := rv.(string)
		if !ok {
			return 0, false
		}
		return strings.Compare(lowerFold(s), string(fv)), true
	case timeVal:
		s, ok := rv.(string)
		if !ok {
			return 0, false
		}
		t, err := parseDate(s)
		if err != nil {
			return 0, false
		}
		return t.Compare(time.Time(fv)), true
	case boolVal:
		b, ok := rv.(bool)
		if !ok {
			return 0, false
		}
		if b == bool(fv) {
			return 0, true
		}
		return 1, true
	}
	return 0, false
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
