package xerosim_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/sim/xero/internal/specschema"
)

// TestSchemaMatchesSpec re-derives schema.json from Xero's OpenAPI file.
func TestSchemaMatchesSpec(t *testing.T) {
	raw, err := os.ReadFile("../../../../shared/specs/xero/xero_accounting.yaml")
	if err != nil {
		t.Skip("spec not present:", err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	want, err := specschema.Derive(doc)
	if err != nil {
		t.Fatal(err)
	}
	embedded, _ := os.ReadFile("schema.json")
	var got specschema.Schema
	if err := json.Unmarshal(embedded, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, want) {
		t.Fatal("schema.json is stale: run go run ./internal/sim/xero/internal/schemagen")
	}
}

func TestValidateLog(t *testing.T) {
	logged := []xerosim.LoggedRequest{
		{Method: "PUT", Path: "/api.xro/2.0/Invoices", Body: `{"Invoices":[{"Type":"ACCREC","LineItems":[{"UnitAmount":1.5}]}]}`},
		{Method: "PUT", Path: "/api.xro/2.0/Invoices", Body: `{"Invoices":[{"Type":"ACCREC","Colour":"red"}]}`},
		{Method: "GET", Path: "/api.xro/2.0/Invoices"},
	}
	errs := xerosim.ValidateLog(logged)
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
}
