package procure

import (
	"context"
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/ledger/xero"
)

// Xero journals are manual journals, posted. Xero keeps no reference on a
// manual journal, so the narration starts with ours and a colon, and a
// journal is found by that prefix (deleted and voided ones do not count).
// Tracking names the category and option, as Mappings store them.

// TrackedItems are the items Xero tracks as inventory.
func (x *Xero) TrackedItems(ctx context.Context) ([]Item, error) {
	return x.items(ctx, func(it xero.Item) bool { return it.IsTrackedAsInventory })
}

func (x *Xero) CreateJournals(ctx context.Context, js []Journal, key string) ([]Result, error) {
	mjs := make([]xero.ManualJournal, len(js))
	for i, j := range js {
		mj := xero.ManualJournal{Narration: j.Narration, Date: xero.DateOf(j.Date), Status: xero.JournalPosted, LineAmountTypes: xero.LineAmountsNoTax}
		for _, l := range j.Lines {
			ml := xero.ManualJournalLine{LineAmount: l.Amount, AccountCode: l.Account, Description: l.Description}
			if l.Tracking.Category != "" {
				ml.Tracking = []xero.LineItemTracking{{Name: l.Tracking.Category, Option: l.Tracking.Option}}
			}
			mj.JournalLines = append(mj.JournalLines, ml)
		}
		mjs[i] = mj
	}
	res, err := x.c.CreateManualJournals(ctx, mjs, key)
	if err != nil {
		return nil, err
	}
	return results(len(js), res, func(mj xero.ManualJournal) string { return mj.ManualJournalID }), nil
}

// FindJournals asks for each reference's narration prefix, one call each:
// it runs only for journals a crash left unresolved.
func (x *Xero) FindJournals(ctx context.Context, refs []string) (map[string]string, error) {
	out := map[string]string{}
	for _, ref := range refs {
		mjs, err := x.c.ManualJournals(ctx, xero.ManualJournalFilter{Where: fmt.Sprintf(`Narration.StartsWith("%s:")`, ref)})
		if err != nil {
			return nil, fmt.Errorf("find journal %s: %w", ref, err)
		}
		for _, mj := range mjs {
			if strings.HasPrefix(mj.Narration, ref+":") && mj.Status != "DELETED" && mj.Status != "VOIDED" {
				out[ref] = mj.ManualJournalID
			}
		}
	}
	return out, nil
}
