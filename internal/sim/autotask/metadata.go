package autotasksim

import (
	"slices"
	"strings"
)

// FieldInfo is one entry of entityInformation/fields, in Autotask's shape.
type FieldInfo struct {
	Name                string          `json:"name"`
	DataType            string          `json:"dataType"`
	Length              int             `json:"length"`
	IsRequired          bool            `json:"isRequired"`
	IsReadOnly          bool            `json:"isReadOnly"`
	IsQueryable         bool            `json:"isQueryable"`
	IsReference         bool            `json:"isReference"`
	ReferenceEntityType string          `json:"referenceEntityType"`
	IsPickList          bool            `json:"isPickList"`
	PicklistValues      []PicklistValue `json:"picklistValues"`
	PicklistParentField string          `json:"picklistParentValueField"`
	IsSupportedWebhook  bool            `json:"isSupportedWebhookField"`
}

// PicklistValue is one choice of a picklist field.
type PicklistValue struct {
	Value          string `json:"value"`
	Label          string `json:"label"`
	IsDefaultValue bool   `json:"isDefaultValue"`
	SortOrder      int    `json:"sortOrder"`
	IsActive       bool   `json:"isActive"`
	IsSystem       bool   `json:"isSystem"`
	ParentValue    string `json:"parentValue"`
}

// fieldRule says how a writable field may be changed through PATCH or set
// on create.
type fieldRule struct {
	maxLen int // strings only; 0 = no limit
}

// writableFields lists the only fields the simulator lets PATCH change (and,
// for entities that can be created, POST set). They are the ones Autotask's
// accounting integrations write back, and the company fields an accounting
// system shares with Autotask (lengths from the Companies entity's field
// definitions); every other field is read-only here, which is stricter than
// Autotask for some entities.
var writableFields = map[string]map[string]fieldRule{
	"Invoices":     {"invoiceNumber": {maxLen: 100}, "webServiceDate": {}, "paidDate": {}},
	"BillingItems": {"webServiceDate": {}},
	"Companies": {
		"companyName": {maxLen: 100}, "companyNumber": {maxLen: 50}, "companyType": {}, "ownerResourceID": {},
		"phone": {maxLen: 25}, "alternatePhone1": {maxLen: 25}, "alternatePhone2": {maxLen: 25}, "fax": {maxLen: 25},
		"address1": {maxLen: 150}, "address2": {maxLen: 150}, "additionalAddressInformation": {maxLen: 100},
		"city": {maxLen: 50}, "state": {maxLen: 25}, "postalCode": {maxLen: 20}, "countryID": {},
		"taxID": {maxLen: 50}, "taxRegionID": {}, "isTaxExempt": {}, "webAddress": {maxLen: 255}, "isActive": {},
		"classification": {}, "invoiceMethod": {}, "parentCompanyID": {},
	},
}

// requiredFields must be set when a record is created (Autotask's
// "Is Required" column).
var requiredFields = map[string][]string{
	"Companies": {"companyName", "companyType", "ownerResourceID", "phone"},
}

// changeStamps are the fields Autotask sets to the time of every create
// and update of a record.
var changeStamps = map[string][]string{
	"Companies": {"lastActivityDate", "lastTrackedModifiedDateTime"},
}

// referenceTables are the tables a written reference field must point into.
var referenceTables = map[string]string{
	"Resource": "Resources", "Country": "Countries", "Company": "Companies", "TaxRegion": "TaxRegions",
}

// notQueryable are fields Autotask returns but refuses in filters.
var notQueryable = map[string]map[string]bool{
	"Invoices":     {"dueDate": true},
	"BillingItems": {"lineItemFullDescription": true, "lineItemGroupDescription": true},
}

// stringLengths are the lengths Autotask reports for common string fields;
// the spec does not publish them, so the rest default to 100 (names) or
// 8000 (long text).
var stringLengths = map[string]int{
	"invoiceNumber": 100, "description": 2000, "comments": 4000, "itemName": 100,
	"purchaseOrderNumber": 50, "lineItemFullDescription": 8000, "lineItemGroupDescription": 8000,
	"companyName": 100, "emailAddress": 254, "name": 100, "taxName": 100,
	"companyNumber": 50, "phone": 25, "alternatePhone1": 25, "alternatePhone2": 25, "fax": 25,
	"address1": 150, "address2": 150, "city": 50, "state": 25, "postalCode": 20, "taxID": 50, "webAddress": 255,
}

// references maps reference fields to the entity they point at.
var references = map[string]string{
	"companyID": "Company", "invoiceID": "Invoice", "billingCodeID": "BillingCode",
	"taxCategoryID": "TaxCategory", "taxRegionID": "TaxRegion", "currencyID": "Currency",
	"contractID": "Contract", "contractServiceID": "ContractService", "roleID": "Role",
	"parentCompanyID": "Company", "countryID": "Country", "productID": "Product",
	"orderID": "PurchaseOrder", "purchaseOrderItemID": "PurchaseOrderItem", "vendorID": "Company",
	"resourceID": "Resource", "expenseReportID": "ExpenseReport", "expenseItemID": "ExpenseItem",
	"organizationalLevelAssociationID": "OrganizationalLevelAssociation",
	"organizationalLevel1ID":           "OrganizationalLevel1", "organizationalLevel2ID": "OrganizationalLevel2",
	"billToCompanyLocationID": "CompanyLocation", "inventoryLocationID": "InventoryLocation",
	"paymentTerm": "PaymentTerm", "creatorResourceID": "Resource", "ownerResourceID": "Resource",
	"createdByResourceID": "Resource",
}

