package autotask

// Entity names as they appear in Autotask's REST paths (/V1.0/{Entity}/query).
const (
	EntityBillingCodes                    = "BillingCodes"
	EntityBillingItems                    = "BillingItems"
	EntityCompanies                       = "Companies"
	EntityCompanyLocations                = "CompanyLocations"
	EntityContacts                        = "Contacts"
	EntityContractServices                = "ContractServices"
	EntityContracts                       = "Contracts"
	EntityCountries                       = "Countries"
	EntityCurrencies                      = "Currencies"
	EntityExpenseItems                    = "ExpenseItems"
	EntityExpenseReports                  = "ExpenseReports"
	EntityInventoryItems                  = "InventoryItems"
	EntityInventoryLocations              = "InventoryLocations"
	EntityInvoices                        = "Invoices"
	EntityOrganizationalLevel1s           = "OrganizationalLevel1s"
	EntityOrganizationalLevel2s           = "OrganizationalLevel2s"
	EntityOrganizationalLevelAssociations = "OrganizationalLevelAssociations"
	EntityPaymentTerms                    = "PaymentTerms"
	EntityProducts                        = "Products"
	EntityPurchaseOrderItemReceiving      = "PurchaseOrderItemReceiving"
	EntityPurchaseOrderItems              = "PurchaseOrderItems"
	EntityPurchaseOrders                  = "PurchaseOrders"
	EntityResources                       = "Resources"
	EntityTaxCategories                   = "TaxCategories"
	EntityTaxRegions                      = "TaxRegions"
	EntityTaxes                           = "Taxes"
)

// UDFValue is one user-defined field on a record, as Autotask returns them
// ("userDefinedFields": [{"name": "…", "value": "…"}]).
type UDFValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}
