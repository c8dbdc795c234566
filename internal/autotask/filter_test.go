package autotask_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
)

func TestFilterJSON(t *testing.T) {
	tests := []struct {
		name string
		f    autotask.Filter
		want string
	}{
		{"eq int", autotask.Eq("companyID", 123), `{"op":"eq","field":"companyID","value":123}`},
		{"noteq string", autotask.NotEq("invoiceNumber", "A-1"), `{"op":"noteq","field":"invoiceNumber","value":"A-1"}`},
		{"gt int64", autotask.Gt("id", int64(9007199254740993)), `{"op":"gt","field":"id","value":9007199254740993}`},
		{"gte time", autotask.Gte("invoiceDateTime", time.Date(2021, 12, 1, 1, 0, 0, 0, time.FixedZone("CET", 3600))), `{"op":"gte","field":"invoiceDateTime","value":"2021-12-01T00:00:00Z"}`},
		{"lt Time", autotask.Lt("itemDate", autotask.Date(2022, 1, 1)), `{"op":"lt","field":"itemDate","value":"2022-01-01T00:00:00Z"}`},
		{"lte decimal", autotask.Lte("invoiceTotal", money.MustParse("100.5000")), `{"op":"lte","field":"invoiceTotal","value":100.5000}`},
		{"beginsWith", autotask.BeginsWith("companyName", "Acme"), `{"op":"beginsWith","field":"companyName","value":"Acme"}`},
		{"endsWith", autotask.EndsWith("companyName", "Ltd"), `{"op":"endsWith","field":"companyName","value":"Ltd"}`},
		{"contains", autotask.Contains("description", "ü"), `{"op":"contains","field":"description","value":"ü"}`},
		{"exist", autotask.Exist("webServiceDate"), `{"op":"exist","field":"webServiceDate"}`},
		{"notExist", autotask.NotExist("paidDate"), `{"op":"notExist","field":"paidDate"}`},
		{"bool false kept", autotask.Eq("isVoided", false), `{"op":"eq","field":"isVoided","value":false}`},
		{"zero int kept", autotask.Eq("invoiceID", 0), `{"op":"eq","field":"invoiceID","value":0}`},
		{"in ints", autotask.In("invoiceID", []int64{1, 2}), `{"op":"in","field":"invoiceID","value":[1,2]}`},
		{"notIn strings", autotask.NotIn("sku", []string{"a", "b"}), `{"op":"notIn","field":"sku","value":["a","b"]}`},
		{"udf", autotask.Eq("Region Code", "EU").UDF(), `{"op":"eq","field":"Region Code","udf":true,"value":"EU"}`},
		{"nested", autotask.Or(autotask.Eq("a", 1), autotask.And(autotask.Gt("b", 2), autotask.Lt("b", 5))),
			`{"op":"or","items":[{"op":"eq","field":"a","value":1},{"op":"and","items":[{"op":"gt","field":"b","value":2},{"op":"lt","field":"b","value":5}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got  %s\nwant %s", b, tt.want)
			}
		})
	}
}

func TestFilterRejects(t *testing.T) {
	var nilBool *bool
	tests := []struct {
		name string
		f    autotask.Filter
		want string
	}{
		{"zero filter", autotask.Filter{}, "empty filter"},
		{"nil value", autotask.Eq("a", nil), "nil value"},
		{"nil bool", autotask.Eq("isActive", nilBool), "nil bool"},
		{"empty in", autotask.In("id", []int64{}), "empty list"},
		{"too many in", autotask.In("id", make([]int64, 501)), "more than Autotask's 500"},
		{"empty group", autotask.And(), "no items"},
		{"float", autotask.Eq("rate", 1.5), "unsupported value type float64"},
		{"no field", autotask.Eq("", 1), "needs a field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := json.Marshal(tt.f)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
