package procure

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
)

// Exact sends each goods receipt as its own purchase order
// (purchaseorder/PurchaseOrders), as Exact users expect: Exact matches the
// supplier's invoice to the order and books the cost itself. Suppliers are
// accounts with IsSupplier; lines name purchase items by id, and the cost
// goes to the item's own GL account (a purchase order line has none), so
// the procurement settings' accounts are not sent.
//
// Exact has no idempotency key. The bill number — the vendor invoice number
// and our reference, or the reference alone when that does not fit — is the
// order's YourRef, looked up (batched) before every create and after a
// crash; an order already there is not sent again. Everything Exact would
// refuse is checked first (supplier, items, currency, lengths), so a
// mapping mistake never counts towards Exact's error block.
type Exact struct {
	c *exact.Client

	mu         sync.Mutex
	items      map[string]bool // purchase item ids, lower-case, from Items
	suppliers  map[string]bool // supplier ids, lower-case, from Vendors and CreateVendors
	currencies map[string]bool // nil until read
}

// NewExact returns the Exact Online procurement ledger of a division.
func NewExact(c *exact.Client) *Exact { return &Exact{c: c} }

func (x *Exact) Kind() string { return "exact" }

// MaxNumberLen is the length of YourRef, which carries the bill number.
func (x *Exact) MaxNumberLen() int { return exact.PurchaseOrderYourRefMax }

// BatchSize: one YourRef lookup covers a batch; each order is one POST.
func (x *Exact) BatchSize() int { return 50 }

func (x *Exact) Vendors(ctx context.Context) ([]Vendor, error) {
	ss, err := x.c.Suppliers(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Vendor, 0, len(ss))
	x.mu.Lock()
	defer x.mu.Unlock()
	x.suppliers = map[string]bool{}
	for _, s := range ss {
		if s.Blocked {
			continue
		}
		x.suppliers[strings.ToLower(s.ID)] = true
		out = append(out, Vendor{ID: s.ID, Name: s.Name, AccountNumber: strings.TrimSpace(s.Code), Currency: s.PurchaseCurrency})
	}
	return out, nil
}

// CreateVendors creates each supplier (one call each): the Autotask vendor
// number becomes the code when it is numeric, as Exact codes are, and the
// search code otherwise.
func (x *Exact) CreateVendors(ctx context.Context, vs []Vendor, _ string) ([]Result, error) {
	return exactEach(vs, func(_ int, v Vendor) (string, error) {
		s := exact.Supplier{Name: v.Name, Code: exact.SupplierCode(v.AccountNumber), PurchaseCurrency: v.Currency}
		if s.Code == "" && len(v.AccountNumber) <= 10 {
			s.SearchCode = v.AccountNumber
		}
		saved, err := x.c.CreateSupplier(ctx, s)
		if err != nil {
			return "", err
		}
		x.mu.Lock()
		if x.suppliers == nil {
			x.suppliers = map[string]bool{}
		}
		x.suppliers[strings.ToLower(saved.ID)] = true
		x.mu.Unlock()
		return saved.ID, nil
	})
}

// Items lists the purchase items that are not ended.
func (x *Exact) Items(ctx context.Context) ([]Item, error) {
	its, err := x.c.PurchaseItems(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Item, 0, len(its))
	x.mu.Lock()
	defer x.mu.Unlock()
	x.items = map[string]bool{}
	for _, it := range its {
		if !it.EndDate.IsZero() {
			continue
		}
		x.items[strings.ToLower(it.ID)] = true
		out = append(out, Item{ID: it.ID, Code: strings.TrimSpace(it.Code)})
	}
	return out, nil
}

// CreateBills looks the batch up by YourRef (one call), then posts each
// order not yet in Exact. An order Exact or the local check refuses gets
// its Err; an error means the outcome is unknown.
func (x *Exact) CreateBills(ctx context.Context, bills []Bill, _ string) ([]Result, error) {
	refs := make([]BillRef, len(bills))
	for i, b := range bills {
		refs[i] = BillRef{VendorID: b.VendorID, Number: b.Number}
	}
	found, err := x.FindBills(ctx, refs)
	if err != nil {
		return nil, err
	}
	have := map[BillRef]string{}
	for _, f := range found {
		have[f.Ref] = f.ID
	}
	if err := x.loadCurrencies(ctx); err != nil {
		return nil, err
	}
	return exactEach(bills, func(i int, b Bill) (string, error) {
		if id, ok := have[refs[i]]; ok {
			return id, nil
		}
		po, err := x.order(b)
		if err != nil {
			return "", err
		}
		saved, err := x.c.CreatePurchaseOrder(ctx, po)
		return saved.PurchaseOrderID, err
	})
}

