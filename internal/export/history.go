package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	// Ledger holds the mappings of a ledger import format (see
	// BuildLedgerMap); without them every taxed line is unmapped and blocks.
	Ledger *LedgerMap
}

// Result is what an export did.
type Result struct {
	Batch  store.ExportBatch
	Totals Totals
	// Ledger, Notes and ExtraFiles are set for ledger import formats: the
	// file's own totals against Autotask's, where text was shortened, and
	// files written beside it (Sage 50's Customer Records CSV).
	Ledger     *LedgerTotals
	Notes      []string
	ExtraFiles []string
	// LeftOut are the problems of the invoices a ledger file left out; their
	// items stay unexported until fixed.
	LeftOut []LedgerProblem
}

// BatchTotals is what an export batch records as its totals: the billing
// items' sums and, for a ledger import file, the file's own totals.
type BatchTotals struct {
	Totals
	Ledger     *LedgerTotals   `json:"ledger,omitempty"`
	Notes      []string        `json:"notes,omitempty"`
	ExtraFiles []string        `json:"extraFiles,omitempty"`
	LeftOut    []LedgerProblem `json:"leftOut,omitempty"`
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
	var left []LedgerProblem
	if req.Format.IsLedger() {
		var lm LedgerMap
		if req.Ledger != nil {
			lm = *req.Ledger
		}
		all := len(sel.Rows)
		var p LedgerPreview
		if sel, p, err = s.SplitLedger(sel, req.Format, lm); err != nil {
			return Result{}, err
		}
		if len(sel.Rows) == 0 && all > 0 {
			return Result{}, ProblemsError(req.Format, p.Problems)
		}
		left = p.Problems
	}
	if len(sel.Rows) == 0 {
		return Result{}, apperr.New(apperr.NotFound, "No billing items to export for these filters",
			"Widen the date range, or include items exported before (or delete their export batch in the history).")
	}
	now := s.now()
	res := Result{Totals: sel.Totals, LeftOut: left}
	meta := Meta{Accounts: accountsOf(sel.Rows), Rows: len(sel.Rows), Created: now, Ledger: req.Ledger}
	sum, err := WriteAtomic(path, func(f *os.File) error {
		wr, err := NewWriter(req.Format, f, meta)
		if err != nil {
			return err
		}
		for _, r := range sel.Rows {
			if err := wr.Write(r); err != nil {
				return err
			}
		}
		err = wr.Close()
		if lw, ok := wr.(*LedgerWriter); ok {
			t, _, notes := lw.Summary()
			res.Ledger, res.Notes = &t, notes
		}
		return err
	})
	if err != nil {
		return Result{}, err
	}
	if req.Format == FormatSage50CSV {
		extra, err := writeSage50Customers(path, sel.Rows, meta.Ledger)
		if err != nil {
			os.Remove(path)
			return Result{}, err
		}
		res.ExtraFiles = extra
	}
	filters, err := json.Marshal(req.Filter)
	if err != nil {
		return Result{}, fmt.Errorf("export: encode filters: %w", err)
	}
	totals, err := json.Marshal(BatchTotals{Totals: sel.Totals, Ledger: res.Ledger, Notes: res.Notes, ExtraFiles: res.ExtraFiles, LeftOut: left})
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
		for _, p := range res.ExtraFiles {
			os.Remove(p)
		}
		return Result{}, fmt.Errorf("export: record batch: %w", err)
	}
	res.Batch = b
	return res, nil
}

