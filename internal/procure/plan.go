package procure

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// BillDate says which date a bill carries.
type BillDate string

// Bill dates. Autotask keeps no vendor invoice date, so VendorInvoiceDate
// takes the receive date (the day the vendor invoice number was entered);
// ShipDate is the purchase order's shipping date, or the receive date when
// it has none.
const (
	DatePO            BillDate = "po-date"
	DateVendorInvoice BillDate = "vendor-invoice-date"
	DateReceived      BillDate = "received-date"
	DateShip          BillDate = "ship-date"
)

// Settings are a profile's procurement choices. Accounts are the ledger's
// own keys: Xero account codes, QuickBooks account ids.
type Settings struct {
	BillDate BillDate `json:"billDate"` // default received-date
	// InventoryAccount takes stocked lines (received into an Autotask
	// inventory location); CostOfSalesAccount the rest. A product's link
	// may name its own account instead.
	InventoryAccount   string `json:"inventoryAccount"`
	CostOfSalesAccount string `json:"costOfSalesAccount"`
	TaxCode            string `json:"taxCode"`       // purchase tax code on every line; "" = the ledger's default
	CreateVendors      bool   `json:"createVendors"` // create suppliers missing in the ledger
	Approve            bool   `json:"approve"`       // approved bills rather than drafts, where the ledger has drafts
}

// PlanInput is everything Plan reads; it does no I/O.
type PlanInput struct {
	Snapshot     *Snapshot
	Settings     Settings
	Vendors      []Vendor                    // the ledger's suppliers
	Items        []Item                      // the ledger's items
	VendorLinks  map[int64]string            // stored: Autotask company id → ledger supplier id
	ProductLinks map[int64]store.ProcureLink // stored: Autotask product id → item, account
	Journal      []store.ProcureEntry
	MaxNumberLen int
	// Orders are the ledger purchase orders sent (SentOrders), by Autotask
	// purchase order id: what a bill references.
	Orders map[int64]LedgerOrder
}

// PlanResult is the preview: every goods receipt as a bill, or what blocks it.
type PlanResult struct {
	Bills       []Planned              `json:"bills"`
	VendorLinks map[int64]mapping.Link `json:"vendorLinks"`
	Suggestions []mapping.Suggestion   `json:"suggestions"`
	// orders are the ledger purchase orders of the window's Autotask POs,
	// by Autotask id: those a run may mark billed.
	orders map[int64]LedgerOrder
}

// receipt is one goods receipt: the receivings of a purchase order saved
// together.
type receipt struct {
	order int64
	at    time.Time
	vi    string
	recs  []autotask.PurchaseOrderItemReceiving
}

// Plan makes one bill per goods receipt not yet in the ledger.
func Plan(in PlanInput) *PlanResult {
	s := in.Snapshot
	covered := map[int64]string{}
	for _, j := range in.Journal {
		if j.State == store.ProcureSending || j.State == store.ProcureSent {
			for _, id := range j.ReceivingIDs {
				covered[id] = j.Reference
			}
		}
	}
	res := &PlanResult{orders: map[int64]LedgerOrder{}}
	for id := range s.Orders {
		if o, ok := in.Orders[id]; ok && o.ID != "" {
			res.orders[id] = o
		}
	}
	var orphans []autotask.PurchaseOrderItemReceiving
	groups := map[string]*receipt{}
	var keys []string
	skipped := map[string]bool{}
	for _, r := range s.Receivings {
		if ref, ok := covered[r.ID]; ok {
			if !skipped[ref] {
				skipped[ref] = true
				res.Bills = append(res.Bills, Planned{Bill: Bill{Reference: ref}, Action: ActionSkip, Notes: []string{ref + " is already in the ledger"}})
			}
			continue
		}
		if r.QuantityNowReceiving == 0 {
			continue
		}
		it, ok := itemOf(s, r)
		if !ok {
			orphans = append(orphans, r)
			continue
		}
		k := fmt.Sprintf("%d|%s|%s", deref(it.OrderID), r.ReceiveDate.UTC().Format(time.RFC3339), r.VendorInvoiceNumber)
		g, ok := groups[k]
		if !ok {
			g = &receipt{order: deref(it.OrderID), at: r.ReceiveDate.Time, vi: r.VendorInvoiceNumber}
			groups[k] = g
			keys = append(keys, k)
		}
		g.recs = append(g.recs, r)
	}
	companies := vendorCompanies(s)
	links, sugg := mapping.LinkCustomers(companies, asCustomers(in.Vendors), in.VendorLinks)
	res.VendorLinks, res.Suggestions = links, sugg
	items := itemIndex(in.Items)
	for _, k := range keys {
		res.Bills = append(res.Bills, planReceipt(in, groups[k], links, sugg, items))
	}
	for _, r := range orphans {
		ref := reference(r.ID)
		res.Bills = append(res.Bills, Planned{Bill: Bill{Reference: ref, ReceivingIDs: []int64{r.ID}}, Action: ActionSend,
			Problems: []Problem{{ProblemNoPOLine,
				fmt.Sprintf("Receiving %d has no purchase order line Billbridge can read", r.ID),
				"Check the receiving in Autotask (Inventory › Receive): it must belong to a line of a purchase order; then preview again."}}})
	}
	sort.SliceStable(res.Bills, func(i, j int) bool { return res.Bills[i].Bill.Reference < res.Bills[j].Bill.Reference })
	return res
}

