package procure

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// PullOrders reads the purchase orders submitted in the window whose
// status is submitted or received (Autotask's picklist labels: Submitted,
// Partially Received, Received in Full — never New or Cancelled), with
// their items, vendors, products and currencies.
func PullOrders(ctx context.Context, c *autotask.Client, w Window) (*Snapshot, error) {
	statuses, err := submittedStatuses(ctx, c)
	if err != nil {
		return nil, err
	}
	orders, err := autotask.QueryAll[autotask.PurchaseOrder](ctx, c, autotask.EntityPurchaseOrders, autotask.Query{Filter: []autotask.Filter{
		autotask.Gte("submitDateTime", day(w.From)), autotask.Lt("submitDateTime", day(w.Thru).AddDate(0, 0, 1)),
		autotask.In("status", statuses)}})
	if err != nil {
		return nil, fmt.Errorf("procure: pull purchase orders: %w", err)
	}
	s := &Snapshot{Orders: byID(orders, func(v autotask.PurchaseOrder) int64 { return v.ID })}
	orderIDs := make([]int64, len(orders))
	for i, o := range orders {
		orderIDs[i] = o.ID
	}
	items, err := autotask.QueryIn[autotask.PurchaseOrderItem](ctx, c, autotask.EntityPurchaseOrderItems, "orderID", orderIDs, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull purchase order items: %w", err)
	}
	s.Items = byID(items, func(v autotask.PurchaseOrderItem) int64 { return v.ID })
	if err := pullVendorsProducts(ctx, c, s, orders, items); err != nil {
		return nil, err
	}
	if len(orders) == 0 {
		return s, nil
	}
	if s.Currencies, err = pullCurrencies(ctx, c); err != nil {
		return nil, err
	}
	return s, nil
}

