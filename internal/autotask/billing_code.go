// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// BillingCode is one of the six kinds of billing code (work types, material,
// internal time, expense categories, recurring contract services, milestones),
// told apart by billingCodeType (read-only) and useType. Entity: BillingCodes.
type BillingCode struct {
	ID                         int64         `json:"id"`
	AfterHoursWorkType         int           `json:"afterHoursWorkType"`
	BillingCodeType            int           `json:"billingCodeType"`
	Department                 int           `json:"department"`
	Description                string        `json:"description"`
	ExternalNumber             string        `json:"externalNumber"`
	GeneralLedgerAccount       int           `json:"generalLedgerAccount"`
	IsActive                   bool          `json:"isActive"`
	IsExcludedFromNewContracts bool          `json:"isExcludedFromNewContracts"`
	MarkupRate                 money.Decimal `json:"markupRate"`
	Name                       string        `json:"name"`
	TaxCategoryID              *int64        `json:"taxCategoryID"`
	UnitCost                   money.Decimal `json:"unitCost"`
	UnitPrice                  money.Decimal `json:"unitPrice"`
	UseType                    int           `json:"useType"`
}
