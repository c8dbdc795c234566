// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import (
	"context"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// PurchaseOrder is a purchase order to a vendor. Entity: PurchaseOrders.
type PurchaseOrder struct {
	ID                             int64         `json:"id"`
	CancelDateTime                 Time          `json:"cancelDateTime"`
	CreateDateTime                 Time          `json:"createDateTime"`
	CreatorResourceID              *int64        `json:"creatorResourceID"`
	ExternalPONumber               string        `json:"externalPONumber"`
	Fax                            string        `json:"fax"`
	Freight                        money.Decimal `json:"freight"`
	GeneralMemo                    string        `json:"generalMemo"`
	ImpersonatorCreatorResourceID  *int64        `json:"impersonatorCreatorResourceID"`
	InternalCurrencyFreight        money.Decimal `json:"internalCurrencyFreight"`
	LatestEstimatedArrivalDate     Time          `json:"latestEstimatedArrivalDate"`
	PaymentTerm                    int           `json:"paymentTerm"`
	Phone                          string        `json:"phone"`
	PurchaseForCompanyID           *int64        `json:"purchaseForCompanyID"`
	PurchaseOrderNumber            string        `json:"purchaseOrderNumber"`
	PurchaseOrderTemplateID        *int64        `json:"purchaseOrderTemplateID"`
	ShippingDate                   Time          `json:"shippingDate"`
	ShippingType                   int           `json:"shippingType"`
	ShipToAddress1                 string        `json:"shipToAddress1"`
	ShipToAddress2                 string        `json:"shipToAddress2"`
	ShipToCity                     string        `json:"shipToCity"`
	ShipToName                     string        `json:"shipToName"`
	ShipToPostalCode               string        `json:"shipToPostalCode"`
	ShipToState                    string        `json:"shipToState"`
	ShowEachTaxInGroup             bool          `json:"showEachTaxInGroup"`
	ShowTaxCategory                bool          `json:"showTaxCategory"`
	Status                         int           `json:"status"`
	SubmitDateTime                 Time          `json:"submitDateTime"`
	TaxRegionID                    *int64        `json:"taxRegionID"`
	UseItemDescriptionsFrom        int           `json:"useItemDescriptionsFrom"`
	VendorID                       *int64        `json:"vendorID"`
	VendorInvoiceNumber            string        `json:"vendorInvoiceNumber"`
	AdditionalVendorInvoiceNumbers string        `json:"additionalVendorInvoiceNumbers"`
}

// PurchaseOrderItem is a line of a purchase order (orderID is its purchase
// order). Entity: PurchaseOrderItems.
type PurchaseOrderItem struct {
	ID                       int64         `json:"id"`
	ChargeID                 *int64        `json:"chargeID"`
	ContractID               *int64        `json:"contractID"`
	EstimatedArrivalDate     Time          `json:"estimatedArrivalDate"`
	InternalCurrencyUnitCost money.Decimal `json:"internalCurrencyUnitCost"`
	InventoryLocationID      *int64        `json:"inventoryLocationID"`
	Memo                     string        `json:"memo"`
	OrderID                  *int64        `json:"orderID"`
	ProductID                *int64        `json:"productID"`
	ProjectID                *int64        `json:"projectID"`
	Quantity                 int           `json:"quantity"`
	SalesOrderID             *int64        `json:"salesOrderID"`
	TicketID                 *int64        `json:"ticketID"`
	UnitCost                 money.Decimal `json:"unitCost"`
}

// PurchaseOrderItemReceiving is one receipt of (part of) a purchase order
// item. Entity: PurchaseOrderItemReceiving.
type PurchaseOrderItemReceiving struct {
	ID                         int64  `json:"id"`
	PurchaseOrderItemID        *int64 `json:"purchaseOrderItemID"`
	QuantityBackOrdered        int    `json:"quantityBackOrdered"`
	QuantityNowReceiving       int    `json:"quantityNowReceiving"`
	QuantityPreviouslyReceived int    `json:"quantityPreviouslyReceived"`
	ReceiveDate                Time   `json:"receiveDate"`
	ReceivedByResourceID       *int64 `json:"receivedByResourceID"`
	SerialNumber               string `json:"serialNumber"`
	VendorInvoiceNumber        string `json:"vendorInvoiceNumber"`
}

// ReceivingsBetween reads the goods receipts whose receiveDate is on or
// after from and before to, oldest first by id.
func (c *Client) ReceivingsBetween(ctx context.Context, from, to time.Time) ([]PurchaseOrderItemReceiving, error) {
	return QueryAll[PurchaseOrderItemReceiving](ctx, c, EntityPurchaseOrderItemReceiving, Query{Filter: []Filter{
		Gte("receiveDate", from.UTC()), Lt("receiveDate", to.UTC())}})
}
