// Package fieldspec turns Autotask's published OpenAPI description into the
// simulator's field table (fields.json). It lives apart from the simulator so
// that the generator command and the drift test share one conversion.
package fieldspec

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// File is the content of fields.json.
type File struct {
	Entities []Entity `json:"entities"`
}

// Entity is one REST entity: its path name (Invoices), the internal name
// Autotask uses in error messages (Invoice), the operations it allows and its
// fields in the order Autotask returns them.
type Entity struct {
	Name         string   `json:"name"`
	InternalName string   `json:"internalName"`
	Operations   []string `json:"operations"`
	Fields       []Field  `json:"fields"`
}

// Field is one property. DataType uses Autotask's entityInformation names:
// long, integer, double, string, datetime, boolean; "udf" marks the
// userDefinedFields array, which is not a field of its own.
type Field struct {
	Name     string `json:"name"`
	DataType string `json:"dataType"`
}

type spec struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type schema struct {
	Properties orderedProps `json:"properties"`
}

type prop struct {
	Name   string
	Type   string `json:"type"`
	Format string `json:"format"`
	Ref    string `json:"$ref"`
}

// orderedProps keeps the property order of the JSON object, which is the
// order Autotask serialises records in.
type orderedProps []prop

func (o *orderedProps) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var p prop
		if err := dec.Decode(&p); err != nil {
			return err
		}
		p.Name = tok.(string)
		*o = append(*o, p)
	}
	return nil
}

// FromOpenAPI reads the spec and returns the entities sorted by name.
func FromOpenAPI(r io.Reader) (File, error) {
	var s spec
	if err := json.NewDecoder(r).Decode(&s); err != nil {
		return File{}, fmt.Errorf("fieldspec: decode spec: %w", err)
	}
	var out File
	for path := range s.Paths {
		name, ok := strings.CutPrefix(path, "/V1.0/")
		if !ok || !strings.HasSuffix(name, "/query") {
			continue
		}
		name = strings.TrimSuffix(name, "/query")
		e, err := entity(s, name)
		if err != nil {
			return File{}, err
		}
		out.Entities = append(out.Entities, e)
	}
	sort.Slice(out.Entities, func(i, j int) bool { return out.Entities[i].Name < out.Entities[j].Name })
	return out, nil
}

func entity(s spec, name string) (Entity, error) {
	e := Entity{Name: name}
	model, internal, err := itemModel(s, name)
	if err != nil {
		return Entity{}, err
	}
	e.InternalName = internal
	e.Operations = append(e.Operations, "query")
	if _, ok := s.Paths["/V1.0/"+name+"/{id}"]["get"]; ok {
		e.Operations = append(e.Operations, "get")
	}
	root := s.Paths["/V1.0/"+name]
	if _, ok := root["post"]; ok {
		e.Operations = append(e.Operations, "create")
	}
	if _, ok := root["patch"]; ok {
		e.Operations = append(e.Operations, "update")
	}
	sch, ok := s.Components.Schemas[model]
	if !ok {
		return Entity{}, fmt.Errorf("fieldspec: %s: schema %s missing", name, model)
	}
	for _, p := range sch.Properties {
		dt := dataType(p)
		if dt == "" {
			continue // SOAP-era expression helpers, never in REST records
		}
		e.Fields = append(e.Fields, Field{Name: p.Name, DataType: dt})
	}
	return e, nil
}

// itemModel finds the record schema through the get-by-id response
// (ItemQueryResultModel_<Model>_<InternalName>).
func itemModel(s spec, name string) (model, internal string, err error) {
	for k := range s.Components.Schemas {
		rest, ok := strings.CutPrefix(k, "QueryActionResult_")
		if !ok {
			continue
		}
		parts := strings.SplitN(rest, "_", 2)
		if len(parts) != 2 {
			continue
		}
		if queryReturns(s, name, k) {
			return parts[0], parts[1], nil
		}
	}
	return "", "", fmt.Errorf("fieldspec: %s: no query result schema", name)
}

func queryReturns(s spec, name, schemaName string) bool {
	raw, ok := s.Paths["/V1.0/"+name+"/query"]["post"]
	if !ok {
		raw = s.Paths["/V1.0/"+name+"/query"]["get"]
	}
	return strings.Contains(string(raw), `"#/components/schemas/`+schemaName+`"`)
}

func dataType(p prop) string {
	switch {
	case p.Name == "userDefinedFields":
		return "udf"
	case p.Type == "integer" && p.Format == "int64":
		return "long"
	case p.Type == "integer":
		return "integer"
	case p.Type == "number":
		return "double"
	case p.Type == "string" && p.Format == "date-time":
		return "datetime"
	case p.Type == "string":
		return "string"
	case p.Type == "boolean":
		return "boolean"
	}
	return ""
}
