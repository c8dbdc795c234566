package app_test

import (
	"testing"

	"github.com/billbridge/billbridge/app"
)

// The compare report on the demo: before any sync the ledger has none of
// the billing codes' items; "create missing items" creates them, and the
// report then finds every one.
func TestCompareAndCreateMissingItems(t *testing.T) {
	deps, _ := newDeps(t)
	d := app.NewDemo(deps)
	t.Cleanup(func() { d.Stop() })
	st, err := d.Start()
	if err != nil {
		t.Fatal(err)
	}
	m := app.NewMappings(deps)
	rows, err := m.Compare(st.Profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, r := range rows {
		if r.Status == "missing" {
			missing++
		}
	}
	if len(rows) == 0 || missing == 0 {
		t.Fatalf("compare before any sync: %d rows, %d missing", len(rows), missing)
	}
	n, err := m.CreateMissingItems(st.Profile.ID)
	if err != nil || n != missing {
		t.Fatalf("created %d of %d missing items: %v", n, missing, err)
	}
	rows, err = m.Compare(st.Profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Status == "missing" {
			t.Errorf("still missing after creating: %+v", r)
		}
	}
	if again, err := m.CreateMissingItems(st.Profile.ID); err != nil || again != 0 {
		t.Fatalf("a second click created %d: %v", again, err)
	}
}
