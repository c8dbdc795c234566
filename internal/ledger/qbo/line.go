package qbo

import (
	"encoding/json"

	"github.com/billbridge/billbridge/internal/money"
)

// Line detail types (LineDetailTypeEnum in Intuit's XSD).
const (
	DetailSalesItem    = "SalesItemLineDetail"
	DetailDescription  = "DescriptionOnly"
	DetailSubTotal     = "SubTotalLineDetail"
	DetailDiscount     = "DiscountLineDetail"
	DetailTax          = "TaxLineDetail"
	DetailItemExpense  = "ItemBasedExpenseLineDetail"
	DetailAcctExpense  = "AccountBasedExpenseLineDetail"
	DetailPaymentApply = "PaymentLineDetail"
)

// TxnPurchaseOrder is the LinkedTxn TxnType of a bill line's purchase
// order; QuickBooks closes the order once it is fully billed.
const TxnPurchaseOrder = "PurchaseOrder"

// Line is one line of a transaction. DetailType says which detail is set.
// Amount is sent for every line but a description-only one, even when zero,
// because QuickBooks requires it; on a sales line it must equal
// Qty × UnitPrice (Fault 6070), which SalesLine computes.
type Line struct {
	ID          string `json:"Id,omitempty"`
	LineNum     int    `json:"LineNum,omitempty"`
	Description string `json:"Description,omitempty"`
	Amount      Amount `json:"Amount,omitzero"`
	DetailType  string `json:"DetailType,omitempty"`
	// LinkedTxn is what a payment line pays, or the purchase order a bill
	// line bills (TxnType PurchaseOrder): Line.LinkedTxn in Intuit's XSD.
	LinkedTxn []LinkedTxn `json:"LinkedTxn,omitempty"`

	SalesItemLineDetail           *SalesItemLineDetail           `json:"SalesItemLineDetail,omitempty"`
	DescriptionLineDetail         *DescriptionLineDetail         `json:"DescriptionLineDetail,omitempty"`
	SubTotalLineDetail            *SubTotalLineDetail            `json:"SubTotalLineDetail,omitempty"`
	DiscountLineDetail            *DiscountLineDetail            `json:"DiscountLineDetail,omitempty"`
	TaxLineDetail                 *TaxLineDetail                 `json:"TaxLineDetail,omitempty"`
	ItemBasedExpenseLineDetail    *ItemBasedExpenseLineDetail    `json:"ItemBasedExpenseLineDetail,omitempty"`
	AccountBasedExpenseLineDetail *AccountBasedExpenseLineDetail `json:"AccountBasedExpenseLineDetail,omitempty"`
	JournalEntryLineDetail        *JournalEntryLineDetail        `json:"JournalEntryLineDetail,omitempty"`
}

// MarshalJSON sends a zero Amount on lines that need one.
func (l Line) MarshalJSON() ([]byte, error) {
	type plain Line
	if l.DetailType == DetailDescription || l.DetailType == "" || !l.Amount.IsZero() {
		return json.Marshal(plain(l))
	}
	return json.Marshal(struct {
		plain
		Amount Amount `json:"Amount"`
	}{plain(l), l.Amount})
}

// SalesItemLineDetail is the detail of a sales line. Qty and UnitPrice are
// omitted when zero, in which case QuickBooks takes Amount as given.
type SalesItemLineDetail struct {
	ItemRef         Ref    `json:"ItemRef,omitzero"`
	ClassRef        Ref    `json:"ClassRef,omitzero"`
	UnitPrice       Amount `json:"UnitPrice,omitzero"`
	Qty             Amount `json:"Qty,omitzero"`
	ItemAccountRef  Ref    `json:"ItemAccountRef,omitzero"`
	TaxCodeRef      Ref    `json:"TaxCodeRef,omitzero"`
	ServiceDate     Date   `json:"ServiceDate,omitzero"`
	TaxInclusiveAmt Amount `json:"TaxInclusiveAmt,omitzero"`
	DiscountRate    Amount `json:"DiscountRate,omitzero"`
	DiscountAmt     Amount `json:"DiscountAmt,omitzero"`
}

