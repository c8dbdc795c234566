package exact

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/money"
)

// Purchase order statuses (OrderStatus, ReceiptStatus, InvoiceStatus).
const (
	PurchaseOrderOpen      = 10
	PurchaseOrderPartial   = 20
	PurchaseOrderComplete  = 30
	PurchaseOrderCancelled = 40
)

// Text lengths Exact keeps on purchase orders. Exact's reference lists no
// lengths; these are the order card's input limits, and the simulator
// enforces the same numbers, so a too-long value is caught before it costs
// an error call towards Exact's block.
const (
	PurchaseOrderDescriptionMax = 60 // header and line Description
	PurchaseOrderYourRefMax     = 30
)

// PurchaseOrder is an order to a supplier in purchaseorder/PurchaseOrders,
// posted with its lines in one deep insert. Supplier is an account with
// IsSupplier set; Exact numbers the order (OrderNumber) itself. Fields
// marked "set by Exact" are cleared before a POST.
type PurchaseOrder struct {
	PurchaseOrderID    string                   `json:"PurchaseOrderID,omitempty"`
	OrderNumber        int                      `json:"OrderNumber,omitempty"` // set by Exact
	Supplier           string                   `json:"Supplier"`
	SupplierName       string                   `json:"SupplierName,omitempty"` // set by Exact
	OrderDate          Date                     `json:"OrderDate,omitzero"`
	ReceiptDate        Date                     `json:"ReceiptDate,omitzero"`
	Currency           string                   `json:"Currency,omitempty"`
	Description        string                   `json:"Description,omitempty"`
	YourRef            string                   `json:"YourRef,omitempty"`
	Remarks            string                   `json:"Remarks,omitempty"`
	PaymentCondition   string                   `json:"PaymentCondition,omitempty"`
	AmountFC           money.Decimal            `json:"AmountFC,omitzero"`     // set by Exact, excl. VAT
	OrderStatus        int                      `json:"OrderStatus,omitempty"` // set by Exact
	PurchaseOrderLines Lines[PurchaseOrderLine] `json:"PurchaseOrderLines,omitempty"`
}

// PurchaseOrderLine is one line. Exact reads the quantity from
// QuantityInPurchaseUnits when an order is created (Quantity is read-only)
// and the price from NetPrice; the GL account is the item's.
type PurchaseOrderLine struct {
	Item                    string        `json:"Item"`
	Description             string        `json:"Description,omitempty"`
	Notes                   string        `json:"Notes,omitempty"`
	QuantityInPurchaseUnits money.Decimal `json:"QuantityInPurchaseUnits"`
	NetPrice                money.Decimal `json:"NetPrice"`
	VATCode                 string        `json:"VATCode,omitempty"`
	ReceiptDate             Date          `json:"ReceiptDate,omitzero"`
	AmountFC                money.Decimal `json:"AmountFC,omitzero"` // set by Exact
}

var purchaseOrderFields = []string{"PurchaseOrderID", "OrderNumber", "Supplier", "SupplierName", "OrderDate", "ReceiptDate",
	"Currency", "Description", "YourRef", "AmountFC", "OrderStatus"}

func purchaseOrderDoc(po PurchaseOrder) string {
	if po.YourRef != "" {
		return "purchase order " + po.YourRef
	}
	return "purchase order"
}

// CreatePurchaseOrder validates po locally and posts it with its lines in
// one call. There is no batch endpoint and no idempotency key: callers look
// the order up by YourRef first (PurchaseOrdersByYourRef).
func (c *Client) CreatePurchaseOrder(ctx context.Context, po PurchaseOrder) (PurchaseOrder, error) {
	if err := c.ValidatePurchaseOrder(&po); err != nil {
		return PurchaseOrder{}, err
	}
	po.PurchaseOrderID, po.OrderNumber, po.SupplierName, po.OrderStatus, po.AmountFC = "", 0, "", 0, money.Decimal{}
	for i := range po.PurchaseOrderLines {
		po.PurchaseOrderLines[i].AmountFC = money.Decimal{}
	}
	return post[PurchaseOrder](ctx, c, "purchaseorder/PurchaseOrders", "create purchase order", purchaseOrderDoc(po), po)
}

