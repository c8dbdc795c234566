package procure

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/ledger/qbo"
)

// QuickBooks journals are JournalEntry objects with our reference as
// DocNumber (at most 21 characters); a line's amount is positive, its sign
// carried by PostingType. Tracking is a class, by id (Tracking.Category).

// TrackedItems are QuickBooks' Inventory items.
func (q *QBO) TrackedItems(ctx context.Context) ([]Item, error) {
	return q.items(ctx, "Type = ?", qbo.ItemInventory)
}

func (q *QBO) CreateJournals(ctx context.Context, js []Journal, key string) ([]Result, error) {
	return createEach(ctx, q.c, js, key, func(j Journal) (qbo.JournalEntry, string) { return journalEntry(j), j.Reference },
		func(je qbo.JournalEntry) string { return je.ID })
}

func journalEntry(j Journal) qbo.JournalEntry {
	je := qbo.JournalEntry{DocNumber: j.Reference, TxnDate: qbo.DateOf(j.Date), PrivateNote: j.Narration}
	for _, l := range j.Lines {
		posting, amount := qbo.PostingDebit, l.Amount
		if amount.Sign() < 0 {
			posting, amount = qbo.PostingCredit, amount.Neg()
		}
		if amount.IsZero() {
			continue
		}
		je.Line = append(je.Line, qbo.JournalLine(l.Description, posting, l.Account, l.Tracking.Category, amount))
	}
	return je
}

func (q *QBO) FindJournals(ctx context.Context, refs []string) (map[string]string, error) {
	js, err := byDocNumber[qbo.JournalEntry](ctx, q.c, "JournalEntry", refs)
	if err != nil {
		return nil, fmt.Errorf("find journals: %w", err)
	}
	out := map[string]string{}
	for _, j := range js {
		out[j.DocNumber] = j.ID
	}
	return out, nil
}
