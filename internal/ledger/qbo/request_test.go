package qbo_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
)

func usInvoice() qbo.Invoice {
	inv := qbo.Invoice{}
	inv.DocNumber = "1043"
	inv.TxnDate = qbo.NewDate(2026, 3, 1)
	inv.DueDate = qbo.NewDate(2026, 3, 31)
	inv.CustomerRef = qbo.Ref{Value: "58"}
	inv.SalesTermRef = qbo.Ref{Value: "3"}
	inv.CustomerMemo = qbo.Memo{Value: "Thank you for your business"}
	inv.PrivateNote = "Autotask invoice 1043"
	inv.CustomField = []qbo.CustomField{{DefinitionID: "1", StringValue: "PO-77"}}
	inv.CurrencyRef = qbo.Ref{Value: "USD"}
	line := qbo.SalesLine("Managed services March", qbo.Ref{Value: "7"}, money.MustParse("3"), money.MustParse("42.5050"), qbo.TaxCodeTaxable)
	line.SalesItemLineDetail.ServiceDate = qbo.NewDate(2026, 3, 1)
	line.SalesItemLineDetail.ClassRef = qbo.Ref{Value: "200"}
	inv.Line = []qbo.Line{line, qbo.DescriptionLine("Ticket T20260301.0001")}
	inv.TxnTaxDetail = &qbo.TxnTaxDetail{TxnTaxCodeRef: qbo.Ref{Value: "2"}}
	return inv
}

const usInvoiceJSON = `{
  "DocNumber": "1043", "TxnDate": "2026-03-01", "DueDate": "2026-03-31",
  "CustomerRef": {"value": "58"}, "SalesTermRef": {"value": "3"},
  "CustomerMemo": {"value": "Thank you for your business"},
  "PrivateNote": "Autotask invoice 1043",
  "CustomField": [{"DefinitionId": "1", "StringValue": "PO-77"}],
  "CurrencyRef": {"value": "USD"},
  "Line": [
    {"Description": "Managed services March", "Amount": 127.52, "DetailType": "SalesItemLineDetail",
     "SalesItemLineDetail": {"ItemRef": {"value": "7"}, "ClassRef": {"value": "200"}, "UnitPrice": 42.5050, "Qty": 3,
       "TaxCodeRef": {"value": "TAX"}, "ServiceDate": "2026-03-01"}},
    {"Description": "Ticket T20260301.0001", "DetailType": "DescriptionOnly", "DescriptionLineDetail": {}}
  ],
  "TxnTaxDetail": {"TxnTaxCodeRef": {"value": "2"}}
}`

func TestCreateSendsExactRequest(t *testing.T) {
	f := newFake(t, ok(`{"Invoice":{"Id":"130","SyncToken":"0","DocNumber":"1043","TotalAmt":137.72,"Balance":137.72},"time":"2026-03-01T10:00:00.000-08:00"}`))
	c := f.client()
	got, err := qbo.Create(context.Background(), c, usInvoice(), "profile-1/at-inv-1043/hash-a")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "130" || got.SyncToken != "0" || got.TotalAmt.String() != "137.72" {
		t.Errorf("saved invoice = %+v", got.SalesTransaction)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != "invoice" {
		t.Errorf("request = %s %s, want POST invoice", r.Method, r.Path)
	}
	if r.Query.Get("minorversion") != qbo.MinorVersion {
		t.Errorf("minorversion = %q", r.Query.Get("minorversion"))
	}
	id := r.Query.Get("requestid")
	if id == "" || len(id) > qbo.MaxRequestIDLength {
		t.Errorf("requestid = %q", id)
	}
	if r.Header.Get("Accept") != "application/json" || r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("headers = %v", r.Header)
	}
	jsonEqual(t, r.Body, usInvoiceJSON)

	// The same key sends the same requestid; another key another one.
	if _, err := qbo.Create(context.Background(), c, usInvoice(), "profile-1/at-inv-1043/hash-a"); err != nil {
		t.Fatal(err)
	}
	if _, err := qbo.Create(context.Background(), c, usInvoice(), "profile-1/at-inv-1043/hash-b"); err != nil {
		t.Fatal(err)
	}
	reqs = f.requests()
	if reqs[1].Query.Get("requestid") != id {
		t.Errorf("same key: requestid %q, first %q", reqs[1].Query.Get("requestid"), id)
	}
	if reqs[2].Query.Get("requestid") == id {
		t.Errorf("another key sent the same requestid %q", id)
	}
}

