package exactsim

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/money"
)

// Text lengths of purchase orders and items (the cards' input limits;
// Exact's REST reference lists none). The client checks the same numbers.
const (
	poDescriptionMax   = 60
	poYourRefMax       = 30
	itemDescriptionMax = 60
	itemCodeMax        = 30
)

// postPurchaseOrder creates a purchase order with its lines in one deep
// insert. Supplier (an account with IsSupplier) and at least one line with
// an existing purchase item and QuantityInPurchaseUnits are mandatory;
// Quantity is read-only and taken from QuantityInPurchaseUnits (one
// purchase unit is one item unit here). Exact numbers the order itself.
func postPurchaseOrder(c *call, in record) (record, *apiError) {
	now := c.s.now()
	if in.str("PurchaseOrderID") != "" {
		return nil, badRequest("PurchaseOrderID is assigned by Exact Online and cannot be set.")
	}
	sup := in.str("Supplier")
	if sup == "" {
		return nil, badRequest("Mandatory: Supplier")
	}
	acc := c.div.byID("Account", "ID", sup)
	switch {
	case acc == nil:
		return nil, badRequest("Supplier: account " + sup + " does not exist.")
	case acc["IsSupplier"] != true:
		return nil, badRequest("Supplier: account " + strings.TrimSpace(acc.str("Code")) + " " + acc.str("Name") + " is not a supplier.")
	case acc["Blocked"] == true:
		return nil, badRequest("Supplier: account " + strings.TrimSpace(acc.str("Code")) + " " + acc.str("Name") + " is blocked.")
	}
	for f, max := range map[string]int{"Description": poDescriptionMax, "YourRef": poYourRefMax} {
		if n := utf8.RuneCountInString(in.str(f)); n > max {
			return nil, badRequest(fmt.Sprintf("%s: the value is %d characters long; the maximum is %d.", f, n, max))
		}
	}
	cur := in.str("Currency")
	if cur == "" {
		cur = acc.str("PurchaseCurrency")
	}
	if cur == "" {
		cur = c.div.Division.Currency
	}
	if c.div.find("Currency", "Code", cur) == nil {
		return nil, badRequest("Currency: '" + cur + "' does not exist.")
	}
	in["Currency"] = cur
	cond := in.str("PaymentCondition")
	if cond == "" {
		cond = acc.str("PaymentConditionPurchase")
	}
	if cond != "" {
		pc := c.div.find("PaymentCondition", "Code", cond)
		if pc == nil {
			return nil, badRequest("PaymentCondition: '" + cond + "' does not exist.")
		}
		in["PaymentCondition"], in["PaymentConditionDescription"] = cond, pc.str("Description")
	}
	if in["OrderDate"] == nil {
		in["OrderDate"] = now.Truncate(24 * time.Hour)
	}
	if in["ReceiptDate"] == nil {
		in["ReceiptDate"] = in["OrderDate"]
	}
	lines := in.lines("PurchaseOrderLines")
	if len(lines) == 0 {
		return nil, badRequest("PurchaseOrderLines: a purchase order needs at least one line.")
	}
	id := newID()
	net, vat := money.Zero, money.Zero
	for i, l := range lines {
		if aerr := purchaseOrderLine(c, l, money.Currency(cur), i); aerr != nil {
			return nil, aerr
		}
		if l["ReceiptDate"] == nil {
			l["ReceiptDate"] = in["ReceiptDate"]
		}
		l["ID"], l["PurchaseOrderID"], l["LineNumber"], l["Division"] = newID(), id, int64(i+1), int64(c.div.Division.Code)
		l["Created"], l["Modified"] = now, now
		net, vat = net.Add(l.dec("AmountFC")), vat.Add(l.dec("VATAmount"))
	}
	in["PurchaseOrderID"], in["OrderNumber"] = id, c.div.next("purchaseorder", 1)
	in["SupplierCode"], in["SupplierName"] = acc.str("Code"), acc.str("Name")
	in["AmountFC"], in["AmountDC"], in["VATAmount"] = net, net, vat
	in["OrderStatus"], in["ReceiptStatus"], in["InvoiceStatus"] = int64(10), int64(10), int64(10)
	in["ApprovalStatus"], in["ApprovalStatusDescription"], in["Source"] = int64(1), "Automatically", int64(11)
	in["PurchaseOrderLineCount"], in["Division"], in["Created"], in["Modified"] = int64(len(lines)), int64(c.div.Division.Code), now, now
	c.div.insert("PurchaseOrder", in)
	return in, nil
}