// submittedStatuses reads the status picklist of PurchaseOrders and keeps
// the values whose label says submitted or received; Autotask publishes the
// labels only there.
func submittedStatuses(ctx context.Context, c *autotask.Client) ([]int64, error) {
	labels, err := c.Picklist(ctx, autotask.EntityPurchaseOrders, "status")
	if err != nil {
		return nil, fmt.Errorf("procure: purchase order statuses: %w", err)
	}
	var out []int64
	for v, l := range labels {
		l = strings.ToLower(l)
		if strings.Contains(l, "submitted") || strings.Contains(l, "received") {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				out = append(out, n)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("procure: Autotask's purchase order statuses %v name none submitted or received", labels)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// OrderPlanInput is everything PlanOrders reads, as Plan does: the same
// ledger data and links, with the orders' journal (OrderJournal) as Journal.
type OrderPlanInput = PlanInput

// OrderPlan is the preview: every submitted purchase order as a ledger
// order, or what blocks it.
type OrderPlan struct {
	Orders      []PlannedOrder         `json:"orders"`
	VendorLinks map[int64]mapping.Link `json:"vendorLinks"`
	Suggestions []mapping.Suggestion   `json:"suggestions"`
}

// PlanOrders makes one ledger purchase order per Autotask purchase order
// not yet in the ledger.
func PlanOrders(in OrderPlanInput) *OrderPlan {
	s := in.Snapshot
	done := map[string]bool{}
	for _, j := range in.Journal {
		if j.State == store.ProcureSending || j.State == store.ProcureSent {
			done[j.Reference] = true
		}
	}
	res := &OrderPlan{}
	res.VendorLinks, res.Suggestions = mapping.LinkCustomers(vendorCompanies(s), asCustomers(in.Vendors), in.VendorLinks)
	lines := map[int64][]autotask.PurchaseOrderItem{}
	for _, it := range s.Items {
		if it.OrderID != nil {
			lines[*it.OrderID] = append(lines[*it.OrderID], it)
		}
	}
	items := itemIndex(in.Items)
	for _, po := range s.Orders {
		ref := orderReference(po.ID)
		if done[ref] {
			res.Orders = append(res.Orders, PlannedOrder{Order: Order{Reference: ref, PurchaseOrderID: po.ID, Number: po.PurchaseOrderNumber},
				Action: ActionSkip, Notes: []string{ref + " is already in the ledger"}})
			continue
		}
		res.Orders = append(res.Orders, planOrder(in, po, lines[po.ID], res, items))
	}
	sort.Slice(res.Orders, func(i, j int) bool { return res.Orders[i].Order.PurchaseOrderID < res.Orders[j].Order.PurchaseOrderID })
	return res
}

func planOrder(in OrderPlanInput, po autotask.PurchaseOrder, its []autotask.PurchaseOrderItem, res *OrderPlan, items itemIdx) PlannedOrder {
	s := in.Snapshot
	sort.Slice(its, func(i, j int) bool { return its[i].ID < its[j].ID })
	p := PlannedOrder{Action: ActionSend}
	o := &p.Order
	o.Reference, o.PurchaseOrderID = orderReference(po.ID), po.ID
	o.Number = orDefault(strings.TrimSpace(po.PurchaseOrderNumber), o.Reference)
	label := "Purchase order " + o.Number
	if in.MaxNumberLen > 0 && len(o.Number) > in.MaxNumberLen {
		p.Problems = append(p.Problems, Problem{ProblemOrderNumberLen,
			fmt.Sprintf("%s: the number is %d characters long; the ledger keeps at most %d", label, len(o.Number), in.MaxNumberLen),
			"Shorten the purchase order number in Autotask, then preview again."})
	}
	o.ShipTo = strings.Join(nonEmpty(po.ShipToName, po.ShipToAddress1, po.ShipToAddress2, po.ShipToCity, po.ShipToState, po.ShipToPostalCode), ", ")
	o.Approved = in.Settings.Approve
	o.Date = day(firstTime(po.SubmitDateTime, po.CreateDateTime))
	o.DeliveryDate = day(firstTime(po.LatestEstimatedArrivalDate, po.ShippingDate))
	o.Memo = fmt.Sprintf("Autotask %s (%s)", o.Number, o.Reference)
	if m := strings.TrimSpace(po.GeneralMemo); m != "" {
		o.Memo += ", " + m
	}
	if po.Freight.Sign() > 0 {
		// Freight is billed with the goods; the order shows it for the record.
		o.Memo += ", freight " + po.Freight.StringFixed(2)
	}

	vendor, hasVendor := s.Vendors[deref(po.VendorID)]
	o.VendorCompanyID, o.VendorName, o.VendorNumber = vendor.ID, vendor.CompanyName, vendor.CompanyNumber
	o.Currency, o.ExchangeRate = currencyOf(s, vendor)
	o.VendorID, p.CreateVendor = linkVendor(in, vendor, hasVendor, label, res.VendorLinks, res.Suggestions, &p.Problems, &p.Notes)

	minor := minorUnits(o.Currency)
	if len(its) == 0 {
		p.Problems = append(p.Problems, Problem{ProblemOrderEmpty, label + " has no items",
			"Add the products to the purchase order in Autotask, or leave it out of the ledger."})
	}
	for _, it := range its {
		prod, hasProd := s.Products[deref(it.ProductID)]
		name := orDefault(prod.Name, it.Memo)
		l := OrderLine{PurchaseOrderItemID: it.ID, ProductID: prod.ID, Quantity: money.FromInt(int64(it.Quantity)), UnitCost: it.UnitCost,
			Stocked: it.InventoryLocationID != nil, TaxCode: in.Settings.TaxCode}
		noProduct := Problem{ProblemUnmappedProduct, fmt.Sprintf("%s: line %d has no product", label, it.ID),
			"Purchase orders name a ledger item for every line: set the product on the purchase order line in Autotask."}
		item, account := lineItem(in, items, prod, hasProd, l.Stocked, label, name, noProduct, &p.Problems)
		l.ItemCode, l.ItemID, l.Account = item.Code, item.ID, account
		if it.UnitCost.Sign() <= 0 {
			p.Problems = append(p.Problems, Problem{ProblemCostMissing,
				fmt.Sprintf("%s: product %q has no unit cost on line %d", label, name, it.ID),
				"Enter the unit cost on the purchase order line in Autotask, then preview again."})
		}
		l.Amount = l.Quantity.Mul(l.UnitCost).Round(minor)
		l.Description = strings.Join(nonEmpty(strings.TrimSpace(strings.Join(nonEmpty(prod.Sku, name), " ")), prod.Description), "\n")
		o.Lines = append(o.Lines, l)
	}
	raw, _ := json.Marshal(*o)
	p.Hash = key(string(raw))
	return p
}

// orderReference is a purchase order's unique reference.
func orderReference(id int64) string { return "PO-" + strconv.FormatInt(id, 10) }
