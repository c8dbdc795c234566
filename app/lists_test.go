package app_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

func TestSaveList(t *testing.T) {
	deps, dir := newDeps(t)
	lists := app.NewLists(deps)
	in := app.ListExportInput{Name: "Run 12: lines / failed?", Columns: []string{"Invoice", "Message"},
		Rows: [][]string{{"INV-1", "=cmd"}, {"INV-2", "ok"}}, Format: "csv"}

	got, err := lists.SaveList(in)
	if err != nil {
		t.Fatal(err)
	}
	// A dated name made safe from the list's name, in the exports folder.
	if filepath.Dir(got.Path) != filepath.Join(dir, "exports") ||
		!regexp.MustCompile(`^billbridge-run-12_-lines-_-failed_-\d{8}-\d{6}\.csv$`).MatchString(filepath.Base(got.Path)) {
		t.Fatalf("path = %s", got.Path)
	}
	b, err := os.ReadFile(got.Path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Rows != 2 || len(got.SHA256) != 64 || !strings.HasPrefix(string(b), "\ufeffInvoice,Message\r\nINV-1,'=cmd\r\n") {
		t.Fatalf("saved %+v: %q", got, b)
	}

	in.Format, in.Path = "xlsx", "failed lines"
	x, err := lists.SaveList(in)
	if err != nil || x.Path != filepath.Join(dir, "exports", "failed lines.xlsx") || x.Format != "xlsx" {
		t.Fatalf("xlsx = %+v, %v", x, err)
	}

	tests := []struct {
		name string
		in   app.ListExportInput
	}{
		{"bad format", app.ListExportInput{Name: "x", Columns: []string{"A"}, Format: "pdf"}},
		{"ragged rows", app.ListExportInput{Name: "x", Columns: []string{"A"}, Rows: [][]string{{"1", "2"}}, Format: "csv"}},
		{"bad file name", app.ListExportInput{Name: "x", Columns: []string{"A"}, Format: "csv", Path: "CON.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lists.SaveList(tt.in)
			if pub := apperr.Public(err); pub.Code != apperr.Invalid || pub.Fix == "" {
				t.Fatalf("err = %v", err)
			}
		})
	}
}
