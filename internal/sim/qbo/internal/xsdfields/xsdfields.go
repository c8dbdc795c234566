// Package xsdfields derives the compact field list the QuickBooks Online
// simulator checks request bodies against from Intuit's XSD schemas
// (Finance.xsd, IntuitBaseTypes.xsd, IntuitNamesTypes.xsd, SalesTax.xsd). It
// follows complexContent extensions, groups and choices, and maps XSD types
// to the JSON shapes QBO uses: simpleContent types become objects with a
// "value" field plus their attributes (ReferenceType → {"value","name","type"}),
// repeated elements become arrays.
package xsdfields

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
)

// Roots are the entities the simulator serves; Derive keeps them and every
// complex type they reach.
var Roots = []string{
	"Customer", "Item", "Account", "TaxCode", "TaxRate", "TaxAgency", "Term", "Class", "Department",
	"Vendor", "Invoice", "CreditMemo", "Payment", "PurchaseOrder", "Bill", "JournalEntry",
}

// Schema is the compact field list: types by name.
type Schema struct {
	Source string          `json:"source"`
	Types  map[string]Type `json:"types"`
}

// Type is one complex type with its own and inherited fields.
type Type struct {
	Fields map[string]Field `json:"fields"`
}

// Field is one element or attribute. Type is string, number, integer,
// boolean, date, dateTime or object (then Ref names the type).
type Field struct {
	Type      string   `json:"type"`
	Ref       string   `json:"ref,omitempty"`
	List      bool     `json:"list,omitempty"`
	Enum      []string `json:"enum,omitempty"`
	MaxLength int      `json:"maxLength,omitempty"`
}

// node is a generic XML element of a schema file.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

type index struct {
	complex map[string]*node
	simple  map[string]*node
	groups  map[string]*node
}

// Derive builds the schema for Roots from the contents of the XSD files.
func Derive(source string, files ...[]byte) (*Schema, error) {
	ix := &index{complex: map[string]*node{}, simple: map[string]*node{}, groups: map[string]*node{}}
	for i, raw := range files {
		var root node
		if err := xml.Unmarshal(raw, &root); err != nil {
			return nil, fmt.Errorf("xsdfields: file %d: %w", i, err)
		}
		for j := range root.Children {
			c := &root.Children[j]
			name := c.attr("name")
			switch c.XMLName.Local {
			case "complexType":
				ix.complex[name] = c
			case "simpleType":
				ix.simple[name] = c
			case "group":
				ix.groups[name] = c
			}
		}
	}
	out := &Schema{Source: source, Types: map[string]Type{}}
	queue := append([]string(nil), Roots...)
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if _, done := out.Types[name]; done {
			continue
		}
		ct, ok := ix.complex[name]
		if !ok {
			return nil, fmt.Errorf("xsdfields: complex type %s not found", name)
		}
		t := Type{Fields: map[string]Field{}}
		if err := ix.collect(ct, t.Fields, 0); err != nil {
			return nil, fmt.Errorf("xsdfields: %s: %w", name, err)
		}
		out.Types[name] = t
		for _, f := range t.Fields {
			if f.Ref != "" {
				queue = append(queue, f.Ref)
			}
		}
	}
	return out, nil
}

// collect adds the fields declared under n (a complexType or any of its
// content nodes) to fields.
func (ix *index) collect(n *node, fields map[string]Field, depth int) error {
	if depth > 40 {
		return fmt.Errorf("type nesting too deep")
	}
	for i := range n.Children {
		c := &n.Children[i]
		switch c.XMLName.Local {
		case "sequence", "choice", "all", "complexContent":
			if err := ix.collect(c, fields, depth+1); err != nil {
				return err
			}
		case "simpleContent":
			for j := range c.Children {
				ext := &c.Children[j]
				if ext.XMLName.Local != "extension" && ext.XMLName.Local != "restriction" {
					continue
				}
				f, err := ix.field(ext.attr("base"))
				if err != nil {
					return err
				}
				fields["value"] = f
				if err := ix.collect(ext, fields, depth+1); err != nil {
					return err
				}
			}
		case "extension":
			if base := c.attr("base"); base != "" {
				bt, ok := ix.complex[local(base)]
				if !ok {
					return fmt.Errorf("base type %s not found", base)
				}
				if err := ix.collect(bt, fields, depth+1); err != nil {
					return err
				}
			}
			if err := ix.collect(c, fields, depth+1); err != nil {
				return err
			}
		case "group":
			g, ok := ix.groups[local(c.attr("ref"))]
			if !ok {
				return fmt.Errorf("group %s not found", c.attr("ref"))
			}
			if err := ix.collect(g, fields, depth+1); err != nil {
				return err
			}
		case "element", "attribute":
			name := c.attr("name")
			if name == "" {
				continue // element refs (IntuitObject) appear only in service envelopes
			}
			f, err := ix.field(c.attr("type"))
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if max := c.attr("maxOccurs"); max == "unbounded" || (max != "" && max != "0" && max != "1") {
				f.List = true
			}
			fields[name] = f
		}
	}
	return nil
}

// field maps an XSD type name to a field.
func (ix *index) field(typ string) (Field, error) {
	switch t := local(typ); t {
	case "string", "token", "normalizedString", "id", "anyURI":
		return Field{Type: "string"}, nil
	case "decimal", "double", "float":
		return Field{Type: "number"}, nil
	case "int", "integer", "long", "short", "positiveInteger", "nonNegativeInteger", "unsignedInt":
		return Field{Type: "integer"}, nil
	case "boolean":
		return Field{Type: "boolean"}, nil
	case "date":
		return Field{Type: "date"}, nil
	case "dateTime":
		return Field{Type: "dateTime"}, nil
	case "":
		return Field{Type: "string"}, nil
	default:
		if st, ok := ix.simple[t]; ok {
			return ix.simpleField(st, 0)
		}
		if _, ok := ix.complex[t]; ok {
			return Field{Type: "object", Ref: t}, nil
		}
		return Field{}, fmt.Errorf("unknown type %s", typ)
	}
}

// simpleField resolves a named simple type: its base, enumeration and maxLength.
func (ix *index) simpleField(st *node, depth int) (Field, error) {
	if depth > 10 {
		return Field{}, fmt.Errorf("simple type nesting too deep")
	}
	for i := range st.Children {
		r := &st.Children[i]
		if r.XMLName.Local != "restriction" {
			continue
		}
		f, err := ix.field(r.attr("base"))
		if err != nil {
			return Field{}, err
		}
		for j := range r.Children {
			facet := &r.Children[j]
			switch facet.XMLName.Local {
			case "enumeration":
				f.Enum = append(f.Enum, facet.attr("value"))
			case "maxLength":
				n, err := strconv.Atoi(facet.attr("value"))
				if err != nil {
					return Field{}, fmt.Errorf("maxLength %q: %w", facet.attr("value"), err)
				}
				f.MaxLength = n
			}
		}
		sort.Strings(f.Enum)
		return f, nil
	}
	return Field{Type: "string"}, nil // list or union types: carried as strings
}

func local(qname string) string {
	for i := len(qname) - 1; i >= 0; i-- {
		if qname[i] == ':' {
			return qname[i+1:]
		}
	}
	return qname
}
