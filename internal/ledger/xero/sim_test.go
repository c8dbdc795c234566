package xero_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

func salesInvoice(number, contactID string, unit string) xero.Invoice {
	return xero.Invoice{
		Type: xero.InvoiceTypeSales, InvoiceNumber: number, Contact: xero.ContactRef(contactID),
		Date: xero.NewDate(2026, 11, 1), DueDate: xero.NewDate(2026, 11, 30),
		LineAmountTypes: xero.LineAmountsExclusive, Status: xero.StatusAuthorised,
		LineItems: []xero.LineItem{{
			Description: "Managed services, November", Quantity: money.MustParse("1.5"),
			UnitAmount: money.MustParse(unit), AccountCode: "200", TaxType: "OUTPUT2",
		}},
	}
}

func mustContact(t *testing.T, c *xero.Client, name string) xero.Contact {
	t.Helper()
	res, err := c.CreateContacts(context.Background(), []xero.Contact{{Name: name, ContactNumber: "AT-" + name, AccountNumber: "ACC-" + name}}, xero.IdempotencyKey("contact", name))
	if err != nil || len(res.Saved) != 1 {
		t.Fatalf("create contact %s: %+v %v", name, res, err)
	}
	return res.Saved[0]
}

// TestSimEveryCall runs each call against the simulator; the cleanup checks
// every body sent against the spec.
func TestSimEveryCall(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{}, orgGB.TenantID)
	c := env.client

	accounts, err := c.Accounts(ctx, xero.AccountFilter{Where: `Status=="ACTIVE"`})
	if err != nil || !slices.ContainsFunc(accounts, func(a xero.Account) bool { return a.Code == "200" && a.Type == "REVENUE" }) {
		t.Fatalf("accounts %+v %v", accounts, err)
	}
	rates, err := c.TaxRates(ctx, "")
	if err != nil || !slices.ContainsFunc(rates, func(r xero.TaxRate) bool {
		return r.TaxType == "OUTPUT2" && r.EffectiveRate.Equal(money.MustParse("20"))
	}) {
		t.Fatalf("tax rates %+v %v", rates, err)
	}
	cats, err := c.TrackingCategories(ctx, false)
	if err != nil || len(cats) != 2 || len(cats[0].Options) != 2 || len(cats[1].Options) != 3 {
		t.Fatalf("tracking %+v %v", cats, err)
	}
	themes, err := c.BrandingThemes(ctx)
	if err != nil || len(themes) == 0 {
		t.Fatalf("themes %+v %v", themes, err)
	}
	curs, err := c.Currencies(ctx)
	if err != nil || len(curs) != 1 || curs[0].Code != "GBP" {
		t.Fatalf("currencies %+v %v", curs, err)
	}

	// Contacts: create, then find by name (any case), numbers and ids.
	acme := mustContact(t, c, "Acme")
	for name, find := range map[string]func() ([]xero.Contact, error){
		"name":           func() ([]xero.Contact, error) { return c.ContactsByName(ctx, "ACME") },
		"contact number": func() ([]xero.Contact, error) { return c.ContactsByContactNumber(ctx, "AT-Acme") },
		"account number": func() ([]xero.Contact, error) { return c.ContactsByAccountNumber(ctx, "ACC-Acme") },
		"ids":            func() ([]xero.Contact, error) { return c.ContactsByIDs(ctx, []string{acme.ContactID}) },
	} {
		got, err := find()
		if err != nil || len(got) != 1 || got[0].ContactID != acme.ContactID {
			t.Errorf("find by %s: %+v %v", name, got, err)
		}
	}
	upd, err := c.UpdateContacts(ctx, []xero.Contact{{ContactID: acme.ContactID, EmailAddress: "ap@acme.example"}}, "")
	if err != nil || len(upd.Saved) != 1 || upd.Saved[0].EmailAddress != "ap@acme.example" {
		t.Fatalf("update contact %+v %v", upd, err)
	}

	// Items keep four-decimal prices.
	yes := true
	items, err := c.CreateItems(ctx, []xero.Item{{Code: "MS-01", Name: "Managed services", IsSold: &yes,
		SalesDetails: &xero.ItemDetails{UnitPrice: money.MustParse("95.1234"), AccountCode: "200", TaxType: "OUTPUT2"}}}, "")
	if err != nil || len(items.Saved) != 1 {
		t.Fatalf("create items %+v %v", items, err)
	}
	found, err := c.ItemsByCode(ctx, []string{"MS-01", "NOPE"})
	if err != nil || len(found) != 1 || found[0].SalesDetails.UnitPrice.String() != "95.1234" {
		t.Fatalf("items by code %+v %v", found, err)
	}

	// An invoice, a bill and a draft.
	inv := salesInvoice("AT-1001", acme.ContactID, "100.1234")
	bill := xero.Invoice{Type: xero.InvoiceTypeBill, InvoiceNumber: "SUP-77", Contact: xero.ContactRef(acme.ContactID),
		Date: xero.NewDate(2026, 11, 2), DueDate: xero.NewDate(2026, 11, 20), Status: xero.StatusAuthorised,
		LineItems: []xero.LineItem{{Description: "Licences", Quantity: money.MustParse("10"), UnitAmount: money.MustParse("12.50"), AccountCode: "310", TaxType: "INPUT2"}}}
	draft := salesInvoice("AT-1002", acme.ContactID, "10.00")
	draft.Status = xero.StatusDraft
	res, err := c.CreateInvoices(ctx, []xero.Invoice{inv, bill, draft}, xero.IdempotencyKey("run-1"))
	if err != nil || len(res.Saved) != 3 || len(res.Failed) != 0 {
		t.Fatalf("create invoices %+v %v", res, err)
	}
	saved := res.Saved[0]
	if saved.InvoiceID == "" || saved.LineItems[0].UnitAmount.String() != "100.1234" || saved.Total.IsZero() {
		t.Errorf("saved invoice %+v", saved)
	}
	got, err := c.Invoices(ctx, xero.InvoiceFilter{InvoiceNumbers: []string{"AT-1001"}, Statuses: []string{"AUTHORISED"}})
	if err != nil || len(got) != 1 || got[0].InvoiceID != saved.InvoiceID {
		t.Fatalf("invoices by number %+v %v", got, err)
	}
	one, err := c.Invoice(ctx, saved.InvoiceID)
	if err != nil || one.Total.Cmp(saved.Total) != 0 || one.Date.String() != "2026-11-01" {
		t.Fatalf("invoice by id %+v %v", one, err)
	}
	byContact, err := c.Invoices(ctx, xero.InvoiceFilter{ContactIDs: []string{acme.ContactID}})
	if err != nil || len(byContact) != 3 {
		t.Fatalf("invoices by contact: %d %v", len(byContact), err)
	}

	// A credit note applied to the invoice, then a payment of the rest.
	cn, err := c.CreateCreditNotes(ctx, []xero.CreditNote{{Type: xero.CreditNoteTypeSales, CreditNoteNumber: "CN-1",
		Contact: xero.ContactRef(acme.ContactID), Date: xero.NewDate(2026, 11, 5), Status: xero.StatusAuthorised,
		LineItems: []xero.LineItem{{Description: "Goodwill", Quantity: money.MustParse("1"), UnitAmount: money.MustParse("10.00"), AccountCode: "200", TaxType: "OUTPUT2"}}}}, "")
	if err != nil || len(cn.Saved) != 1 {
		t.Fatalf("create credit notes %+v %v", cn, err)
	}
	alloc, err := c.AllocateCreditNote(ctx, cn.Saved[0].CreditNoteID, xero.Allocation{Invoice: xero.InvoiceRef(saved.InvoiceID), Amount: money.MustParse("12.00"), Date: xero.NewDate(2026, 11, 5)}, "")
	if err != nil || !alloc.Amount.Equal(money.MustParse("12")) {
		t.Fatalf("allocate %+v %v", alloc, err)
	}
	notes, err := c.CreditNotes(ctx, xero.CreditNoteFilter{})
	if err != nil || len(notes) != 1 || notes[0].RemainingCredit.Sign() != 0 {
		t.Fatalf("credit notes %+v %v", notes, err)
	}
	due := saved.Total.Sub(money.MustParse("12.00"))
	pays, err := c.CreatePayments(ctx, []xero.Payment{{Invoice: xero.InvoiceRef(saved.InvoiceID), Account: xero.AccountRef("090"),
		Date: xero.NewDate(2026, 11, 20), Amount: due, Reference: "BACS"}}, "")
	if err != nil || len(pays.Saved) != 1 {
		t.Fatalf("create payments %+v %v", pays, err)
	}
	polled, err := c.Payments(ctx, xero.PaymentFilter{Where: `PaymentType=="ACCRECPAYMENT"`, ModifiedSince: saved.UpdatedDateUTC.Time.Add(-1)})
	if err != nil || len(polled) != 1 || !polled[0].Amount.Equal(due) {
		t.Fatalf("payments %+v %v", polled, err)
	}
	paid, err := c.Invoice(ctx, saved.InvoiceID)
	if err != nil || paid.Status != xero.StatusPaid || paid.AmountDue.Sign() != 0 {
		t.Fatalf("paid invoice %+v %v", paid, err)
	}

	// Purchase orders.
	po, err := c.CreatePurchaseOrders(ctx, []xero.PurchaseOrder{{PurchaseOrderNumber: "PO-9", Contact: xero.ContactRef(acme.ContactID),
		Date: xero.NewDate(2026, 11, 3), DeliveryDate: xero.NewDate(2026, 11, 10), Status: xero.StatusDraft,
		LineItems: []xero.LineItem{{Description: "Laptop", Quantity: money.MustParse("2"), UnitAmount: money.MustParse("899.99"), AccountCode: "310", TaxType: "INPUT2"}}}}, "")
	if err != nil || len(po.Saved) != 1 {
		t.Fatalf("create purchase orders %+v %v", po, err)
	}
	pos, err := c.PurchaseOrders(ctx, xero.PurchaseOrderFilter{Status: xero.StatusDraft})
	if err != nil || len(pos) != 1 || pos[0].PurchaseOrderNumber != "PO-9" {
		t.Fatalf("purchase orders %+v %v", pos, err)
	}

	// Void the bill (authorised, unpaid) and delete the draft.
	if v, err := c.VoidInvoice(ctx, res.Saved[1].InvoiceID, ""); err != nil || v.Status != xero.StatusVoided {
		t.Fatalf("void %+v %v", v, err)
	}
	if d, err := c.DeleteInvoice(ctx, res.Saved[2].InvoiceID, ""); err != nil || d.Status != xero.StatusDeleted {
		t.Fatalf("delete %+v %v", d, err)
	}
	// A paid invoice cannot be voided: Xero's message reaches the user.
	_, err = c.VoidInvoice(ctx, saved.InvoiceID, "")
	if apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("voiding a paid invoice: %v", err)
	}

	if l := c.Limits(); l.DayRemaining < 0 || l.MinuteRemaining < 0 {
		t.Errorf("limits not read: %+v", l)
	}
}

