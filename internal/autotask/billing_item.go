// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// BillingItem is a posted billing item ("approve and post"). Only
// webServiceDate is writable. Amounts marked customer currency are in the
// company's currency when multi-currency is on; the internalCurrency* twins
// are in the MSP's own. Entity: BillingItems.
type BillingItem struct {
	ID                                int64         `json:"id"`
	AccountManagerWhenApprovedID      *int64        `json:"accountManagerWhenApprovedID"`
	BillingCodeID                     *int64        `json:"billingCodeID"`
	TaxCategoryID                     *int64        `json:"taxCategoryID"`
	BillingItemType                   int           `json:"billingItemType"` // picklist; labels from entityInformation/fields
	CompanyID                         *int64        `json:"companyID"`
	ConfigurationItemID               *int64        `json:"configurationItemID"`
	ContractBlockID                   *int64        `json:"contractBlockID"`
	ContractChargeID                  *int64        `json:"contractChargeID"`
	ContractID                        *int64        `json:"contractID"`
	ContractServiceAdjustmentID       *int64        `json:"contractServiceAdjustmentID"`
	ContractServiceBundleAdjustmentID *int64        `json:"contractServiceBundleAdjustmentID"`
	ContractServiceBundleID           *int64        `json:"contractServiceBundleID"`
	ContractServiceBundlePeriodID     *int64        `json:"contractServiceBundlePeriodID"`
	ContractServiceID                 *int64        `json:"contractServiceID"`
	ContractServicePeriodID           *int64        `json:"contractServicePeriodID"`
	Description                       string        `json:"description"`
	ExpenseItemID                     *int64        `json:"expenseItemID"`
	ExtendedPrice                     money.Decimal `json:"extendedPrice"` // customer currency
	InternalCurrencyExtendedPrice     money.Decimal `json:"internalCurrencyExtendedPrice"`
	InternalCurrencyRate              money.Decimal `json:"internalCurrencyRate"`
	InternalCurrencyTaxDollars        money.Decimal `json:"internalCurrencyTaxDollars"`
	InternalCurrencyTotalAmount       money.Decimal `json:"internalCurrencyTotalAmount"`
	InvoiceID                         *int64        `json:"invoiceID"` // 0 when the item is not invoiced yet
	ItemApproverID                    *int64        `json:"itemApproverID"`
	ItemDate                          Time          `json:"itemDate"`
	ItemName                          string        `json:"itemName"`
	LineItemFullDescription           string        `json:"lineItemFullDescription"`  // not queryable
	LineItemGroupDescription          string        `json:"lineItemGroupDescription"` // not queryable
	MilestoneID                       *int64        `json:"milestoneID"`
	NonBillable                       int           `json:"nonBillable"` // 0 or 1
	OrganizationalLevelAssociationID  *int64        `json:"organizationalLevelAssociationID"`
	OurCost                           money.Decimal `json:"ourCost"`
	PostedDate                        Time          `json:"postedDate"`
	PostedOnTime                      Time          `json:"postedOnTime"`
	ProjectChargeID                   *int64        `json:"projectChargeID"`
	ProjectID                         *int64        `json:"projectID"`
	PurchaseOrderNumber               string        `json:"purchaseOrderNumber"` // "" when empty
	Quantity                          money.Decimal `json:"quantity"`
	Rate                              money.Decimal `json:"rate"` // customer currency
	RoleID                            *int64        `json:"roleID"`
	ServiceBundleID                   *int64        `json:"serviceBundleID"`
	ServiceID                         *int64        `json:"serviceID"`
	SortOrderID                       *int64        `json:"sortOrderID"`
	SubType                           int           `json:"subType"` // picklist; labels from entityInformation/fields
	TaskID                            *int64        `json:"taskID"`
	TaxDollars                        money.Decimal `json:"taxDollars"` // customer currency
	TicketChargeID                    *int64        `json:"ticketChargeID"`
	TicketID                          *int64        `json:"ticketID"`
	TimeEntryID                       *int64        `json:"timeEntryID"`
	TotalAmount                       money.Decimal `json:"totalAmount"` // customer currency; 0 until invoiced
	VendorID                          *int64        `json:"vendorID"`
	WebServiceDate                    Time          `json:"webServiceDate"` // writable
}
