// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// Resource is an Autotask user (employee, contractor or API user). Entity:
// Resources.
type Resource struct {
	ID                       int64         `json:"id"`
	AccountingReferenceID    string        `json:"accountingReferenceID"`
	DateFormat               string        `json:"dateFormat"`
	DefaultServiceDeskRoleID *int64        `json:"defaultServiceDeskRoleID"`
	Email                    string        `json:"email"`
	Email2                   string        `json:"email2"`
	Email3                   string        `json:"email3"`
	EmailTypeCode            string        `json:"emailTypeCode"`
	EmailTypeCode2           string        `json:"emailTypeCode2"`
	EmailTypeCode3           string        `json:"emailTypeCode3"`
	FirstName                string        `json:"firstName"`
	Gender                   string        `json:"gender"`
	Greeting                 int           `json:"greeting"`
	HireDate                 Time          `json:"hireDate"`
	HomePhone                string        `json:"homePhone"`
	Initials                 string        `json:"initials"`
	InternalCost             money.Decimal `json:"internalCost"`
	IsActive                 bool          `json:"isActive"`
	LastName                 string        `json:"lastName"`
	LicenseType              int           `json:"licenseType"`
	LocationID               *int64        `json:"locationID"`
	MiddleName               string        `json:"middleName"`
	MobilePhone              string        `json:"mobilePhone"`
	NumberFormat             string        `json:"numberFormat"`
	OfficeExtension          string        `json:"officeExtension"`
	OfficePhone              string        `json:"officePhone"`
	PayrollIdentifier        string        `json:"payrollIdentifier"`
	PayrollType              int           `json:"payrollType"`
	ResourceType             string        `json:"resourceType"`
	Suffix                   int           `json:"suffix"`
	SurveyResourceRating     money.Decimal `json:"surveyResourceRating"`
	TimeFormat               string        `json:"timeFormat"`
	Title                    string        `json:"title"`
	TravelAvailabilityPct    string        `json:"travelAvailabilityPct"`
	UserName                 string        `json:"userName"`
	UserType                 int           `json:"userType"`
}
