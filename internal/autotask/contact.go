// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

// Contact is a person at a company. Entity: Contacts.
type Contact struct {
	ID                            int64      `json:"id"`
	AdditionalAddressInformation  string     `json:"additionalAddressInformation"`
	AddressLine                   string     `json:"addressLine"`
	AddressLine1                  string     `json:"addressLine1"`
	AlternatePhone                string     `json:"alternatePhone"`
	ApiVendorID                   *int64     `json:"apiVendorID"`
	BulkEmailOptOutTime           Time       `json:"bulkEmailOptOutTime"`
	City                          string     `json:"city"`
	CompanyID                     *int64     `json:"companyID"`
	CompanyLocationID             *int64     `json:"companyLocationID"`
	CountryID                     *int64     `json:"countryID"`
	CreateDate                    Time       `json:"createDate"`
	EmailAddress                  string     `json:"emailAddress"`
	EmailAddress2                 string     `json:"emailAddress2"`
	EmailAddress3                 string     `json:"emailAddress3"`
	Extension                     string     `json:"extension"`
	ExternalID                    string     `json:"externalID"`
	FacebookURL                   string     `json:"facebookUrl"`
	FaxNumber                     string     `json:"faxNumber"`
	FirstName                     string     `json:"firstName"`
	ImpersonatorCreatorResourceID *int64     `json:"impersonatorCreatorResourceID"`
	IsActive                      int        `json:"isActive"`
	IsOptedOutFromBulkEmail       bool       `json:"isOptedOutFromBulkEmail"`
	LastActivityDate              Time       `json:"lastActivityDate"`
	LastModifiedDate              Time       `json:"lastModifiedDate"`
	LastName                      string     `json:"lastName"`
	LinkedInURL                   string     `json:"linkedInUrl"`
	MiddleInitial                 string     `json:"middleInitial"`
	MobilePhone                   string     `json:"mobilePhone"`
	NamePrefix                    int        `json:"namePrefix"`
	NameSuffix                    int        `json:"nameSuffix"`
	Note                          string     `json:"note"`
	ReceivesEmailNotifications    bool       `json:"receivesEmailNotifications"`
	Phone                         string     `json:"phone"`
	PrimaryContact                bool       `json:"primaryContact"`
	BillingContact                bool       `json:"billingContact"`
	RoomNumber                    string     `json:"roomNumber"`
	SolicitationOptOut            bool       `json:"solicitationOptOut"`
	SolicitationOptOutTime        Time       `json:"solicitationOptOutTime"`
	State                         string     `json:"state"`
	SurveyOptOut                  bool       `json:"surveyOptOut"`
	Title                         string     `json:"title"`
	TwitterURL                    string     `json:"twitterUrl"`
	ZipCode                       string     `json:"zipCode"`
	UserDefinedFields             []UDFValue `json:"userDefinedFields,omitempty"`
}