// DescriptionLineDetail is the detail of a text-only line.
type DescriptionLineDetail struct {
	ServiceDate Date `json:"ServiceDate,omitzero"`
	TaxCodeRef  Ref  `json:"TaxCodeRef,omitzero"`
}

// SubTotalLineDetail is the detail of a subtotal line.
type SubTotalLineDetail struct {
	ItemRef     Ref  `json:"ItemRef,omitzero"`
	ServiceDate Date `json:"ServiceDate,omitzero"`
}

// DiscountLineDetail is the detail of a discount line.
type DiscountLineDetail struct {
	PercentBased       *bool  `json:"PercentBased,omitempty"`
	DiscountPercent    Amount `json:"DiscountPercent,omitzero"`
	DiscountAccountRef Ref    `json:"DiscountAccountRef,omitzero"`
	ClassRef           Ref    `json:"ClassRef,omitzero"`
	TaxCodeRef         Ref    `json:"TaxCodeRef,omitzero"`
}

// TaxLineDetail is the detail of a line of TxnTaxDetail.TaxLine.
type TaxLineDetail struct {
	TaxRateRef       Ref    `json:"TaxRateRef,omitzero"`
	PercentBased     *bool  `json:"PercentBased,omitempty"`
	TaxPercent       Amount `json:"TaxPercent,omitzero"`
	NetAmountTaxable Amount `json:"NetAmountTaxable,omitzero"`
}

// ItemBasedExpenseLineDetail is the detail of a bill or purchase order line
// for an item.
type ItemBasedExpenseLineDetail struct {
	ItemRef        Ref    `json:"ItemRef,omitzero"`
	ClassRef       Ref    `json:"ClassRef,omitzero"`
	UnitPrice      Amount `json:"UnitPrice,omitzero"`
	Qty            Amount `json:"Qty,omitzero"`
	TaxCodeRef     Ref    `json:"TaxCodeRef,omitzero"`
	CustomerRef    Ref    `json:"CustomerRef,omitzero"`
	BillableStatus string `json:"BillableStatus,omitempty"` // Billable, NotBillable, HasBeenBilled
}

// AccountBasedExpenseLineDetail is the detail of a bill or purchase order
// line booked straight to an account.
type AccountBasedExpenseLineDetail struct {
	AccountRef     Ref    `json:"AccountRef,omitzero"`
	ClassRef       Ref    `json:"ClassRef,omitzero"`
	TaxCodeRef     Ref    `json:"TaxCodeRef,omitzero"`
	TaxAmount      Amount `json:"TaxAmount,omitzero"`
	CustomerRef    Ref    `json:"CustomerRef,omitzero"`
	BillableStatus string `json:"BillableStatus,omitempty"`
}

// SalesLine returns a sales line for qty × unitPrice of item, with Amount
// rounded to cents as QuickBooks checks it. taxCode is "TAX"/"NON" in a US
// company and a TaxCode id elsewhere; empty leaves it to the item's default.
func SalesLine(description string, item Ref, qty, unitPrice money.Decimal, taxCode string) Line {
	d := &SalesItemLineDetail{ItemRef: item, Qty: qty, UnitPrice: unitPrice}
	if taxCode != "" {
		d.TaxCodeRef = Ref{Value: taxCode}
	}
	return Line{
		Description:         description,
		Amount:              qty.Mul(unitPrice).Round(2),
		DetailType:          DetailSalesItem,
		SalesItemLineDetail: d,
	}
}

// DescriptionLine returns a text-only line.
func DescriptionLine(text string) Line {
	return Line{Description: text, DetailType: DetailDescription, DescriptionLineDetail: &DescriptionLineDetail{}}
}

// TxnTaxDetail is the tax of a whole transaction. In a US company
// TxnTaxCodeRef picks the sales tax rate (or automated sales tax computes
// it); elsewhere QuickBooks fills it from the lines' tax codes.
type TxnTaxDetail struct {
	TxnTaxCodeRef Ref    `json:"TxnTaxCodeRef,omitzero"`
	TotalTax      Amount `json:"TotalTax,omitzero"`
	TaxLine       []Line `json:"TaxLine,omitempty"`
}
