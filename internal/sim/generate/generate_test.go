package generate_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/money"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
)

func marshal(t testing.TB, d autotasksim.Dataset) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func dec(t *testing.T, v any) money.Decimal {
	t.Helper()
	nm, ok := v.(json.Number)
	if !ok {
		t.Fatalf("%v (%T) is not a json.Number", v, v)
	}
	d, err := money.Parse(nm.String())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDeterministic(t *testing.T) {
	opts := generate.Options{Seed: 42, Companies: 12, Invoices: 30, ItemsPerInvoice: 8}
	a, b := marshal(t, generate.Month(opts)), marshal(t, generate.Month(opts))
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different output")
	}
	opts.Seed = 43
	if bytes.Equal(a, marshal(t, generate.Month(opts))) {
		t.Fatal("different seeds gave the same output")
	}
}

// TestLoadsIntoSimulator proves every field name and value type exists in
// Autotask's field table: New validates the whole data set.
func TestLoadsIntoSimulator(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		d := generate.Month(generate.Options{Seed: seed})
		if _, err := autotasksim.New(autotasksim.Options{Data: d}); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}

func TestInvoiceTotalsMatchItems(t *testing.T) {
	d := generate.Month(generate.Options{Seed: 7, Invoices: 80})
	sums, taxes := map[any]money.Decimal{}, map[any]money.Decimal{}
	for _, it := range d["BillingItems"] {
		sums[it["invoiceID"]] = sums[it["invoiceID"]].Add(dec(t, it["totalAmount"]))
		taxes[it["invoiceID"]] = taxes[it["invoiceID"]].Add(dec(t, it["taxDollars"]))
		// extendedPrice + taxDollars = totalAmount, in both currencies.
		if !dec(t, it["extendedPrice"]).Add(dec(t, it["taxDollars"])).Equal(dec(t, it["totalAmount"])) && it["invoiceID"] != json.Number("0") {
			t.Fatalf("item %v: ext+tax != total", it["id"])
		}
	}
	unfinished := 0
	for _, inv := range d["Invoices"] {
		total := dec(t, inv["invoiceTotal"])
		if inv["invoiceNumber"] == "" {
			unfinished++
			if total.Equal(sums[inv["id"]]) {
				t.Errorf("unfinished invoice %v: items already add up", inv["id"])
			}
			continue
		}
		if !total.Equal(sums[inv["id"]]) || !dec(t, inv["totalTaxValue"]).Equal(taxes[inv["id"]]) {
			t.Errorf("invoice %v: total %s, items %s", inv["id"], total, sums[inv["id"]])
		}
	}
	if unfinished != 1 {
		t.Fatalf("%d unfinished invoices, want 1", unfinished)
	}
}

func TestCoversEveryShape(t *testing.T) {
	d := generate.Month(generate.Options{Seed: 1, Month: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC)})
	types, subTypes := map[string]bool{}, map[string]bool{}
	var multiCurrency, nonASCII, longDesc, uninvoiced, fourDecimalRate, nonBillable, withPO bool
	for _, it := range d["BillingItems"] {
		types[string(it["billingItemType"].(json.Number))] = true
		subTypes[string(it["subType"].(json.Number))] = true
		if it["rate"] != it["internalCurrencyRate"] {
			multiCurrency = true
		}
		desc, _ := it["description"].(string)
		nonASCII = nonASCII || strings.ContainsAny(desc, "üéàö日🎧")
		longDesc = longDesc || len(desc) > 1000
		if it["invoiceID"] == json.Number("0") {
			uninvoiced = uninvoiced || it["totalAmount"] == json.Number("0.0000")
		}
		r := string(it["rate"].(json.Number))
		fourDecimalRate = fourDecimalRate || !strings.HasSuffix(r, "00")
		nonBillable = nonBillable || it["nonBillable"] == json.Number("1")
		withPO = withPO || it["purchaseOrderNumber"] != ""
		if !strings.HasPrefix(it["itemDate"].(string), "2024-02-") {
			t.Fatalf("item date %v outside February", it["itemDate"])
		}
	}
	for i := 1; i <= 10; i++ {
		if i != 6 && !types[strconv.Itoa(i)] {
			t.Errorf("no billingItemType %d", i)
		}
	}
	for i := 1; i <= 14; i++ {
		if !subTypes[strconv.Itoa(i)] {
			t.Errorf("no subType %d", i)
		}
	}
	for name, ok := range map[string]bool{"multi-currency": multiCurrency, "non-ASCII": nonASCII, "long description": longDesc,
		"uninvoiced": uninvoiced, "4-decimal rate": fourDecimalRate, "non-billable": nonBillable, "purchase order number": withPO} {
		if !ok {
			t.Errorf("no %s item", name)
		}
	}
	var voided, negative, zero, parent, noEmailCompany bool
	for _, inv := range d["Invoices"] {
		total := string(inv["invoiceTotal"].(json.Number))
		voided = voided || inv["isVoided"] == true
		negative = negative || strings.HasPrefix(total, "-")
		zero = zero || total == "0.0000"
	}
	for _, c := range d["Companies"] {
		parent = parent || c["parentCompanyID"] != nil
	}
	withEmail := map[any]bool{}
	for _, c := range d["Contacts"] {
		if c["emailAddress"] != nil {
			withEmail[c["companyID"]] = true
		}
	}
	for _, c := range d["Companies"] {
		if c["companyType"] == json.Number("1") && !withEmail[c["id"]] {
			noEmailCompany = true
		}
	}
	for name, ok := range map[string]bool{"voided": voided, "negative": negative, "zero": zero, "parent company": parent, "company without e-mail": noEmailCompany} {
		if !ok {
			t.Errorf("no %s", name)
		}
	}
	backOrder := false
	for _, r := range d["PurchaseOrderItemReceiving"] {
		backOrder = backOrder || r["quantityBackOrdered"] != json.Number("0")
	}
	if !backOrder {
		t.Error("no part shipment")
	}
	for _, e := range []string{"Currencies", "TaxRegions", "TaxCategories", "Taxes", "PaymentTerms", "BillingCodes", "Contacts",
		"CompanyLocations", "Contracts", "ContractServices", "Products", "PurchaseOrders", "PurchaseOrderItems", "ExpenseReports",
		"ExpenseItems", "Resources", "OrganizationalLevel1s", "OrganizationalLevel2s", "OrganizationalLevelAssociations",
		"InventoryItems", "InventoryLocations", "Countries"} {
		if len(d[e]) == 0 {
			t.Errorf("no %s", e)
		}
	}
}

func TestHundredThousandItems(t *testing.T) {
	if testing.Short() {
		t.Skip("large data set")
	}
	t0 := time.Now()
	d := generate.Month(generate.Options{Seed: 9, Companies: 300, Invoices: 1000, ItemsPerInvoice: 100})
	took := time.Since(t0)
	if len(d["BillingItems"]) < 100000 {
		t.Fatalf("%d items", len(d["BillingItems"]))
	}
	t.Logf("%d billing items in %v", len(d["BillingItems"]), took)
	if !raceEnabled && took > 10*time.Second {
		t.Fatalf("took %v", took)
	}
}

func BenchmarkMonth(b *testing.B) {
	for b.Loop() {
		d := generate.Month(generate.Options{Seed: 9, Companies: 300, Invoices: 1000, ItemsPerInvoice: 100})
		b.ReportMetric(float64(len(d["BillingItems"])), "items/op")
	}
}