// order turns a bill into a purchase order, refusing locally what Exact
// would refuse.
func (x *Exact) order(b Bill) (exact.PurchaseOrder, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	doc := "Receipt " + b.Reference
	if x.suppliers != nil && !x.suppliers[strings.ToLower(b.VendorID)] {
		return exact.PurchaseOrder{}, apperr.New(apperr.Invalid, fmt.Sprintf("%s: supplier %q is not a supplier in Exact", doc, b.VendorName),
			"Tick Supplier on the account in Exact, or link the vendor to another Exact supplier in Mappings.")
	}
	if b.Currency != "" && x.currencies != nil && !x.currencies[b.Currency] {
		return exact.PurchaseOrder{}, apperr.New(apperr.Invalid, fmt.Sprintf("%s: currency %s is not set up in this Exact division", doc, b.Currency),
			"Add the currency in Exact (Master data → Currencies), then sync again.")
	}
	title := strings.TrimSpace(orDefault(b.PurchaseOrderNumber, "PO") + " receipt " + b.Reference)
	po := exact.PurchaseOrder{Supplier: b.VendorID, OrderDate: exact.DateOf(b.Date), ReceiptDate: exact.DateOf(b.Date),
		Currency: b.Currency, Description: truncateRunes(title, exact.PurchaseOrderDescriptionMax), YourRef: b.Number, Remarks: b.Memo}
	for i, l := range b.Lines {
		if x.items != nil && !x.items[strings.ToLower(l.ItemID)] {
			return exact.PurchaseOrder{}, apperr.New(apperr.Invalid,
				fmt.Sprintf("%s line %d: item %q is not a purchase item in Exact", doc, i+1, l.ItemCode),
				"Tick Purchase on the item in Exact, or map the product to another item in Mappings.")
		}
		first, _, _ := strings.Cut(l.Description, "\n")
		po.PurchaseOrderLines = append(po.PurchaseOrderLines, exact.PurchaseOrderLine{Item: l.ItemID,
			Description: truncateRunes(first, exact.PurchaseOrderDescriptionMax), Notes: l.Description,
			QuantityInPurchaseUnits: l.Quantity, NetPrice: money.RoundUnitPrice(l.UnitCost), VATCode: l.TaxCode, ReceiptDate: exact.DateOf(b.Date)})
	}
	return po, nil
}

func (x *Exact) loadCurrencies(ctx context.Context) error {
	x.mu.Lock()
	done := x.currencies != nil
	x.mu.Unlock()
	if done {
		return nil
	}
	cs, err := x.c.Currencies(ctx)
	if err != nil {
		return fmt.Errorf("exact currencies: %w", err)
	}
	m := map[string]bool{}
	for _, c := range cs {
		m[c.Code] = true
	}
	x.mu.Lock()
	x.currencies = m
	x.mu.Unlock()
	return nil
}

// FindBills reads the purchase orders whose YourRef is one of the numbers
// (batched) and matches them by supplier; cancelled orders do not count.
func (x *Exact) FindBills(ctx context.Context, refs []BillRef) ([]Found, error) {
	want := map[BillRef]bool{}
	var nums []string
	for _, r := range refs {
		if !want[r] {
			nums = append(nums, r.Number)
		}
		want[r] = true
	}
	if len(nums) == 0 {
		return nil, nil
	}
	pos, err := x.c.PurchaseOrdersByYourRef(ctx, nums)
	if err != nil {
		return nil, fmt.Errorf("find purchase orders: %w", err)
	}
	var out []Found
	for _, po := range pos {
		if po.OrderStatus == exact.PurchaseOrderCancelled {
			continue
		}
		for r := range want {
			if r.Number == po.YourRef && strings.EqualFold(r.VendorID, po.Supplier) {
				out = append(out, Found{Ref: r, ID: po.PurchaseOrderID})
			}
		}
	}
	return out, nil
}

// exactRefused reports whether an error is a refusal of this one document —
// Exact's 400 or the local check — rather than a call whose outcome is
// unknown or a stop that concerns every document (reconnect, limits).
// exactEach creates documents one call each, as Exact has no batch create:
// create returns the document's id (one Exact already has, or the new one).
// A refusal, local or Exact's, stays with its document; any other error
// stops, since the outcome of that call is unknown.
func exactEach[D any](docs []D, create func(i int, d D) (string, error)) ([]Result, error) {
	out := make([]Result, len(docs))
	for i, d := range docs {
		id, err := create(i, d)
		if err != nil {
			if !exactRefused(err) {
				return out, err
			}
			out[i].Err = err
			continue
		}
		out[i].ID = id
	}
	return out, nil
}

func exactRefused(err error) bool {
	var ae *exact.APIError
	if errors.As(err, &ae) {
		return ae.Status == http.StatusBadRequest
	}
	return apperr.CodeOf(err) == apperr.Invalid
}

func truncateRunes(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n])
}
