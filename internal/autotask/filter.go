package autotask

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Filter is one item of a query's filter array: a condition on a field
// ({"op":"eq","field":"companyID","value":123}) or an and/or group of items.
// Build it with the constructors; the zero Filter is invalid.
type Filter struct {
	op    string
	field string
	value any // nil for exist/notExist and groups
	items []Filter
	udf   bool
}

// Operators Autotask accepts.
const (
	opEq         = "eq"
	opNotEq      = "noteq"
	opGt         = "gt"
	opGte        = "gte"
	opLt         = "lt"
	opLte        = "lte"
	opBeginsWith = "beginsWith"
	opEndsWith   = "endsWith"
	opContains   = "contains"
	opExist      = "exist"
	opNotExist   = "notExist"
	opIn         = "in"
	opNotIn      = "notIn"
	opAnd        = "and"
	opOr         = "or"
)

// maxInValues is Autotask's cap on OR conditions in one query; an "in" list
// counts one per value.
const maxInValues = 500

// Eq matches records whose field equals v. v is an int, int64, string, bool,
// time.Time, Time or money.Decimal.
func Eq(field string, v any) Filter { return cond(opEq, field, v) }

// NotEq matches records whose field differs from v.
func NotEq(field string, v any) Filter { return cond(opNotEq, field, v) }

// Gt matches field > v.
func Gt(field string, v any) Filter { return cond(opGt, field, v) }

// Gte matches field >= v.
func Gte(field string, v any) Filter { return cond(opGte, field, v) }

// Lt matches field < v.
func Lt(field string, v any) Filter { return cond(opLt, field, v) }

// Lte matches field <= v.
func Lte(field string, v any) Filter { return cond(opLte, field, v) }

// BeginsWith matches strings starting with prefix.
func BeginsWith(field, prefix string) Filter { return cond(opBeginsWith, field, prefix) }

// EndsWith matches strings ending with suffix.
func EndsWith(field, suffix string) Filter { return cond(opEndsWith, field, suffix) }

// Contains matches strings containing part.
func Contains(field, part string) Filter { return cond(opContains, field, part) }

// Exist matches records where field has a value (is not null).
func Exist(field string) Filter { return Filter{op: opExist, field: field} }

// NotExist matches records where field is null.
func NotExist(field string) Filter { return Filter{op: opNotExist, field: field} }

// In matches records whose field is one of values (1–500 of them). values is
// a slice of a supported scalar type, e.g. []int64 or []string.
func In(field string, values any) Filter { return cond(opIn, field, values) }

// NotIn matches records whose field is none of values.
func NotIn(field string, values any) Filter { return cond(opNotIn, field, values) }

// And matches records that match every item.
func And(items ...Filter) Filter { return Filter{op: opAnd, items: items} }

// Or matches records that match any item.
func Or(items ...Filter) Filter { return Filter{op: opOr, items: items} }

// UDF marks the condition as one on a user-defined field (by its name).
// Autotask allows one such condition per query.
func (f Filter) UDF() Filter {
	f.udf = true
	return f
}

func cond(op, field string, v any) Filter { return Filter{op: op, field: field, value: v} }

// wireFilter is the JSON shape Autotask reads.
type wireFilter struct {
	Op    string       `json:"op"`
	Field string       `json:"field,omitempty"`
	UDF   bool         `json:"udf,omitempty"`
	Value any          `json:"value,omitempty"`
	Items []wireFilter `json:"items,omitempty"`
}

