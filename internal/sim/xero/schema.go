package xerosim

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/sim/xero/internal/specschema"
)

// schema.json is derived from Xero's OpenAPI description by
// ./internal/schemagen; schema_test.go fails when the two drift apart.
//
//go:embed schema.json
var schemaJSON []byte

func loadSchema() (*specschema.Schema, error) {
	var s specschema.Schema
	if err := json.Unmarshal(schemaJSON, &s); err != nil {
		return nil, fmt.Errorf("xerosim: schema.json: %w", err)
	}
	return &s, nil
}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// validateValue checks a decoded body (json.Number for numbers) against
// model and returns one message per problem, naming the field by its path.
func (s *Server) validateValue(model string, v any) []string {
	return validateModel(s.schema, model, v, model)
}

func validateModel(sch *specschema.Schema, model string, v any, path string) []string {
	m, ok := sch.Models[model]
	if !ok {
		return []string{path + ": unknown model " + model}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return []string{path + ": must be an object"}
	}
	var errs []string
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p, ok := m.Properties[k]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s.%s: unknown property of %s", path, k, model))
			continue
		}
		errs = append(errs, validateProp(sch, p, obj[k], path+"."+k)...)
	}
	return errs
}

func validateProp(sch *specschema.Schema, p specschema.Property, v any, path string) []string {
	if v == nil {
		return nil // null is how clients omit a value
	}
	switch p.Type {
	case "object":
		if p.Ref == "" {
			if _, ok := v.(map[string]any); !ok {
				return []string{path + ": must be an object"}
			}
			return nil
		}
		return validateModel(sch, p.Ref, v, path)
	case "array":
		list, ok := v.([]any)
		if !ok {
			return []string{path + ": must be an array"}
		}
		var errs []string
		for i, el := range list {
			ip := fmt.Sprintf("%s[%d]", path, i)
			if p.Ref != "" {
				errs = append(errs, validateModel(sch, p.Ref, el, ip)...)
			} else {
				errs = append(errs, validateProp(sch, specschema.Property{Type: p.ItemType}, el, ip)...)
			}
		}
		return errs
	case "string":
		str, ok := v.(string)
		if !ok {
			return []string{path + ": must be a string"}
		}
		switch {
		case len(p.Enum) > 0 && !slices.Contains(p.Enum, str):
			return []string{fmt.Sprintf("%s: %q is not one of %s", path, str, strings.Join(p.Enum, ", "))}
		case p.MaxLength > 0 && utf8.RuneCountInString(str) > p.MaxLength:
			return []string{fmt.Sprintf("%s: must be at most %d characters", path, p.MaxLength)}
		case p.Format == specschema.FormatUUID && str != "" && !uuidRE.MatchString(str):
			return []string{path + ": must be a GUID"}
		case (p.Format == specschema.FormatDate || p.Format == specschema.FormatDateTime) && str != "":
			if _, err := parseXeroDate(str); err != nil {
				return []string{path + ": " + err.Error()}
			}
		}
	case "number", "integer":
		n, ok := v.(json.Number)
		if !ok {
			return []string{path + ": must be a number"}
		}
		if p.Type == "integer" && strings.ContainsAny(n.String(), ".eE") {
			return []string{path + ": must be a whole number"}
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return []string{path + ": must be true or false"}
		}
	}
	return nil
}

// bodyModels maps a request path's first segment to its body's wrapper model.
var bodyModels = map[string]string{
	"Contacts": "Contacts", "Items": "Items", "Invoices": "Invoices", "CreditNotes": "CreditNotes",
	"Payments": "Payments", "PurchaseOrders": "PurchaseOrders", "ManualJournals": "ManualJournals",
}

// ValidateLog checks every PUT/POST body sent to the Accounting API in
// requests against the schema derived from Xero's OpenAPI description, so a
// client's tests can prove that everything it sent is what the spec allows.
func ValidateLog(requests []LoggedRequest) []error {
	sch, err := loadSchema()
	if err != nil {
		return []error{err}
	}
	var errs []error
	for i, r := range requests {
		rest, ok := strings.CutPrefix(r.Path, "/api.xro/2.0/")
		if !ok || (r.Method != "PUT" && r.Method != "POST") {
			continue
		}
		parts := strings.Split(strings.Trim(rest, "/"), "/")
		model := bodyModels[parts[0]]
		if len(parts) == 3 && parts[0] == "CreditNotes" && parts[2] == "Allocations" {
			model = "Allocations"
		}
		if model == "" {
			errs = append(errs, fmt.Errorf("request %d %s %s: no schema for this path", i, r.Method, r.Path))
			continue
		}
		dec := json.NewDecoder(bytes.NewReader([]byte(r.Body)))
		dec.UseNumber()
		var doc any
		if err := dec.Decode(&doc); err != nil {
			errs = append(errs, fmt.Errorf("request %d %s %s: body is not JSON: %w", i, r.Method, r.Path, err))
			continue
		}
		for _, e := range validateModel(sch, model, doc, model) {
			errs = append(errs, fmt.Errorf("request %d %s %s: %s", i, r.Method, r.Path, e))
		}
	}
	return errs
}
