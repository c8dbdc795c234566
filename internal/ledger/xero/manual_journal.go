package xero

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// Manual journal statuses Billbridge sets.
const (
	JournalDraft  = "DRAFT"
	JournalPosted = "POSTED"
)

// ManualJournal is a general-ledger journal. Narration is required; the
// lines must balance (debits positive, credits negative) and name active
// accounts. Xero keeps no reference or number on a manual journal, so
// callers put theirs at the start of Narration.
type ManualJournal struct {
	ManualJournalID        string              `json:"ManualJournalID,omitempty"`
	Narration              string              `json:"Narration"`
	JournalLines           []ManualJournalLine `json:"JournalLines,omitempty"`
	Date                   Date                `json:"Date,omitzero"`
	LineAmountTypes        string              `json:"LineAmountTypes,omitempty"`
	Status                 string              `json:"Status,omitempty"` // DRAFT, POSTED, DELETED, VOIDED, ARCHIVED
	Url                    string              `json:"Url,omitempty"`
	ShowOnCashBasisReports *bool               `json:"ShowOnCashBasisReports,omitempty"`
	HasAttachments         bool                `json:"HasAttachments,omitempty"`
	UpdatedDateUTC         DateTime            `json:"UpdatedDateUTC,omitzero"`
	ElementStatus
}

// ManualJournalLine is one line: LineAmount positive for a debit, negative
// for a credit.
type ManualJournalLine struct {
	LineAmount  money.Decimal      `json:"LineAmount"`
	AccountCode string             `json:"AccountCode,omitempty"`
	AccountID   string             `json:"AccountID,omitempty"`
	Description string             `json:"Description,omitempty"`
	TaxType     string             `json:"TaxType,omitempty"`
	Tracking    []LineItemTracking `json:"Tracking,omitempty"`
	TaxAmount   money.Decimal      `json:"TaxAmount,omitzero"`
}

func (j *ManualJournal) ref() string {
	if len(j.Narration) > 40 {
		return j.Narration[:40]
	}
	return j.Narration
}

func (j *ManualJournal) prepare() {
	j.HasAttachments, j.UpdatedDateUTC, j.ElementStatus = false, DateTime{}, ElementStatus{}
	for i := range j.JournalLines {
		j.JournalLines[i].TaxAmount = money.Zero // Xero computes it
	}
}

// ManualJournalFilter narrows ManualJournals.
type ManualJournalFilter struct {
	Where         string // e.g. Narration.StartsWith("COGS-")
	ModifiedSince time.Time
}

// ManualJournals reads the manual journals matching f, 100 per page.
func (c *Client) ManualJournals(ctx context.Context, f ManualJournalFilter) ([]ManualJournal, error) {
	q := url.Values{}
	if f.Where != "" {
		q.Set("where", f.Where)
	}
	return getList[ManualJournal](ctx, c, list{op: "read manual journals", path: "ManualJournals", wrapper: "ManualJournals", query: q, since: f.ModifiedSince, paged: true})
}

// CreateManualJournals creates manual journals in batches (PUT, create only).
func (c *Client) CreateManualJournals(ctx context.Context, journals []ManualJournal, key string) (BatchResult[ManualJournal], error) {
	return writeBatches[ManualJournal](ctx, c, batchCall{op: "create manual journals", method: http.MethodPut, path: "ManualJournals", wrapper: "ManualJournals"}, journals, key)
}
