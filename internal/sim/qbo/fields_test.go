package qbosim_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/billbridge/billbridge/internal/sim/qbo/internal/xsdfields"
)

// TestFieldsMatchXSD re-derives fields.json from Intuit's XSDs.
func TestFieldsMatchXSD(t *testing.T) {
	dir := "../../../../shared/specs/qbo"
	var files [][]byte
	for _, f := range []string{"IntuitBaseTypes.xsd", "IntuitNamesTypes.xsd", "Finance.xsd", "SalesTax.xsd"} {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Skip("XSDs not present:", err)
		}
		files = append(files, raw)
	}
	want, err := xsdfields.Derive("Intuit QBO v3 XSD (minor version 75)", files...)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("fields.json")
	var got xsdfields.Schema
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, want) {
		t.Fatal("fields.json is stale: go run ./internal/sim/qbo/internal/fieldgen ../shared/specs/qbo internal/sim/qbo/fields.json")
	}
	if _, ok := want.Types["Invoice"].Fields["DocNumber"]; !ok {
		t.Fatal("Invoice.DocNumber missing")
	}
}
