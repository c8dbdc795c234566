package exactsim_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/billbridge/billbridge/internal/sim/exact/internal/fieldspec"
)

// TestFieldsMatchSpec re-derives fields.json from the picqer entity list.
func TestFieldsMatchSpec(t *testing.T) {
	raw, err := os.ReadFile("../../../../shared/specs/exact/picqer-entities.json")
	if err != nil {
		t.Skip("spec not present:", err)
	}
	want, err := fieldspec.Derive(raw)
	if err != nil {
		t.Fatal(err)
	}
	embedded, _ := os.ReadFile("fields.json")
	var got fieldspec.Fields
	if err := json.Unmarshal(embedded, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("fields.json is stale: go run ./internal/sim/exact/internal/fieldgen ../shared/specs/exact/picqer-entities.json internal/sim/exact/fields.json")
	}
}
