package xero

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// PurchaseOrder is an order to a supplier.
type PurchaseOrder struct {
	PurchaseOrderID      string        `json:"PurchaseOrderID,omitempty"`
	PurchaseOrderNumber  string        `json:"PurchaseOrderNumber,omitempty"`
	Reference            string        `json:"Reference,omitempty"`
	Contact              Contact       `json:"Contact,omitzero"`
	LineItems            []LineItem    `json:"LineItems,omitempty"`
	Date                 Date          `json:"Date,omitzero"`
	DeliveryDate         Date          `json:"DeliveryDate,omitzero"`
	ExpectedArrivalDate  Date          `json:"ExpectedArrivalDate,omitzero"`
	LineAmountTypes      string        `json:"LineAmountTypes,omitempty"`
	BrandingThemeID      string        `json:"BrandingThemeID,omitempty"`
	CurrencyCode         string        `json:"CurrencyCode,omitempty"`
	CurrencyRate         money.Decimal `json:"CurrencyRate,omitzero"`
	Status               string        `json:"Status,omitempty"` // DRAFT, SUBMITTED, AUTHORISED, BILLED, DELETED
	SentToContact        bool          `json:"SentToContact,omitempty"`
	DeliveryAddress      string        `json:"DeliveryAddress,omitempty"`
	AttentionTo          string        `json:"AttentionTo,omitempty"`
	Telephone            string        `json:"Telephone,omitempty"`
	DeliveryInstructions string        `json:"DeliveryInstructions,omitempty"`

	SubTotal       money.Decimal `json:"SubTotal,omitzero"`
	TotalTax       money.Decimal `json:"TotalTax,omitzero"`
	Total          money.Decimal `json:"Total,omitzero"`
	TotalDiscount  money.Decimal `json:"TotalDiscount,omitzero"`
	HasAttachments bool          `json:"HasAttachments,omitempty"`
	UpdatedDateUTC DateTime      `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

func (po *PurchaseOrder) ref() string {
	if po.PurchaseOrderNumber != "" {
		return po.PurchaseOrderNumber
	}
	return po.PurchaseOrderID
}

func (po *PurchaseOrder) prepare() {
	po.Contact = contactForDocument(po.Contact)
	po.SubTotal, po.TotalTax, po.Total, po.TotalDiscount = money.Zero, money.Zero, money.Zero, money.Zero
	po.HasAttachments, po.UpdatedDateUTC, po.ElementStatus = false, DateTime{}, ElementStatus{}
}

// PurchaseOrderFilter narrows PurchaseOrders.
type PurchaseOrderFilter struct {
	Status        string // DRAFT, SUBMITTED, AUTHORISED, BILLED, DELETED
	DateFrom      Date
	DateTo        Date
	ModifiedSince time.Time
}

// PurchaseOrders reads all purchase orders matching f, 100 per page.
func (c *Client) PurchaseOrders(ctx context.Context, f PurchaseOrderFilter) ([]PurchaseOrder, error) {
	q := url.Values{}
	if f.Status != "" {
		q.Set("Status", f.Status)
	}
	if !f.DateFrom.IsZero() {
		q.Set("DateFrom", f.DateFrom.String())
	}
	if !f.DateTo.IsZero() {
		q.Set("DateTo", f.DateTo.String())
	}
	return getList[PurchaseOrder](ctx, c, list{op: "read purchase orders", path: "PurchaseOrders", wrapper: "PurchaseOrders", query: q, since: f.ModifiedSince, paged: true})
}

// CreatePurchaseOrders creates purchase orders in batches (PUT, create only).
func (c *Client) CreatePurchaseOrders(ctx context.Context, orders []PurchaseOrder, key string) (BatchResult[PurchaseOrder], error) {
	return writeBatches[PurchaseOrder](ctx, c, batchCall{op: "create purchase orders", method: http.MethodPut, path: "PurchaseOrders", wrapper: "PurchaseOrders"}, orders, key)
}
