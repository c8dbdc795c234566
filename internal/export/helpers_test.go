package export_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/export"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	"github.com/billbridge/billbridge/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// may2024 is the generated month's full range.
var may2024 = export.Filter{From: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)}

// fixture is a small generated month in the simulator, a client on it, and
// a store with one profile.
type fixture struct {
	src     export.AutotaskSource
	store   *store.Store
	profile int64
	svc     *export.Service
	dir     string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	data := generate.Month(generate.Options{Seed: 1, Companies: 9, Invoices: 12, ItemsPerInvoice: 4})
	sim, err := autotasksim.New(autotasksim.Options{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	c, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: sim.ZoneLookupURL()}, autotask.Credentials{
		UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret,
		IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := store.Open(context.Background(), filepath.Join(dir, "db"), store.WithClock(func() time.Time {
		return time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC)
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := store.Profile{Name: "Demo MSP"}
	if err := st.CreateProfile(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return &fixture{src: export.AutotaskSource{Client: c}, store: st, profile: p.ID, dir: dir,
		svc: &export.Service{Store: st, Now: func() time.Time { return time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC) }}}
}

func (fx *fixture) export(t *testing.T, format export.Format, f export.Filter) (export.Result, string, error) {
	t.Helper()
	path := filepath.Join(fx.dir, "out"+format.Extension())
	res, err := fx.svc.Export(context.Background(), export.Request{ProfileID: fx.profile, Actor: "test", Format: format, Filter: f, Path: path}, fx.src)
	return res, path, err
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; rerun with -update if the change is intended\n got %d bytes, want %d", name, len(got), len(want))
	}
}
