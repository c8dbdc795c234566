package export

import (
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Account is the customer a billing item belongs to. Rows of one account
// share one *Account, so a million rows do not carry a million copies.
type Account struct {
	ID         int64
	Name       string
	Number     string // Autotask's company number; may be empty
	TaxID      string // VAT / tax number
	Address1   string
	Address2   string
	City       string
	State      string
	PostalCode string
	Country    string // ISO code where Autotask has one
	Phone      string
	Currency   string // ISO 4217 code of the customer's currency
}

// Invoice is the Autotask invoice an item is on. Rows of one invoice share it.
type Invoice struct {
	ID          int64
	Number      string    // empty while Autotask is still processing it
	Date        time.Time // invoice date (UTC midnight)
	OrderNumber string    // the customer's purchase order
	Comments    string
	Total       money.Decimal // customer currency, tax included
	Tax         money.Decimal // customer currency
	// ExchangeRate is the customer currency's rate to the internal currency
	// as Autotask holds it (Currencies.exchangeRate); 1 for the internal currency.
	ExchangeRate money.Decimal
	// DueDate is Autotask's due date (zero when it has none) and
	// PaymentTermID the invoice's payment term (0 when none), so ledger files
	// date invoices due as the sync does.
	DueDate       time.Time
	PaymentTermID int64
}

// Row is one posted billing item joined with what an accountant needs to
// read it: its account, invoice, billing code, approver, tax region and
// category, and currency. The money fields keep every digit Autotask sent;
// writers round once, on the way out (see internal/money).
type Row struct {
	ItemID  int64
	Account *Account
	Invoice *Invoice // nil when the item is not on an invoice yet

	ItemDate   time.Time
	PostedDate time.Time

	BillingCode         string
	BillingCodeExternal string // the billing code's external number
	GLAccount           string // the billing code's general ledger account
	BillingCodeType     string // picklist label: Work Type, Material, …

	ItemType string // billingItemType picklist label
	SubType  string // subType picklist label
	ItemName string
	// Description is the item's description, or its full line description
	// when Autotask has one.
	Description string

	ApprovedBy       string // the resource who approved and posted the item
	RoleID           int64  // 0 when none
	TicketID         int64
	ProjectID        int64
	ContractID       int64
	Contract         string // contract name
	PurchaseOrder    string
	LineOfBusiness   string // organisational level 2 name
	LineOfBusinessID int64

	Quantity money.Decimal
	// Customer currency (the company's currency when multi-currency is on).
	Rate          money.Decimal
	ExtendedPrice money.Decimal
	TaxDollars    money.Decimal
	TotalAmount   money.Decimal // tax included; 0 until invoiced
	// Internal currency twins.
	InternalRate          money.Decimal
	InternalExtendedPrice money.Decimal
	InternalTaxDollars    money.Decimal
	InternalTotalAmount   money.Decimal

	TaxRegion   string
	TaxCategory string
	TaxRate     money.Decimal // percent, e.g. 20 for 20 %; zero when unknown
	Currency    string        // customer currency code
	// InternalCurrency is the MSP's own currency code.
	InternalCurrency string
}

// Class is how a billing item is priced, which decides which money columns
// it fills. Autotask does not publish the values of billingItemType, so the
// class is read from the picklist label the tenant returns.
type Class int

const (
	ClassOther     Class = iota // charges, expenses, block hours, retainers, credits
	ClassLabor                  // time: an hourly rate
	ClassService                // recurring contract services
	ClassMilestone              // fixed-price project milestones
	ClassSetupFee               // one-off setup fees
)

// Class classifies the row by its item type label.
func (r *Row) Class() Class {
	t := strings.ToLower(r.ItemType)
	switch {
	case strings.Contains(t, "labor"), strings.Contains(t, "labour"):
		return ClassLabor
	case strings.Contains(t, "recurring service"), strings.Contains(t, "contract service"):
		return ClassService
	case strings.Contains(t, "milestone"):
		return ClassMilestone
	case strings.Contains(t, "setup"):
		return ClassSetupFee
	}
	return ClassOther
}

// Invoiced reports whether the row is on an invoice.
func (r *Row) Invoiced() bool { return r.Invoice != nil }

// currency returns the customer currency for rounding; an unknown code
// rounds to 2 places (money.Currency's default).
func (r *Row) currency() money.Currency { return money.Currency(r.Currency) }

func (r *Row) internalCurrency() money.Currency { return money.Currency(r.InternalCurrency) }
