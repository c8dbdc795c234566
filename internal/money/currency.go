package money

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Currency is an ISO 4217 alphabetic code such as "USD". Its zero value means
// "not set"; get real values from ParseCurrency, which only accepts known
// codes.
type Currency string

// minorUnits holds the decimal places of each active ISO 4217 currency, from
// the ISO 4217 list: most have 2; JPY, KRW and the CFA francs have none; the
// Gulf dinars have 3. Ledgers reject amounts with more places than this.
var minorUnits = map[Currency]int32{
	// No minor unit.
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
	"PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
	// Three places.
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	// Four places (units of account).
	"CLF": 4, "UYW": 4,
	// Two places.
	"AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "ANG": 2, "AOA": 2, "ARS": 2, "AUD": 2,
	"AWG": 2, "AZN": 2, "BAM": 2, "BBD": 2, "BDT": 2, "BGN": 2, "BMD": 2, "BND": 2,
	"BOB": 2, "BRL": 2, "BSD": 2, "BTN": 2, "BWP": 2, "BYN": 2, "BZD": 2, "CAD": 2,
	"CDF": 2, "CHF": 2, "CNY": 2, "COP": 2, "CRC": 2, "CUP": 2, "CVE": 2, "CZK": 2,
	"DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2, "ERN": 2, "ETB": 2, "EUR": 2, "FJD": 2,
	"FKP": 2, "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2, "GTQ": 2, "GYD": 2,
	"HKD": 2, "HNL": 2, "HTG": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "IRR": 2,
	"JMD": 2, "KES": 2, "KGS": 2, "KHR": 2, "KPW": 2, "KYD": 2, "KZT": 2, "LAK": 2,
	"LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2, "MAD": 2, "MDL": 2, "MGA": 2, "MKD": 2,
	"MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2, "MVR": 2, "MWK": 2, "MXN": 2,
	"MYR": 2, "MZN": 2, "NAD": 2, "NGN": 2, "NIO": 2, "NOK": 2, "NPR": 2, "NZD": 2,
	"PAB": 2, "PEN": 2, "PGK": 2, "PHP": 2, "PKR": 2, "PLN": 2, "QAR": 2, "RON": 2,
	"RSD": 2, "RUB": 2, "SAR": 2, "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2,
	"SHP": 2, "SLE": 2, "SOS": 2, "SRD": 2, "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2,
	"SZL": 2, "THB": 2, "TJS": 2, "TMT": 2, "TOP": 2, "TRY": 2, "TTD": 2, "TWD": 2,
	"TZS": 2, "UAH": 2, "USD": 2, "UYU": 2, "UZS": 2, "VES": 2, "WST": 2, "XCD": 2,
	"XCG": 2, "YER": 2, "ZAR": 2, "ZMW": 2, "ZWG": 2,
}

// ParseCurrency reads an ISO 4217 code. Case and surrounding spaces are
// forgiven ("usd " is USD); blank and unknown codes are refused with an
// apperr.Invalid error saying what to enter.
func ParseCurrency(s string) (Currency, error) {
	code := Currency(strings.ToUpper(strings.TrimSpace(s)))
	if code == "" {
		return "", apperr.New(apperr.Invalid, "money: currency code is blank",
			"Enter a three-letter ISO 4217 currency code such as USD, EUR or GBP.")
	}
	if _, ok := minorUnits[code]; !ok {
		return "", apperr.New(apperr.Invalid, fmt.Sprintf("money: %q is not a known ISO 4217 currency code", s),
			"Use a three-letter ISO 4217 currency code such as USD, EUR or GBP; check the currency set up in Autotask and in the ledger.")
	}
	return code, nil
}

// MustParseCurrency is ParseCurrency for constants in code and tests; it
// panics on an unknown code.
func MustParseCurrency(s string) Currency {
	c, err := ParseCurrency(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Valid reports whether c is a known ISO 4217 code.
func (c Currency) Valid() bool {
	_, ok := minorUnits[c]
	return ok
}

// MinorUnits is the number of decimal places amounts in c are written with:
// 2 for USD, 0 for JPY, 3 for KWD. An unset or unknown currency gives 2, the
// common case, so a missing code never loses cents; validate codes with
// ParseCurrency where they enter.
func (c Currency) MinorUnits() int32 {
	if n, ok := minorUnits[c]; ok {
		return n
	}
	return 2
}

func (c Currency) String() string { return string(c) }

func (c Currency) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText accepts a known code, or an empty string for "not set".
func (c *Currency) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = ""
		return nil
	}
	code, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = code
	return nil
}

// Value stores a Currency as TEXT.
func (c Currency) Value() (driver.Value, error) { return string(c), nil }

// Scan reads a Currency stored as TEXT; NULL and "" give the zero Currency.
func (c *Currency) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c = ""
		return nil
	case string:
		return c.UnmarshalText([]byte(v))
	case []byte:
		return c.UnmarshalText(v)
	default:
		return fmt.Errorf("money: cannot scan %T into a Currency", src)
	}
}
