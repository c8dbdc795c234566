package exactsim

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/sim/exact/internal/fieldspec"
)

//go:embed fields.json
var fieldsJSON []byte

// record is one stored row. Values are typed by the field's kind: string,
// int64, bool, money.Decimal, time.Time, []record (lines) or nil. Keys
// starting with "_" are the simulator's own bookkeeping and never printed.
type record map[string]any

func (r record) str(k string) string {
	s, _ := r[k].(string)
	return s
}

func (r record) int(k string) int64 {
	n, _ := r[k].(int64)
	return n
}

func (r record) dec(k string) money.Decimal {
	d, _ := r[k].(money.Decimal)
	return d
}

func (r record) lines(k string) []record {
	l, _ := r[k].([]record)
	return l
}

// entity is a served entity's field list.
type entity struct {
	name  string // picqer name, e.g. Account
	key   string
	kinds map[string]string
	order []string
}

// entities are the field lists of all served entities, from fields.json.
type entities map[string]*entity

func loadEntities() (entities, error) {
	var f fieldspec.Fields
	if err := json.Unmarshal(fieldsJSON, &f); err != nil {
		return nil, fmt.Errorf("exactsim: fields.json: %w", err)
	}
	out := entities{}
	for name, e := range f {
		ent := &entity{name: name, key: e.PrimaryKey, kinds: map[string]string{}}
		for _, fk := range e.Fields {
			ent.kinds[fk[0]] = fk[1]
			ent.order = append(ent.order, fk[0])
		}
		out[name] = ent
	}
	return out, nil
}

// typeName is the OData type Exact names in its messages and __metadata.
func (e *entity) typeName() string { return "Exact.Web.Api.Models." + e.name }

// lineEntity names the entity of a nested collection field.
var lineEntity = map[string]string{"SalesEntryLines": "SalesEntryLine", "SalesInvoiceLines": "SalesInvoiceLine",
	"PurchaseOrderLines": "PurchaseOrderLine", "PurchaseEntryLines": "PurchaseEntryLine", "GeneralJournalEntryLines": "GeneralJournalEntryLine"}

// decode reads a request body (or a stored record when stored is true)
// strictly: unknown properties and values of the wrong type are refused,
// as Exact refuses them.
func (ents entities) decode(e *entity, raw []byte, stored bool) (record, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var in map[string]json.RawMessage
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("Error processing request stream. The request body is not a JSON object: %v", err)
	}
	out := record{}
	for k, v := range in {
		if strings.HasPrefix(k, "_") && stored {
			var d money.Decimal
			if err := d.UnmarshalJSON(v); err != nil {
				return nil, fmt.Errorf("stored field %s: %w", k, err)
			}
			if k == "_paid" { // the only hidden amount; the others are counters
				out[k] = d
			} else {
				n, err := strconv.ParseInt(d.String(), 10, 64)
				if err != nil {
					return nil, fmt.Errorf("stored field %s: %w", k, err)
				}
				out[k] = n
			}
			continue
		}
		if k == "__metadata" {
			continue
		}
		kind, ok := e.kinds[k]
		if !ok {
			return nil, fmt.Errorf("Error processing request stream. The property name '%s' specified for type '%s' is not valid.", k, e.typeName())
		}
		val, err := ents.value(k, kind, v, stored)
		if err != nil {
			return nil, fmt.Errorf("Error processing request stream. The property '%s' of type '%s' has an invalid value: %v", k, e.typeName(), err)
		}
		if val != nil {
			out[k] = val
		}
	}
	return out, nil
}

var wireDateRE = regexp.MustCompile(`^/Date\((-?\d+)\)/$`)

func (ents entities) value(field, kind string, v json.RawMessage, stored bool) (any, error) {
	if string(v) == "null" {
		return nil, nil
	}
	switch kind {
	case fieldspec.KindString:
		var s string
		err := json.Unmarshal(v, &s)
		return s, err
	case fieldspec.KindInt:
		var n json.Number
		if err := json.Unmarshal(v, &n); err != nil {
			return nil, fmt.Errorf("not a number")
		}
		return n.Int64()
	case fieldspec.KindBool:
		var b bool
		err := json.Unmarshal(v, &b)
		return b, err
	case fieldspec.KindDecimal:
		var d money.Decimal
		err := d.UnmarshalJSON(v)
		return d, err
	case fieldspec.KindDate:
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("a date must be an ISO-8601 string")
		}
		if m := wireDateRE.FindStringSubmatch(s); m != nil && stored {
			ms, _ := strconv.ParseInt(m[1], 10, 64)
			return time.UnixMilli(ms).UTC(), nil
		}
		return parseISODate(s)
	case fieldspec.KindLines:
		le := ents[lineEntity[field]]
		if le == nil {
			return nil, fmt.Errorf("collection not accepted")
		}
		var items []json.RawMessage
		if err := json.Unmarshal(v, &items); err != nil {
			// a stored or echoed collection may come wrapped in {"results":[…]}
			var wrapped struct {
				Results []json.RawMessage `json:"results"`
			}
			if json.Unmarshal(v, &wrapped) != nil {
				return nil, fmt.Errorf("lines must be an array")
			}
			items = wrapped.Results
		}
		lines := make([]record, 0, len(items))
		for _, it := range items {
			l, err := ents.decode(le, it, stored)
			if err != nil {
				return nil, err
			}
			lines = append(lines, l)
		}
		return lines, nil
	}
	return nil, fmt.Errorf("this property cannot be written")
}

// parseISODate reads the ISO-8601 forms Exact accepts; a date without zone
// is taken as UTC.
func parseISODate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO-8601 date", s)
}

// wireDate is Exact's JSON date form.
func wireDate(t time.Time) string { return "/Date(" + strconv.FormatInt(t.UnixMilli(), 10) + ")/" }

// wire renders r as Exact prints it: every field of the entity (or only
// sel), dates as /Date(ms)/, collections deferred unless expanded.
func (ents entities) wire(e *entity, r record, sel []string, expand map[string]bool, uri string) map[string]any {
	fields := sel
	if len(fields) == 0 {
		fields = e.order
	}
	out := map[string]any{}
	if uri != "" {
		out["__metadata"] = map[string]string{"uri": uri, "type": e.typeName()}
	}
	for _, f := range fields {
		v := r[f]
		switch x := v.(type) {
		case time.Time:
			out[f] = wireDate(x)
		case []record:
			if !expand[f] {
				out[f] = map[string]any{"__deferred": map[string]string{"uri": uri + "/" + f}}
				continue
			}
			le := ents[lineEntity[f]]
			rs := make([]map[string]any, len(x))
			for i, l := range x {
				rs[i] = ents.wire(le, l, nil, nil, "")
			}
			out[f] = map[string]any{"results": rs}
		default:
			if v == nil && e.kinds[f] == fieldspec.KindLines {
				out[f] = map[string]any{"__deferred": map[string]string{"uri": uri + "/" + f}}
				continue
			}
			out[f] = v
		}
	}
	return out
}
