package autotask_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

// specPath is Autotask's published API description, kept beside the repository.
const specPath = "../../../shared/specs/autotask/autotask-billing-subset.openapi.json"

// TestEntityTagsMatchAutotaskSpec checks every JSON tag of every entity
// struct against the field list Autotask publishes, and the Go type against
// the field's declared type, so no field name or type is guessed.
func TestEntityTagsMatchAutotaskSpec(t *testing.T) {
	raw, err := os.ReadFile(specPath)
	if os.IsNotExist(err) {
		t.Skip("Autotask spec not present at " + specPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths      map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Type   string `json:"type"`
					Format string `json:"format"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	entities := []struct {
		v      any
		model  string
		entity string
	}{
		{autotask.Invoice{}, "InvoiceModel", autotask.EntityInvoices},
		{autotask.BillingItem{}, "BillingItemModel", autotask.EntityBillingItems},
		{autotask.Company{}, "CompanyModel", autotask.EntityCompanies},
		{autotask.CompanyLocation{}, "CompanyLocationModel", autotask.EntityCompanyLocations},
		{autotask.Contact{}, "ContactModel", autotask.EntityContacts},
		{autotask.BillingCode{}, "BillingCodeModel", autotask.EntityBillingCodes},
		{autotask.TaxRegion{}, "TaxRegionModel", autotask.EntityTaxRegions},
		{autotask.TaxCategory{}, "TaxCategoryModel", autotask.EntityTaxCategories},
		{autotask.Tax{}, "TaxModel", autotask.EntityTaxes},
		{autotask.PaymentTerm{}, "PaymentTermModel", autotask.EntityPaymentTerms},
		{autotask.Currency{}, "CurrencyModel", autotask.EntityCurrencies},
		{autotask.Country{}, "CountryModel", autotask.EntityCountries},
		{autotask.Product{}, "ProductModel", autotask.EntityProducts},
		{autotask.Contract{}, "ContractModel", autotask.EntityContracts},
		{autotask.ContractService{}, "ContractServiceModel", autotask.EntityContractServices},
		{autotask.PurchaseOrder{}, "PurchaseOrderModel", autotask.EntityPurchaseOrders},
		{autotask.PurchaseOrderItem{}, "PurchaseOrderItemModel", autotask.EntityPurchaseOrderItems},
		{autotask.PurchaseOrderItemReceiving{}, "PurchaseOrderItemReceivingModel", autotask.EntityPurchaseOrderItemReceiving},
		{autotask.InventoryItem{}, "InventoryItemModel", autotask.EntityInventoryItems},
		{autotask.InventoryLocation{}, "InventoryLocationModel", autotask.EntityInventoryLocations},
		{autotask.ExpenseReport{}, "ExpenseReportModel", autotask.EntityExpenseReports},
		{autotask.ExpenseItem{}, "ExpenseItemModel", autotask.EntityExpenseItems},
		{autotask.Resource{}, "ResourceModel", autotask.EntityResources},
		{autotask.OrganizationalLevel1{}, "OrganizationalLevel1Model", autotask.EntityOrganizationalLevel1s},
		{autotask.OrganizationalLevel2{}, "OrganizationalLevel2Model", autotask.EntityOrganizationalLevel2s},
		{autotask.OrganizationalLevelAssociation{}, "OrganizationalLevelAssociationModel", autotask.EntityOrganizationalLevelAssociations},
	}
	for _, e := range entities {
		rt := reflect.TypeOf(e.v)
		t.Run(rt.Name(), func(t *testing.T) {
			if _, ok := spec.Paths["/V1.0/"+e.entity+"/query"]; !ok {
				t.Errorf("entity %q has no /V1.0/%s/query path in the spec", e.entity, e.entity)
			}
			props, ok := spec.Components.Schemas[e.model]
			if !ok {
				t.Fatalf("no schema %s", e.model)
			}
			for i := range rt.NumField() {
				sf := rt.Field(i)
				name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
				p, ok := props.Properties[name]
				if !ok {
					t.Errorf("%s.%s: json tag %q is not an Autotask field of %s", rt.Name(), sf.Name, name, e.model)
					continue
				}
				if want := goTypeFor(name, p.Type, p.Format); want != nil && sf.Type != want {
					t.Errorf("%s.%s is %v; Autotask declares %s/%s, want %v", rt.Name(), sf.Name, sf.Type, p.Type, p.Format, want)
				}
			}
		})
	}
}

// goTypeFor is the Go type this package uses for an Autotask field type.
func goTypeFor(name, typ, format string) reflect.Type {
	switch {
	case name == "id":
		return reflect.TypeFor[int64]()
	case typ == "integer" && (strings.HasSuffix(name, "ID") || strings.HasSuffix(name, "Id")):
		return reflect.TypeFor[*int64]()
	case typ == "integer":
		return reflect.TypeFor[int]()
	case typ == "number":
		return reflect.TypeFor[money.Decimal]()
	case typ == "boolean":
		return reflect.TypeFor[bool]()
	case typ == "string" && format == "date-time":
		return reflect.TypeFor[autotask.Time]()
	case typ == "string":
		return reflect.TypeFor[string]()
	}
	return nil // arrays (userDefinedFields) are checked by name only
}
