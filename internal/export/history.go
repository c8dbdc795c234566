package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/store"
)

// Service runs exports and keeps their history: every export is a batch,
// and an item in a batch is left out of later exports of the profile until
// the batch is deleted (or the caller asks for exported items too).
type Service struct {
	Store *store.Store
	Now   func() time.Time // nil means time.Now
}

// Request is one export.
type Request struct {
	ProfileID int64
	Actor     string // "user", "cli", …
	Format    Format
	Filter    Filter
	Path      string // the file to write; replaced atomically
}

// Result is what an export did.
type Result struct {
	Batch  store.ExportBatch
	Totals Totals
}

// Selection is the rows an export would write, and their totals.
type Selection struct {
	Rows   []*Row
	Totals Totals
	// Skipped counts items left out because they were exported before.
	Skipped int
}

// Select returns the rows a request would export: the source's rows minus
// items already exported (unless IncludeExported), and only invoiced items
// for per-invoice formats.
func (s *Service) Select(ctx context.Context, profileID int64, format Format, f Filter, src Source) (Selection, error) {
	if err := f.Validate(); err != nil {
		return Selection{}, err
	}
	if format.PerInvoice() {
		f.OnlyInvoiced = true
	}
	rows, err := src.Rows(ctx, f)
	if err != nil {
		return Selection{}, err
	}
	var sel Selection
	if !f.IncludeExported {
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ItemID
		}
		done, err := s.Store.ExportedItems(ctx, profileID, ids)
		if err != nil {
			return Selection{}, fmt.Errorf("export: read history: %w", err)
		}
		kept := rows[:0]
		for _, r := range rows {
			if done[r.ItemID] {
				sel.Skipped++
				continue
			}
			kept = append(kept, r)
		}
		rows = kept
	}
	sel.Rows, sel.Totals = rows, Sum(rows)
	return sel, nil
}

// Export selects the rows, writes the file atomically and records the batch.
// An export with no rows writes no file and records nothing.
func (s *Service) Export(ctx context.Context, req Request, src Source) (Result, error) {
	if _, err := ParseFormat(string(req.Format)); err != nil {
		return Result{}, err
	}
	if req.Path == "" {
		return Result{}, apperr.New(apperr.Invalid, "The export has no file name", "Choose where to save the file.")
	}
	path, err := filepath.Abs(req.Path)
	if err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	if err := req.Filter.Validate(); err != nil {
		return Result{}, err
	}
	sel, err := s.Select(ctx, req.ProfileID, req.Format, req.Filter, src)
	if err != nil {
		return Result{}, err
	}
	if len(sel.Rows) == 0 {
		return Result{}, apperr.New(apperr.NotFound, "No billing items to export for these filters",
			"Widen the date range, or include items exported before (or delete their export batch in the history).")
	}
	now := s.now()
	sum, err := WriteAtomic(path, func(f *os.File) error {
		return WriteRows(f, req.Format, sel.Rows, now)
	})
	if err != nil {
		return Result{}, err
	}
	filters, err := json.Marshal(req.Filter)
	if err != nil {
		return Result{}, fmt.Errorf("export: encode filters: %w", err)
	}
	totals, err := json.Marshal(sel.Totals)
	if err != nil {
		return Result{}, fmt.Errorf("export: encode totals: %w", err)
	}
	ids := make([]int64, len(sel.Rows))
	for i, r := range sel.Rows {
		ids[i] = r.ItemID
	}
	b := store.ExportBatch{ProfileID: req.ProfileID, Actor: req.Actor, Format: string(req.Format), Filters: string(filters),
		RowCount: len(ids), Totals: string(totals), FilePath: path, SHA256: sum}
	if err := s.Store.CreateExportBatch(ctx, &b, ids); err != nil {
		// Without its batch the file would let the items be exported twice.
		os.Remove(path)
		return Result{}, fmt.Errorf("export: record batch: %w", err)
	}
	return Result{Batch: b, Totals: sel.Totals}, nil
}

// WriteRows writes rows in format to w: the whole file.
func WriteRows(w io.Writer, format Format, rows []*Row, created time.Time) error {
	wr, err := NewWriter(format, w, Meta{Accounts: accountsOf(rows), Rows: len(rows), Created: created})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := wr.Write(r); err != nil {
			return err
		}
	}
	return wr.Close()
}

// accountsOf lists the distinct accounts of rows in first-seen order.
func accountsOf(rows []*Row) []*Account {
	seen := map[int64]bool{}
	var out []*Account
	for _, r := range rows {
		if !seen[r.Account.ID] {
			seen[r.Account.ID] = true
			out = append(out, r.Account)
		}
	}
	return out
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}
