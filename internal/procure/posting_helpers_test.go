package procure_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// postEnv is an expense engine and an inventory engine against one
// ledger's simulator and the Autotask simulator.
type postEnv struct {
	kind      string
	data      autotasksim.Dataset
	store     *store.Store
	expenses  *procure.ExpenseEngine
	inventory *procure.InventoryEngine
	lCalls    *httpx.Counter
	xc        *xero.Client
	qc        *qbo.Client
	locations [2]int64 // Main Warehouse, Van Stock
	accounts  map[string]string
	// tracked is the first stocked SKU, made a tracked inventory item in the ledger.
	tracked string
}

// transfersStub answers Autotask's InventoryTransfers queries, which the
// Autotask simulator does not serve (the entity is outside the billing
// subset of Autotask's Swagger it is built from); every other call goes to
// the simulator.
type transfersStub struct {
	base  http.RoundTripper
	items []map[string]any
}

func (s *transfersStub) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.Contains(strings.ToLower(r.URL.Path), "/inventorytransfers/query") {
		return s.base.RoundTrip(r)
	}
	body, _ := json.Marshal(map[string]any{"items": s.items, "pageDetails": map[string]any{"count": len(s.items), "requestCount": 500, "prevPageUrl": nil, "nextPageUrl": nil}})
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(body)), Request: r}, nil
}

func newPostEnv(t *testing.T, kind string, edits ...func(autotasksim.Dataset)) *postEnv {
	t.Helper()
	ctx := context.Background()
	data := generate.Month(generate.Options{Seed: 7, Invoices: 30})
	for _, e := range edits {
		e(data)
	}
	at, err := autotasksim.New(autotasksim.Options{Data: data, HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	e := &postEnv{kind: kind, data: data, lCalls: httpx.NewCounter(), accounts: map[string]string{}}
	for i, l := range data["InventoryLocations"][:2] {
		e.locations[i] = mustInt(l["id"])
	}
	stub := &transfersStub{base: httpx.NewTransport(httpx.Options{Name: "autotask", MaxRetries: 8, Sleep: noSleep})}
	prod := data["Products"][0]
	stub.items = []map[string]any{
		// A stocktake found two fewer at the main warehouse.
		{"id": 7001, "productID": prod["id"], "fromLocationID": e.locations[0], "toLocationID": e.locations[0], "quantityTransferred": -2,
			"transferDate": "2024-05-20T10:00:00Z", "updateNote": "Stocktake: 2 missing", "notes": "", "serialNumber": "", "transferByResourceID": nil},
		// Three moved to the van: a different tracking option.
		{"id": 7002, "productID": prod["id"], "fromLocationID": e.locations[0], "toLocationID": e.locations[1], "quantityTransferred": 3,
			"transferDate": "2024-05-21T10:00:00Z", "updateNote": "", "notes": "Van restock", "serialNumber": "", "transferByResourceID": nil},
	}
	ac, err := autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(), HTTP: &http.Client{Transport: stub}},
		autotask.Credentials{UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret,
			IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := store.Profile{Name: "Test", LedgerKind: kind}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	e.store = st
	e.expenses = &procure.ExpenseEngine{Store: st, Autotask: ac, ProfileID: p.ID, Window: may, Settings: procure.ExpenseSettings{CreateEmployees: true}}
	e.inventory = &procure.InventoryEngine{Store: st, Autotask: ac, ProfileID: p.ID, Window: may}
	for _, r := range data["Products"] {
		if r["doesNotRequireProcurement"] == false && r["sku"] != prod["sku"] {
			e.tracked = r["sku"].(string)
			break
		}
	}
	switch kind {
	case "xero":
		e.xeroSetup(t)
	case "qbo":
		e.qboSetup(t)
	}
	return e
}

func mustInt(v any) int64 {
	n, _ := v.(json.Number).Int64()
	return n
}

func (e *postEnv) xeroSetup(t *testing.T) {
	ctx := context.Background()
	xs, err := xerosim.New(xerosim.Options{Orgs: []xerosim.Org{orgUS}, MinuteLimit: 100000, DayLimit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if err := xs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xs.Close() })
	access, _ := xs.IssueToken(xerosim.DemoClient.ClientID, []string{orgUS.TenantID},
		[]string{"offline_access", "accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.manualjournals"})
	base := httpx.NewTransport(httpx.Options{Name: "xero", MaxConcurrent: xero.ConcurrentLimit, Counter: e.lCalls, MaxRetries: 8, Sleep: noSleep})
	e.xc = xero.NewClient(xs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}), Base: base}}, orgUS.TenantID)
	// One product is a tracked inventory item in Xero: Xero books its cost of sales.
	if res, err := e.xc.CreateItems(ctx, []xero.Item{{Code: e.tracked, Name: e.tracked, IsTrackedAsInventory: true, InventoryAssetAccountCode: "630",
		PurchaseDetails: &xero.ItemDetails{COGSAccountCode: "310"}}}, ""); err != nil || len(res.Failed) > 0 {
		t.Fatalf("tracked item: %v %v", err, res.Failed)
	}
	led := procure.NewXero(e.xc, "USD")
	e.expenses.Ledger, e.inventory.Ledger = led, led
	e.accounts = map[string]string{"travel": "429", "meals": "429", "mileage": "429", "cogs": "310", "inventory": "630", "adjust": "429"}
	e.inventory.Settings = procure.InventorySettings{InventoryAccount: "630", CostOfSalesAccount: "310", AdjustmentAccount: "429"}
	e.saveLinks(t, store.PostingLink{Kind: store.PostingLinkLocation, SourceKey: idText(e.locations[0]), Target: "Region", Target2: "North"},
		store.PostingLink{Kind: store.PostingLinkLocation, SourceKey: idText(e.locations[1]), Target: "Region", Target2: "South"})
	e.lCalls.Reset()
}