// PurchaseOrdersByYourRef finds purchase orders by YourRef, batched into as
// few calls as the URL length allows. Lines are not read.
func (c *Client) PurchaseOrdersByYourRef(ctx context.Context, refs []string) ([]PurchaseOrder, error) {
	return getAnyOf[PurchaseOrder](ctx, c, list{op: "find purchase orders", path: "purchaseorder/PurchaseOrders",
		query: Query{Select: purchaseOrderFields}}, "YourRef", strLits(refs), "")
}

// PurchaseOrders lists every purchase order of the division (header
// fields), 60 a page.
func (c *Client) PurchaseOrders(ctx context.Context) ([]PurchaseOrder, error) {
	return getAll[PurchaseOrder](ctx, c, list{op: "list purchase orders", path: "purchaseorder/PurchaseOrders",
		query: Query{Select: purchaseOrderFields}})
}

// ValidatePurchaseOrder checks po before it is sent — supplier, at least
// one line, items, quantities, prices, text lengths and, when a Catalog is
// loaded, currency and VAT codes — and writes VAT codes as Exact spells
// them. Every problem names the order (its YourRef) and the field.
func (c *Client) ValidatePurchaseOrder(po *PurchaseOrder) error {
	doc := purchaseOrderDoc(*po)
	if err := c.checkAccount(doc, "Supplier", po.Supplier); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(po.Description); n > PurchaseOrderDescriptionMax {
		return invalid(doc, "Description", fmt.Sprintf("is %d characters long; Exact keeps at most %d", n, PurchaseOrderDescriptionMax),
			"This is a Billbridge bug; send a support bundle.")
	}
	if n := utf8.RuneCountInString(po.YourRef); n > PurchaseOrderYourRefMax {
		return invalid(doc, "YourRef", fmt.Sprintf("is %d characters long; Exact keeps at most %d", n, PurchaseOrderYourRefMax),
			"Shorten the vendor invoice number in Autotask.")
	}
	cat := c.cat()
	if po.Currency != "" {
		if len(po.Currency) != 3 {
			return invalid(doc, "Currency", fmt.Sprintf("%q is not a currency code", po.Currency), "Check the vendor's currency in Autotask.")
		}
		if cat.Currencies != nil {
			if _, ok := cat.Currencies[po.Currency]; !ok {
				return invalid(doc, "Currency", fmt.Sprintf("%s is not set up in this division", po.Currency),
					"Add the currency in Exact (Master data → Currencies), then sync again.")
			}
		}
	}
	if err := c.checkCode(doc, "PaymentCondition", &po.PaymentCondition, "payment condition"); err != nil {
		return err
	}
	if len(po.PurchaseOrderLines) == 0 {
		return invalid(doc, "PurchaseOrderLines", "has no lines", "Exact needs at least one line; check the receipt in Autotask.")
	}
	for i := range po.PurchaseOrderLines {
		l := &po.PurchaseOrderLines[i]
		field := fmt.Sprintf("line %d", i+1)
		if !isGUID(l.Item) {
			return invalid(doc, field+" Item", "is missing", "Map the product to an Exact purchase item in Billbridge's mappings.")
		}
		if cat.Items != nil {
			if _, ok := cat.Items[strings.ToLower(l.Item)]; !ok {
				return invalid(doc, field+" Item", "is not an item in Exact", "Map the product to an existing Exact item (refresh the lists if it was added just now).")
			}
		}
		if l.QuantityInPurchaseUnits.Sign() <= 0 {
			return invalid(doc, field+" QuantityInPurchaseUnits", "is not more than zero", "Check the quantity received in Autotask.")
		}
		if l.NetPrice.Sign() < 0 {
			return invalid(doc, field+" NetPrice", "is negative", "Check the unit cost on the purchase order line in Autotask.")
		}
		if n := utf8.RuneCountInString(l.Description); n > PurchaseOrderDescriptionMax {
			return invalid(doc, field+" Description", fmt.Sprintf("is %d characters long; Exact keeps at most %d", n, PurchaseOrderDescriptionMax),
				"This is a Billbridge bug; send a support bundle.")
		}
		code, err := checkVAT(cat, doc, field, l.VATCode)
		if err != nil {
			return err
		}
		l.VATCode = code
	}
	return nil
}
