package procure_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/sim/generate"
	"github.com/billbridge/billbridge/internal/store"
)

const exactDivision = 3112840

// exactEnv is the shared environment with an Exact Online division as the
// ledger: every goods receipt becomes a purchase order there.
type exactEnv struct {
	*env
	sim    *exactsim.Server
	client *exact.Client
	ledger *procure.Exact
}

func newExactEnv(t *testing.T, s setup) *exactEnv {
	t.Helper()
	ctx := context.Background()
	e := &exactEnv{env: newEnv(t, "exact", s)}
	xs, err := exactsim.New(exactsim.Options{MinuteLimit: 100000, DayLimit: 100000, AccessTokenTTL: 10000 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })
	access, _ := xs.IssueToken(exactsim.DemoApp.ClientID)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}),
		Base: httpx.NewTransport(httpx.Options{Name: "exact", Counter: e.lCalls, MaxRetries: 8, Sleep: noSleep})}}
	e.sim, e.client = xs, exact.NewClient(xs.APIBaseURL(), hc, exactDivision, exact.WithSleep(noSleep))
	for _, sku := range purchasedSKUs(s) {
		if _, err := e.client.CreatePurchaseItem(ctx, exact.PurchaseItem{Code: sku, Description: sku, IsStockItem: true}); err != nil {
			t.Fatalf("item %s: %v", sku, err)
		}
	}
	e.ledger = procure.NewExact(e.client)
	e.engine.Ledger = e.ledger
	// Exact books a purchase order line on its item's GL account; the
	// settings' accounts only satisfy the plan.
	e.engine.Settings.InventoryAccount, e.engine.Settings.CostOfSalesAccount = "3000", "7000"
	e.bills = func(t *testing.T) map[string]int {
		out := map[string]int{}
		for _, po := range e.orders(t) {
			out[po.YourRef]++
		}
		return out
	}
	e.bill = func(t *testing.T, suffix string) map[string]any {
		for _, po := range e.orders(t) {
			if hasSuffix(po.YourRef, suffix) {
				return e.raw(t, po.PurchaseOrderID)
			}
		}
		return nil
	}
	e.lCalls.Reset()
	xs.ResetRequestLog()
	return e
}

// purchasedSKUs are the SKUs of the products the generated month buys, as
// newEnv computes them for the other ledgers.
func purchasedSKUs(s setup) []string {
	data := generate.Month(generate.Options{Seed: 7, Invoices: 30})
	var skus []string
	for _, r := range data["Products"] {
		if r["doesNotRequireProcurement"] == false && !s.skipSKUs[r["sku"].(string)] {
			skus = append(skus, r["sku"].(string))
		}
	}
	return skus
}

func (e *exactEnv) orders(t *testing.T) []exact.PurchaseOrder {
	t.Helper()
	pos, err := e.client.PurchaseOrders(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pos
}

// raw reads one purchase order with its lines as Exact prints it.
func (e *exactEnv) raw(t *testing.T, id string) map[string]any {
	t.Helper()
	access, _ := e.sim.IssueToken(exactsim.DemoApp.ClientID)
	req, _ := http.NewRequest("GET", e.sim.APIBaseURL()+"3112840/purchaseorder/PurchaseOrders(guid'"+id+"')?$expand=PurchaseOrderLines", nil)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Bearer "+access)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		D map[string]any `json:"d"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != 200 {
		t.Fatalf("read purchase order %s: %d %v", id, res.StatusCode, err)
	}
	return out.D
}

// refusals counts the answers Exact counts towards its error block.
func (e *exactEnv) refusals() int {
	n := 0
	for _, r := range e.sim.Requests() {
		if r.Status >= 400 && r.Status <= 404 {
			n++
		}
	}
	return n
}

