package exact_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/ledger/ledgertest"
	"github.com/billbridge/billbridge/internal/money"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
)

// divisionBE is the demo division without the invoicing module.
const divisionBE = 3112841

// adapterEnv is a simulator with an adapter on one of its divisions.
type adapterEnv struct {
	*simEnv
	client  *exact.Client
	adapter *exact.Adapter
	div     int
	notes   []string
}

func startAdapter(t *testing.T, div int, opts exact.AdapterOptions) *adapterEnv {
	t.Helper()
	env := startSim(t, exactsim.Options{MinuteLimit: 100000, DayLimit: 100000})
	e := &adapterEnv{simEnv: env, div: div}
	e.client = env.client
	if div != simDivision {
		e.client = exact.NewClient(env.srv.APIBaseURL(), env.http, div)
	}
	opts.Note = func(ref, note string) { e.notes = append(e.notes, ref+": "+note) }
	e.adapter = exact.NewAdapter(e.client, opts)
	return e
}

// pay records a payment on a booked document as the bookkeeper would,
// finding its number through the receivable.
func (e *adapterEnv) pay(ctx context.Context, id string, amount money.Decimal, on time.Time) error {
	rows, err := e.client.ReceivablesByEntry(ctx, []string{id})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return fmt.Errorf("no receivable for %s", id)
	}
	return e.srv.MarkPaid(e.div, rows[0].InvoiceNumber, amount, on)
}

// failures counts the simulator's answers that Exact counts towards its
// error block (400, 401, 403, 404).
func (e *adapterEnv) failures() int {
	n := 0
	for _, r := range e.srv.Requests() {
		if r.Status >= 400 && r.Status <= 404 {
			n++
		}
	}
	return n
}

// notInSim are suite subtests the simulator cannot serve: it has no POST
// on logistics/Items, and Exact's receivables say neither how much of a
// partly paid invoice was paid nor each payment (only IsFullyPaid and
// LastPaymentDate). TestAdapterSettlements covers what Exact does say.
var notInSim = map[string]string{
	"Items":       "exactsim serves logistics/Items read-only (no POST)",
	"Settlements": "Exact's receivables carry no payment list or paid amount; see TestAdapterSettlements",
}

// TestAdapterConformance runs the shared ledger suite against both demo
// divisions in the default mode, sales entries.
func TestAdapterConformance(t *testing.T) {
	for _, div := range []int{simDivision, divisionBE} {
		t.Run(fmt.Sprint(div), func(t *testing.T) {
			ledgertest.Run(t, func(t *testing.T) ledgertest.Harness {
				name := t.Name()[strings.LastIndex(t.Name(), "/")+1:]
				if why, ok := notInSim[name]; ok {
					t.Skip(why)
				}
				e := startAdapter(t, div, exact.AdapterOptions{})
				t.Cleanup(func() {
					if n := e.failures(); n != 0 {
						t.Errorf("%d calls failed at Exact (they count towards its error block)", n)
					}
				})
				return ledgertest.Harness{Ledger: e.adapter, Pay: e.pay, TaxCode: "1", Account: "8000"}
			})
		})
	}
}

func customer(t *testing.T, e *adapterEnv, name, number string) string {
	t.Helper()
	res, err := e.adapter.SaveCustomers(context.Background(), []ledger.Customer{{Name: name, AccountNumber: number}}, "")
	if err != nil || res[0].Err != nil {
		t.Fatalf("save customer %s: %v %v", name, err, res)
	}
	return res[0].ID
}

// doc is a one-line invoice of 10 h at 95.0000 EUR with 21 % VAT.
func doc(customer, number, ourRef string) ledger.Document {
	return ledger.Document{Kind: ledger.KindInvoice, Number: number, OurRef: ourRef, CustomerID: customer, Currency: "EUR",
		Date: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), DueDate: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Status: ledger.StatusApproved,
		Lines: []ledger.Line{{Description: "Remote support", ItemCode: "LABOUR", Quantity: money.MustParse("10"), UnitPrice: money.MustParse("95.0000"),
			Amount: money.MustParse("950.00"), AccountCode: "8000", TaxCode: "1", TaxAmount: money.MustParse("199.50")}}}
}

