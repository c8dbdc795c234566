// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

// PaymentTerm is an invoice payment term; Invoices.paymentTerm holds its id.
// Entity: PaymentTerms.
type PaymentTerm struct {
	ID               int64  `json:"id"`
	Description      string `json:"description"`
	IsActive         bool   `json:"isActive"`
	Name             string `json:"name"`
	PaymentDueInDays int    `json:"paymentDueInDays"`
}