// TestExactThreeShipmentsThreePurchaseOrders: a purchase order received in
// three shipments becomes three Exact purchase orders; a re-run sends none
// and costs two reads.
func TestExactThreeShipmentsThreePurchaseOrders(t *testing.T) {
	e := newExactEnv(t, setup{})
	ctx := context.Background()
	sum, err := e.engine.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 || sum.Blocked != 0 || sum.Sent == 0 {
		t.Fatalf("%s\n%+v", sum, sum.Lines)
	}
	three := poBills(sum, "PO-4403")
	if len(three) != 3 {
		t.Fatalf("PO-4403: %d receipts planned, want 3", len(three))
	}
	got := e.bills(t)
	for _, p := range three {
		if got[p.Bill.Number] != 1 {
			t.Errorf("%s is in Exact %d times", p.Bill.Number, got[p.Bill.Number])
		}
		raw := e.bill(t, p.Bill.Reference)
		lines := raw["PurchaseOrderLines"].(map[string]any)["results"].([]any)
		if len(lines) != 2 || raw["YourRef"] != p.Bill.Number || !strings.Contains(raw["Description"].(string), p.Bill.Reference) ||
			raw["Currency"] != "USD" || !sameAmount(raw["AmountFC"], p.Bill.Total()) {
			t.Errorf("%s: Exact order %s", p.Bill.Reference, jsonOf(raw))
		}
		l := lines[0].(map[string]any)
		if !sameAmount(l["QuantityInPurchaseUnits"], p.Bill.Lines[0].Quantity) || !strings.Contains(l["Notes"].(string), "receiving batch "+p.Bill.Reference) {
			t.Errorf("%s: line %s", p.Bill.Reference, jsonOf(l))
		}
	}
	if n := e.refusals(); n != 0 {
		t.Errorf("Exact refused %d calls; every refusal counts towards its block", n)
	}
	t.Logf("exact: %s; ledger calls %d (%v), Autotask calls %d", sum, e.lCalls.Total(), e.lCalls.Snapshot(), e.atCalls.Total())

	e.lCalls.Reset()
	again, err := e.engine.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("re-run: ledger calls %d (%v)", e.lCalls.Total(), e.lCalls.Snapshot())
	if e.lCalls.Total() > 2 {
		t.Errorf("re-run made %d Exact calls; reading suppliers and items should be all", e.lCalls.Total())
	}
	if again.Sent != 0 || again.Skipped != sum.Sent {
		t.Errorf("re-run: %s; want nothing sent and %d already in Exact", again, sum.Sent)
	}
	for n, c := range e.bills(t) {
		if c != 1 {
			t.Errorf("%s is in Exact %d times after the re-run", n, c)
		}
	}
}

// TestExactForeignCurrencyDropShip: the euro vendor's drop-shipped order
// becomes a euro purchase order from a supplier created for it.
func TestExactForeignCurrencyDropShip(t *testing.T) {
	e := newExactEnv(t, setup{})
	sum, err := e.engine.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ps := poBills(sum, "PO-4404")
	if len(ps) != 1 {
		t.Fatalf("PO-4404: %d receipts, want 1", len(ps))
	}
	b := ps[0].Bill
	if b.Currency != "EUR" || b.VendorName != "Senetic Europe B.V." || !ps[0].CreateVendor {
		t.Errorf("bill %+v", b)
	}
	raw := e.bill(t, b.Reference)
	if raw == nil {
		t.Fatalf("%s not in Exact", b.Number)
	}
	if raw["Currency"] != "EUR" || raw["SupplierName"] != "Senetic Europe B.V." || !sameAmount(raw["AmountFC"], b.Total()) {
		t.Errorf("Exact order %s", jsonOf(raw))
	}
	sups, err := e.client.Suppliers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range sups {
		found = found || (s.Name == "Senetic Europe B.V." && s.ID == b.VendorID)
	}
	if !found {
		t.Errorf("supplier %s not created as an Exact supplier: %+v", b.VendorID, sups)
	}
}

// TestExactBlockingProblems names each problem that keeps a receipt back,
// and the preview writes nothing to Exact.
func TestExactBlockingProblems(t *testing.T) {
	orphan := func(d autotasksim.Dataset) {
		d["PurchaseOrderItemReceiving"][0]["purchaseOrderItemID"] = json.Number("999999")
	}
	noCost := func(d autotasksim.Dataset) {
		for _, it := range d["PurchaseOrderItems"] {
			if it["orderID"] == d["PurchaseOrders"][len(d["PurchaseOrders"])-2]["id"] { // PO-4403
				it["unitCost"] = json.Number("0.0000")
				return
			}
		}
	}
	e := newExactEnv(t, setup{edits: []func(autotasksim.Dataset){orphan, noCost}, skipSKUs: map[string]bool{"UBNT-U6PRO": true}})
	e.engine.Settings.CreateVendors = false
	sum, err := e.engine.Preview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, p := range sum.Plan.Bills {
		for _, pr := range p.Problems {
			codes[pr.Code] = pr.Message + " — " + pr.Fix
		}
	}
	for _, want := range []string{procure.ProblemUnmappedProduct, procure.ProblemVendorMissing, procure.ProblemNoPOLine, procure.ProblemCostMissing} {
		if codes[want] == "" {
			t.Errorf("no %s problem", want)
		}
	}
	if e.lCalls.Count("POST") > 0 || e.lCalls.Count("PUT") > 0 || sum.Blocked == 0 {
		t.Errorf("preview: %v, %d blocked", e.lCalls.Snapshot(), sum.Blocked)
	}
}