// TestSimPartialBatch: one bad invoice among ten → nine saved, one failed
// with Xero's message.
func TestSimPartialBatch(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{}, orgGB.TenantID)
	acme := mustContact(t, env.client, "Acme")
	var invs []xero.Invoice
	for i := range 10 {
		invs = append(invs, salesInvoice(fmt.Sprintf("AT-%d", 2000+i), acme.ContactID, "50.00"))
	}
	invs[6].LineItems[0].AccountCode = "999"
	res, err := env.client.CreateInvoices(ctx, invs, "partial")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Saved) != 9 || len(res.Failed) != 1 {
		t.Fatalf("saved %d failed %+v", len(res.Saved), res.Failed)
	}
	f := res.Failed[0]
	if f.Index != 6 || f.Ref != "AT-2006" || len(f.Messages) == 0 || !strings.Contains(f.Messages[0], "999") {
		t.Errorf("failed element %+v", f)
	}
	if slices.Contains(res.Indexes, 6) {
		t.Errorf("index 6 reported saved: %v", res.Indexes)
	}
}

// TestSimIdempotentReplay: the same key twice creates one invoice.
func TestSimIdempotentReplay(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{}, orgGB.TenantID)
	acme := mustContact(t, env.client, "Acme")
	inv := []xero.Invoice{salesInvoice("AT-3000", acme.ContactID, "75.00")}
	key := xero.IdempotencyKey("profile", "xero", orgGB.TenantID, "autotask-3000", "v1")
	first, err := env.client.CreateInvoices(ctx, inv, key)
	if err != nil {
		t.Fatal(err)
	}
	second, err := env.client.CreateInvoices(ctx, inv, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Saved) != 1 || len(second.Saved) != 1 || first.Saved[0].InvoiceID != second.Saved[0].InvoiceID {
		t.Fatalf("first %+v second %+v", first, second)
	}
	all, err := env.client.Invoices(ctx, xero.InvoiceFilter{InvoiceNumbers: []string{"AT-3000"}})
	if err != nil || len(all) != 1 {
		t.Fatalf("%d invoices numbered AT-3000 (%v), want 1", len(all), err)
	}
}

