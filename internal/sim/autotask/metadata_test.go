package autotasksim_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/autotask/internal/fieldspec"
)

const specPath = "../../../../shared/specs/autotask/autotask-billing-subset.openapi.json"

// TestFieldsMatchSpec fails when fields.json drifts from Autotask's
// published description; regenerate with ./internal/fieldgen.
func TestFieldsMatchSpec(t *testing.T) {
	f, err := os.Open(specPath)
	if err != nil {
		t.Skipf("spec not available: %v", err)
	}
	defer f.Close()
	want, err := fieldspec.FromOpenAPI(f)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.MarshalIndent(want, "", " ")
	got, err := os.ReadFile("fields.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), wantJSON) {
		t.Fatal("fields.json differs from the spec: run go run ./internal/sim/autotask/internal/fieldgen -spec " + specPath + " -out internal/sim/autotask/fields.json")
	}
	if len(want.Entities) != 26 {
		t.Fatalf("%d entities", len(want.Entities))
	}
}

type fieldInfo struct {
	Name           string
	DataType       string
	Length         int
	IsReadOnly     bool
	IsQueryable    bool
	IsPickList     bool
	IsReference    bool
	PicklistValues []struct{ Value, Label string }
}

func fields(t *testing.T, s *autotasksim.Server, entity string) map[string]fieldInfo {
	t.Helper()
	r := call(t, s, "GET", entity+"/entityInformation/fields", nil, nil)
	var m struct{ Fields []fieldInfo }
	if err := json.Unmarshal(r.body, &m); err != nil || r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	out := map[string]fieldInfo{}
	for _, f := range m.Fields {
		out[f.Name] = f
	}
	return out
}

func TestFieldsMetadata(t *testing.T) {
	s := start(t, autotasksim.Options{Data: sample()})
	inv := fields(t, s, "Invoices")
	for name, readOnly := range map[string]bool{"invoiceNumber": false, "webServiceDate": false, "paidDate": false, "invoiceTotal": true, "id": true} {
		if inv[name].IsReadOnly != readOnly {
			t.Errorf("Invoices.%s isReadOnly %v", name, inv[name].IsReadOnly)
		}
	}
	if inv["invoiceNumber"].Length != 100 || inv["invoiceNumber"].DataType != "string" || inv["invoiceTotal"].DataType != "double" {
		t.Errorf("invoiceNumber %+v invoiceTotal %+v", inv["invoiceNumber"], inv["invoiceTotal"])
	}
	if inv["dueDate"].IsQueryable || !inv["invoiceDateTime"].IsQueryable {
		t.Error("dueDate must not be queryable, invoiceDateTime must")
	}
	bi := fields(t, s, "billingitems")
	if !bi["billingItemType"].IsPickList || len(bi["subType"].PicklistValues) == 0 || !bi["companyID"].IsReference {
		t.Errorf("billing item picklists/references: %+v", bi["billingItemType"])
	}
	if bi["webServiceDate"].IsReadOnly || !bi["invoiceID"].IsReadOnly {
		t.Error("BillingItems: only webServiceDate is writable")
	}
	if _, ok := bi["userDefinedFields"]; ok {
		t.Error("userDefinedFields listed as a field")
	}
	if co := fields(t, s, "Companies"); !co["companyType"].IsPickList {
		t.Error("companyType is not a picklist")
	}

	info := call(t, s, "GET", "Invoices/entityInformation", nil, nil).json(t)["info"].(map[string]any)
	if info["canUpdate"] != true || info["canCreate"] != false || info["hasUserDefinedFields"] != false {
		t.Errorf("Invoices info %v", info)
	}
	udf := call(t, s, "GET", "Companies/entityInformation/userDefinedFields", nil, nil).json(t)["fields"].([]any)
	if len(udf) != 2 || udf[0].(map[string]any)["name"] != "Ledger" {
		t.Errorf("Companies UDFs %v", udf)
	}
}
