package app

import (
	"encoding/json"
	"fmt"

	"github.com/billbridge/billbridge/internal/store"
)

// Runs is the History screen's run log: every sync (and, when asked, every
// preview) with its counts, and each run's per-invoice lines.
type Runs struct{ deps Deps }

func NewRuns(deps Deps) *Runs { return &Runs{deps: deps} }

// RunListInput filters the run log; ProfileID 0 lists every profile's runs.
type RunListInput struct {
	ProfileID       int64 `json:"profileId"`
	IncludePreviews bool  `json:"includePreviews"`
	Limit           int   `json:"limit"`
}

// RunDTO is one run with its counts.
type RunDTO struct {
	ID          int64  `json:"id"`
	ProfileID   int64  `json:"profileId"`
	ProfileName string `json:"profileName"`
	Kind        string `json:"kind"`   // preview, sync, copy
	Status      string `json:"status"` // running, done, failed
	StartedAt   string `json:"startedAt"`
	FinishedAt  string `json:"finishedAt"`
	Thru        string `json:"thru"`
	MaxAgeDays  int    `json:"maxAgeDays"`
	Sent        int    `json:"sent"`
	Failed      int    `json:"failed"`
	Blocked     int    `json:"blocked"`
	Skipped     int    `json:"skipped"`
	WrittenBack int    `json:"writtenBack"`
	Paid        int    `json:"paid"`
	Summary     string `json:"summary"`
	Error       string `json:"error"`
}

// RunLineDTO is one invoice of a run.
type RunLineDTO struct {
	InvoiceID     int64  `json:"invoiceId"`
	InvoiceNumber string `json:"invoiceNumber"`
	Status        string `json:"status"`
	LedgerID      string `json:"ledgerId"`
	LedgerNumber  string `json:"ledgerNumber"`
	Message       string `json:"message"`
}

// List returns runs newest first.
func (r *Runs) List(in RunListInput) ([]RunDTO, error) {
	ctx := r.deps.Lifecycle.Context()
	f := store.RunFilter{ProfileID: in.ProfileID, Limit: in.Limit}
	if !in.IncludePreviews {
		f.Kinds = []string{"sync", "copy"}
	}
	runs, err := r.deps.Store.Runs(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("app: run log: %w", err)
	}
	profiles, err := r.deps.Store.Profiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("app: run log: %w", err)
	}
	names := make(map[int64]string, len(profiles))
	for _, p := range profiles {
		names[p.ID] = p.Name
	}
	out := make([]RunDTO, 0, len(runs))
	for _, run := range runs {
		var opts struct {
			Thru       string `json:"thru"`
			MaxAgeDays int    `json:"maxAgeDays"`
		}
		_ = json.Unmarshal([]byte(run.Options), &opts) // written by the engine; an odd value shows blank
		out = append(out, RunDTO{ID: run.ID, ProfileID: run.ProfileID, ProfileName: names[run.ProfileID], Kind: run.Kind, Status: run.Status,
			StartedAt: run.StartedAt, FinishedAt: run.FinishedAt, Thru: opts.Thru, MaxAgeDays: opts.MaxAgeDays, Sent: run.Sent, Failed: run.Failed,
			Blocked: run.Blocked, Skipped: run.Skipped, WrittenBack: run.WrittenBack, Paid: run.Paid, Summary: run.Summary, Error: run.Error})
	}
	return out, nil
}

// Lines returns a run's invoices: status, ledger number and error text.
func (r *Runs) Lines(runID int64) ([]RunLineDTO, error) {
	ctx := r.deps.Lifecycle.Context()
	if _, err := r.deps.Store.Run(ctx, runID); err != nil {
		return nil, fmt.Errorf("app: run lines: %w", err)
	}
	lines, err := r.deps.Store.RunLines(ctx, runID)
	if err != nil {
		return nil, fmt.Errorf("app: run lines: %w", err)
	}
	out := make([]RunLineDTO, 0, len(lines))
	for _, l := range lines {
		out = append(out, RunLineDTO{InvoiceID: l.AutotaskInvoiceID, InvoiceNumber: l.InvoiceNumber, Status: l.Status, LedgerID: l.LedgerID,
			LedgerNumber: l.LedgerNumber, Message: l.Message})
	}
	return out, nil
}