func TestCreateWithoutKeyDerivesRequestIDFromBody(t *testing.T) {
	f := newFake(t, ok(`{"Customer":{"Id":"1","SyncToken":"0","DisplayName":"Acme"}}`))
	c := f.client()
	for _, name := range []string{"Acme", "Acme", "Beta"} {
		if _, err := qbo.Create(context.Background(), c, qbo.Customer{DisplayName: name}, ""); err != nil {
			t.Fatal(err)
		}
	}
	r := f.requests()
	if r[0].Path != "customer" {
		t.Errorf("path = %q", r[0].Path)
	}
	if a, b, d := r[0].Query.Get("requestid"), r[1].Query.Get("requestid"), r[2].Query.Get("requestid"); a == "" || a != b || a == d {
		t.Errorf("requestids %q %q %q: want equal for equal bodies, different otherwise", a, b, d)
	}
}

func TestReadDecodesExactAmounts(t *testing.T) {
	f := newFake(t, ok(`{"Invoice":{"Id":"130","SyncToken":"2","DocNumber":"1043","TxnDate":"2026-03-01",
		"CurrencyRef":{"value":"EUR","name":"Euro"},"ExchangeRate":1.0834,"TotalAmt":100.10,"Balance":0,
		"Line":[{"Id":"1","LineNum":1,"Amount":100.10,"DetailType":"SalesItemLineDetail",
		  "SalesItemLineDetail":{"ItemRef":{"value":"7","name":"Services"},"Qty":1,"UnitPrice":100.1,"TaxCodeRef":{"value":"NON"}}}],
		"MetaData":{"CreateTime":"2026-03-01T10:00:00-08:00","LastUpdatedTime":"2026-03-02T11:00:00-08:00"}},"time":"x"}`))
	inv, err := qbo.Read[qbo.Invoice](context.Background(), f.client(), "130")
	if err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.Method != http.MethodGet || r.Path != "invoice/130" || r.Query.Get("requestid") != "" || r.Query.Get("minorversion") != "75" {
		t.Errorf("request = %s %s ?%s", r.Method, r.Path, r.Raw)
	}
	if inv.ExchangeRate.String() != "1.0834" || inv.TotalAmt.String() != "100.10" || inv.Line[0].SalesItemLineDetail.ItemRef.Name != "Services" {
		t.Errorf("decoded %+v", inv.SalesTransaction)
	}
	if inv.TxnDate.String() != "2026-03-01" || inv.MetaData.LastUpdatedTime.IsZero() {
		t.Errorf("dates %v %v", inv.TxnDate, inv.MetaData)
	}
}

func TestUpdateIsSparseWithSyncToken(t *testing.T) {
	f := newFake(t, ok(`{"Invoice":{"Id":"130","SyncToken":"3"}}`))
	c := f.client()
	var inv qbo.Invoice
	inv.ID, inv.SyncToken, inv.PrivateNote = "130", "2", "Paid by card"
	got, err := qbo.Update(context.Background(), c, inv, "k")
	if err != nil {
		t.Fatal(err)
	}
	if got.SyncToken != "3" {
		t.Errorf("SyncToken = %q", got.SyncToken)
	}
	r := f.requests()[0]
	if r.Method != http.MethodPost || r.Path != "invoice" || r.Query.Get("requestid") == "" {
		t.Errorf("request = %s %s ?%s", r.Method, r.Path, r.Raw)
	}
	jsonEqual(t, r.Body, `{"Id":"130","SyncToken":"2","PrivateNote":"Paid by card","sparse":true}`)

	inv.SyncToken = ""
	if _, err := qbo.Update(context.Background(), c, inv, "k"); err == nil {
		t.Error("update without SyncToken: no error")
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("update without SyncToken sent a request (%d in all)", n)
	}
}

