package qbosim

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/sim/qbo/internal/xsdfields"
)

// fields.json is derived from Intuit's XSDs by ./internal/fieldgen;
// fields_test.go fails when the two drift apart.
//
//go:embed fields.json
var fieldsJSON []byte

type fieldSchema = xsdfields.Schema

func loadFields() (*fieldSchema, error) {
	var s fieldSchema
	if err := json.Unmarshal(fieldsJSON, &s); err != nil {
		return nil, fmt.Errorf("qbosim: fields.json: %w", err)
	}
	return &s, nil
}

// maxLengths are the documented string limits the XSDs do not carry
// (Accounting API reference per entity), by entity and field path.
var maxLengths = map[string]map[string]int{
	"Invoice":       {"DocNumber": 21, "PrivateNote": 4000, "CustomerMemo.value": 1000, "Line.Description": 4000},
	"CreditMemo":    {"DocNumber": 21, "PrivateNote": 4000, "CustomerMemo.value": 1000, "Line.Description": 4000},
	"Customer":      {"DisplayName": 500, "CompanyName": 100, "GivenName": 100, "FamilyName": 100, "Notes": 2000},
	"Vendor":        {"DisplayName": 500, "CompanyName": 100, "GivenName": 100, "FamilyName": 100},
	"Item":          {"Name": 100, "Sku": 100, "Description": 4000},
	"Account":       {"Name": 100, "AcctNum": 20},
	"Class":         {"Name": 100},
	"Department":    {"Name": 100},
	"Term":          {"Name": 31},
	"Bill":          {"DocNumber": 21, "PrivateNote": 4000},
	"PurchaseOrder": {"DocNumber": 21, "PrivateNote": 4000},
	"JournalEntry":  {"DocNumber": 21, "PrivateNote": 4000, "Line.Description": 4000},
}

var (
	dateRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	dateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`)
)

// checkFields validates a request body against the XSD-derived field list
// and the documented length limits: unknown fields, wrong JSON types and
// enum values are 2010, over-long strings 2050.
func (s *Server) checkFields(entity string, body obj) *apiFault {
	return s.checkType(entity, entity, body, "")
}

func (s *Server) checkType(entity, typ string, v map[string]any, path string) *apiFault {
	t, ok := s.fields.Types[typ]
	if !ok {
		return errInvalidValue(path, "unknown type "+typ)
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f, ok := t.Fields[k]
		p := join(path, k)
		if !ok {
			return errUnsupportedProperty(entity, p)
		}
		if f.List {
			arr, ok := v[k].([]any)
			if !ok {
				return errInvalidValue(p, "must be an array")
			}
			for _, e := range arr {
				if fl := s.checkValue(entity, f, e, p); fl != nil {
					return fl
				}
			}
			continue
		}
		if fl := s.checkValue(entity, f, v[k], p); fl != nil {
			return fl
		}
	}
	return nil
}

func (s *Server) checkValue(entity string, f xsdfields.Field, v any, path string) *apiFault {
	if v == nil {
		return nil
	}
	bad := func(want string) *apiFault { return errInvalidValue(path, "must be "+want) }
	switch f.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return bad("an object")
		}
		return s.checkType(entity, f.Ref, m, path)
	case "number", "integer":
		n, ok := v.(json.Number)
		if !ok {
			return bad("a number")
		}
		if f.Type == "integer" && strings.ContainsAny(n.String(), ".eE") {
			return bad("an integer")
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return bad("true or false")
		}
	default:
		str, ok := v.(string)
		if !ok {
			return bad("a string")
		}
		switch {
		case f.Type == "date" && !dateRE.MatchString(str):
			return bad("a date yyyy-MM-dd")
		case f.Type == "dateTime" && !dateTimeRE.MatchString(str):
			return bad("a date-time")
		case len(f.Enum) > 0 && !slices.Contains(f.Enum, str):
			return bad("one of " + strings.Join(f.Enum, ", "))
		}
		if max := maxLengths[entity][path]; max > 0 {
			if n := utf8.RuneCountInString(str); n > max {
				return errTooLong(path, max, n)
			}
		}
		if f.MaxLength > 0 && utf8.RuneCountInString(str) > f.MaxLength {
			return errTooLong(path, f.MaxLength, utf8.RuneCountInString(str))
		}
	}
	return nil
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}