// purchaseOrderLine validates one line and works out its amounts: NetPrice
// is UnitPrice less Discount (a fraction) unless sent; without either the
// item's standard cost price is used. AmountFC is the quantity times
// NetPrice, rounded to the currency.
func purchaseOrderLine(c *call, l record, cur money.Currency, i int) *apiError {
	if l.str("Item") == "" {
		return badRequest(fmt.Sprintf("Line %d: Mandatory: Item", i+1))
	}
	it := c.div.byID("Item", "ID", l.str("Item"))
	switch {
	case it == nil:
		return badRequest(fmt.Sprintf("Line %d: Item %s does not exist.", i+1, l.str("Item")))
	case it["IsPurchaseItem"] != true:
		return badRequest(fmt.Sprintf("Line %d: item %s is not a purchase item.", i+1, it.str("Code")))
	case l["QuantityInPurchaseUnits"] == nil:
		return badRequest(fmt.Sprintf("Line %d: Mandatory: QuantityInPurchaseUnits", i+1))
	case l.dec("QuantityInPurchaseUnits").Sign() <= 0:
		return badRequest(fmt.Sprintf("Line %d: QuantityInPurchaseUnits must be more than 0.", i+1))
	}
	if n := utf8.RuneCountInString(l.str("Description")); n > poDescriptionMax {
		return badRequest(fmt.Sprintf("Line %d: Description: the value is %d characters long; the maximum is %d.", i+1, n, poDescriptionMax))
	}
	if l.str("Description") == "" {
		l["Description"] = it.str("Description")
	}
	price, ok := l["NetPrice"].(money.Decimal)
	if !ok {
		unit, hasUnit := l["UnitPrice"].(money.Decimal)
		if !hasUnit {
			unit = it.dec("CostPriceStandard")
		}
		price = unit.Mul(money.FromInt(1).Sub(l.dec("Discount")))
		l["UnitPrice"] = unit
	}
	if price.Sign() < 0 {
		return badRequest(fmt.Sprintf("Line %d: NetPrice cannot be negative.", i+1))
	}
	if l["UnitPrice"] == nil {
		l["UnitPrice"] = price
	}
	qty := l.dec("QuantityInPurchaseUnits")
	l["NetPrice"], l["Quantity"] = price, qty
	l["AmountFC"] = money.RoundAmount(qty.Mul(price), cur)
	l["AmountDC"] = l["AmountFC"]
	l["ItemCode"], l["ItemDescription"], l["Unit"] = it.str("Code"), it.str("Description"), it.str("Unit")
	l["ReceivedQuantity"], l["InvoicedQuantity"] = money.Zero, money.Zero
	if code := l.str("VATCode"); code != "" {
		vc := c.div.vatCode(code)
		if vc == nil {
			return badRequest(fmt.Sprintf("Line %d: VATCode '%s' does not exist.", i+1, code))
		}
		l["VATCode"], l["VATDescription"], l["VATPercentage"] = vc.str("Code"), vc.str("Description"), vc.dec("Percentage")
		l["VATAmount"] = money.RoundAmount(l.dec("AmountFC").Mul(vc.dec("Percentage")), cur)
	}
	return nil
}

// postItem creates an item in logistics/Items. Code (unique, at most 30
// characters) and Description (at most 60) are mandatory; an item can be
// sold and purchased unless the flags say otherwise.
func postItem(c *call, in record) (record, *apiError) {
	code, desc := strings.TrimSpace(in.str("Code")), in.str("Description")
	switch {
	case in.str("ID") != "":
		return nil, badRequest("ID is assigned by Exact Online and cannot be set.")
	case code == "":
		return nil, badRequest("Mandatory: Code")
	case strings.TrimSpace(desc) == "":
		return nil, badRequest("Mandatory: Description")
	case utf8.RuneCountInString(code) > itemCodeMax:
		return nil, badRequest(fmt.Sprintf("Code: the value is %d characters long; the maximum is %d.", utf8.RuneCountInString(code), itemCodeMax))
	case utf8.RuneCountInString(desc) > itemDescriptionMax:
		return nil, badRequest(fmt.Sprintf("Description: the value is %d characters long; the maximum is %d.", utf8.RuneCountInString(desc), itemDescriptionMax))
	}
	for _, r := range c.div.Tables["Item"] {
		if strings.EqualFold(strings.TrimSpace(r.str("Code")), code) {
			return nil, badRequest("Code: an item with code " + code + " already exists.")
		}
	}
	for _, f := range []string{"IsSalesItem", "IsPurchaseItem"} {
		if in[f] == nil {
			in[f] = true
		}
	}
	if in["IsStockItem"] == nil {
		in["IsStockItem"] = false
	}
	if v := in.str("SalesVatCode"); v != "" {
		vc := c.div.vatCode(v)
		if vc == nil {
			return nil, badRequest("SalesVatCode: VAT code '" + v + "' does not exist.")
		}
		in["SalesVatCode"] = vc.str("Code")
	}
	now := c.s.now()
	in["ID"], in["Code"], in["Division"], in["Created"], in["Modified"] = newID(), code, int64(c.div.Division.Code), now, now
	c.div.insert("Item", in)
	return in, nil
}
