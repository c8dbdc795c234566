package accounts_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/accounts"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	exactsim "github.com/billbridge/billbridge/internal/sim/exact"
	"github.com/billbridge/billbridge/internal/store"
)

const division = 3112840

// clock is a settable clock shared by both simulators and the runner.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type env struct {
	at     *autotasksim.Server
	ex     *exactsim.Server
	atc    *autotask.Client
	exc    *exact.Client
	st     *store.Store
	runner *accounts.Runner
	side   *accounts.Autotask
	clock  *clock
}

func n(s string) json.Number { return json.Number(s) }

func newEnv(t *testing.T) *env {
	t.Helper()
	ck := &clock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	data := autotasksim.Dataset{
		"Resources": {{"id": n("29682885"), "firstName": "Api", "lastName": "User", "email": autotasksim.DemoCredential.UserName, "isActive": true},
			{"id": n("7"), "firstName": "Left", "lastName": "Company", "email": "left@demo-msp.example", "isActive": false}},
		"Countries": {{"id": n("150"), "countryCode": "NL", "name": "Netherlands", "isActive": true},
			{"id": n("21"), "countryCode": "BE", "name": "Belgium", "isActive": true}},
		"Companies": {
			{"id": n("1"), "companyName": "Bakkerij De Vries", "companyType": n("1"), "isActive": true, "phone": "+31 20 111 2222",
				"city": "Amsterdam", "countryID": n("150"), "lastTrackedModifiedDateTime": "2026-01-05T10:00:00Z"},
			{"id": n("2"), "companyName": "Jansen Logistiek", "companyNumber": "1001", "companyType": n("1"), "isActive": true, "phone": "+31 10 333 4444",
				"city": "Rotterdam", "countryID": n("150"), "lastTrackedModifiedDateTime": "2026-01-05T10:00:00Z"},
			{"id": n("3"), "companyName": "Nieuwe Klant BV", "companyNumber": "2001", "companyType": n("1"), "isActive": true, "phone": "+31 30 555 6666",
				"address1": "Oudegracht 1", "city": "Utrecht", "postalCode": "3511 AA", "countryID": n("150"), "taxID": "NL001234567B01",
				"lastTrackedModifiedDateTime": "2026-01-05T10:00:00Z"},
			{"id": n("4"), "companyName": "Een Heel Lange Bedrijfsnaam Die Exact Niet Kan Bewaren BV", "companyType": n("1"), "isActive": true,
				"phone": "+31 30 000 0000", "countryID": n("150"), "lastTrackedModifiedDateTime": "2026-01-05T10:00:00Z"},
			{"id": n("5"), "companyName": "Acme Widgets Nederland", "companyType": n("1"), "isActive": true, "phone": "+31 40 000 0000",
				"countryID": n("150"), "lastTrackedModifiedDateTime": "2026-01-05T10:00:00Z"},
			{"id": n("6"), "companyName": "A Prospect", "companyType": n("3"), "isActive": true, "phone": "1"},
		},
	}
	at, err := autotasksim.New(autotasksim.Options{Data: data, Now: ck.Now})
	if err != nil {
		t.Fatal(err)
	}
	if err := at.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { at.Close() })
	ex, err := exactsim.New(exactsim.Options{Now: ck.Now, AccessTokenTTL: 10000 * time.Hour, MinuteLimit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if err := ex.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Close() })
	access, _ := ex.IssueToken(exactsim.DemoApp.ClientID)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access, TokenType: "Bearer"})}}
	exc := exact.NewClient(ex.APIBaseURL(), hc, division)
	cred := autotasksim.DemoCredential
	atc := autotask.New(at.URL()+"ATServicesRest/", autotask.Config{}, autotask.Credentials{UserName: cred.UserName, Secret: cred.Secret, IntegrationCode: cred.IntegrationCode})

	st, err := store.Open(context.Background(), t.TempDir(), store.WithClock(ck.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := store.Profile{Name: "Exact NL"}
	if err := st.CreateProfile(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveAccountSettings(context.Background(), p.ID, store.AccountSettings{Direction: store.AccountsBoth}); err != nil {
		t.Fatal(err)
	}
	e := &env{at: at, ex: ex, atc: atc, exc: exc, st: st, clock: ck}
	e.side = &accounts.Autotask{Client: atc}
	e.runner = &accounts.Runner{Store: st, ProfileID: p.ID, Autotask: e.side, Ledger: &accounts.Exact{Client: exc}, Now: ck.Now,
		Calls: func() int { return len(at.Requests()) + len(ex.Requests()) }}
	return e
}

// calls counts the simulators' requests since the marks, and the writes
// among them (Autotask: POST/PATCH that are not queries; Exact: POST/PUT).
func (e *env) calls(atMark, exMark int) (total, writes int) {
	for _, r := range e.at.Requests()[atMark:] {
		total++
		if r.Method == http.MethodPatch || (r.Method == http.MethodPost && !strings.Contains(strings.ToLower(r.Path), "/query")) {
			writes++
		}
	}
	for _, r := range e.ex.Requests()[exMark:] {
		total++
		if r.Method == http.MethodPost || r.Method == http.MethodPut {
			writes++
		}
	}
	return total, writes
}

func (e *env) marks() (int, int) { return len(e.at.Requests()), len(e.ex.Requests()) }

func lineFor(res accounts.Result, action, name string) (store.AccountRunLine, bool) {
	for _, l := range res.Lines {
		if l.Action == action && l.Name == name {
			return l, true
		}
	}
	return store.AccountRunLine{}, false
}

func TestRunAgainstSimulators(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	// Exact-only accounts: one to create in Autotask, one without the phone
	// Autotask requires, one whose name is close to an Autotask company's.
	for _, a := range []exact.Account{
		{Name: "Van Dam ICT", Phone: "+31 50 123 4567", City: "Groningen", Country: "NL"},
		{Name: "Zonder Telefoon", City: "Delft"},
		{Name: "Acme Widget Nederland", Phone: "+31 40 999 9999"},
	} {
		if _, err := e.exc.CreateAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	e.clock.Add(time.Minute)

	// Run 1: links, creates, updates; a local refusal and waiting problems.
	res, err := e.runner.Run(ctx, accounts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ action, name, status string }{
		{accounts.ActLink, "Bakkerij De Vries", "done"},
		{accounts.ActUpdateLedger, "Bakkerij De Vries", "done"}, // phone to Exact
		{accounts.ActLink, "Jansen Logistiek", "done"},          // by number 1001
		{accounts.ActUpdateAutotask, "Jansen Logistiek", "done"},
		{accounts.ActConflict, "Jansen Logistiek", "done"}, // name differs at first link; Exact's is newer
		{accounts.ActCreateLedger, "Nieuwe Klant BV", "done"},
		{accounts.ActCreateLedger, "Een Heel Lange Bedrijfsnaam Die Exact Niet Kan Bewaren BV", "failed"},
		{accounts.ActCreateAutotask, "Van Dam ICT", "done"},
		{accounts.ActProblem, "Zonder Telefoon", "skipped"},
		{accounts.ActSuggestion, "Acme Widgets Nederland", "skipped"},
	} {
		l, ok := lineFor(res, want.action, want.name)
		if !ok || l.Status != want.status {
			t.Errorf("%s %s: %+v (found %v)", want.action, want.name, l, ok)
		}
	}
	if l, _ := lineFor(res, accounts.ActCreateLedger, "Een Heel Lange Bedrijfsnaam Die Exact Niet Kan Bewaren BV"); !strings.Contains(l.Message, "Name is 57 characters long; Exact keeps at most 50") || l.Fix == "" {
		t.Errorf("long name line: %+v", l)
	}
	if _, ok := lineFor(res, accounts.ActCreateLedger, "A Prospect"); ok {
		t.Error("a prospect was created as a customer")
	}
	// The data on both sides.
	created, err := e.exc.AccountsByCode(ctx, []string{"2001"})
	if err != nil || len(created) != 1 || created[0].Name != "Nieuwe Klant BV" || created[0].VATNumber != "NL001234567B01" || created[0].Country != "NL" {
		t.Fatalf("created account %+v %v", created, err)
	}
	companies, err := e.atc.CompaniesOfType(ctx, autotask.CompanyTypeCustomer, nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]autotask.Company{}
	for _, c := range companies {
		byName[c.CompanyName] = c
	}
	vd, ok := byName["Van Dam ICT"]
	if !ok || vd.Phone != "+31 50 123 4567" || vd.City != "Groningen" || vd.CountryID == nil || *vd.CountryID != 150 ||
		vd.OwnerResourceID == nil || *vd.OwnerResourceID != 29682885 || strings.TrimSpace(vd.CompanyNumber) == "" {
		t.Fatalf("created company %+v", vd)
	}
	if _, ok := byName["Jansen Logistiek B.V."]; !ok {
		t.Errorf("Autotask name not updated: %v", companies)
	}
	// Links are accepted customer rules, which the invoice sync reads.
	rules, _ := e.st.MappingRules(ctx, e.runner.ProfileID)
	accepted, suggested := 0, 0
	for _, r := range rules {
		if r.Kind == store.MapCustomer && !r.Suggested {
			accepted++
		} else if r.Suggested {
			suggested++
		}
	}
	if accepted != 4 || suggested != 1 {
		t.Errorf("rules: %d accepted, %d suggested: %+v", accepted, suggested, rules)
	}
	runs, _ := e.st.Runs(ctx, store.RunFilter{Kinds: []string{store.RunKindAccounts}})
	if len(runs) != 1 || runs[0].Failed != 1 || runs[0].APICalls == 0 {
		t.Errorf("run log %+v", runs)
	}

	// Run 2: nothing changed; nothing is written (the failing name is
	// refused locally again, without a call).
	e.clock.Add(time.Hour)
	am, em := e.marks()
	res2, err := e.runner.Run(ctx, accounts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	total, writes := e.calls(am, em)
	t.Logf("second run: %d API calls, %d writes; %s", total, writes, res2)
	if writes != 0 || res2.Done != 0 || res2.Conflicts != 0 {
		t.Fatalf("second run wrote: %d writes, %+v", writes, res2.Lines)
	}

	// Both sides change the same field; Exact's change is later and wins.
	jansen := byName["Jansen Logistiek B.V."]
	e.clock.Add(time.Minute)
	p1 := "+31 10 000 0001"
	if err := e.atc.UpdateCompany(ctx, jansen.ID, autotask.CompanyFields{Phone: &p1}); err != nil {
		t.Fatal(err)
	}
	e.clock.Add(time.Minute)
	acc, _ := e.exc.AccountsByCode(ctx, []string{"1001"})
	p2 := "+31 10 000 0002"
	city := "Schiedam"
	if err := e.exc.UpdateAccount(ctx, acc[0].ID, exact.AccountChanges{Phone: &p2, City: &city}); err != nil {
		t.Fatal(err)
	}
	e.clock.Add(time.Minute)
	res3, err := e.runner.Run(ctx, accounts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := lineFor(res3, accounts.ActConflict, "Jansen Logistiek B.V.")
	if !ok || !strings.Contains(c.Message, "phone") || !strings.Contains(c.Detail, `"winner":"exact"`) {
		t.Fatalf("conflict line %+v in %+v", c, res3.Lines)
	}
	got, _ := autotask.Get[autotask.Company](ctx, e.atc, autotask.EntityCompanies, jansen.ID)
	if got.Phone != p2 || got.City != "Schiedam" {
		t.Fatalf("Autotask after conflict: phone %q city %q", got.Phone, got.City)
	}

	// And then nothing again.
	e.clock.Add(time.Hour)
	am, em = e.marks()
	if _, err := e.runner.Run(ctx, accounts.Options{}); err != nil {
		t.Fatal(err)
	}
	if total, writes := e.calls(am, em); writes != 0 {
		t.Fatalf("fourth run: %d calls, %d writes", total, writes)
	}
}

// TestSimulatorRefusalIsFixable: Autotask refuses a company whose owner is
// inactive; the line says so with a fix, and the other accounts go on.
func TestSimulatorRefusalIsFixable(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	e.side.Owner = 7 // inactive in the simulator's Resources
	if _, err := e.exc.CreateAccount(ctx, exact.Account{Name: "Van Dam ICT", Phone: "+31 50 123 4567", Country: "NL"}); err != nil {
		t.Fatal(err)
	}
	res, err := e.runner.Run(ctx, accounts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, ok := lineFor(res, accounts.ActCreateAutotask, "Van Dam ICT")
	if !ok || l.Status != "failed" || !strings.Contains(l.Message, "Autotask refused") || !strings.Contains(l.Message, "inactive Resource") || l.Fix == "" {
		t.Fatalf("refused line %+v", l)
	}
	if l, ok := lineFor(res, accounts.ActCreateLedger, "Nieuwe Klant BV"); !ok || l.Status != "done" {
		t.Fatalf("the run did not go on: %+v", res.Lines)
	}
	// A dry run afterwards plans the create again and changes nothing.
	am, em := e.marks()
	dry, err := e.runner.Run(ctx, accounts.Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, writes := e.calls(am, em); writes != 0 || dry.RunID != 0 {
		t.Fatalf("dry run wrote %d, run %d", writes, dry.RunID)
	}
	if l, ok := lineFor(dry, accounts.ActCreateAutotask, "Van Dam ICT"); !ok || l.Status != "planned" {
		t.Fatalf("dry run lines %+v", dry.Lines)
	}
}