func planReceipt(in PlanInput, g *receipt, links map[int64]mapping.Link, sugg []mapping.Suggestion, items itemIdx) Planned {
	s := in.Snapshot
	slices.SortFunc(g.recs, func(a, b autotask.PurchaseOrderItemReceiving) int { return int(a.ID - b.ID) })
	po := s.Orders[g.order]
	ref := reference(g.recs[0].ID)
	p := Planned{Action: ActionSend}
	b := &p.Bill
	b.Reference, b.PurchaseOrderID, b.PurchaseOrderNumber = ref, po.ID, po.PurchaseOrderNumber
	b.Approved = in.Settings.Approve
	b.VendorInvoiceNumber = g.vi
	if b.VendorInvoiceNumber == "" {
		b.VendorInvoiceNumber = po.VendorInvoiceNumber
	}
	b.Number = billNumber(b.VendorInvoiceNumber, ref, in.MaxNumberLen)
	for _, r := range g.recs {
		b.ReceivingIDs = append(b.ReceivingIDs, r.ID)
	}
	b.ShipTo = strings.Join(nonEmpty(po.ShipToName, po.ShipToAddress1, po.ShipToAddress2, po.ShipToCity, po.ShipToState, po.ShipToPostalCode), ", ")
	label := fmt.Sprintf("Receipt %s of %s", ref, orDefault(po.PurchaseOrderNumber, "purchase order "+strconv.FormatInt(po.ID, 10)))

	// Vendor and currency.
	vendor, hasVendor := s.Vendors[deref(po.VendorID)]
	b.VendorCompanyID, b.VendorName, b.VendorNumber = vendor.ID, vendor.CompanyName, vendor.CompanyNumber
	b.Currency, b.ExchangeRate = currencyOf(s, vendor)
	b.VendorID, p.CreateVendor = linkVendor(in, vendor, hasVendor, label, links, sugg, &p.Problems, &p.Notes)
	linkOrder(in.Orders, b, &p.Notes)

	// Dates.
	received := g.at.UTC()
	switch in.Settings.BillDate {
	case DatePO:
		b.Date = firstTime(po.SubmitDateTime, po.CreateDateTime, autotask.Time{Time: received})
	case DateShip:
		b.Date = firstTime(po.ShippingDate, autotask.Time{Time: received})
	default:
		b.Date = received
	}
	b.Date = day(b.Date)
	b.DueDate = b.Date
	if t, ok := s.Terms[int64(po.PaymentTerm)]; ok {
		b.DueDate = b.Date.AddDate(0, 0, t.PaymentDueInDays)
	}
	b.Memo = fmt.Sprintf("%s, receiving batch %s, received %s", orDefault(po.PurchaseOrderNumber, "PO "+strconv.FormatInt(po.ID, 10)), ref, received.Format(time.DateOnly))
	if b.ShipTo != "" {
		b.Memo += ", ship to " + b.ShipTo
	}

	// Lines.
	minor := minorUnits(b.Currency)
	for _, r := range g.recs {
		it := s.Items[deref(r.PurchaseOrderItemID)]
		prod, hasProd := s.Products[deref(it.ProductID)]
		l := BillLine{ReceivingID: r.ID, ProductID: prod.ID, Quantity: money.FromInt(int64(r.QuantityNowReceiving)),
			UnitCost: it.UnitCost, Stocked: it.InventoryLocationID != nil, TaxCode: in.Settings.TaxCode}
		name := orDefault(prod.Name, it.Memo)
		noProduct := Problem{ProblemUnmappedProduct,
			fmt.Sprintf("%s: purchase order line %d has no product", label, it.ID),
			"Bills name a ledger item for every line: set the product on the purchase order line in Autotask."}
		item, account := lineItem(in, items, prod, hasProd, l.Stocked, label, name, noProduct, &p.Problems)
		l.ItemCode, l.ItemID, l.Account = item.Code, item.ID, account
		if l.Account == "" {
			which := "cost of sales"
			if l.Stocked {
				which = "inventory asset"
			}
			p.Problems = append(p.Problems, Problem{ProblemAccountMissing,
				fmt.Sprintf("%s: no %s account for product %q", label, which, name),
				"Choose the " + which + " account in the procurement settings, or map the product to an account."})
		}
		if it.UnitCost.Sign() <= 0 {
			p.Problems = append(p.Problems, Problem{ProblemCostMissing,
				fmt.Sprintf("%s: product %q has no unit cost on purchase order line %d", label, name, it.ID),
				"Enter the unit cost on the purchase order line in Autotask, then preview again."})
		}
		l.Amount = l.Quantity.Mul(l.UnitCost).Round(minor)
		l.Description = lineDescription(prod, it, r, ref, name)
		b.Lines = append(b.Lines, l)
	}
	p.Hash = hashOf(*b)
	return p
}