func TestDeleteAndVoid(t *testing.T) {
	f := newFake(t, ok(`{"Invoice":{"Id":"130","status":"Deleted"}}`))
	c := f.client()
	if err := qbo.Delete[qbo.Invoice](context.Background(), c, "130", "4", "k"); err != nil {
		t.Fatal(err)
	}
	if err := qbo.Void[qbo.Invoice](context.Background(), c, "130", "4", "k"); err != nil {
		t.Fatal(err)
	}
	r := f.requests()
	for i, op := range []string{"delete", "void"} {
		if r[i].Path != "invoice" || r[i].Query.Get("operation") != op || r[i].Query.Get("requestid") == "" {
			t.Errorf("%s: %s ?%s", op, r[i].Path, r[i].Raw)
		}
		jsonEqual(t, r[i].Body, `{"Id":"130","SyncToken":"4"}`)
	}
	if r[0].Query.Get("requestid") == r[1].Query.Get("requestid") {
		t.Error("delete and void share a requestid")
	}
}

// TestEntityPaths: every entity is read at its lower-case resource path and
// decoded from its own wrapper.
func TestEntityPaths(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		path string
		read func(*qbo.Client) (string, error) // returns the decoded Id
	}{
		{"customer", readID[qbo.Customer]},
		{"vendor", readID[qbo.Vendor]},
		{"item", readID[qbo.Item]},
		{"term", readID[qbo.Term]},
		{"taxcode", readID[qbo.TaxCode]},
		{"taxrate", readID[qbo.TaxRate]},
		{"taxagency", readID[qbo.TaxAgency]},
		{"account", readID[qbo.Account]},
		{"class", readID[qbo.Class]},
		{"department", readID[qbo.Department]},
		{"invoice", readID[qbo.Invoice]},
		{"creditmemo", readID[qbo.CreditMemo]},
		{"payment", readID[qbo.Payment]},
		{"bill", readID[qbo.Bill]},
		{"purchaseorder", readID[qbo.PurchaseOrder]},
	}
	for _, tt := range tests {
		f := newFake(t, func(r recorded) (int, http.Header, string) {
			return http.StatusOK, nil, `{"` + entityOf(tt.path) + `":{"Id":"5"},"time":"t"}`
		})
		id, err := tt.read(f.client())
		if err != nil || id != "5" {
			t.Errorf("%s: id %q, %v", tt.path, id, err)
		}
		if got := f.requests()[0].Path; got != tt.path+"/5" {
			t.Errorf("path %q, want %q", got, tt.path+"/5")
		}
	}
	// An answer without the entity's wrapper is an error, not a zero value.
	f := newFake(t, ok(`{"time":"t"}`))
	if _, err := qbo.Read[qbo.Invoice](ctx, f.client(), "5"); err == nil {
		t.Error("no error for an answer without Invoice")
	}
}

func readID[T qbo.Entity](c *qbo.Client) (string, error) {
	v, err := qbo.Read[T](context.Background(), c, "5")
	if err != nil {
		return "", err
	}
	b, _ := json.Marshal(v)
	var head struct{ Id string }
	json.Unmarshal(b, &head)
	return head.Id, nil
}

// entityOf maps a resource path back to the entity name.
func entityOf(path string) string {
	for _, e := range []qbo.Entity{qbo.Customer{}, qbo.Vendor{}, qbo.Item{}, qbo.Term{}, qbo.TaxCode{}, qbo.TaxRate{},
		qbo.TaxAgency{}, qbo.Account{}, qbo.Class{}, qbo.Department{}, qbo.Invoice{}, qbo.CreditMemo{}, qbo.Payment{},
		qbo.Bill{}, qbo.PurchaseOrder{}} {
		if strings.ToLower(e.EntityName()) == path {
			return e.EntityName()
		}
	}
	return ""
}