func TestAdapterCustomers(t *testing.T) {
	ctx := context.Background()
	e := startAdapter(t, simDivision, exact.AdapterOptions{})
	res, err := e.adapter.SaveCustomers(ctx, []ledger.Customer{
		{Name: "Numeric BV", AccountNumber: "4711", Email: "ap@numeric.example", Address: ledger.Address{Lines: []string{"Kade 1", "Unit 2", "Floor 3", "Desk 4"}, City: "Utrecht", Country: "nl"}},
		{Name: "Letters BV", AccountNumber: "ACME01"},
		{Name: "Bakkerij De Vries", AccountNumber: "1000"}, // the seeded account with code 1000: the same company
		{Name: "Someone Else", AccountNumber: "1001"},      // code 1001 belongs to another account
		{Name: "Bad Mail", AccountNumber: "4712", Email: "not-an-address"},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	for i, wantErr := range []bool{false, false, false, true, true} {
		if (res[i].Err != nil) != wantErr {
			t.Errorf("customer %d: result %+v (%v), want error %v", i, res[i], res[i].Err, wantErr)
		}
	}
	all, err := e.adapter.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]ledger.Customer{}
	for _, c := range all {
		byNumber[c.AccountNumber] = c
	}
	if c := byNumber["4711"]; c.ID != res[0].ID || c.Address.Country != "NL" || len(c.Address.Lines) != 3 || c.Address.Lines[2] != "Floor 3, Desk 4" {
		t.Errorf("numeric number kept as the code: %+v", c)
	}
	if c := byNumber["ACME01"]; c.ID != res[1].ID || c.Name != "Letters BV" {
		t.Errorf("a non-numeric number is kept in SearchCode: %+v", c)
	}
	if byNumber["1000"].ID != res[2].ID {
		t.Errorf("an account with the same number and name was not reused: %+v", res[2])
	}
	if e.failures() != 0 {
		t.Errorf("%d calls failed at Exact; conflicts and bad input must be caught before sending", e.failures())
	}
	// The stored code is padded as Exact stores it.
	accts, err := e.client.AccountsByCode(ctx, []string{"4711"})
	if err != nil || len(accts) != 1 || accts[0].Code != strings.Repeat(" ", 14)+"4711" {
		t.Errorf("account 4711 by padded code: %v %+v", err, accts)
	}
	again, err := e.adapter.SaveCustomers(ctx, []ledger.Customer{{ID: res[0].ID, Name: "Numeric B.V.", AccountNumber: "4711", Phone: "+31 30 000"}}, "")
	if err != nil || again[0].Err != nil {
		t.Fatalf("update: %v %+v", err, again)
	}
	accts, _ = e.client.AccountsByID(ctx, []string{res[0].ID})
	if len(accts) != 1 || accts[0].Name != "Numeric B.V." || accts[0].Phone != "+31 30 000" {
		t.Errorf("after update: %+v", accts)
	}
}

func TestAdapterSettingsBelgium(t *testing.T) {
	e := startAdapter(t, divisionBE, exact.AdapterOptions{})
	s, err := e.adapter.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rates := map[string]string{}
	for _, c := range s.TaxCodes {
		rates[c.Code] = c.Rate.StringFixed(0)
	}
	if s.BaseCurrency != "EUR" || !s.HasCurrency("GBP") || rates["1"] != "21" || rates["2"] != "9" {
		t.Errorf("settings = %+v", s)
	}
	income := 0
	for _, a := range s.Accounts {
		if a.Income {
			income++
		}
	}
	if income != 4 {
		t.Errorf("%d revenue accounts, want the 4 seeded: %+v", income, s.Accounts)
	}
}

func TestAdapterEntryNumberOutsideJournalRange(t *testing.T) {
	ctx := context.Background()
	e := startAdapter(t, simDivision, exact.AdapterOptions{Journal: "71"}) // numbers 71000000–71999999
	cust := customer(t, e, "Range BV", "5001")
	res, err := e.adapter.CreateDocuments(ctx, []ledger.Document{doc(cust, "24001", "AT-1")}, "")
	if err != nil || res[0].Err != nil {
		t.Fatal(err, res)
	}
	if res[0].Number == "24001" || !strings.HasPrefix(res[0].Number, "71") {
		t.Errorf("number = %q, want Exact's own in journal 71's range", res[0].Number)
	}
	if len(e.notes) != 1 || !strings.Contains(e.notes[0], "not 24001") {
		t.Errorf("notes = %q, want one saying Exact did not keep 24001", e.notes)
	}
	found, err := e.adapter.FindDocuments(ctx, []ledger.DocRef{{Kind: ledger.KindInvoice, Number: "24001"}})
	if err != nil || len(found) != 1 || found[0].ID != res[0].ID {
		t.Errorf("found by Autotask's number in Your ref: %v %+v", err, found)
	}
}

// TestAdapterRefusesBeforeSending: every mistake is caught locally, so
// Exact sees no failed call and never blocks the connection.
func TestAdapterRefusesBeforeSending(t *testing.T) {
	ctx := context.Background()
	e := startAdapter(t, simDivision, exact.AdapterOptions{})
	cust := customer(t, e, "Strict BV", "5002")
	bad := func(number string, edit func(*ledger.Document)) ledger.Document {
		d := doc(cust, number, "AT-"+number)
		edit(&d)
		return d
	}
	docs := []ledger.Document{
		bad("101", func(d *ledger.Document) { d.Lines[0].TaxCode = "99" }),
		bad("102", func(d *ledger.Document) { d.Lines[0].AccountCode = "4000" }),
		bad("103", func(d *ledger.Document) { d.Lines[0].AccountCode = "" }),
		bad("104", func(d *ledger.Document) { d.Lines[0].Amount = money.MustParse("949.99") }),
		bad("105", func(d *ledger.Document) { d.Lines[0].TaxAmount = money.Zero }),
		bad("106", func(d *ledger.Document) { d.Currency = "JPY" }),
		bad("107", func(d *ledger.Document) { d.CustomerID = "" }),
		bad("108", func(d *ledger.Document) { d.Lines = nil }),
		doc(cust, "109", "AT-109"),
		doc(cust, "109", "AT-109"), // the same invoice twice in one batch
	}
	res, err := e.adapter.CreateDocuments(ctx, docs, "")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if wantOK := i == 8; (r.Err == nil) != wantOK {
			t.Errorf("document %d (%s): %+v %v", i, docs[i].Number, r, r.Err)
		}
	}
	if n := e.failures(); n != 0 {
		t.Errorf("%d calls failed at Exact", n)
	}
	if n := e.client.Failures("salesentry/SalesEntries"); n != 0 {
		t.Errorf("the client's guard counted %d failures", n)
	}
}