func (e *postEnv) qboSetup(t *testing.T) {
	ctx := context.Background()
	qs, err := qbosim.New(qbosim.Options{Companies: []qbosim.Company{qboUS}, PerMinute: 1 << 20, BatchPerMinute: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if err := qs.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { qs.Close() })
	access, _ := qs.IssueToken(qbosim.DemoApp.ClientID, qboUS.RealmID)
	hopts := qbo.HTTPOptions()
	hopts.RatePerSecond, hopts.Counter, hopts.Sleep = 0, e.lCalls, noSleep
	e.qc = qbo.NewClient(qs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}), Base: httpx.NewTransport(hopts)}},
		qboUS.RealmID, qbo.WithBatchLimit(0))
	acct := func(name string) string {
		a, err := qbo.Query[qbo.Account](ctx, e.qc, "Account", "Name = ?", name)
		if err != nil || len(a) != 1 {
			t.Fatalf("account %s: %v %v", name, a, err)
		}
		return a[0].ID
	}
	income, cogs, asset := acct("Sales of Product Income"), acct("Cost of Goods Sold"), acct("Inventory Asset")
	travel, err := qbo.Create(ctx, e.qc, qbo.Account{Name: "Travel", AccountType: "Expense"}, "acct travel")
	if err != nil {
		t.Fatal(err)
	}
	adjust, err := qbo.Create(ctx, e.qc, qbo.Account{Name: "Inventory Shrinkage", AccountType: "Cost of Goods Sold"}, "acct shrink")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := qbo.Create(ctx, e.qc, qbo.Item{Name: e.tracked, Sku: e.tracked, Type: qbo.ItemInventory, IncomeAccountRef: qbo.Ref{Value: income},
		ExpenseAccountRef: qbo.Ref{Value: cogs}, AssetAccountRef: qbo.Ref{Value: asset}, TrackQtyOnHand: qbo.Bool(true),
		QtyOnHand: moneyOne(), InvStartDate: qbo.NewDate(2024, 1, 1)}, "item tracked"); err != nil {
		t.Fatal(err)
	}
	var classes [2]string
	for i, n := range []string{"Warehouse", "Vans"} {
		c, err := qbo.Create(ctx, e.qc, qbo.Class{Name: n}, "class "+n)
		if err != nil {
			t.Fatal(err)
		}
		classes[i] = c.ID
	}
	led := procure.NewQBO(e.qc, "USD")
	e.expenses.Ledger, e.inventory.Ledger = led, led
	e.accounts = map[string]string{"travel": travel.ID, "meals": travel.ID, "mileage": travel.ID, "cogs": cogs, "inventory": asset, "adjust": adjust.ID}
	e.inventory.Settings = procure.InventorySettings{InventoryAccount: asset, CostOfSalesAccount: cogs, AdjustmentAccount: adjust.ID}
	e.saveLinks(t, store.PostingLink{Kind: store.PostingLinkLocation, SourceKey: idText(e.locations[0]), Target: classes[0]},
		store.PostingLink{Kind: store.PostingLinkLocation, SourceKey: idText(e.locations[1]), Target: classes[1]})
	e.lCalls.Reset()
}

// mapCategories maps Autotask's expense categories 1–3 to expense accounts.
func (e *postEnv) mapCategories(t *testing.T) {
	e.saveLinks(t, store.PostingLink{Kind: store.PostingLinkCategory, SourceKey: "1", Target: e.accounts["travel"]},
		store.PostingLink{Kind: store.PostingLinkCategory, SourceKey: "2", Target: e.accounts["meals"]},
		store.PostingLink{Kind: store.PostingLinkCategory, SourceKey: "3", Target: e.accounts["mileage"]})
}

func (e *postEnv) saveLinks(t *testing.T, links ...store.PostingLink) {
	if err := e.store.SavePostingLinks(context.Background(), e.expenses.ProfileID, "", links); err != nil {
		t.Fatal(err)
	}
}

// ledgerBills counts the ledger's bills by number.
func (e *postEnv) ledgerBills(t *testing.T) map[string]int {
	ctx := context.Background()
	out := map[string]int{}
	if e.xc != nil {
		invs, err := e.xc.Invoices(ctx, xero.InvoiceFilter{Where: `Type=="ACCPAY"`})
		if err != nil {
			t.Fatal(err)
		}
		for _, inv := range invs {
			out[inv.InvoiceNumber]++
		}
		return out
	}
	bs, err := qbo.Query[qbo.Bill](ctx, e.qc, "Bill", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		out[b.DocNumber]++
	}
	return out
}

// ledgerJournals counts the ledger's journals by our reference.
func (e *postEnv) ledgerJournals(t *testing.T) map[string]int {
	ctx := context.Background()
	out := map[string]int{}
	if e.xc != nil {
		mjs, err := e.xc.ManualJournals(ctx, xero.ManualJournalFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, mj := range mjs {
			ref, _, _ := strings.Cut(mj.Narration, ":")
			out[ref]++
		}
		return out
	}
	js, err := qbo.Query[qbo.JournalEntry](ctx, e.qc, "JournalEntry", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range js {
		out[j.DocNumber]++
	}
	return out
}

func procureLocation(id int64, category, option string) store.PostingLink {
	return store.PostingLink{Kind: store.PostingLinkLocation, SourceKey: idText(id), Target: category, Target2: option}
}

func idText(v int64) string { b, _ := json.Marshal(v); return string(b) }
