package autotasksim

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/sim/autotask/internal/fieldspec"
)

// fields.json is generated from Autotask's published OpenAPI description by
// ./internal/fieldgen; fields_test.go fails when the two drift apart.
//
//go:embed fields.json
var fieldsJSON []byte

// fields_extra.json holds entities Autotask's REST API serves that the
// published OpenAPI subset in shared/specs leaves out (InventoryTransfers:
// its fields as Autotask's entity reference and its Web Services API WSDL
// list them). Kept apart so fields.json stays exactly the spec's.
//
//go:embed fields_extra.json
var fieldsExtraJSON []byte

// entity is one simulated REST entity with its field table.
type entity struct {
	name       string // path name: "Invoices"
	internal   string // name in Autotask's messages: "Invoice"
	canGet     bool
	canUpdate  bool
	canCreate  bool
	hasUDFs    bool
	fields     []fieldspec.Field
	byLower    map[string]int // lower-case field name → index in fields
	writable   map[string]fieldRule
	fieldMetas []FieldInfo
}

// field finds a field by name, case-insensitively as Autotask does.
func (e *entity) field(name string) (fieldspec.Field, bool) {
	i, ok := e.byLower[strings.ToLower(name)]
	if !ok {
		return fieldspec.Field{}, false
	}
	return e.fields[i], true
}

// schema is the immutable set of entities, built once per server.
type schema struct {
	entities map[string]*entity // lower-case name → entity
	ordered  []*entity
}

func loadSchema() (*schema, error) {
	var f, extra fieldspec.File
	if err := json.Unmarshal(fieldsJSON, &f); err != nil {
		return nil, fmt.Errorf("autotasksim: fields.json: %w", err)
	}
	if err := json.Unmarshal(fieldsExtraJSON, &extra); err != nil {
		return nil, fmt.Errorf("autotasksim: fields_extra.json: %w", err)
	}
	f.Entities = append(f.Entities, extra.Entities...)
	s := &schema{entities: map[string]*entity{}}
	for _, fe := range f.Entities {
		e := &entity{name: fe.Name, internal: fe.InternalName, fields: fe.Fields, byLower: map[string]int{}}
		for _, op := range fe.Operations {
			switch op {
			case "get":
				e.canGet = true
			case "update":
				e.canUpdate = true
			case "create":
				// Only entities whose create rules the simulator knows.
				e.canCreate = requiredFields[fe.Name] != nil
			}
		}
		for i, fl := range fe.Fields {
			e.byLower[strings.ToLower(fl.Name)] = i
			if fl.DataType == "udf" {
				e.hasUDFs = true
			}
		}
		e.writable = writableFields[fe.Name]
		e.fieldMetas = fieldInfos(e)
		s.entities[strings.ToLower(fe.Name)] = e
		s.ordered = append(s.ordered, e)
	}
	return s, nil
}

func (s *schema) entity(name string) (*entity, bool) {
	e, ok := s.entities[strings.ToLower(name)]
	return e, ok
}
