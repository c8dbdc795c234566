// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import "github.com/billbridge/billbridge/internal/money"

// Currency is a currency and its exchange rate to the internal currency.
// Entity: Currencies.
type Currency struct {
	ID                     int64         `json:"id"`
	CurrencyNegativeFormat string        `json:"currencyNegativeFormat"`
	CurrencyPositiveFormat string        `json:"currencyPositiveFormat"`
	Description            string        `json:"description"`
	DisplaySymbol          int           `json:"displaySymbol"`
	ExchangeRate           money.Decimal `json:"exchangeRate"`
	IsActive               bool          `json:"isActive"`
	IsInternalCurrency     bool          `json:"isInternalCurrency"`
	LastModifiedDateTime   Time          `json:"lastModifiedDateTime"`
	Name                   string        `json:"name"`
	UpdateResourceID       *int64        `json:"updateResourceId"`
}
