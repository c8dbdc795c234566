package app

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/store"
)

// Exports is the Exports screen's service: preview, export to a file, and
// the export history.
type Exports struct{ deps Deps }

func NewExports(deps Deps) *Exports { return &Exports{deps: deps} }

// previewRows is how many rows the preview shows.
const previewRows = 50

// ExportFilterInput is what the export form sends. Dates are YYYY-MM-DD.
type ExportFilterInput struct {
	ProfileID        int64   `json:"profileId"`
	Format           string  `json:"format"` // csv, xlsx, sage-xml, iif
	From             string  `json:"from"`
	To               string  `json:"to"`
	By               string  `json:"by"` // item-date (default) or invoice-date
	OnlyInvoiced     bool    `json:"onlyInvoiced"`
	LinesOfBusiness  []int64 `json:"linesOfBusiness"`
	Companies        []int64 `json:"companies"`
	BillingCodeTypes []int   `json:"billingCodeTypes"`
	IncludeExported  bool    `json:"includeExported"`
}

// ExportInput is an export: the filter and the file to write.
type ExportInput struct {
	Filter ExportFilterInput `json:"filter"`
	Path   string            `json:"path"`
}

// CurrencyTotalDTO is one currency's sums; money as decimal strings.
type CurrencyTotalDTO struct {
	Currency      string `json:"currency"`
	Rows          int    `json:"rows"`
	ExtendedPrice string `json:"extendedPrice"`
	TotalTax      string `json:"totalTax"`
	BilledAmount  string `json:"billedAmount"`
}

// ExportTotalsDTO are the sums of an export.
type ExportTotalsDTO struct {
	Rows       int                `json:"rows"`
	ByCurrency []CurrencyTotalDTO `json:"byCurrency"`
	Internal   CurrencyTotalDTO   `json:"internal"`
}

// ExportPreviewDTO is the first rows as the file will show them, and the
// totals of all rows.
type ExportPreviewDTO struct {
	Columns  []string        `json:"columns"`
	Rows     [][]string      `json:"rows"`
	RowCount int             `json:"rowCount"`
	Skipped  int             `json:"skipped"` // left out: exported before
	Totals   ExportTotalsDTO `json:"totals"`
}

// ExportBatchDTO is one entry of the export history.
type ExportBatchDTO struct {
	ID        int64           `json:"id"`
	ProfileID int64           `json:"profileId"`
	Actor     string          `json:"actor"`
	CreatedAt string          `json:"createdAt"`
	Format    string          `json:"format"`
	Filters   string          `json:"filters"` // JSON, as used
	RowCount  int             `json:"rowCount"`
	Totals    ExportTotalsDTO `json:"totals"`
	FilePath  string          `json:"filePath"`
	SHA256    string          `json:"sha256"`
}

// Columns lists the CSV and Excel columns in file order.
func (e *Exports) Columns() []string { return export.ColumnNames(true) }

// Preview shows what Export would write.
func (e *Exports) Preview(in ExportFilterInput) (ExportPreviewDTO, error) {
	ctx := e.deps.Lifecycle.Context()
	format, f, err := parseExportFilter(in)
	if err != nil {
		return ExportPreviewDTO{}, err
	}
	src, err := e.source(ctx, in.ProfileID)
	if err != nil {
		return ExportPreviewDTO{}, err
	}
	sel, err := e.service().Select(ctx, in.ProfileID, format, f, src)
	if err != nil {
		return ExportPreviewDTO{}, fmt.Errorf("app: preview export: %w", err)
	}
	cols := export.Columns(true)
	out := ExportPreviewDTO{Columns: export.ColumnNames(true), Rows: [][]string{}, RowCount: len(sel.Rows),
		Skipped: sel.Skipped, Totals: totalsDTO(sel.Totals)}
	for _, r := range sel.Rows[:min(previewRows, len(sel.Rows))] {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = c.Value(r).String()
		}
		out.Rows = append(out.Rows, cells)
	}
	return out, nil
}

// Export writes the file and records the batch.
func (e *Exports) Export(in ExportInput) (ExportBatchDTO, error) {
	ctx := e.deps.Lifecycle.Context()
	format, f, err := parseExportFilter(in.Filter)
	if err != nil {
		return ExportBatchDTO{}, err
	}
	src, err := e.source(ctx, in.Filter.ProfileID)
	if err != nil {
		return ExportBatchDTO{}, err
	}
	path, err := e.filePath(in, format)
	if err != nil {
		return ExportBatchDTO{}, err
	}
	res, err := e.service().Export(ctx, export.Request{ProfileID: in.Filter.ProfileID, Actor: "user", Format: format, Filter: f, Path: path}, src)
	if err != nil {
		return ExportBatchDTO{}, fmt.Errorf("app: export: %w", err)
	}
	e.audit(in.Filter.ProfileID, "export.create", fmt.Sprintf("Exported %d billing items as %s to %s", res.Batch.RowCount, format, res.Batch.FilePath))
	return batchDTO(res.Batch), nil
}

// History lists a profile's export batches, newest first.
func (e *Exports) History(profileID int64) ([]ExportBatchDTO, error) {
	list, err := e.deps.Store.ExportBatches(e.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return nil, fmt.Errorf("app: export history: %w", err)
	}
	out := make([]ExportBatchDTO, 0, len(list))
	for _, b := range list {
		out = append(out, batchDTO(b))
	}
	return out, nil
}