// TestSimDuplicateInvoiceNumber: a second invoice with the same number (a
// new key) is refused per element.
func TestSimDuplicateInvoiceNumber(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{}, orgGB.TenantID)
	acme := mustContact(t, env.client, "Acme")
	if _, err := env.client.CreateInvoices(ctx, []xero.Invoice{salesInvoice("AT-4000", acme.ContactID, "1.00")}, "a"); err != nil {
		t.Fatal(err)
	}
	res, err := env.client.CreateInvoices(ctx, []xero.Invoice{salesInvoice("AT-4000", acme.ContactID, "2.00")}, "b")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Saved) != 0 || len(res.Failed) != 1 || !strings.Contains(strings.ToLower(strings.Join(res.Failed[0].Messages, " ")), "unique") {
		t.Errorf("result %+v", res)
	}
}

// TestSimRateLimitRecovered: 429s with Retry-After are retried by httpx
// with the delay Xero asked for.
func TestSimRateLimitRecovered(t *testing.T) {
	env := startSim(t, xerosim.Options{}, orgGB.TenantID)
	env.srv.SetFaults(xerosim.Faults{Status429Burst: 2})
	if _, err := env.client.Currencies(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := env.counter.Total(); n != 3 {
		t.Errorf("%d calls, want 3 (two 429s, then success)", n)
	}
	sl := env.slept()
	if len(sl) != 2 || sl[0] <= 0 {
		t.Errorf("slept %v, want two Retry-After waits", sl)
	}
}

// TestSimRefused maps a bad token to 401 and a tenant the token was not
// granted to 403.
func TestSimRefused(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{}, orgNZ.TenantID, orgGB.TenantID)
	_, err := env.client.Currencies(ctx)
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.Reconnect || ae.Message != "Billbridge is no longer connected to Kiwi IT Ltd" {
		t.Errorf("other tenant: %v", err)
	}
	var xe *xero.APIError
	if !errors.As(err, &xe) || xe.Status != 403 {
		t.Errorf("cause %v", xe)
	}

	bad := xero.NewClient(env.srv.APIBaseURL(), http.DefaultClient, orgGB.TenantID)
	_, err = bad.Currencies(ctx)
	if ae, ok := apperr.As(err); !ok || ae.Code != apperr.Reconnect || ae.Message != "Xero refused the access token" {
		t.Errorf("no token: %v", err)
	}
}

