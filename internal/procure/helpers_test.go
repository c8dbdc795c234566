package procure_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/procure"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

var (
	orgUS = xerosim.Org{TenantID: "33333333-3333-4333-8333-333333333333", Name: "Demo MSP Inc", CountryCode: "US",
		BaseCurrency: "USD", Currencies: []string{"EUR"}}
	qboUS = qbosim.Company{RealmID: "9341452519127201", Name: "Demo MSP Inc", Country: "US", HomeCurrency: "USD", MultiCurrency: true}
	may   = procure.Window{From: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)}
)

// env is one ledger's simulator and a procurement engine against it.
type env struct {
	name    string
	at      *autotasksim.Server
	engine  *procure.Engine
	store   *store.Store
	atCalls *httpx.Counter
	lCalls  *httpx.Counter
	// bills counts the ledger's bills by number; vendorOf names each bill's supplier.
	bills func(t *testing.T) map[string]int
	// bill returns the raw bill with a number prefix, as the ledger keeps it.
	bill func(t *testing.T, numberSuffix string) map[string]any
}

type setup struct {
	edits    []func(autotasksim.Dataset)
	skipSKUs map[string]bool // products left without a ledger item
}

func noSleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

var ledgers = []string{"xero", "qbo"}

func newEnv(t *testing.T, kind string, s setup) *env {
	t.Helper()
	ctx := context.Background()
	data := generate.Month(generate.Options{Seed: 7, Invoices: 30})
	for _, edit := range s.edits {
		edit(data)
	}
	at, err := autotasksim.New(autotasksim.Options{Data: data, HourlyThreshold: 1000000})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	e := &env{name: kind, at: at, atCalls: httpx.NewCounter(), lCalls: httpx.NewCounter()}
	ac, err := autotask.Connect(ctx, autotask.Config{ZoneLookupURL: at.ZoneLookupURL(),
		HTTP: httpx.NewClient(httpx.Options{Name: "autotask", Counter: e.atCalls, MaxRetries: 8, Sleep: noSleep})},
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
	e.engine = &procure.Engine{Store: st, Autotask: ac, ProfileID: p.ID, Window: may}
	var skus []string
	for _, r := range data["Products"] {
		if r["doesNotRequireProcurement"] == false && !s.skipSKUs[r["sku"].(string)] {
			skus = append(skus, r["sku"].(string))
		}
	}
	switch kind {
	case "xero":
		e.xeroLedger(t, skus)
	case "qbo":
		e.qboLedger(t, skus)
	}
	e.engine.Settings.CreateVendors = true
	return e
}

func (e *env) xeroLedger(t *testing.T, skus []string) {
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
		[]string{"offline_access", "accounting.contacts", "accounting.settings", "accounting.invoices", "accounting.payments"})
	base := httpx.NewTransport(httpx.Options{Name: "xero", MaxConcurrent: xero.ConcurrentLimit, Counter: e.lCalls, MaxRetries: 8, Sleep: noSleep})
	xc := xero.NewClient(xs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}), Base: base}}, orgUS.TenantID)
	var items []xero.Item
	for _, s := range skus {
		items = append(items, xero.Item{Code: s, Name: s})
	}
	if res, err := xc.CreateItems(ctx, items, ""); err != nil || len(res.Failed) > 0 {
		t.Fatalf("items: %v %v", err, res.Failed)
	}
	e.engine.Ledger = procure.NewXero(xc, "USD")
	e.engine.Settings.InventoryAccount, e.engine.Settings.CostOfSalesAccount = "630", "310"
	bills := func(t *testing.T) []xero.Invoice {
		invs, err := xc.Invoices(ctx, xero.InvoiceFilter{Where: `Type=="ACCPAY"`})
		if err != nil {
			t.Fatal(err)
		}
		return invs
	}
	e.bills = func(t *testing.T) map[string]int {
		out := map[string]int{}
		for _, inv := range bills(t) {
			out[inv.InvoiceNumber]++
		}
		return out
	}
	e.bill = func(t *testing.T, suffix string) map[string]any {
		for _, inv := range bills(t) {
			if hasSuffix(inv.InvoiceNumber, suffix) {
				full, err := xc.Invoice(ctx, inv.InvoiceID)
				if err != nil {
					t.Fatal(err)
				}
				return asMap(t, full)
			}
		}
		return nil
	}
	e.lCalls.Reset()
}

func (e *env) qboLedger(t *testing.T, skus []string) {
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
	qc := qbo.NewClient(qs.APIBaseURL(), &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"}), Base: httpx.NewTransport(hopts)}},
		qboUS.RealmID, qbo.WithBatchLimit(0))
	acct := func(name string) string {
		a, err := qbo.Query[qbo.Account](ctx, qc, "Account", "Name = ?", name)
		if err != nil || len(a) != 1 {
			t.Fatalf("account %s: %v %v", name, a, err)
		}
		return a[0].ID
	}
	income, cogs, asset := acct("Sales of Product Income"), acct("Cost of Goods Sold"), acct("Inventory Asset")
	for _, s := range skus {
		_, err := qbo.Create(ctx, qc, qbo.Item{Name: s, Sku: s, Type: qbo.ItemInventory, IncomeAccountRef: qbo.Ref{Value: income},
			ExpenseAccountRef: qbo.Ref{Value: cogs}, AssetAccountRef: qbo.Ref{Value: asset}, TrackQtyOnHand: qbo.Bool(true),
			QtyOnHand: money.FromInt(1), InvStartDate: qbo.NewDate(2024, 1, 1)}, "item "+s)
		if err != nil {
			t.Fatalf("item %s: %v", s, err)
		}
	}
	e.engine.Ledger = procure.NewQBO(qc, "USD")
	e.engine.Settings.InventoryAccount, e.engine.Settings.CostOfSalesAccount = asset, cogs
	bills := func(t *testing.T) []qbo.Bill {
		bs, err := qbo.Query[qbo.Bill](ctx, qc, "Bill", "")
		if err != nil {
			t.Fatal(err)
		}
		return bs
	}
	e.bills = func(t *testing.T) map[string]int {
		out := map[string]int{}
		for _, b := range bills(t) {
			out[b.DocNumber]++
		}
		return out
	}
	e.bill = func(t *testing.T, suffix string) map[string]any {
		for _, b := range bills(t) {
			if hasSuffix(b.DocNumber, suffix) {
				return asMap(t, b)
			}
		}
		return nil
	}
	e.lCalls.Reset()
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

func asMap(t *testing.T, v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// poBills returns the planned bills of a purchase order number.
func poBills(sum procure.Summary, po string) []procure.Planned {
	var out []procure.Planned
	for _, p := range sum.Plan.Bills {
		if p.Bill.PurchaseOrderNumber == po {
			out = append(out, p)
		}
	}
	return out
}
