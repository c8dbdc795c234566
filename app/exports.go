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
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/runner"
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
	Format           string  `json:"format"` // one of Formats()
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
	// Ledger is set for ledger import formats: the file as written.
	Ledger *LedgerPreviewDTO `json:"ledger"`
}

// LedgerProblemDTO is one problem that blocks a ledger import file.
type LedgerProblemDTO struct {
	Invoice string `json:"invoice"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
}

// LedgerCurrencyDTO is one currency of a ledger file: its documents and
// sums as written, and Autotask's invoice totals of the same documents.
type LedgerCurrencyDTO struct {
	Currency      string `json:"currency"`
	Invoices      int    `json:"invoices"`
	Credits       int    `json:"credits"`
	Net           string `json:"net"`
	Tax           string `json:"tax"`
	Gross         string `json:"gross"`
	AutotaskGross string `json:"autotaskGross"`
}

// LedgerTotalsDTO are a ledger file's totals and the documents whose gross
// differs from Autotask's.
type LedgerTotalsDTO struct {
	Documents       int                 `json:"documents"`
	Rows            int                 `json:"rows"`
	ByCurrency      []LedgerCurrencyDTO `json:"byCurrency"`
	Differences     []string            `json:"differences"`
	DifferenceCount int                 `json:"differenceCount"`
}

// LedgerPreviewDTO is a ledger import file as it will be written: its
// columns, the first rows, every blocking problem, where text is shortened,
// and its totals; MappingsFrom says whose mappings it uses.
type LedgerPreviewDTO struct {
	Columns      []string           `json:"columns"`
	Rows         [][]string         `json:"rows"`
	RowCount     int                `json:"rowCount"`
	Problems     []LedgerProblemDTO `json:"problems"`
	Notes        []string           `json:"notes"`
	Totals       LedgerTotalsDTO    `json:"totals"`
	MappingsFrom string             `json:"mappingsFrom"`
	// LeftOutInvoices and LeftOutItems count what the problems keep out of
	// the file; those items stay unexported until fixed.
	LeftOutInvoices int `json:"leftOutInvoices"`
	LeftOutItems    int `json:"leftOutItems"`
}

// FormatDTO is one choice of the export wizard's format list.
type FormatDTO struct {
	Value       string `json:"value"`
	Label       string `json:"label"`
	Description string `json:"description"`
	Ledger      bool   `json:"ledger"` // a ledger import file: mapped, previewed as written
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
	// Ledger, Notes and ExtraFiles are set for ledger import files.
	Ledger     *LedgerTotalsDTO   `json:"ledger"`
	Notes      []string           `json:"notes"`
	ExtraFiles []string           `json:"extraFiles"`
	LeftOut    []LedgerProblemDTO `json:"leftOut"` // why invoices were left out of a ledger file
}

// Columns lists the CSV and Excel columns in file order.
func (e *Exports) Columns() []string { return export.ColumnNames(true) }

// Formats lists the formats the wizard offers, the accountant's files first.
func (e *Exports) Formats() []FormatDTO {
	return []FormatDTO{
		{"csv", "CSV", "Every billing item with Billbridge's columns (UTF-8, opens in Excel).", false},
		{"xlsx", "Excel workbook", "The same columns with real dates and amounts, filters and a frozen header.", false},
		{"sage-xml", "Sage Connect XML", "Customers and invoices for Sage's XML import.", false},
		{"iif", "QuickBooks Desktop IIF", "Invoices and credit memos for QuickBooks Desktop.", false},
		{"sage50-csv", "Sage 50 Accounts (UK) audit trail CSV", "SI/SC transactions for File → Import → Audit Trail Transactions, plus a Customer Records CSV for new accounts.", true},
		{"xero-csv", "Xero sales invoice import CSV", "Xero's sales invoice template: one row per line, contacts by name.", true},
		{"qbo-csv", "QuickBooks Online invoice import CSV", "QuickBooks Online's invoice import: one row per line, in the home currency.", true},
		{"sage50us-csv", "Sage 50 US sales journal CSV", "Sales journal rows with distributions for Sage 50 US (Peachtree).", true},
	}
}

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
	if format.IsLedger() {
		p, err := e.deps.Store.Profile(ctx, in.ProfileID)
		if err != nil {
			return ExportPreviewDTO{}, fmt.Errorf("app: preview export: %w", err)
		}
		m, notes, err := runner.LedgerMap(ctx, e.deps.connectDeps(), p, src.(export.AutotaskSource).Client, format)
		if err != nil {
			return ExportPreviewDTO{}, fmt.Errorf("app: preview export: %w", err)
		}
		ready, lp, err := e.service().SplitLedger(sel, format, m)
		if err != nil {
			return ExportPreviewDTO{}, fmt.Errorf("app: preview export: %w", err)
		}
		out := ExportPreviewDTO{Columns: lp.Header, Rows: lp.Rows[:min(previewRows, len(lp.Rows))], RowCount: len(ready.Rows),
			Skipped: sel.Skipped, Totals: totalsDTO(ready.Totals), Ledger: ledgerPreviewDTO(lp, notes, mappingsFrom(format, p))}
		out.Ledger.LeftOutItems = len(sel.Rows) - len(ready.Rows)
		if out.Rows == nil {
			out.Rows = [][]string{}
		}
		return out, nil
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
	req := export.Request{ProfileID: in.Filter.ProfileID, Actor: "user", Format: format, Filter: f, Path: path}
	if format.IsLedger() {
		p, err := e.deps.Store.Profile(ctx, in.Filter.ProfileID)
		if err != nil {
			return ExportBatchDTO{}, fmt.Errorf("app: export: %w", err)
		}
		m, _, err := runner.LedgerMap(ctx, e.deps.connectDeps(), p, src.(export.AutotaskSource).Client, format)
		if err != nil {
			return ExportBatchDTO{}, fmt.Errorf("app: export: %w", err)
		}
		req.Ledger = &m
	}
	res, err := e.service().Export(ctx, req, src)
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
	var t export.BatchTotals
	_ = json.Unmarshal([]byte(b.Totals), &t) // written by export.Service; an old or odd value shows as zero
	out := ExportBatchDTO{ID: b.ID, ProfileID: b.ProfileID, Actor: b.Actor, CreatedAt: b.CreatedAt.Format(time.RFC3339),
		Format: b.Format, Filters: b.Filters, RowCount: b.RowCount, Totals: totalsDTO(t.Totals), FilePath: b.FilePath, SHA256: b.SHA256,
		Notes: nonNil(t.Notes), ExtraFiles: nonNil(t.ExtraFiles)}
	out.LeftOut, _ = problemDTOs(t.LeftOut)
	if t.Ledger != nil {
		lt := ledgerTotalsDTO(*t.Ledger)
		out.Ledger = &lt
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func ledgerTotalsDTO(t export.LedgerTotals) LedgerTotalsDTO {
	out := LedgerTotalsDTO{Documents: t.Documents, Rows: t.Rows, ByCurrency: []LedgerCurrencyDTO{}, Differences: nonNil(t.Differences),
		DifferenceCount: t.DifferenceCount}
	for _, c := range t.ByCurrency {
		cur := money.Currency(c.Currency)
		out.ByCurrency = append(out.ByCurrency, LedgerCurrencyDTO{Currency: c.Currency, Invoices: c.Invoices, Credits: c.Credits,
			Net: c.Net.StringFixed(cur.MinorUnits()), Tax: c.Tax.StringFixed(cur.MinorUnits()), Gross: c.Gross.StringFixed(cur.MinorUnits()),
			AutotaskGross: c.AutotaskGross.StringFixed(cur.MinorUnits())})
	}
	return out
}

func ledgerPreviewDTO(p export.LedgerPreview, mapNotes []string, from string) *LedgerPreviewDTO {
	out := &LedgerPreviewDTO{Columns: p.Header, Rows: [][]string{}, RowCount: len(p.Rows), Problems: []LedgerProblemDTO{},
		Notes: append(nonNil(mapNotes), p.Notes...), Totals: ledgerTotalsDTO(p.Totals), MappingsFrom: from}
	out.Problems, out.LeftOutInvoices = problemDTOs(p.Problems)
	return out
}

// problemDTOs lists problems and counts the invoices they leave out.
func problemDTOs(ps []export.LedgerProblem) ([]LedgerProblemDTO, int) {
	out := []LedgerProblemDTO{}
	ids := map[int64]bool{}
	for _, pr := range ps {
		out = append(out, LedgerProblemDTO{Invoice: pr.Invoice, Code: pr.Code, Message: pr.Message, Fix: pr.Fix})
		ids[pr.InvoiceID] = true
	}
	return out, len(ids)
}

// mappingsFrom tells the user whose mappings a ledger file uses.
func mappingsFrom(f export.Format, p store.Profile) string {
	if export.MappingOrganisation(f, p.LedgerKind) == "" {
		return fmt.Sprintf("The mappings of %s, the same ones the sync uses.", ledgerLabel(p.LedgerKind))
	}
	return fmt.Sprintf("The %s file's own mappings (Mappings → For: %s).", f, f)
}

func ledgerLabel(kind string) string {
	switch kind {
	case store.LedgerXero:
		return "Xero"
	case store.LedgerQBO:
		return "QuickBooks Online"
	case store.LedgerExact:
		return "Exact Online"
	}
	return "the ledger"
}