// TestSimConnections lists and removes organisations.
func TestSimConnections(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{}, orgGB.TenantID, orgGB.TenantID, orgNZ.TenantID)
	conns, err := xero.Connections(ctx, env.srv.ConnectionsURL(), env.http)
	if err != nil || len(conns) != 2 {
		t.Fatalf("connections %+v %v", conns, err)
	}
	var nz xero.Connection
	for _, cn := range conns {
		if cn.TenantID == orgNZ.TenantID {
			nz = cn
		}
	}
	if nz.TenantName != orgNZ.Name {
		t.Fatalf("connections %+v", conns)
	}
	if err := xero.DeleteConnection(ctx, env.srv.ConnectionsURL(), env.http, nz.ID); err != nil {
		t.Fatal(err)
	}
	conns, err = xero.Connections(ctx, env.srv.ConnectionsURL(), env.http)
	if err != nil || len(conns) != 1 || conns[0].TenantID != orgGB.TenantID {
		t.Errorf("after delete %+v %v", conns, err)
	}
}

// TestSimDayLimit: the remaining daily calls are read from every answer, a
// run that would not fit is refused before it starts, and a day-limit 429
// says when calls are allowed again.
func TestSimDayLimit(t *testing.T) {
	ctx := context.Background()
	env := startSim(t, xerosim.Options{DayLimit: 4}, orgGB.TenantID)
	c := env.client
	if err := c.CheckDayBudget(5); err != nil {
		t.Fatalf("nothing known yet, 5 calls on a paid tier: %v", err)
	}
	for range 3 {
		if _, err := c.Currencies(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if l := c.Limits(); l.DayRemaining != 1 {
		t.Fatalf("limits %+v, want 1 call left today", l)
	}
	if err := c.CheckDayBudget(1); err != nil {
		t.Errorf("1 call with 1 left: %v", err)
	}
	err := c.CheckDayBudget(2)
	if ae, ok := apperr.As(err); !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Message, "only 1 of today's calls remain for Acme IT Ltd") {
		t.Errorf("2 calls with 1 left: %v", err)
	}
	if _, err := c.Currencies(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = c.Currencies(ctx)
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.RateLimited || !strings.Contains(ae.Message, "today's Xero API calls") || !strings.Contains(ae.Fix, "allows calls again at") {
		t.Errorf("over the day limit: %v", err)
	}
	t.Logf("calls sent: %d, waits: %v", env.counter.Total(), env.slept())
}