// DeleteBatch removes a batch from the history, so its items can be
// exported again. The file itself is left alone.
func (e *Exports) DeleteBatch(id int64) error {
	ctx := e.deps.Lifecycle.Context()
	b, err := e.deps.Store.ExportBatch(ctx, id)
	if err != nil {
		return fmt.Errorf("app: delete export batch: %w", err)
	}
	if err := e.deps.Store.DeleteExportBatch(ctx, id); err != nil {
		return fmt.Errorf("app: delete export batch: %w", err)
	}
	e.audit(b.ProfileID, "export.delete", fmt.Sprintf("Deleted export batch %d (%d items, %s)", b.ID, b.RowCount, b.FilePath))
	return nil
}

// ExportDefaultsDTO fills the export form: the month just ended (the demo's
// month for the demo profile) and the folder files go to.
type ExportDefaultsDTO struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Folder string `json:"folder"`
}

// Defaults proposes the form's values for a profile.
func (e *Exports) Defaults(profileID int64) (ExportDefaultsDTO, error) {
	p, err := e.deps.Store.Profile(e.deps.Lifecycle.Context(), profileID)
	if err != nil {
		return ExportDefaultsDTO{}, fmt.Errorf("app: export defaults: %w", err)
	}
	end := monthEndFor(p, time.Now())
	return ExportDefaultsDTO{From: end.AddDate(0, 0, 1-end.Day()).Format(time.DateOnly), To: end.Format(time.DateOnly),
		Folder: filepath.Join(e.deps.DataDir, exportsFolder)}, nil
}

// exportsFolder is where files go when the user names no folder.
const exportsFolder = "exports"

// filePath is the file to write: the path typed, a bare name inside the
// data folder's exports folder, or a dated name there when none was typed.
func (e *Exports) filePath(in ExportInput, format export.Format) (string, error) {
	dir := filepath.Join(e.deps.DataDir, exportsFolder)
	path := strings.TrimSpace(in.Path)
	switch {
	case path == "":
		path = filepath.Join(dir, fmt.Sprintf("billbridge-%s-to-%s-%s%s", in.Filter.From, in.Filter.To, time.Now().Format("150405"), format.Extension()))
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

func (e *Exports) service() *export.Service { return &export.Service{Store: e.deps.Store} }

// source opens the profile's Autotask connection.
func (e *Exports) source(ctx context.Context, profileID int64) (export.Source, error) {
	p, err := e.deps.Store.Profile(ctx, profileID)
	if err != nil {
		return nil, fmt.Errorf("app: export: %w", err)
	}
	c, err := connect.Autotask(ctx, connect.Deps{Store: e.deps.Store, Secrets: e.deps.Secrets, Logger: e.deps.Logger}, p)
	if err != nil {
		return nil, err
	}
	return export.AutotaskSource{Client: c}, nil
}

func (e *Exports) audit(profileID int64, action, detail string) {
	err := e.deps.Store.AppendAudit(e.deps.Lifecycle.Context(), store.AuditEntry{ProfileID: &profileID, Actor: "user", Action: action, Detail: detail})
	if err != nil && e.deps.Logger != nil {
		e.deps.Logger.Warn("audit entry not written", "action", action, "err", err)
	}
}

func parseExportFilter(in ExportFilterInput) (export.Format, export.Filter, error) {
	format, err := export.ParseFormat(in.Format)
	if err != nil {
		return "", export.Filter{}, err
	}
	f := export.Filter{By: export.DateBasis(in.By), OnlyInvoiced: in.OnlyInvoiced, LinesOfBusiness: in.LinesOfBusiness,
		Companies: in.Companies, BillingCodeTypes: in.BillingCodeTypes, IncludeExported: in.IncludeExported}
	for _, d := range []struct {
		name, value string
		into        *time.Time
	}{{"first day", in.From, &f.From}, {"last day", in.To, &f.To}} {
		t, err := time.Parse("2006-01-02", d.value)
		if err != nil {
			return "", export.Filter{}, apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("The %s %q is not a date", d.name, d.value),
				"Pick the date from the calendar (YYYY-MM-DD).")
		}
		*d.into = t
	}
	if err := f.Validate(); err != nil {
		return "", export.Filter{}, err
	}
	return format, f, nil
}

func totalsDTO(t export.Totals) ExportTotalsDTO {
	out := ExportTotalsDTO{Rows: t.Rows, ByCurrency: []CurrencyTotalDTO{}, Internal: currencyDTO(t.Internal)}
	for _, c := range t.ByCurrency {
		out.ByCurrency = append(out.ByCurrency, currencyDTO(c))
	}
	return out
}

func currencyDTO(c export.CurrencyTotal) CurrencyTotalDTO {
	return CurrencyTotalDTO{Currency: c.Currency, Rows: c.Rows, ExtendedPrice: c.ExtendedPrice.String(),
		TotalTax: c.TotalTax.String(), BilledAmount: c.BilledAmount.String()}
}

func batchDTO(b store.ExportBatch) ExportBatchDTO {
	var t export.Totals
	_ = json.Unmarshal([]byte(b.Totals), &t) // written by export.Service; an old or odd value shows as zero
	return ExportBatchDTO{ID: b.ID, ProfileID: b.ProfileID, Actor: b.Actor, CreatedAt: b.CreatedAt.Format(time.RFC3339),
		Format: b.Format, Filters: b.Filters, RowCount: b.RowCount, Totals: totalsDTO(t), FilePath: b.FilePath, SHA256: b.SHA256}
}
