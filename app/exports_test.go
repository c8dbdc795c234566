package app_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/sim/generate"
	"github.com/billbridge/billbridge/internal/store"
)

// simProfile is a profile connected to an Autotask simulator with a small
// generated month.
func simProfile(t *testing.T, deps app.Deps) int64 {
	t.Helper()
	sim, err := autotasksim.New(autotasksim.Options{Data: generate.Month(generate.Options{Seed: 1, Companies: 6, Invoices: 8, ItemsPerInvoice: 3})})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	ctx := context.Background()
	p := store.Profile{Name: "Demo", AutotaskUsername: autotasksim.DemoCredential.UserName, AutotaskLookupURL: sim.ZoneLookupURL()}
	if err := deps.Store.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	deps.Secrets.Set(p.ID, secrets.AutotaskSecret, autotasksim.DemoCredential.Secret)
	deps.Secrets.Set(p.ID, secrets.AutotaskIntegrationCode, autotasksim.DemoCredential.IntegrationCode)
	return p.ID
}

func TestExportsPreviewExportHistoryDelete(t *testing.T) {
	deps, dir := newDeps(t)
	ex := app.NewExports(deps)
	id := simProfile(t, deps)
	filter := app.ExportFilterInput{ProfileID: id, Format: "xlsx", From: "2024-05-01", To: "2024-05-31"}

	pre, err := ex.Preview(filter)
	if err != nil {
		t.Fatal(err)
	}
	if pre.RowCount == 0 || len(pre.Rows) != min(50, pre.RowCount) || len(pre.Columns) != len(pre.Rows[0]) || len(pre.Totals.ByCurrency) == 0 {
		t.Fatalf("preview = %d rows, %d shown, %d columns", pre.RowCount, len(pre.Rows), len(pre.Columns))
	}
	// Money crosses as decimal strings: the JSON holds no bare number for it.
	b, _ := json.Marshal(pre.Totals)
	if !strings.Contains(string(b), `"extendedPrice":"`) {
		t.Fatalf("totals JSON = %s", b)
	}

	path := filepath.Join(dir, "may.xlsx")
	batch, err := ex.Export(app.ExportInput{Filter: filter, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if batch.RowCount != pre.RowCount || batch.SHA256 == "" || batch.Totals.Rows != pre.RowCount {
		t.Fatalf("batch = %+v", batch)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	after, err := ex.Preview(filter)
	if err != nil || after.RowCount != 0 || after.Skipped != pre.RowCount {
		t.Fatalf("preview after export: %d rows, %d skipped, %v", after.RowCount, after.Skipped, err)
	}
	hist, err := ex.History(id)
	if err != nil || len(hist) != 1 || hist[0].ID != batch.ID {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if err := ex.DeleteBatch(batch.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := ex.Preview(filter); again.RowCount != pre.RowCount {
		t.Fatalf("after delete: %d rows, want %d", again.RowCount, pre.RowCount)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("deleting the batch touched the file: %v", err)
	}
}

func TestExportsRefuseBadInput(t *testing.T) {
	deps, _ := newDeps(t)
	ex := app.NewExports(deps)
	id := simProfile(t, deps)
	tests := []struct {
		name string
		in   app.ExportFilterInput
		code apperr.Code
	}{
		{"format", app.ExportFilterInput{ProfileID: id, Format: "pdf", From: "2024-05-01", To: "2024-05-31"}, apperr.Invalid},
		{"date", app.ExportFilterInput{ProfileID: id, Format: "csv", From: "05/01/2024", To: "2024-05-31"}, apperr.Invalid},
		{"reversed", app.ExportFilterInput{ProfileID: id, Format: "csv", From: "2024-06-01", To: "2024-05-31"}, apperr.Invalid},
		{"by", app.ExportFilterInput{ProfileID: id, Format: "csv", From: "2024-05-01", To: "2024-05-31", By: "due-date"}, apperr.Invalid},
		{"profile", app.ExportFilterInput{ProfileID: 999, Format: "csv", From: "2024-05-01", To: "2024-05-31"}, apperr.NotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ex.Preview(tt.in)
			e, ok := apperr.As(err)
			if !ok || e.Code != tt.code || e.Fix == "" {
				t.Fatalf("error = %v, want an *apperr.Error %s with a fix", err, tt.code)
			}
		})
	}
	if err := ex.DeleteBatch(12345); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("delete unknown batch: %v", err)
	}
}