func TestAdapterSettlements(t *testing.T) {
	ctx := context.Background()
	e := startAdapter(t, simDivision, exact.AdapterOptions{})
	cust := customer(t, e, "Payer BV", "5003")
	start := time.Now().Add(-time.Minute)
	res, err := e.adapter.CreateDocuments(ctx, []ledger.Document{doc(cust, "300", "AT-300"), doc(cust, "301", "AT-301"), doc(cust, "302", "AT-302")}, "")
	if err != nil {
		t.Fatal(err)
	}
	total := money.MustParse("1149.50")
	first, paidOn := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		id     string
		amount money.Decimal
		on     time.Time
	}{{res[0].ID, money.MustParse("100.00"), first}, {res[0].ID, total.Sub(money.MustParse("100.00")), paidOn}, {res[1].ID, money.MustParse("1149.49"), paidOn}} {
		if err := e.pay(ctx, p.id, p.amount, p.on); err != nil {
			t.Fatal(err)
		}
	}
	ss, err := e.adapter.SettlementsSince(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ledger.Settlement{}
	for _, s := range ss {
		got[s.DocumentID] = s
	}
	if s := got[res[0].ID]; !s.FullyPaidOn.Equal(paidOn) || !s.AmountDue.IsZero() || !s.AmountPaid.Equal(total) || s.Number != "300" {
		t.Errorf("fully paid: %+v, want paid on %s (the last payment)", s, paidOn.Format(time.DateOnly))
	}
	if s := got[res[1].ID]; !s.FullyPaidOn.IsZero() || !s.AmountDue.Equal(total) {
		t.Errorf("paid but a cent: %+v, want no paid date", s)
	}
	if s := got[res[2].ID]; !s.FullyPaidOn.IsZero() || s.DocumentID == "" {
		t.Errorf("unpaid: %+v", s)
	}
	later, err := e.adapter.SettlementsSince(ctx, time.Now().Add(time.Hour))
	if err != nil || len(later) != 0 {
		t.Errorf("nothing changed since: %v %+v", err, later)
	}
}