// MarshalJSON validates the filter and writes it as Autotask expects.
func (f Filter) MarshalJSON() ([]byte, error) {
	w, err := f.wire()
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

func (f Filter) wire() (wireFilter, error) {
	w := wireFilter{Op: f.op, Field: f.field, UDF: f.udf}
	switch f.op {
	case opAnd, opOr:
		if len(f.items) == 0 {
			return w, fmt.Errorf("%s group has no items", f.op)
		}
		for _, it := range f.items {
			iw, err := it.wire()
			if err != nil {
				return w, err
			}
			w.Items = append(w.Items, iw)
		}
		return w, nil
	case opExist, opNotExist:
		if f.field == "" {
			return w, fmt.Errorf("%s needs a field", f.op)
		}
		return w, nil
	case opIn, opNotIn:
		if f.field == "" {
			return w, fmt.Errorf("%s needs a field", f.op)
		}
		vals, err := listValue(f.value)
		if err != nil {
			return w, fmt.Errorf("%s %s: %w", f.op, f.field, err)
		}
		switch {
		case len(vals) == 0:
			return w, fmt.Errorf("%s %s: empty list (Autotask rejects it; skip the query instead)", f.op, f.field)
		case len(vals) > maxInValues:
			return w, fmt.Errorf("%s %s: %d values, more than Autotask's %d (use QueryIn to chunk)", f.op, f.field, len(vals), maxInValues)
		}
		w.Value = vals
		return w, nil
	case opEq, opNotEq, opGt, opGte, opLt, opLte, opBeginsWith, opEndsWith, opContains:
		if f.field == "" {
			return w, fmt.Errorf("%s needs a field", f.op)
		}
		v, err := scalarValue(f.value)
		if err != nil {
			return w, fmt.Errorf("%s %s: %w", f.op, f.field, err)
		}
		w.Value = v
		return w, nil
	case "":
		return w, fmt.Errorf("empty filter (build filters with Eq, In, And, …)")
	}
	return w, fmt.Errorf("unknown operator %q", f.op)
}

// scalarValue converts a Go value into what Autotask accepts in a filter.
// json.Marshal of the result never writes a float, so no money is rounded.
func scalarValue(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, fmt.Errorf("nil value (Autotask rejects null; use Exist/NotExist)")
	case string, bool, int, int32, int64, uint32, money.Decimal:
		return x, nil
	case *bool:
		if x == nil {
			return nil, fmt.Errorf("nil bool (Autotask accepts only true or false)")
		}
		return *x, nil
	case *int64:
		if x == nil {
			return nil, fmt.Errorf("nil id (use Exist/NotExist)")
		}
		return *x, nil
	case time.Time:
		if x.IsZero() {
			return nil, fmt.Errorf("zero time")
		}
		return Time{x}.String(), nil
	case Time:
		if x.IsZero() {
			return nil, fmt.Errorf("zero time")
		}
		return x.String(), nil
	}
	return nil, fmt.Errorf("unsupported value type %T", v)
}

// listValue converts the slice given to In/NotIn.
func listValue(v any) ([]any, error) {
	var out []any
	add := func(x any) error {
		s, err := scalarValue(x)
		if err != nil {
			return err
		}
		out = append(out, s)
		return nil
	}
	switch xs := v.(type) {
	case []int64:
		for _, x := range xs {
			out = append(out, x)
		}
	case []int:
		for _, x := range xs {
			out = append(out, x)
		}
	case []string:
		for _, x := range xs {
			out = append(out, x)
		}
	case []any:
		for _, x := range xs {
			if err := add(x); err != nil {
				return nil, err
			}
		}
	case nil:
		return nil, nil
	default:
		return nil, fmt.Errorf("unsupported list type %T", v)
	}
	return out, nil
}

// countUDF counts user-defined-field conditions in fs and their groups.
func countUDF(fs []Filter) int {
	n := 0
	for _, f := range fs {
		if f.udf {
			n++
		}
		n += countUDF(f.items)
	}
	return n
}

// countOr counts the OR conditions Autotask would see: each value of an
// in/notIn list and each item of an or group.
func countOr(fs []Filter) int {
	n := 0
	for _, f := range fs {
		switch f.op {
		case opIn, opNotIn:
			if vals, err := listValue(f.value); err == nil {
				n += len(vals)
			}
		case opOr:
			n += len(f.items)
		}
		n += countOr(f.items)
	}
	return n
}