func pl(pairs ...string) []PicklistValue {
	out := make([]PicklistValue, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, PicklistValue{Value: pairs[i], Label: pairs[i+1], SortOrder: i/2 + 1, IsActive: true, IsSystem: true})
	}
	return out
}

// picklists holds the picklist fields. Autotask does not publish the labels
// of billingItemType and subType (tenants read them from this endpoint), so
// the labels below are the simulator's own, chosen to match what each value
// means in the generated data; the generator uses the same numbers.
var picklists = map[string]map[string][]PicklistValue{
	"BillingItems": {
		"billingItemType": pl("1", "Labor", "2", "Expense", "3", "Charge", "4", "Milestone",
			"5", "Recurring Service", "6", "Recurring Service Adjustment", "7", "Block Hours",
			"8", "Retainer", "9", "Setup Fee", "10", "Credit"),
		"subType": pl("1", "Ticket Time", "2", "Project Task Time", "3", "Ticket Charge",
			"4", "Project Charge", "5", "Contract Charge", "6", "Contract Service",
			"7", "Expense Item", "8", "Milestone", "9", "Block Hour Purchase", "10", "Retainer Purchase",
			"11", "Setup Fee", "12", "Shipping", "13", "Payment Surcharge", "14", "Credit"),
	},
	"Invoices": {
		"invoiceStatus":           pl("1", "Ready to Send", "2", "Sent", "3", "Paid", "4", "Voided"),
		"paymentTerm":             pl("1", "Due on Receipt", "2", "Net 15", "3", "Net 30", "4", "Net 60"),
		"taxGroup":                pl("1", "Default"),
		"invoiceEditorTemplateID": pl("1", "Standard Invoice", "2", "Detailed Invoice"),
	},
	"Companies": {
		"companyType":    pl("1", "Customer", "2", "Lead", "3", "Prospect", "4", "Dead", "6", "Cancellation", "7", "Vendor", "8", "Partner"),
		"invoiceMethod":  pl("1", "E-mail", "2", "Print", "3", "E-mail and Print"),
		"classification": pl("1", "Gold", "2", "Silver", "3", "Bronze"),
	},
	"BillingCodes": {
		"billingCodeType": pl("0", "Work Type", "1", "Material", "2", "Internal Time", "3", "Expense Category",
			"4", "Recurring Contract Service", "5", "Milestone"),
		"useType": pl("1", "Work Type", "2", "Material", "3", "Internal Time", "4", "Expense Category",
			"5", "Recurring Contract Service", "6", "Milestone"),
	},
	"PurchaseOrders": {
		"status": pl("1", "New", "2", "Submitted", "3", "Partially Received", "4", "Received in Full", "5", "Cancelled"),
	},
	"ExpenseReports": {
		"status": pl("1", "In Progress", "2", "Awaiting Approval", "3", "Approved", "4", "Rejected", "5", "Paid"),
	},
	"ExpenseItems": {
		"expenseCategory": pl("1", "Travel", "2", "Meals", "3", "Mileage", "4", "Lodging", "5", "Other"),
		"paymentType":     pl("1", "Company Card", "2", "Cash", "3", "Personal Card"),
	},
	"Contracts": {
		"contractType": pl("1", "Time and Materials", "3", "Fixed Price", "4", "Block Hours", "6", "Retainer", "7", "Recurring Service", "8", "Per Ticket"),
	},
}

func fieldInfos(e *entity) []FieldInfo {
	out := make([]FieldInfo, 0, len(e.fields))
	for _, f := range e.fields {
		if f.DataType == "udf" {
			continue
		}
		_, writable := e.writable[f.Name]
		fi := FieldInfo{
			Name:        f.Name,
			DataType:    f.DataType,
			IsRequired:  f.Name == "id" || slices.Contains(requiredFields[e.name], f.Name),
			IsReadOnly:  !writable,
			IsQueryable: !notQueryable[e.name][f.Name],
		}
		if f.DataType == "string" {
			fi.Length = stringLength(f.Name)
		}
		if ref, ok := references[f.Name]; ok && f.DataType != "string" {
			fi.IsReference, fi.ReferenceEntityType = true, ref
		}
		if vals, ok := picklists[e.name][f.Name]; ok {
			fi.IsPickList, fi.PicklistValues = true, vals
			fi.IsReference, fi.ReferenceEntityType = false, ""
		}
		out = append(out, fi)
	}
	return out
}

func stringLength(name string) int {
	if n, ok := stringLengths[name]; ok {
		return n
	}
	if strings.Contains(strings.ToLower(name), "description") || strings.Contains(strings.ToLower(name), "note") {
		return 8000
	}
	return 100
}
