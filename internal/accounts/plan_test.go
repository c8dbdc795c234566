package accounts_test

import (
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/accounts"
	"github.com/billbridge/billbridge/internal/store"
)

var (
	t0    = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	older = t0.Add(-time.Hour)
)

func co(id int64, number, name string, mod time.Time, f ...func(*accounts.Fields)) accounts.Company {
	c := accounts.Company{ID: id, Number: number, Active: true, Modified: mod, Fields: accounts.Fields{Name: name, Phone: "+31 20 000", City: "Utrecht"}}
	for _, fn := range f {
		fn(&c.Fields)
	}
	return c
}

func ac(id, code, name string, mod time.Time, f ...func(*accounts.Fields)) accounts.Account {
	a := accounts.Account{ID: id, Code: code, Customer: true, Modified: mod, Fields: accounts.Fields{Name: name, Phone: "+31 20 000", City: "Utrecht"}}
	for _, fn := range f {
		fn(&a.Fields)
	}
	return a
}

func phone(p string) func(*accounts.Fields) { return func(f *accounts.Fields) { f.Phone = p } }
func city(c string) func(*accounts.Fields)  { return func(f *accounts.Fields) { f.City = c } }

// base is a stored base equal on both sides.
func base(acct string, f accounts.Fields) accounts.Base {
	return accounts.Base{AccountID: acct, Autotask: f, Ledger: f}
}

func summary(p accounts.Plan) string {
	var out []string
	for _, pr := range p.Pairs {
		s := "pair " + pr.Company.Fields.Name + "=" + pr.Account.ID + " by " + pr.By
		for _, c := range pr.ToLedger {
			s += " E." + c.Field + "=" + c.To
		}
		for _, c := range pr.ToAutotask {
			s += " A." + c.Field + "=" + c.To
		}
		out = append(out, s)
	}
	for _, c := range p.CreateLedger {
		out = append(out, "create-exact "+c.Fields.Name)
	}
	for _, a := range p.CreateAutotask {
		out = append(out, "create-autotask "+a.Fields.Name)
	}
	for _, c := range p.Conflicts {
		out = append(out, "conflict "+c.Field+" won by "+c.Winner)
	}
	for _, s := range p.Suggestions {
		out = append(out, "suggest "+s.CompanyName+"~"+s.AccountName)
	}
	for _, pb := range p.Problems {
		out = append(out, "problem "+pb.Name)
	}
	return strings.Join(out, "; ")
}