// linkVendor finds the ledger supplier of a purchase order's vendor: its
// stored or matched link, or one to create when allowed; otherwise it adds
// the problem that says how to link it.
func linkVendor(in PlanInput, vendor autotask.Company, hasVendor bool, label string, links map[int64]mapping.Link, sugg []mapping.Suggestion,
	problems *[]Problem, notes *[]string) (id string, create bool) {
	switch l, ok := links[vendor.ID]; {
	case !hasVendor:
		*problems = append(*problems, Problem{ProblemVendorMissing, label + ": the purchase order has no vendor Billbridge can read",
			"Set the vendor on the purchase order in Autotask, then preview again."})
	case ok:
		return l.CustomerID, false
	case in.Settings.CreateVendors:
		*notes = append(*notes, fmt.Sprintf("supplier %q is created in the ledger", vendor.CompanyName))
		return "", true
	default:
		fix := "Link the vendor to a ledger supplier in Mappings, or allow Billbridge to create missing suppliers."
		for _, sg := range sugg {
			if sg.CompanyID == vendor.ID {
				fix = fmt.Sprintf("Accept the suggestion %q for it in Mappings, link it to another supplier, or allow Billbridge to create missing suppliers.", sg.CustomerName)
			}
		}
		*problems = append(*problems, Problem{ProblemVendorMissing,
			fmt.Sprintf("%s: vendor %q is not linked to a ledger supplier", label, vendor.CompanyName), fix})
	}
	return "", false
}

// lineItem finds the ledger item and account of a line's product: through
// the product's stored link, which may name an account too, else the item
// whose code or SKU is the product's SKU; the account defaults to the
// settings' inventory asset (stocked lines) or cost of sales. What is
// missing is added to problems; noProduct when the line has no product.
func lineItem(in PlanInput, items itemIdx, prod autotask.Product, hasProd, stocked bool, label, name string, noProduct Problem,
	problems *[]Problem) (Item, string) {
	var item Item
	account := ""
	switch link, linked := in.ProductLinks[prod.ID]; {
	case !hasProd:
		*problems = append(*problems, noProduct)
	case linked && link.Target != "":
		account = link.Target2
		var ok bool
		if item, ok = items.find(link.Target); !ok {
			*problems = append(*problems, Problem{ProblemUnmappedProduct,
				fmt.Sprintf("%s: product %q is mapped to item %q, which the ledger does not have", label, name, link.Target),
				"Map the product to an existing ledger item in Mappings, or create the item in the ledger."})
		}
	default:
		var ok bool
		if item, ok = items.match(prod); !ok {
			*problems = append(*problems, Problem{ProblemUnmappedProduct,
				fmt.Sprintf("%s: product %q (SKU %s) has no ledger item", label, name, orDefault(prod.Sku, "none")),
				fmt.Sprintf("Map the product to a ledger item in Mappings, or create a ledger item with the code %q.", orDefault(prod.Sku, name))})
		}
	}
	if account == "" {
		account = in.Settings.CostOfSalesAccount
		if stocked {
			account = in.Settings.InventoryAccount
		}
	}
	return item, account
}

