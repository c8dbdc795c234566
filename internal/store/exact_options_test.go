package store_test

import (
	"context"
	"testing"

	"github.com/billbridge/billbridge/internal/store"
)

// A division's sales journal is kept per profile and organisation, and
// never applies to another division the profile is connected to later.
func TestExactOptions(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := store.Profile{Name: "Exact NL", LedgerKind: store.LedgerExact, LedgerTenantID: "3112840"}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name     string
		save     *store.ExactOptions
		division string
		want     string
	}{
		{"nothing chosen", nil, "3112840", ""},
		{"journal 71", &store.ExactOptions{Division: "3112840", SalesJournal: " 71 ", RoundingAccount: "8090"}, "3112840", "71"},
		{"another division", nil, "3112841", ""},
		{"chosen again", &store.ExactOptions{Division: "3112840", SalesJournal: "70"}, "3112840", "70"},
		{"back to the default", &store.ExactOptions{Division: "3112840"}, "3112840", ""},
	}
	for _, s := range steps {
		if s.save != nil {
			if err := st.SaveExactOptions(ctx, p.ID, "", *s.save); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
		}
		got, err := st.ExactOptionsOf(ctx, p.ID, "", s.division)
		if err != nil || got.SalesJournal != s.want || got.Division != s.division {
			t.Errorf("%s: %+v %v, want journal %q", s.name, got, err, s.want)
		}
	}
	if err := st.SaveExactOptions(ctx, p.ID, "", store.ExactOptions{Division: "3112840", SalesJournal: "70", RoundingAccount: "8090"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.ExactOptionsOf(ctx, p.ID, "", "3112840"); got.RoundingAccount != "8090" {
		t.Errorf("rounding account: %+v", got)
	}
	if err := st.SaveExactOptions(ctx, p.ID, "", store.ExactOptions{SalesJournal: "70"}); err == nil {
		t.Error("options without a division were saved")
	}
	if got, _ := st.ExactOptionsOf(ctx, p.ID, "other", "3112840"); got.SalesJournal != "" {
		t.Errorf("another organisation sees %+v", got)
	}
}