// TestExactCrashAfterAcceptedResolvesByLookup: Exact takes the second
// batch's orders and the process dies before the journal commit; the next
// run finds them by YourRef and sends none of them again.
func TestExactCrashAfterAcceptedResolvesByLookup(t *testing.T) {
	e := newExactEnv(t, setup{})
	ctx := context.Background()
	e.engine.Ledger = &crashing{Ledger: smallBatches{e.ledger}}
	if _, err := e.engine.Run(ctx); !errors.Is(err, errCrash) {
		t.Fatalf("first run: %v, want the crash", err)
	}
	sending, _ := e.store.ProcureJournal(ctx, e.engine.ProfileID, "", store.ProcureSending)
	if len(sending) == 0 {
		t.Fatal("no journal row left 'sending' by the crash")
	}
	before := e.bills(t)
	e.engine.Ledger = e.ledger
	sum, err := e.engine.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Resolved != len(sending) {
		t.Errorf("resolved %d, want %d", sum.Resolved, len(sending))
	}
	after := e.bills(t)
	for _, j := range sending {
		if before[j.Number] != 1 || after[j.Number] != 1 {
			t.Errorf("%s: %d in Exact before the restart, %d after; want exactly 1", j.Number, before[j.Number], after[j.Number])
		}
	}
	for n, c := range after {
		if c != 1 {
			t.Errorf("%s is in Exact %d times", n, c)
		}
	}
	if left, _ := e.store.ProcureJournal(ctx, e.engine.ProfileID, "", store.ProcureSending, store.ProcureFailed); len(left) != 0 {
		t.Errorf("%d journal rows not sent after the restart", len(left))
	}
}

// TestExactLookupBeforeCreate: with the journal lost, sending the same
// receipts again finds them by YourRef instead of ordering twice.
func TestExactLookupBeforeCreate(t *testing.T) {
	e := newExactEnv(t, setup{})
	ctx := context.Background()
	sum, err := e.engine.Preview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var bills []procure.Bill
	for _, p := range poBills(sum, "PO-4403") {
		p.Bill.VendorID = e.supplier(t, p.Bill.VendorName)
		bills = append(bills, p.Bill)
	}
	first, err := e.ledger.CreateBills(ctx, bills, "")
	if err != nil {
		t.Fatal(err)
	}
	second, err := e.ledger.CreateBills(ctx, bills, "")
	if err != nil {
		t.Fatal(err)
	}
	for i := range bills {
		if first[i].Err != nil || first[i].ID == "" || second[i].ID != first[i].ID {
			t.Errorf("%s: first %+v, second %+v", bills[i].Reference, first[i], second[i])
		}
	}
	if n := len(e.orders(t)); n != len(bills) {
		t.Errorf("%d orders in Exact, want %d", n, len(bills))
	}
}

// TestExactRefusesLocally: what Exact would refuse — a currency the
// division lacks, an item that is not a purchase item — fails that order
// alone, before any call that could count towards Exact's error block.
func TestExactRefusesLocally(t *testing.T) {
	e := newExactEnv(t, setup{})
	ctx := context.Background()
	sum, err := e.engine.Preview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ps := poBills(sum, "PO-4403")
	sup := e.supplier(t, ps[0].Bill.VendorName)
	yen, noItem, good := ps[0].Bill, ps[1].Bill, ps[2].Bill
	yen.Currency = "JPY"
	noItem.Lines = append([]procure.BillLine(nil), noItem.Lines...)
	noItem.Lines[0].ItemID = "0b0b0b0b-0000-4000-8000-000000000000"
	res, err := e.ledger.CreateBills(ctx, []procure.Bill{withVendor(yen, sup), withVendor(noItem, sup), withVendor(good, sup)}, "")
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "JPY") || res[1].Err == nil || res[2].Err != nil || res[2].ID == "" {
		t.Fatalf("results %+v", res)
	}
	t.Logf("refused: %v; %v", res[0].Err, res[1].Err)
	if n := e.refusals(); n != 0 {
		t.Errorf("%d calls reached Exact and were refused", n)
	}
}

func withVendor(b procure.Bill, id string) procure.Bill { b.VendorID = id; return b }

// supplier finds or creates the Exact supplier of a vendor name.
func (e *exactEnv) supplier(t *testing.T, name string) string {
	t.Helper()
	ctx := context.Background()
	vs, err := e.ledger.Vendors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Name == name {
			return v.ID
		}
	}
	if _, err := e.ledger.Items(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := e.ledger.CreateVendors(ctx, []procure.Vendor{{Name: name}}, "")
	if err != nil || res[0].Err != nil {
		t.Fatalf("supplier %s: %v %v", name, err, res)
	}
	return res[0].ID
}

// sameAmount compares a number as Exact prints it with a decimal.
func sameAmount(v any, want money.Decimal) bool {
	got, err := money.Parse(jsonOf(v))
	return err == nil && got.Equal(want)
}
