package qbo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/ledger/qbo"
	"github.com/billbridge/billbridge/internal/money"
)

// batchEcho answers a batch like QuickBooks: each create saved with an Id,
// except DocNumbers listed in dup, which get a 6140 Fault. It answers in
// reverse order, to check results are matched by bId.
func batchEcho(dup map[string]bool) func(recorded) (int, http.Header, string) {
	return func(r recorded) (int, http.Header, string) {
		var in struct {
			BatchItemRequest []map[string]json.RawMessage
		}
		if err := json.Unmarshal([]byte(r.Body), &in); err != nil {
			return 400, nil, fault("2020", "bad json", err.Error(), "", "ValidationFault")
		}
		var out []string
		for i := len(in.BatchItemRequest) - 1; i >= 0; i-- {
			item := in.BatchItemRequest[i]
			var bID, op string
			json.Unmarshal(item["bId"], &bID)
			json.Unmarshal(item["operation"], &op)
			var inv map[string]any
			json.Unmarshal(item["Invoice"], &inv)
			doc, _ := inv["DocNumber"].(string)
			if op != "create" {
				return 400, nil, fault("2020", "bad op", op, "", "ValidationFault")
			}
			if dup[doc] {
				out = append(out, fmt.Sprintf(`{"bId":%q,"Fault":{"Error":[{"Message":"Duplicate Document Number Error","Detail":"DocNumber=%s is assigned to TxnType=Invoice with TxnId=9","code":"6140","element":""}],"type":"ValidationFault"}}`, bID, doc))
				continue
			}
			inv["Id"], inv["SyncToken"] = "1"+bID, "0"
			b, _ := json.Marshal(inv)
			out = append(out, fmt.Sprintf(`{"bId":%q,"Invoice":%s}`, bID, b))
		}
		return 200, nil, `{"BatchItemResponse":[` + strings.Join(out, ",") + `],"time":"t"}`
	}
}

func invoices(n int) []qbo.Invoice {
	out := make([]qbo.Invoice, n)
	for i := range out {
		out[i].DocNumber = fmt.Sprintf("B%03d", i)
		out[i].CustomerRef = qbo.Ref{Value: "58"}
		out[i].Line = []qbo.Line{qbo.SalesLine("", qbo.Ref{Value: "7"}, money.FromInt(1), money.MustParse("10.00"), "NON")}
	}
	return out
}

func TestCreateBatchSplitsAndMatches(t *testing.T) {
	f := newFake(t, batchEcho(map[string]bool{"B005": true, "B031": true}))
	c := f.client()
	items := invoices(65)
	res, err := qbo.CreateBatch(context.Background(), c, items, "run-7")
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d batch requests for 65 items, want 3", len(reqs))
	}
	ids := map[string]bool{}
	for i, r := range reqs {
		var in struct{ BatchItemRequest []map[string]any }
		json.Unmarshal([]byte(r.Body), &in)
		want := []int{30, 30, 5}[i]
		if r.Method != http.MethodPost || r.Path != "batch" || len(in.BatchItemRequest) != want {
			t.Errorf("request %d: %s %s with %d items, want %d", i, r.Method, r.Path, len(in.BatchItemRequest), want)
		}
		if first := in.BatchItemRequest[0]["bId"]; first != fmt.Sprint(i*30) {
			t.Errorf("request %d: first bId %v", i, first)
		}
		id := r.Query.Get("requestid")
		if id == "" || len(id) > qbo.MaxBatchRequestIDLength || ids[id] {
			t.Errorf("request %d: requestid %q (empty, too long or repeated)", i, id)
		}
		ids[id] = true
	}
	if len(res.Saved) != 63 || len(res.Indexes) != 63 || len(res.Failed) != 2 {
		t.Fatalf("saved %d, failed %+v", len(res.Saved), res.Failed)
	}
	for i, idx := range res.Indexes {
		if res.Saved[i].DocNumber != items[idx].DocNumber || res.Saved[i].ID != "1"+fmt.Sprint(idx) {
			t.Errorf("Saved[%d] = %s/%s, input %d is %s", i, res.Saved[i].ID, res.Saved[i].DocNumber, idx, items[idx].DocNumber)
		}
		if i > 0 && idx <= res.Indexes[i-1] {
			t.Errorf("indexes out of order: %v", res.Indexes)
		}
	}
	for i, want := range []int{5, 31} {
		fe := res.Failed[i]
		if fe.Index != want || fe.Ref != items[want].DocNumber || fe.Code != "6140" || !strings.Contains(fe.Message, "TxnId=9") {
			t.Errorf("Failed[%d] = %+v", i, fe)
		}
		if ae, ok := apperr.As(fe.Err); !ok || ae.Code != apperr.Conflict || ae.Message != "Invoice "+items[want].DocNumber+" already exists in QuickBooks" {
			t.Errorf("Failed[%d].Err = %v", i, fe.Err)
		}
	}

	// Repeating the call with the same key repeats the same requestids.
	if _, err := qbo.CreateBatch(context.Background(), c, items, "run-7"); err != nil {
		t.Fatal(err)
	}
	for i, r := range f.requests()[3:] {
		if r.Query.Get("requestid") != reqs[i].Query.Get("requestid") {
			t.Errorf("repeat %d: requestid %q, first time %q", i, r.Query.Get("requestid"), reqs[i].Query.Get("requestid"))
		}
	}
}