func lineDescription(prod autotask.Product, it autotask.PurchaseOrderItem, r autotask.PurchaseOrderItemReceiving, ref, name string) string {
	parts := []string{strings.TrimSpace(strings.Join(nonEmpty(prod.Sku, name), " "))}
	if d := strings.TrimSpace(prod.Description); d != "" && d != name {
		parts = append(parts, d)
	}
	if m := strings.TrimSpace(it.Memo); m != "" && m != name && m != prod.Description {
		parts = append(parts, m)
	}
	recv := fmt.Sprintf("Received %s, receiving batch %s (receiving %d)", r.ReceiveDate.UTC().Format(time.DateOnly), ref, r.ID)
	if r.SerialNumber != "" {
		recv += ", serial " + r.SerialNumber
	}
	if r.QuantityBackOrdered > 0 {
		recv += fmt.Sprintf(", %d back-ordered", r.QuantityBackOrdered)
	}
	parts = append(parts, recv)
	out := strings.Join(parts, "\n")
	if len(out) > 4000 {
		out = out[:4000]
	}
	return out
}

// reference is a receipt's unique reference.
func reference(batchID int64) string { return "RCV-" + strconv.FormatInt(batchID, 10) }

// billNumber joins the vendor invoice number and our reference, or is the
// reference alone when the ledger keeps fewer characters.
func billNumber(vi, ref string, max int) string {
	if vi == "" {
		return ref
	}
	n := vi + "/" + ref
	if max > 0 && len(n) > max {
		return ref
	}
	return n
}

// minorUnits is how many decimals amounts in currency keep: two when the
// currency is not one money knows.
func minorUnits(currency string) int32 {
	if c, err := money.ParseCurrency(currency); err == nil {
		return c.MinorUnits()
	}
	return 2
}

func currencyOf(s *Snapshot, vendor autotask.Company) (string, money.Decimal) {
	return currencyFor(s.Currencies, vendor.CurrencyID)
}

// currencyFor is the currency id names, with Autotask's exchange rate, or
// the internal currency (rate zero) when id names none or that one.
func currencyFor(curs map[int64]autotask.Currency, id *int64) (string, money.Decimal) {
	internal := ""
	for _, c := range curs {
		if c.IsInternalCurrency {
			internal = c.Name
		}
	}
	if id != nil {
		if c, ok := curs[*id]; ok && !c.IsInternalCurrency {
			return c.Name, c.ExchangeRate
		}
	}
	return internal, money.Zero
}

func itemOf(s *Snapshot, r autotask.PurchaseOrderItemReceiving) (autotask.PurchaseOrderItem, bool) {
	if r.PurchaseOrderItemID == nil {
		return autotask.PurchaseOrderItem{}, false
	}
	it, ok := s.Items[*r.PurchaseOrderItemID]
	if !ok || it.OrderID == nil {
		return it, false
	}
	_, ok = s.Orders[*it.OrderID]
	return it, ok
}

func vendorCompanies(s *Snapshot) []mapping.Company {
	var out []mapping.Company
	for _, v := range s.Vendors {
		out = append(out, mapping.Company{ID: v.ID, Number: v.CompanyNumber, Name: v.CompanyName})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func asCustomers(vs []Vendor) []ledger.Customer {
	out := make([]ledger.Customer, len(vs))
	for i, v := range vs {
		out[i] = ledger.Customer{ID: v.ID, Name: v.Name, AccountNumber: v.AccountNumber}
	}
	return out
}

// itemIdx finds ledger items by code (case-insensitive) or SKU.
type itemIdx struct{ byCode, bySKU map[string]Item }

func itemIndex(items []Item) itemIdx {
	x := itemIdx{map[string]Item{}, map[string]Item{}}
	for _, it := range items {
		x.byCode[strings.ToLower(it.Code)] = it
		if it.SKU != "" {
			x.bySKU[strings.ToLower(it.SKU)] = it
		}
	}
	return x
}

func (x itemIdx) find(code string) (Item, bool) {
	it, ok := x.byCode[strings.ToLower(code)]
	return it, ok
}

// match finds the item of an unmapped product: the item whose code or SKU
// is the product's SKU — an exact key, never a close name.
func (x itemIdx) match(p autotask.Product) (Item, bool) {
	if p.Sku == "" {
		return Item{}, false
	}
	if it, ok := x.byCode[strings.ToLower(p.Sku)]; ok {
		return it, true
	}
	it, ok := x.bySKU[strings.ToLower(p.Sku)]
	return it, ok
}

func hashOf(b Bill) string {
	raw, _ := json.Marshal(b)
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

// key derives an idempotency key from parts, each length-prefixed.
func key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func firstTime(ts ...autotask.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t.UTC()
		}
	}
	return time.Time{}
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}