func TestChangedSince(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f := newFake(t, ok(`{"CDCResponse":[{"QueryResponse":[
		{"Payment":[{"Id":"301","SyncToken":"0","TotalAmt":55.00,"CustomerRef":{"value":"58"},
		  "Line":[{"Amount":50.00,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]},{"Amount":5.00,"LinkedTxn":[{"TxnId":"131","TxnType":"Invoice"}]}]},
		  {"Id":"299","status":"Deleted","MetaData":{"LastUpdatedTime":"2026-03-09T10:00:00-08:00"}}],
		 "startPosition":1,"maxResults":2},
		{"Invoice":[{"Id":"130","SyncToken":"5","DocNumber":"1043","Balance":0}],"startPosition":1,"maxResults":1}
	]}],"time":"2026-03-10T04:00:00.123-08:00"}`))
	c := f.client(qbo.WithClock(func() time.Time { return now }))
	since := now.Add(-48 * time.Hour)
	ch, err := c.ChangedSince(context.Background(), []string{"Payment", "Invoice"}, since)
	if err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.Method != http.MethodGet || r.Path != "cdc" || r.Query.Get("entities") != "Payment,Invoice" ||
		r.Query.Get("changedSince") != "2026-03-08T12:00:00Z" {
		t.Errorf("request %s %s ?%s", r.Method, r.Path, r.Raw)
	}
	pays, err := qbo.ChangesOf[qbo.Payment](ch)
	if err != nil || len(pays) != 1 {
		t.Fatalf("payments %+v %v", pays, err)
	}
	applied := pays[0].Applied("Invoice")
	if applied["130"].String() != "50.00" || applied["131"].String() != "5.00" {
		t.Errorf("applied = %v", applied)
	}
	invs, _ := qbo.ChangesOf[qbo.Invoice](ch)
	if len(invs) != 1 || invs[0].DocNumber != "1043" {
		t.Errorf("invoices = %+v", invs)
	}
	if len(ch.Deleted) != 1 || ch.Deleted[0] != (qbo.Deleted{Entity: "Payment", ID: "299"}) {
		t.Errorf("deleted = %+v", ch.Deleted)
	}
	if !ch.Time.Equal(time.Date(2026, 3, 10, 12, 0, 0, 123e6, time.UTC)) {
		t.Errorf("time = %v", ch.Time)
	}

	_, err = c.ChangedSince(context.Background(), []string{"Payment"}, now.Add(-31*24*time.Hour))
	if apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("31 days back: %v", err)
	}
	if len(f.requests()) != 1 {
		t.Error("a poll beyond 30 days was sent")
	}
}

func TestLastTID(t *testing.T) {
	f := newFake(t, func(recorded) (int, http.Header, string) {
		return http.StatusOK, http.Header{"Intuit_tid": {"1-abc-2"}}, `{"Term":{"Id":"3","Name":"Net 30","DueDays":30}}`
	})
	c := f.client()
	term, err := qbo.Read[qbo.Term](context.Background(), c, "3")
	if err != nil || term.DueDays != 30 {
		t.Fatalf("%+v %v", term, err)
	}
	if c.LastTID() != "1-abc-2" {
		t.Errorf("LastTID = %q", c.LastTID())
	}
}

func TestNetworkErrorIsUnavailable(t *testing.T) {
	f := newFake(t, ok(`{}`))
	c := f.client()
	f.srv.Close()
	_, err := qbo.Read[qbo.Item](context.Background(), c, "1")
	if apperr.CodeOf(err) != apperr.Unavailable {
		t.Errorf("err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := qbo.Read[qbo.Item](ctx, c, "1"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