func TestCreateBatchRequestError(t *testing.T) {
	calls := 0
	f := newFake(t, func(r recorded) (int, http.Header, string) {
		calls++
		if calls == 2 {
			return 401, nil, `{"fault":{"error":[{"message":"AuthenticationFailed","detail":"Token expired","code":"3200"}],"type":"AUTHENTICATION"}}`
		}
		return batchEcho(nil)(r)
	})
	res, err := qbo.CreateBatch(context.Background(), f.client(), invoices(40), "k")
	if apperr.CodeOf(err) != apperr.Reconnect {
		t.Errorf("err = %v", err)
	}
	if len(res.Saved) != 30 || !strings.Contains(err.Error(), "items 31–40 of 40") {
		t.Errorf("saved %d before the failure; err %v", len(res.Saved), err)
	}
}

func TestCreateBatchWaitsForBatchAllowance(t *testing.T) {
	f := newFake(t, batchEcho(nil))
	c := qbo.NewClient(f.srv.URL+"/v3/company/", f.srv.Client(), testRealm, qbo.WithBatchLimit(1))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	res, err := qbo.CreateBatch(ctx, c, invoices(31), "k")
	if err == nil || len(res.Saved) != 30 || len(f.requests()) != 1 {
		t.Errorf("with one batch a minute: saved %d in %d requests, err %v; want 30 in 1 and an error", len(res.Saved), len(f.requests()), err)
	}
}

func TestBatchMissingAnswerIsFailure(t *testing.T) {
	f := newFake(t, ok(`{"BatchItemResponse":[{"bId":"0","Invoice":{"Id":"1","DocNumber":"B000"}}]}`))
	res, err := qbo.CreateBatch(context.Background(), f.client(), invoices(2), "k")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Saved) != 1 || len(res.Failed) != 1 || res.Failed[0].Index != 1 || res.Failed[0].Ref != "B001" {
		t.Errorf("res = %+v", res)
	}
}

func TestLineAmountAlwaysSentOnItemLines(t *testing.T) {
	free := qbo.SalesLine("Free onboarding", qbo.Ref{Value: "9"}, money.FromInt(1), money.Zero, "NON")
	b, _ := json.Marshal([]qbo.Line{free, qbo.DescriptionLine("Note")})
	jsonEqual(t, string(b), `[
	  {"Description":"Free onboarding","Amount":0.00,"DetailType":"SalesItemLineDetail",
	   "SalesItemLineDetail":{"ItemRef":{"value":"9"},"Qty":1,"TaxCodeRef":{"value":"NON"}}},
	  {"Description":"Note","DetailType":"DescriptionOnly","DescriptionLineDetail":{}}]`)
}

func TestRequestID(t *testing.T) {
	a := qbo.RequestID("p", "qbo", "realm", "at-1043", "hash")
	if len(a) != 36 || a != qbo.RequestID("p", "qbo", "realm", "at-1043", "hash") {
		t.Errorf("RequestID = %q, not stable or not 36 characters", a)
	}
	if qbo.RequestID("ab", "c") == qbo.RequestID("a", "bc") {
		t.Error("parts are not separated")
	}
}