func TestPlan(t *testing.T) {
	synced := accounts.Fields{Name: "Acme", Phone: "+31 20 000", City: "Utrecht"}
	cases := []struct {
		name string
		in   accounts.Input
		want string
	}{
		{"link by stored link beats number and name",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "1000", "Acme", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", t0), ac("b", "2000", "Acme", t0)},
				Links:     map[int64]string{1: "b"}},
			"pair Acme=b by link; problem Acme"},
		{"link by number when names differ (first link: newer Exact wins the name)",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "1000", "Acme", older)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme B.V.", t0)}},
			"pair Acme=a by number A.name=Acme B.V.; conflict name won by exact"},
		{"link by exact name ignoring case and spaces",
			accounts.Input{Direction: store.AccountsToLedger,
				Companies: []accounts.Company{co(1, "", " ACME ", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "acme", t0)}},
			"pair  ACME =a by name E.name=ACME"},
		{"close name is suggested, nothing created",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme Widgets Nederland", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme Widget Nederland", t0)}},
			"suggest Acme Widgets Nederland~Acme Widget Nederland"},
		{"two accounts with the name: a problem, not a guess",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", t0), ac("b", "1001", "Acme", t0)}},
			"problem Acme; problem Acme; problem Acme"},
		{"creates both ways",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "7", "Only In Autotask", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Only In Exact", t0), ac("b", "1001", "No Phone", t0, phone(""))}},
			"create-exact Only In Autotask; create-autotask Only In Exact; problem No Phone"},
		{"one way to Exact creates only there",
			accounts.Input{Direction: store.AccountsToLedger,
				Companies: []accounts.Company{co(1, "7", "Only In Autotask", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Only In Exact", t0)}},
			"create-exact Only In Autotask"},
		{"one way to Autotask creates only there",
			accounts.Input{Direction: store.AccountsToAutotask,
				Companies: []accounts.Company{co(1, "7", "Only In Autotask", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Only In Exact", t0)}},
			"create-autotask Only In Exact"},
		{"linked account of a company not read is not created again",
			accounts.Input{Direction: store.AccountsBoth,
				Accounts: []accounts.Account{ac("a", "1000", "Acme", t0)},
				Links:    map[int64]string{1: "a"}},
			"problem Acme"},
		{"change in Autotask goes to Exact",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", older, city("Zeist"))},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", t0)},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link E.city=Zeist"},
		{"change in Exact goes to Autotask",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", older, city("Zeist"))},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link A.city=Zeist"},
		{"conflict: Exact changed last and wins",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", older, phone("111"))},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", t0, phone("222"))},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link A.phone=222; conflict phone won by exact"},
		{"conflict: Autotask changed last and wins",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", t0, phone("111"))},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", older, phone("222"))},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link E.phone=111; conflict phone won by autotask"},
		{"one way: a change made only in Exact is overwritten and listed",
			accounts.Input{Direction: store.AccountsToLedger,
				Companies: []accounts.Company{co(1, "", "Acme", older)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", t0, city("Zeist"))},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link E.city=Utrecht; conflict city won by autotask"},
		{"an empty winner never blanks the other side",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", t0, phone(""))},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", older)},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link A.phone=+31 20 000"},
		{"nothing to do",
			accounts.Input{Direction: store.AccountsBoth,
				Companies: []accounts.Company{co(1, "", "Acme", t0)},
				Accounts:  []accounts.Account{ac("a", "1000", "Acme", t0)},
				Links:     map[int64]string{1: "a"}, Bases: map[int64]accounts.Base{1: base("a", synced)}},
			"pair Acme=a by link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := accounts.MakePlan(c.in)
			if got := summary(p); got != c.want {
				t.Fatalf("plan\n got: %s\nwant: %s", got, c.want)
			}
		})
	}
}

// TestPlanSecondRunIsEmpty feeds a plan's results back as the next input:
// nothing is left to write and no base needs saving.
func TestPlanSecondRunIsEmpty(t *testing.T) {
	in := accounts.Input{Direction: store.AccountsBoth,
		Companies: []accounts.Company{co(1, "1000", "Acme", older, city("Zeist")), co(2, "", "Beta", t0, phone(""))},
		Accounts:  []accounts.Account{ac("a", "1000", "Acme B.V.", t0), ac("b", "1001", "beta", older)}}
	first := accounts.MakePlan(in)
	if first.Empty() {
		t.Fatal("first plan is empty")
	}
	in.Links, in.Bases = map[int64]string{}, map[int64]accounts.Base{}
	for i, pr := range first.Pairs {
		in.Links[pr.Company.ID] = pr.Account.ID
		in.Bases[pr.Company.ID] = pr.Result
		for j := range in.Companies {
			if in.Companies[j].ID == pr.Company.ID {
				in.Companies[j].Fields = pr.Result.Autotask
			}
		}
		for j := range in.Accounts {
			if in.Accounts[j].ID == pr.Account.ID {
				in.Accounts[j].Fields = pr.Result.Ledger
			}
		}
		_ = i
	}
	second := accounts.MakePlan(in)
	if !second.Empty() || len(second.Conflicts) != 0 {
		t.Fatalf("second plan: %s", summary(second))
	}
	for _, pr := range second.Pairs {
		if pr.SaveBase || pr.NewLink {
			t.Errorf("pair %d still saves its base", pr.Company.ID)
		}
	}
}
