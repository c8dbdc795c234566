package export

import (
	"strconv"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Kind is what a column holds, which decides how each format writes it.
type Kind int

const (
	KindText      Kind = iota // text, guarded against formula injection in CSV and Excel
	KindDate                  // a calendar date (no time of day)
	KindID                    // an Autotask id: an integer, blank when absent
	KindQuantity              // up to 4 decimals
	KindUnitPrice             // money per unit: up to 4 decimals
	KindAmount                // money: rounded to the currency's minor units
)

// Value is one cell, ready to write: money and quantities are already
// rounded the one time the rounding policy allows.
type Value struct {
	Kind     Kind
	Blank    bool
	Text     string
	Date     time.Time
	Int      int64
	Num      money.Decimal
	Currency string // for money: the ISO code the amount is in
}

// Column is one column of the CSV and Excel files.
type Column struct {
	Name  string
	Kind  Kind
	Width float64 // Excel column width, in characters
	value func(*Row) Value
}

// Value returns the column's cell for r.
func (c Column) Value(r *Row) Value { return c.value(r) }

// The nine money columns in the customer's currency, and their internal
// twins, with the names Autotask's export wizard uses.
const (
	ColHourlyBillingRate    = "Hourly Billing Rate"
	ColExtendedPrice        = "Extended Price"
	ColMilestoneAmount      = "Milestone Amount"
	ColBilledAmount         = "Billed Amount"
	ColServiceUnitPrice     = "Service Unit Price"
	ColServiceExtendedPrice = "Service Extended Price"
	ColSetupFee             = "Setup Fee"
	ColUnitPrice            = "Unit Price"
	ColTotalTax             = "Total Tax"

	ColInternalHourlyBillingRate = "Internal Currency Hourly Billing Rate"
	ColInternalExtendedPrice     = "Internal Currency Extended Price"
	ColInternalBilledAmount      = "Internal Currency Billed Amount"
	ColInternalTotalTax          = "Internal Currency Total Tax"
)

// Columns returns Billbridge's documented column set, in file order (see the
// package documentation for what each holds). internalTwins appends the four
// internal-currency columns, as CSV and Excel files do.
func Columns(internalTwins bool) []Column {
	cols := []Column{
		text("Billing Item ID", 14, func(r *Row) string { return strconv.FormatInt(r.ItemID, 10) }),
		text("Account Name", 32, func(r *Row) string { return r.Account.Name }),
		text("Account Number", 14, func(r *Row) string { return r.Account.Number }),
		text("Invoice Number", 14, func(r *Row) string {
			if r.Invoice == nil {
				return ""
			}
			return r.Invoice.Number
		}),
		date("Invoice Date", func(r *Row) time.Time {
			if r.Invoice == nil {
				return time.Time{}
			}
			return r.Invoice.Date
		}),
		date("Item Date", func(r *Row) time.Time { return r.ItemDate }),
		date("Posted Date", func(r *Row) time.Time { return r.PostedDate }),
		text("Billing Code", 24, func(r *Row) string { return r.BillingCode }),
		text("Billing Code External Number", 14, func(r *Row) string { return r.BillingCodeExternal }),
		text("GL Account", 12, func(r *Row) string { return r.GLAccount }),
		text("Billing Code Type", 18, func(r *Row) string { return r.BillingCodeType }),
		text("Billing Item Type", 18, func(r *Row) string { return r.ItemType }),
		text("Billing Item Sub-Type", 18, func(r *Row) string { return r.SubType }),
		text("Item Name", 40, func(r *Row) string { return r.ItemName }),
		text("Description", 60, func(r *Row) string { return r.Description }),
		text("Approved By", 20, func(r *Row) string { return r.ApprovedBy }),
		id("Role ID", func(r *Row) int64 { return r.RoleID }),
		id("Ticket ID", func(r *Row) int64 { return r.TicketID }),
		id("Project ID", func(r *Row) int64 { return r.ProjectID }),
		id("Contract ID", func(r *Row) int64 { return r.ContractID }),
		text("Contract", 28, func(r *Row) string { return r.Contract }),
		text("Purchase Order Number", 16, func(r *Row) string { return r.PurchaseOrder }),
		text("Line of Business", 18, func(r *Row) string { return r.LineOfBusiness }),
		{Name: "Quantity", Kind: KindQuantity, Width: 10, value: func(r *Row) Value {
			return Value{Kind: KindQuantity, Num: money.RoundQuantity(r.Quantity)}
		}},
		unitPrice(ColHourlyBillingRate, customer, only(ClassLabor), func(r *Row) money.Decimal { return r.Rate }),
		amount(ColExtendedPrice, customer, always, func(r *Row) money.Decimal { return r.ExtendedPrice }),
		amount(ColMilestoneAmount, customer, only(ClassMilestone), func(r *Row) money.Decimal { return r.ExtendedPrice }),
		amount(ColBilledAmount, customer, invoiced, func(r *Row) money.Decimal { return r.TotalAmount }),
		unitPrice(ColServiceUnitPrice, customer, only(ClassService), func(r *Row) money.Decimal { return r.Rate }),
		amount(ColServiceExtendedPrice, customer, only(ClassService), func(r *Row) money.Decimal { return r.ExtendedPrice }),
		amount(ColSetupFee, customer, only(ClassSetupFee), func(r *Row) money.Decimal { return r.ExtendedPrice }),
		unitPrice(ColUnitPrice, customer, notIn(ClassLabor, ClassService), func(r *Row) money.Decimal { return r.Rate }),
		amount(ColTotalTax, customer, invoiced, func(r *Row) money.Decimal { return r.TaxDollars }),
		text("Tax Region", 18, func(r *Row) string { return r.TaxRegion }),
		text("Tax Category", 18, func(r *Row) string { return r.TaxCategory }),
		text("Currency", 9, func(r *Row) string { return r.Currency }),
	}
	if internalTwins {
		cols = append(cols,
			unitPrice(ColInternalHourlyBillingRate, internal, only(ClassLabor), func(r *Row) money.Decimal { return r.InternalRate }),
			amount(ColInternalExtendedPrice, internal, always, func(r *Row) money.Decimal { return r.InternalExtendedPrice }),
			amount(ColInternalBilledAmount, internal, invoiced, func(r *Row) money.Decimal { return r.InternalTotalAmount }),
			amount(ColInternalTotalTax, internal, invoiced, func(r *Row) money.Decimal { return r.InternalTaxDollars }),
		)
	}
	return cols
}

// ColumnNames returns the names of Columns(internalTwins), for the README
// and the preview.
func ColumnNames(internalTwins bool) []string {
	cols := Columns(internalTwins)
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

func text(name string, width float64, get func(*Row) string) Column {
	return Column{Name: name, Kind: KindText, Width: width, value: func(r *Row) Value {
		s := get(r)
		return Value{Kind: KindText, Text: s, Blank: s == ""}
	}}
}

func date(name string, get func(*Row) time.Time) Column {
	return Column{Name: name, Kind: KindDate, Width: 12, value: func(r *Row) Value {
		t := get(r)
		return Value{Kind: KindDate, Date: t, Blank: t.IsZero()}
	}}
}

func id(name string, get func(*Row) int64) Column {
	return Column{Name: name, Kind: KindID, Width: 11, value: func(r *Row) Value {
		v := get(r)
		return Value{Kind: KindID, Int: v, Blank: v == 0}
	}}
}

// Which currency a money column is in.
func customer(r *Row) string { return r.Currency }
func internal(r *Row) string { return r.InternalCurrency }

// Which rows fill a money column; the others leave it blank.
func always(*Row) bool     { return true }
func invoiced(r *Row) bool { return r.Invoiced() }
func only(c Class) func(*Row) bool {
	return func(r *Row) bool { return r.Class() == c }
}
func notIn(cs ...Class) func(*Row) bool {
	return func(r *Row) bool {
		k := r.Class()
		for _, c := range cs {
			if k == c {
				return false
			}
		}
		return true
	}
}

func amount(name string, cur func(*Row) string, applies func(*Row) bool, get func(*Row) money.Decimal) Column {
	return Column{Name: name, Kind: KindAmount, Width: 14, value: func(r *Row) Value {
		if !applies(r) {
			return Value{Kind: KindAmount, Blank: true}
		}
		c := cur(r)
		return Value{Kind: KindAmount, Num: money.RoundAmount(get(r), money.Currency(c)), Currency: c}
	}}
}

func unitPrice(name string, cur func(*Row) string, applies func(*Row) bool, get func(*Row) money.Decimal) Column {
	return Column{Name: name, Kind: KindUnitPrice, Width: 14, value: func(r *Row) Value {
		if !applies(r) {
			return Value{Kind: KindUnitPrice, Blank: true}
		}
		return Value{Kind: KindUnitPrice, Num: money.RoundUnitPrice(get(r)), Currency: cur(r)}
	}}
}
