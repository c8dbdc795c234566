package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/export"
)

// Lists saves any list the window shows (a mapping tab, the compare report,
// the sync preview, runs and run lines) to a CSV or Excel file, as the user
// filtered it.
type Lists struct{ deps Deps }

func NewLists(deps Deps) *Lists { return &Lists{deps: deps} }

// ListExportInput is a list as the window shows it: its name, the column
// headers and the rows of text, the format (csv or xlsx) and, optionally, a
// path (empty: a dated name in the data folder's exports folder; a bare name:
// that name in the exports folder).
type ListExportInput struct {
	Name    string     `json:"name"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
	Format  string     `json:"format"`
	Path    string     `json:"path"`
}

// SavedFileDTO is a file written for the user.
type SavedFileDTO struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Rows   int    `json:"rows"`
	SHA256 string `json:"sha256"`
}

// SaveList writes the list to a file, atomically, with the exports' guard
// against spreadsheet formulas.
func (l *Lists) SaveList(in ListExportInput) (SavedFileDTO, error) {
	format, err := listFormat(in.Format)
	if err != nil {
		return SavedFileDTO{}, err
	}
	t := export.Table{Sheet: in.Name, Columns: in.Columns, Rows: in.Rows}
	if err := t.Check(); err != nil {
		return SavedFileDTO{}, err
	}
	path, err := l.filePath(in, format, time.Now())
	if err != nil {
		return SavedFileDTO{}, err
	}
	write := export.WriteTableCSV
	if format == export.FormatXLSX {
		write = export.WriteTableXLSX
	}
	sum, err := export.WriteAtomic(path, func(f *os.File) error { return write(f, t) })
	if err != nil {
		return SavedFileDTO{}, fmt.Errorf("app: save list %q: %w", in.Name, err)
	}
	if l.deps.Store != nil {
		audit(l.deps, 0, "list.export", fmt.Sprintf("Saved the list %q (%d rows) as %s to %s", in.Name, len(in.Rows), format, path))
	}
	return SavedFileDTO{Path: path, Format: string(format), Rows: len(in.Rows), SHA256: sum}, nil
}

// listFormat accepts the two formats a list is saved in.
func listFormat(s string) (export.Format, error) {
	switch f := export.Format(strings.ToLower(strings.TrimSpace(s))); f {
	case export.FormatCSV, export.FormatXLSX:
		return f, nil
	}
	return "", apperr.New(apperr.Invalid, fmt.Sprintf("A list cannot be saved as %q", s), "Choose CSV or Excel.")
}

// filePath is the file to write, as Exports.filePath chooses it; a name
// made up here is built from the list's name through SafeFileName.
func (l *Lists) filePath(in ListExportInput, format export.Format, now time.Time) (string, error) {
	dir := filepath.Join(l.deps.DataDir, exportsFolder)
	path := strings.TrimSpace(in.Path)
	switch {
	case path == "":
		name := export.SafeFileName(strings.ToLower(strings.Join(strings.Fields(in.Name), "-")))
		path = filepath.Join(dir, fmt.Sprintf("billbridge-%s-%s%s", name, now.Format("20060102-150405"), format.Extension()))
	case !filepath.IsAbs(path):
		path = filepath.Join(dir, path)
	}
	if filepath.Ext(path) == "" {
		path += format.Extension()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("The folder %s cannot be created", filepath.Dir(path)),
			"Type a path in a folder you may write to, or leave it empty to use the data folder's exports folder.")
	}
	return path, nil
}
