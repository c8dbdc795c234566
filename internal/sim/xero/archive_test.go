package xerosim_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

const (
	archivedContact = "The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes."
	archivedAccount = "Account code '260' has been archived, or has been deleted. Each line item must reference a valid account."
)

// A bookkeeper archives in Xero a contact or an income account an invoice
// uses: Xero refuses that invoice, in its ValidationException, and saves the
// others of the batch; once restored, the same invoice is accepted. Checked
// with Billbridge's own Xero client.
func TestArchivedContactOrAccountRefusesTheInvoice(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	access, _ := s.IssueToken(xerosim.DemoClient.ClientID, []string{tenant}, allScopes)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
	c := xero.NewClient(s.APIBaseURL(), hc, tenant)
	ctx := context.Background()
	saved, err := c.CreateContacts(ctx, []xero.Contact{{Name: "Acme Ltd"}, {Name: "Brick & Co"}}, "contacts-1")
	if err != nil || len(saved.Saved) != 2 {
		t.Fatalf("create contacts = %+v, %v", saved, err)
	}
	acme, brick := saved.Saved[0].ContactID, saved.Saved[1].ContactID
	inv := func(n int, contactID, account string) xero.Invoice {
		return xero.Invoice{Type: xero.InvoiceTypeSales, InvoiceNumber: fmt.Sprintf("AT-%d", n), Contact: xero.ContactRef(contactID),
			Date: xero.NewDate(2026, 11, 1), DueDate: xero.NewDate(2026, 11, 30), Status: xero.StatusAuthorised,
			LineItems: []xero.LineItem{{Description: "Managed services", Quantity: money.FromInt(1), UnitAmount: money.FromInt(100), AccountCode: account, TaxType: "OUTPUT2"}}}
	}
	set := func(f func() error) {
		t.Helper()
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	for i, tc := range []struct {
		name    string
		change  func() error // what the bookkeeper does before the send
		invoice xero.Invoice
		want    string // Xero's message; "" saved
	}{
		{"archived contact", func() error { return s.SetContactStatus(tenant, "acme ltd", "ARCHIVED") }, inv(1, acme, "200"), archivedContact},
		{"archiving twice changes nothing", func() error { return s.SetContactStatus(tenant, "Acme Ltd", "ARCHIVED") }, inv(2, acme, "200"), archivedContact},
		{"restored contact", func() error { return s.SetContactStatus(tenant, "Acme Ltd", "ACTIVE") }, inv(3, acme, "200"), ""},
		{"archived income account", func() error { return s.SetAccountStatus(tenant, "260", "ARCHIVED") }, inv(4, brick, "260"), archivedAccount},
		{"restored income account", func() error { return s.SetAccountStatus(tenant, "260", "ACTIVE") }, inv(5, brick, "260"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set(tc.change)
			// Another customer's invoice in the same batch is saved regardless.
			other := inv(100+i, brick, "200")
			res, err := c.CreateInvoices(ctx, []xero.Invoice{tc.invoice, other}, fmt.Sprintf("inv-%d", i))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if len(res.Failed) != 0 || len(res.Saved) != 2 {
					t.Fatalf("saved %d, failed %+v", len(res.Saved), res.Failed)
				}
				return
			}
			if len(res.Saved) != 1 || res.Saved[0].InvoiceNumber != other.InvoiceNumber {
				t.Errorf("saved %+v, want only %s", res.Saved, other.InvoiceNumber)
			}
			if len(res.Failed) != 1 || res.Failed[0].Ref != tc.invoice.InvoiceNumber || strings.Join(res.Failed[0].Messages, "; ") != tc.want {
				t.Fatalf("failed = %+v, want %q", res.Failed, tc.want)
			}
		})
	}
}

// Without summarizeErrors=false Xero answers the whole request with 400 and
// its ValidationException; an archived contact is still found by id, and
// listed only with includeArchived=true.
func TestArchivedContactValidationException(t *testing.T) {
	s, _ := start(t, xerosim.Options{})
	tok := token(s)
	cid := contact(t, s, tok, "Acme")
	if err := s.SetContactStatus(tenant, "Acme", "ARCHIVED"); err != nil {
		t.Fatal(err)
	}
	r := api(t, s, tok, "PUT", "Invoices", map[string]any{"Invoices": []any{invoice(cid, "AT-1", line("10", "1"))}}, nil)
	if r.status != 400 || r.body["Type"] != "ValidationException" || fmt.Sprint(r.body["ErrorNumber"]) != "10" || !strings.Contains(r.raw, archivedContact) {
		t.Fatalf("invoice to an archived contact: %d %s", r.status, r.raw)
	}
	cn := map[string]any{"Type": "ACCRECCREDIT", "Contact": map[string]any{"ContactID": cid}, "Date": "2026-11-01", "LineItems": []any{line("10", "1")}}
	if r := api(t, s, tok, "PUT", "CreditNotes", map[string]any{"CreditNotes": []any{cn}}, nil); r.status != 400 || !strings.Contains(r.raw, archivedContact) {
		t.Fatalf("credit note to an archived contact: %d %s", r.status, r.raw)
	}
	if r := api(t, s, tok, "GET", "Contacts/"+cid, nil, nil); r.status != 200 || list(r, "Contacts")[0]["ContactStatus"] != "ARCHIVED" {
		t.Fatalf("get archived contact: %d %s", r.status, r.raw)
	}
	for q, want := range map[string]int{"Contacts": 0, "Contacts?includeArchived=true": 1} {
		if got := len(list(api(t, s, tok, "GET", q, nil, nil), "Contacts")); got != want {
			t.Errorf("%s lists %d contacts, want %d", q, got, want)
		}
	}
	// A draft made before the archive cannot be approved while it lasts.
	if err := s.SetContactStatus(tenant, "Acme", "ACTIVE"); err != nil {
		t.Fatal(err)
	}
	draft := invoice(cid, "AT-2", line("10", "1"))
	draft["Status"] = "DRAFT"
	d := api(t, s, tok, "PUT", "Invoices", map[string]any{"Invoices": []any{draft}}, nil)
	if d.status != 200 {
		t.Fatalf("draft: %d %s", d.status, d.raw)
	}
	id := list(d, "Invoices")[0]["InvoiceID"].(string)
	if err := s.SetContactStatus(tenant, "Acme", "ARCHIVED"); err != nil {
		t.Fatal(err)
	}
	if r := api(t, s, tok, "POST", "Invoices/"+id, map[string]any{"Invoices": []any{map[string]any{"Status": "AUTHORISED"}}}, nil); r.status != 400 || !strings.Contains(r.raw, archivedContact) {
		t.Fatalf("approve a draft of an archived contact: %d %s", r.status, r.raw)
	}
	// Restoring is refused while an active contact has taken the name.
	contact(t, s, tok, "Acme")
	if err := s.SetContactStatus(tenant, "Acme", "ACTIVE"); err == nil || !strings.Contains(err.Error(), "an active contact has that name") {
		t.Errorf("restore with an active namesake: %v", err)
	}
	for _, bad := range []func() error{
		func() error { return s.SetContactStatus(tenant, "Nobody", "ARCHIVED") },
		func() error { return s.SetContactStatus(tenant, "Acme", "GDPRREQUEST") },
		func() error { return s.SetAccountStatus(tenant, "999", "ARCHIVED") },
		func() error { return s.SetContactStatus("no-such-tenant", "Acme", "ARCHIVED") },
	} {
		if bad() == nil {
			t.Error("a bad change was accepted")
		}
	}
}
