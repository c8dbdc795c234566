// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// Contract is a customer contract (agreement). Entity: Contracts.
type Contract struct {
	ID                                     int64         `json:"id"`
	BillingPreference                      int           `json:"billingPreference"`
	BillToCompanyContactID                 *int64        `json:"billToCompanyContactID"`
	BillToCompanyID                        *int64        `json:"billToCompanyID"`
	CompanyID                              *int64        `json:"companyID"`
	ContactID                              *int64        `json:"contactID"`
	ContactName                            string        `json:"contactName"`
	ContractCategory                       int           `json:"contractCategory"`
	ContractExclusionSetID                 *int64        `json:"contractExclusionSetID"`
	ContractName                           string        `json:"contractName"`
	ContractNumber                         string        `json:"contractNumber"`
	ContractPeriodType                     int           `json:"contractPeriodType"`
	ContractType                           int           `json:"contractType"`
	Description                            string        `json:"description"`
	EndDate                                Time          `json:"endDate"`
	EstimatedCost                          money.Decimal `json:"estimatedCost"`
	EstimatedHours                         money.Decimal `json:"estimatedHours"`
	EstimatedRevenue                       money.Decimal `json:"estimatedRevenue"`
	ExclusionContractID                    *int64        `json:"exclusionContractID"`
	InternalCurrencyOverageBillingRate     money.Decimal `json:"internalCurrencyOverageBillingRate"`
	InternalCurrencySetupFee               money.Decimal `json:"internalCurrencySetupFee"`
	IsCompliant                            bool          `json:"isCompliant"`
	IsDefaultContract                      bool          `json:"isDefaultContract"`
	LastModifiedDateTime                   Time          `json:"lastModifiedDateTime"`
	OpportunityID                          *int64        `json:"opportunityID"`
	OrganizationalLevelAssociationID       *int64        `json:"organizationalLevelAssociationID"`
	OverageBillingRate                     money.Decimal `json:"overageBillingRate"`
	PurchaseOrderNumber                    string        `json:"purchaseOrderNumber"`
	RenewedContractID                      *int64        `json:"renewedContractID"`
	ServiceLevelAgreementID                *int64        `json:"serviceLevelAgreementID"`
	SetupFee                               money.Decimal `json:"setupFee"`
	SetupFeeBillingCodeID                  *int64        `json:"setupFeeBillingCodeID"`
	StartDate                              Time          `json:"startDate"`
	Status                                 int           `json:"status"`
	TimeReportingRequiresStartAndStopTimes int           `json:"timeReportingRequiresStartAndStopTimes"`
	UserDefinedFields                      []UDFValue    `json:"userDefinedFields,omitempty"`
}

// ContractService is a recurring service on a contract. Entity:
// ContractServices.
type ContractService struct {
	ID                            int64         `json:"id"`
	ContractID                    *int64        `json:"contractID"`
	InternalCurrencyAdjustedPrice money.Decimal `json:"internalCurrencyAdjustedPrice"`
	InternalCurrencyUnitPrice     money.Decimal `json:"internalCurrencyUnitPrice"`
	InternalDescription           string        `json:"internalDescription"`
	InvoiceDescription            string        `json:"invoiceDescription"`
	QuoteItemID                   *int64        `json:"quoteItemID"`
	ServiceID                     *int64        `json:"serviceID"`
	UnitCost                      money.Decimal `json:"unitCost"`
	UnitPrice                     money.Decimal `json:"unitPrice"`
}