// SplitLedger separates the invoices a ledger import file can hold from
// those a problem blocks, as the sync preview separates ready from blocked:
// ready is the selection without the blocked invoices' items (they stay
// unexported, so a later export picks them up once fixed), and the preview
// shows the file as it will be written with every problem that left an
// invoice out. A problem of no one invoice blocks the whole file (ready is
// then empty).
func (s *Service) SplitLedger(sel Selection, f Format, m LedgerMap) (Selection, LedgerPreview, error) {
	docs, problems, err := DocsFromRows(sel.Rows, f, m)
	if err != nil {
		return Selection{}, LedgerPreview{}, err
	}
	p, err := PreviewLedger(f, docs, m)
	if err != nil {
		return Selection{}, LedgerPreview{}, err
	}
	problems = append(problems, p.Problems...)
	problems = append(problems, overLimit(f, docs, problems)...)
	if len(problems) == 0 {
		return sel, p, nil
	}
	blocked := map[int64]bool{}
	for _, pr := range problems {
		if pr.InvoiceID == 0 {
			p.Problems = problems
			return Selection{Skipped: sel.Skipped, Totals: Sum(nil)}, p, nil
		}
		blocked[pr.InvoiceID] = true
	}
	ready := Selection{Skipped: sel.Skipped}
	for _, r := range sel.Rows {
		if !blocked[r.Invoice.ID] {
			ready.Rows = append(ready.Rows, r)
		}
	}
	ready.Totals = Sum(ready.Rows)
	kept := docs[:0]
	for _, d := range docs {
		if !blocked[d.InvoiceID] {
			kept = append(kept, d)
		}
	}
	if p, err = PreviewLedger(f, kept, m); err != nil {
		return Selection{}, LedgerPreview{}, err
	}
	// Leaving invoices out cannot create a problem; if one shows, nothing is
	// written rather than a file the ledger would refuse.
	if len(p.Problems) > 0 {
		p.Problems = append(problems, p.Problems...)
		return Selection{Skipped: sel.Skipped, Totals: Sum(nil)}, p, nil
	}
	p.Problems = problems
	return ready, p, nil
}

// maxDocuments is how many documents one file of f may hold (0: no limit):
// Xero imports at most 500 invoices a file.
func maxDocuments(f Format) int {
	if f == FormatXeroCSV {
		return 500
	}
	return 0
}

// overLimit leaves the documents beyond the format's limit for the next
// file, in order, counting only documents nothing else blocks.
func overLimit(f Format, docs []LedgerDoc, problems []LedgerProblem) []LedgerProblem {
	max := maxDocuments(f)
	if max == 0 || len(docs) <= max {
		return nil
	}
	blocked := map[int64]bool{}
	for _, pr := range problems {
		blocked[pr.InvoiceID] = true
	}
	var out []LedgerProblem
	n := 0
	for i := range docs {
		d := &docs[i]
		if blocked[d.InvoiceID] {
			continue
		}
		if n++; n > max {
			out = append(out, LedgerProblem{Invoice: d.label(), InvoiceID: d.InvoiceID, Problem: problemf(ProblemFileLimit,
				fmt.Sprintf("%s: the file already holds %d invoices, the most %s imports at once", d.label(), max, f),
				"Import this file, then export again: the invoices left out stay unexported and go into the next file.")})
		}
	}
	return out
}

// writeSage50Customers writes the Customer Records CSV beside a Sage 50
// transactions file, for the accounts Sage does not have yet (those with no
// stored customer mapping); none written when every account is mapped.
func writeSage50Customers(path string, rows []*Row, m *LedgerMap) ([]string, error) {
	var lm LedgerMap
	if m != nil {
		lm = *m
	}
	docs, _, err := DocsFromRows(rows, FormatSage50CSV, lm)
	if err != nil {
		return nil, err
	}
	existing := map[string]bool{}
	for _, ref := range lm.Customers {
		existing[ref] = true
	}
	missing := false
	for _, d := range docs {
		if !existing[d.Customer.ID] {
			missing = true
			break
		}
	}
	if !missing {
		return nil, nil
	}
	cpath := strings.TrimSuffix(path, filepath.Ext(path)) + "-customers.csv"
	if _, err := WriteAtomic(cpath, func(f *os.File) error {
		_, err := WriteSage50Customers(f, docs, existing)
		return err
	}); err != nil {
		return nil, err
	}
	return []string{cpath}, nil
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
