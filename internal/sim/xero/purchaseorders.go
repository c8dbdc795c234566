package xerosim

import (
	"encoding/json"
	"net/http"
	"strings"
)

func (c *call) findPurchaseOrder(id string) *PurchaseOrder {
	for _, po := range c.org.PurchaseOrders {
		if strings.EqualFold(po.PurchaseOrderID, id) || po.PurchaseOrderNumber == id {
			return po
		}
	}
	return nil
}

// getPurchaseOrders filters by Status, DateFrom and DateTo (no where), as the spec says.
func (c *call) getPurchaseOrders() {
	if len(c.parts) == 2 {
		if po := c.findPurchaseOrder(c.parts[1]); po != nil {
			c.ok("PurchaseOrders", []*PurchaseOrder{po}, nil)
			return
		}
		c.notFound()
		return
	}
	status := c.q.Get("Status")
	from, _ := parseXeroDate(c.q.Get("DateFrom"))
	to, _ := parseXeroDate(c.q.Get("DateTo"))
	since, hasSince := c.modifiedSince()
	var out []*PurchaseOrder
	for _, po := range c.org.PurchaseOrders {
		switch {
		case status != "" && po.Status != status:
		case !from.IsZero() && po.Date.Before(from):
		case !to.IsZero() && po.Date.After(to):
		case hasSince && !po.UpdatedDateUTC.After(since):
		default:
			out = append(out, po)
		}
	}
	page, info, err := pageOf(c, out)
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	c.ok("PurchaseOrders", nonNil(page), info)
}

func (c *call) savePurchaseOrders() {
	raws, maps, ok := c.decodeElements("PurchaseOrders", maxBatch)
	if !ok {
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &PurchaseOrder{}
		_ = json.Unmarshal(raw, in)
		if len(c.parts) == 2 {
			in.PurchaseOrderID = c.parts[1]
		}
		out, errs := c.savePurchaseOrder(in, maps[i])
		out.HasErrors = len(errs) > 0
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		res.add(out, errs)
	}
	c.finish("PurchaseOrders", res)
}

var poTransitions = map[string][]string{
	"DRAFT": {"SUBMITTED", "AUTHORISED", "DELETED"}, "SUBMITTED": {"DRAFT", "AUTHORISED", "DELETED"},
	"AUTHORISED": {"BILLED", "DELETED"}, "BILLED": {"AUTHORISED"},
}

func (c *call) savePurchaseOrder(in *PurchaseOrder, has map[string]any) (*PurchaseOrder, []string) {
	if in.PurchaseOrderID != "" {
		cur := c.findPurchaseOrder(in.PurchaseOrderID)
		if cur == nil {
			return in, []string{"Purchase order " + in.PurchaseOrderID + " could not be found"}
		}
		ok := false
		for _, s := range poTransitions[cur.Status] {
			ok = ok || s == in.Status
		}
		if _, sent := has["Status"]; !sent || !ok {
			return in, []string{"Purchase order status cannot be changed from " + cur.Status + " to " + in.Status}
		}
		cur.Status, cur.UpdatedDateUTC = in.Status, msDate{c.s.now()}
		out := *cur
		return &out, nil
	}
	if _, ok := has["Contact"]; !ok {
		return in, []string{"A Contact must be specified for this type of transaction"}
	}
	next := &PurchaseOrder{PurchaseOrderNumber: strings.TrimSpace(in.PurchaseOrderNumber), DeliveryAddress: in.DeliveryAddress,
		AttentionTo: in.AttentionTo, DeliveryInstructions: in.DeliveryInstructions}
	next.Status = in.Status
	if next.Status == "" {
		next.Status = "DRAFT"
	}
	var errs []string
	if next.Status != "DRAFT" && next.Status != "SUBMITTED" && next.Status != "AUTHORISED" {
		errs = append(errs, "Purchase order Status must be DRAFT, SUBMITTED or AUTHORISED when creating it")
	}
	if in.Contact == nil || (in.Contact.ContactID == "" && in.Contact.ContactNumber == "") {
		errs = append(errs, "The purchase order's Contact must already exist: send its ContactID")
	}
	errs = append(errs, c.mergeDoc(&next.docCore, &in.docCore, has, true)...)
	if !in.DeliveryDate.IsZero() {
		next.DeliveryDate = day(in.DeliveryDate.Time)
		next.DeliveryDateString = dateString(next.DeliveryDate)
	}
	if next.PurchaseOrderNumber == "" {
		next.PurchaseOrderNumber = c.nextNumber("PO", func(n string) bool { return c.findPurchaseOrder(n) != nil })
	} else if c.findPurchaseOrder(next.PurchaseOrderNumber) != nil {
		errs = append(errs, "Purchase Order # must be unique.")
	}
	// Purchase order unit amounts keep 4 decimals natively.
	e, _ := c.priceLines(&next.docCore, lineMaps(has), lineRules{unitdp: 4, sales: false})
	errs = append(errs, e...)
	if len(errs) > 0 {
		return in, errs
	}
	next.PurchaseOrderID = newID()
	next.UpdatedDateUTC = msDate{c.s.now()}
	c.org.PurchaseOrders = append(c.org.PurchaseOrders, next)
	out := *next
	return &out, nil
}
