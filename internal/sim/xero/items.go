package xerosim

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

func (c *call) getItems() {
	if len(c.parts) == 2 {
		if it := c.findItem(c.parts[1], c.parts[1]); it != nil {
			c.ok("Items", []*Item{it}, nil)
			return
		}
		c.notFound()
		return
	}
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	since, hasSince := c.modifiedSince()
	out := []*Item{}
	for _, it := range c.org.Items {
		if (!hasSince || it.UpdatedDateUTC.After(since)) && matches(it, where) {
			out = append(out, it)
		}
	}
	c.ok("Items", out, nil)
}

// findItem finds an item by id or, case-insensitively, by code.
func (c *call) findItem(id, code string) *Item {
	for _, it := range c.org.Items {
		if (id != "" && strings.EqualFold(it.ItemID, id)) || (code != "" && strings.EqualFold(it.Code, code)) {
			return it
		}
	}
	return nil
}

func (c *call) deleteItem() {
	for i, it := range c.org.Items {
		if strings.EqualFold(it.ItemID, c.parts[1]) {
			c.org.Items = slices.Delete(c.org.Items, i, i+1)
			c.w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	c.notFound()
}

func (c *call) saveItems() {
	raws, maps, ok := c.decodeElements("Items", 500)
	if !ok {
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &Item{}
		_ = json.Unmarshal(raw, in)
		if len(c.parts) == 2 {
			in.ItemID = c.parts[1]
		}
		out, errs := c.saveItem(in, maps[i])
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		res.add(out, errs)
	}
	c.finish("Items", res)
}

func (c *call) saveItem(in *Item, has map[string]any) (*Item, []string) {
	var cur *Item
	if in.ItemID != "" {
		if cur = c.findItem(in.ItemID, ""); cur == nil {
			return in, []string{"Item with ItemID " + in.ItemID + " could not be found"}
		}
	} else if c.r.Method == http.MethodPost {
		cur = c.findItem("", in.Code) // POST updates the item with this code
	}
	next := &Item{IsSold: true, IsPurchased: true}
	if cur != nil {
		cp := *cur
		next = &cp
	}
	set := func(k string, f func()) {
		if _, ok := has[k]; ok {
			f()
		}
	}
	set("Code", func() { next.Code = strings.TrimSpace(in.Code) })
	set("Name", func() { next.Name = in.Name })
	set("Description", func() { next.Description = in.Description })
	set("PurchaseDescription", func() { next.PurchaseDescription = in.PurchaseDescription })
	set("IsSold", func() { next.IsSold = in.IsSold })
	set("IsPurchased", func() { next.IsPurchased = in.IsPurchased })
	set("SalesDetails", func() { next.SalesDetails = in.SalesDetails })
	set("PurchaseDetails", func() { next.PurchaseDetails = in.PurchaseDetails })
	var errs []string
	if next.Code == "" {
		errs = append(errs, "Item code must be specified")
	}
	if o := c.findItem("", next.Code); o != nil && o != cur && next.Code != "" {
		errs = append(errs, "Item code '"+next.Code+"' already exists")
	}
	if _, ok := has["IsTrackedAsInventory"]; ok && in.IsTrackedAsInventory {
		errs = append(errs, c.trackItem(next, in)...)
	}
	for _, d := range []*ItemDetails{next.SalesDetails, next.PurchaseDetails} {
		if d == nil {
			continue
		}
		if d.AccountCode != "" && c.account(d.AccountCode) == nil {
			errs = append(errs, "Account code '"+d.AccountCode+"' is not a valid code")
		}
		if d.TaxType != "" && c.taxRate(d.TaxType) == nil {
			errs = append(errs, "The TaxType code '"+d.TaxType+"' does not exist or cannot be used")
		}
		if d.UnitPrice != nil {
			p := d.UnitPrice.Round(c.unitdp()) // Xero keeps 2 decimals unless unitdp=4
			d.UnitPrice = &p
		}
	}
	if len(errs) > 0 {
		return in, errs
	}
	next.UpdatedDateUTC = msDate{c.s.now()}
	if cur == nil {
		next.ItemID = newID()
		c.org.Items = append(c.org.Items, next)
	} else {
		*cur = *next
		next = cur
	}
	out := *next
	return &out, nil
}

// trackItem makes an item tracked inventory, as Xero requires: an active
// inventory asset account and a cost-of-goods-sold account in the purchase
// details. Stock levels are not simulated (they move only with documents).
func (c *call) trackItem(next, in *Item) []string {
	var errs []string
	if a := c.account(in.InventoryAssetAccountCode); a == nil || a.Type != "INVENTORY" {
		errs = append(errs, "An inventory asset account must be specified for a tracked inventory item")
	}
	if in.PurchaseDetails == nil || c.account(in.PurchaseDetails.COGSAccountCode) == nil {
		errs = append(errs, "A cost of goods sold account must be specified for a tracked inventory item")
	}
	next.IsTrackedAsInventory, next.InventoryAssetAccountCode = true, in.InventoryAssetAccountCode
	next.IsPurchased, next.IsSold = true, true
	return errs
}
