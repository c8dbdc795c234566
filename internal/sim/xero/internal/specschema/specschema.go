// Package specschema derives the compact request schema the Xero simulator
// checks bodies against from Xero's public OpenAPI description
// (xero_accounting.yaml). It takes the already-parsed document, so neither
// the simulator nor this package depends on a YAML library; the generator and
// the drift test parse the file.
package specschema

import (
	"fmt"
	"sort"
	"strings"
)

// Roots are the request bodies the simulator accepts; Derive keeps them and
// every model they reference.
var Roots = []string{"Contacts", "Items", "Invoices", "CreditNotes", "Payments", "PurchaseOrders", "Allocations", "ManualJournals"}

// Schema is the compact schema: models by name.
type Schema struct {
	Source string           `json:"source"` // spec title and version it was derived from
	Models map[string]Model `json:"models"`
}

// Model is one object schema.
type Model struct {
	Properties map[string]Property `json:"properties"`
	Required   []string            `json:"required,omitempty"`
}

// Property is one field of a model. Ref names a model for objects and for
// array items; ItemType is the scalar type of array items without a Ref.
type Property struct {
	Type      string   `json:"type"` // string, number, integer, boolean, array, object
	Format    string   `json:"format,omitempty"`
	Enum      []string `json:"enum,omitempty"`
	MaxLength int      `json:"maxLength,omitempty"`
	Ref       string   `json:"ref,omitempty"`
	ItemType  string   `json:"itemType,omitempty"`
	ReadOnly  bool     `json:"readOnly,omitempty"`
}

// Formats beyond OpenAPI's own: Xero marks its dates with vendor extensions.
const (
	FormatDate     = "date"      // x-is-msdate: YYYY-MM-DD or /Date(ms+zone)/
	FormatDateTime = "date-time" // x-is-msdate-time
	FormatUUID     = "uuid"
)

// Derive builds the compact schema for Roots from a parsed OpenAPI document.
func Derive(doc map[string]any) (*Schema, error) {
	comps, _ := doc["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	if schemas == nil {
		return nil, fmt.Errorf("specschema: no components.schemas")
	}
	info, _ := doc["info"].(map[string]any)
	out := &Schema{Source: fmt.Sprintf("%v %v", info["title"], info["version"]), Models: map[string]Model{}}
	queue := append([]string(nil), Roots...)
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if _, done := out.Models[name]; done {
			continue
		}
		raw, ok := schemas[name].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("specschema: model %s not found", name)
		}
		if _, isEnum := raw["enum"]; isEnum {
			continue // inlined where referenced
		}
		m := Model{Properties: map[string]Property{}}
		props, _ := raw["properties"].(map[string]any)
		for pname, pv := range props {
			praw, _ := pv.(map[string]any)
			p, refs, err := property(schemas, praw)
			if err != nil {
				return nil, fmt.Errorf("specschema: %s.%s: %w", name, pname, err)
			}
			m.Properties[pname] = p
			queue = append(queue, refs...)
		}
		for _, r := range asList(raw["required"]) {
			m.Required = append(m.Required, fmt.Sprint(r))
		}
		sort.Strings(m.Required)
		out.Models[name] = m
	}
	return out, nil
}

// property converts one property and returns the models it references.
func property(schemas map[string]any, raw map[string]any) (Property, []string, error) {
	p := Property{ReadOnly: raw["readOnly"] == true}
	if ref, ok := raw["$ref"].(string); ok {
		name := refName(ref)
		target, ok := schemas[name].(map[string]any)
		if !ok {
			return p, nil, fmt.Errorf("unknown $ref %s", ref)
		}
		if enum := asList(target["enum"]); enum != nil {
			p.Type = str(target["type"])
			p.Enum = strings1(enum)
			return p, nil, nil
		}
		p.Type, p.Ref = "object", name
		return p, []string{name}, nil
	}
	p.Type = str(raw["type"])
	switch {
	case raw["x-is-msdate"] == true:
		p.Format = FormatDate
	case raw["x-is-msdate-time"] == true:
		p.Format = FormatDateTime
	case str(raw["format"]) == FormatUUID:
		p.Format = FormatUUID
	}
	p.Enum = strings1(asList(raw["enum"]))
	if n, ok := raw["maxLength"].(int); ok {
		p.MaxLength = n
	}
	if p.Type == "array" {
		items, _ := raw["items"].(map[string]any)
		if ref, ok := items["$ref"].(string); ok {
			name := refName(ref)
			if target, ok := schemas[name].(map[string]any); ok && target["enum"] != nil {
				p.ItemType = str(target["type"])
				return p, nil, nil
			}
			p.Ref = name
			return p, []string{name}, nil
		}
		p.ItemType = str(items["type"])
	}
	if p.Type == "" {
		return p, nil, fmt.Errorf("no type")
	}
	return p, nil, nil
}

func refName(ref string) string { return ref[strings.LastIndex(ref, "/")+1:] }

func str(v any) string {
	s, _ := v.(string)
	return s
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func strings1(l []any) []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = fmt.Sprint(v)
	}
	return out
}
